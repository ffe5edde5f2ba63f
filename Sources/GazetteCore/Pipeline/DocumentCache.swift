import Foundation
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
/// Each entry is `<checksum>\n<json>`; an entry whose checksum does not match is
/// treated as missing and recomputed. Entries are written to a temporary name and
/// renamed, so a killed run never leaves a half entry.
public struct DocumentCache: Sendable {
    public let root: URL
    public init(root: URL) { self.root = root }

    func url(for key: String, kind: String = "json") -> URL {
        root.appendingPathComponent("docs").appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + "." + kind)
    }

    public static func key(sha256: String, id: String, configHash: String) -> String {
        SHA256Digest.hex(sha256 + "|" + id + "|" + configHash)
    }

    public func load(_ key: String) -> ProcessedDocument? { read(key, kind: "json") }
    public func loadSummary(_ key: String) -> PreparedSummary? { read(key, kind: "sig") }

    /// Write an entry; false when it could not be stored (the caller then keeps the document).
    @discardableResult
    public func store(_ doc: ProcessedDocument, key: String) -> Bool { write(doc, key: key, kind: "json") }
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

    private func write<T: Encodable>(_ value: T, key: String, kind: String) -> Bool {
        guard let body = try? JSONEncoder().encode(value) else { return false }
        let dest = url(for: key, kind: kind)
        try? FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
        var data = Data((SHA256Digest.hex(Array(body)) + "\n").utf8)
        data.append(body)
        let tmp = dest.appendingPathExtension("tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard (try? data.write(to: tmp)) != nil else { return false }
        if rename(tmp.path, dest.path) != 0 { try? FileManager.default.removeItem(at: tmp); return false }
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
