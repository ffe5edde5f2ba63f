import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GazetteModel

/// A structured document as cached: the document and its clause signatures.
public struct ProcessedDocument: Codable, Sendable {
    public var document: Document
    public var clauses: ClauseSignatures
    public init(document: Document, clauses: ClauseSignatures) { self.document = document; self.clauses = clauses }
}

/// What the stages before dedup leave of one input: enough to deduplicate it and list it
/// in the manifest without its text. Cached for every input, small.
public struct PreparedSummary: Codable, Sendable {
    public var sha256: String
    public var conversion: String
    /// Unicode scalars of the normalized text (the canonical-copy rule prefers longer texts).
    public var length: Int
    /// The document-level signature; its clause signatures once the document was structured.
    public var signature: DedupSignature
    /// True when the structured document is in the cache under the same key.
    public var structured: Bool
}

/// Per-document results on disk, keyed by the raw bytes' hash, the document id and the
/// configuration hash: `<key>.sig` (a `PreparedSummary`) for every input, `<key>.json`
/// (a `ProcessedDocument`) for the documents that were structured.
///
/// Each entry is `<checksum>\n<body>` (the body JSON, or for a structured document the
/// binary form of `encode(_:)`); an entry whose checksum does not match is
/// treated as missing and recomputed. Entries are written to a temporary name and
/// renamed, so a killed run never leaves a half entry.
public struct DocumentCache: Sendable {
    public let root: URL
    /// `root/docs` as a path, so writes build no URLs.
    let docsPath: String
    public init(root: URL) { self.root = root; docsPath = root.appendingPathComponent("docs").path }

    func url(for key: String, kind: String = "json") -> URL {
        root.appendingPathComponent("docs").appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + "." + kind)
    }

    public static func key(sha256: String, id: String, configHash: String) -> String {
        SHA256Digest.hex(sha256 + "|" + id + "|" + configHash)
    }

    public func load(_ key: String) -> ProcessedDocument? {
        guard let body = body(key, kind: "json") else { return nil }
        return Self.decode(body)
    }
    public func loadSummary(_ key: String) -> PreparedSummary? { read(key, kind: "sig") }

    /// Write an entry; false when it could not be stored (the caller then keeps the document).
    @discardableResult
    public func store(_ doc: ProcessedDocument, key: String) -> Bool {
        guard let body = Self.encode(doc) else { return false }
        return write(body: body, key: key, kind: "json")
    }
    @discardableResult
    public func storeSummary(_ s: PreparedSummary, key: String) -> Bool { write(s, key: key, kind: "sig") }

    /// True when the structured document's entry exists and its checksum holds (it is not decoded).
    public func hasValidDocument(_ key: String) -> Bool { body(key, kind: "json") != nil }

    private func body(_ key: String, kind: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: url(for: key, kind: kind).path),
              let nl = data.firstIndex(of: 0x0A) else { return nil }
        let sum = String(decoding: data[data.startIndex..<nl], as: UTF8.self)
        let body = data[(nl + 1)...]
        guard SHA256Digest.hex(Array(body)) == sum else { return nil }
        return body
    }

    private func read<T: Decodable>(_ key: String, kind: String) -> T? {
        guard let body = body(key, kind: kind) else { return nil }
        return try? JSONDecoder().decode(T.self, from: body)
    }

    /// Marks a binary entry body (a JSON one starts with `{`).
    static let binaryMark: UInt8 = 0x01

    /// A processed document's entry body: the mark, the clause signatures as JSON (with their
    /// length) and the document in `DocumentBinary` form, which reads back without a JSON parse.
    static func encode(_ doc: ProcessedDocument) -> Data? {
        guard let clauses = try? JSONEncoder().encode(doc.clauses) else { return nil }
        var bytes: [UInt8] = [binaryMark]
        bytes.reserveCapacity(clauses.count + doc.document.text.utf8.count * 3 + 4096)
        var n = UInt(clauses.count)
        while n >= 0x80 { bytes.append(UInt8(n & 0x7F) | 0x80); n >>= 7 }
        bytes.append(UInt8(n))
        bytes.append(contentsOf: clauses)
        DocumentBinary.encode(doc.document, into: &bytes)
        return Data(bytes)
    }

    /// An entry body back: binary, or JSON as older entries were written.
    static func decode(_ body: Data) -> ProcessedDocument? {
        guard let first = body.first else { return nil }
        if first != binaryMark { return try? JSONDecoder().decode(ProcessedDocument.self, from: body) }
        let bytes = Array(body)
        var at = 1, n = 0, shift = 0
        while true {
            guard at < bytes.count, shift < 63 else { return nil }
            let x = bytes[at]; at += 1
            n |= Int(x & 0x7F) << shift
            if x < 0x80 { break }
            shift += 7
        }
        guard n >= 0, bytes.count - at >= n,
              let clauses = try? JSONDecoder().decode(ClauseSignatures.self, from: Data(bytes[at..<(at + n)])) else { return nil }
        let document: Document? = bytes.withUnsafeBytes { DocumentBinary.decode(UnsafeRawBufferPointer(rebasing: $0[(at + n)...])) }
        guard let document else { return nil }
        return ProcessedDocument(document: document, clauses: clauses)
    }

    private func write<T: Encodable>(_ value: T, key: String, kind: String) -> Bool {
        guard let body = try? JSONEncoder().encode(value) else { return false }
        return write(body: body, key: key, kind: kind)
    }

    /// Writes `<checksum>\n<body>` to a temporary name and renames it into place. No fsync
    /// (Data.write made one per entry): a torn entry fails its checksum and is recomputed.
    private func write(body: Data, key: String, kind: String) -> Bool {
        let dir = docsPath + "/" + String(key.prefix(2))
        let dest = dir + "/" + key + "." + kind
        var data = Data((SHA256Digest.hex(Array(body)) + "\n").utf8)
        data.append(body)
        let tmp = dest + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if !Self.writeFile(data, tmp) {
            // The first entry of its folder: make the folder, then try once more.
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            guard Self.writeFile(data, tmp) else { return false }
        }
        if rename(tmp, dest) != 0 { unlink(tmp); return false }
        return true
    }

    /// Creates (or truncates) `path` and writes all of `data`; false on any error.
    static func writeFile(_ data: Data, _ path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let ok: Bool = data.withUnsafeBytes { raw in
            guard var p = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                let n = Glibc.write(fd, p, left)
                if n < 0 { if errno == EINTR { continue }; return false }
                p += n; left -= n
            }
            return true
        }
        if close(fd) != 0 || !ok { unlink(path); return false }
        return true
    }

    /// File stat index: path → (size, mtime, sha256), so unchanged files are not read again.
    public struct FileStamp: Codable, Sendable, Equatable { public var size: Int; public var mtime: Int; public var sha256: String }

    public func loadStamps() -> [String: FileStamp] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("files.json").path) else { return [:] }
        return (try? JSONDecoder().decode([String: FileStamp].self, from: data)) ?? [:]
    }

    public func storeStamps(_ stamps: [String: FileStamp]) {
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
        guard let data = try? enc.encode(stamps) else { return }
        let dest = root.appendingPathComponent("files.json")
        let tmp = root.appendingPathComponent("files.json.tmp-\(getpid())")
        if (try? data.write(to: tmp)) != nil { _ = rename(tmp.path, dest.path) }
    }
}
