import CZlib
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
/// Each entry is `<checksum>\n<body>`, the body in binary form (`encode(_:)`,
/// `CacheBinary`; JSON bodies written by earlier versions still load); an entry whose
/// checksum does not match is treated as missing and recomputed. The checksum is a
/// CRC-32 (it only has to catch torn or damaged files: the key already names the content;
/// SHA-256 checksums of older entries are still checked). Entries are written to a
/// temporary name and renamed, so a killed run never leaves a half entry.
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
    public func loadSummary(_ key: String) -> PreparedSummary? {
        guard let body = body(key, kind: "sig") else { return nil }
        return Self.decodeSummary(body)
    }

    /// Write an entry; false when it could not be stored (the caller then keeps the document).
    @discardableResult
    public func store(_ doc: ProcessedDocument, key: String) -> Bool {
        guard let body = Self.encode(doc) else { return false }
        return write(body: body, key: key, kind: "json")
    }
    @discardableResult
    public func storeSummary(_ s: PreparedSummary, key: String) -> Bool {
        write(body: Self.encodeSummary(s), key: key, kind: "sig")
    }

    /// True when the structured document's entry exists and its checksum holds (it is not decoded).
    public func hasValidDocument(_ key: String) -> Bool { body(key, kind: "json") != nil }

    private func body(_ key: String, kind: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: url(for: key, kind: kind).path),
              let nl = data.firstIndex(of: 0x0A) else { return nil }
        let sum = String(decoding: data[data.startIndex..<nl], as: UTF8.self)
        let body = data[(nl + 1)...]
        guard Self.checksum(body, like: sum) == sum else { return nil }
        return body
    }

    /// The checksum line of a body: CRC-32 in 8 hex digits, or SHA-256 to check an entry
    /// written with one (`like` is the checksum read from the entry).
    static func checksum(_ body: Data, like: String? = nil) -> String {
        if like?.utf8.count == 64 { return SHA256Digest.hex(Array(body)) }
        let crc = body.withUnsafeBytes { raw in
            crc32_z(0, raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        let hex = String(UInt32(truncatingIfNeeded: crc), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Marks a binary entry body with the clause signatures in JSON (as written before
    /// `CacheBinary`); a JSON body starts with `{`.
    static let binaryMark: UInt8 = 0x01
    /// Marks a body that is binary throughout.
    static let binaryMark2: UInt8 = 0x02

    /// A processed document's entry body: the mark, the clause signatures and the document
    /// in `DocumentBinary` form, which read back without a JSON parse.
    static func encode(_ doc: ProcessedDocument) -> Data? {
        var w = DocumentBinary.Writer(out: [binaryMark2])
        w.out.reserveCapacity(doc.document.text.utf8.count * 3 + doc.clauses.shingles.count * 2 + 4096)
        CacheBinary.write(doc.clauses, &w)
        var bytes = w.out
        DocumentBinary.encode(doc.document, into: &bytes)
        return Data(bytes)
    }

    /// An entry body back: binary, or in the forms older entries were written in.
    static func decode(_ body: Data) -> ProcessedDocument? {
        guard let first = body.first else { return nil }
        if first == binaryMark2 {
            return body.withUnsafeBytes { raw -> ProcessedDocument? in
                var r = DocumentBinary.Reader(UnsafeRawBufferPointer(rebasing: raw[1...]))
                guard let clauses = try? CacheBinary.readClauses(&r),
                      let document = DocumentBinary.decode(UnsafeRawBufferPointer(rebasing: raw[(1 + r.at)...])) else { return nil }
                return ProcessedDocument(document: document, clauses: clauses)
            }
        }
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

    /// A summary's entry body: the mark, then `CacheBinary`'s form.
    static func encodeSummary(_ s: PreparedSummary) -> Data {
        var w = DocumentBinary.Writer(out: [binaryMark2])
        w.out.reserveCapacity(1024 + s.signature.sample.count * 4 + s.signature.clauses.shingles.count * 2)
        CacheBinary.write(s, &w)
        return Data(w.out)
    }

    /// A summary entry body back: binary, or JSON as older entries were written.
    static func decodeSummary(_ body: Data) -> PreparedSummary? {
        guard let first = body.first else { return nil }
        if first != binaryMark2 { return try? JSONDecoder().decode(PreparedSummary.self, from: body) }
        return body.withUnsafeBytes { CacheBinary.summary(UnsafeRawBufferPointer(rebasing: $0[1...])) }
    }

    /// Writes `<checksum>\n<body>` to a temporary name and renames it into place. No fsync
    /// (Data.write made one per entry): a torn entry fails its checksum and is recomputed.
    private func write(body: Data, key: String, kind: String) -> Bool {
        let dir = docsPath + "/" + String(key.prefix(2))
        let dest = dir + "/" + key + "." + kind
        var data = Data((Self.checksum(body) + "\n").utf8)
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
