import Foundation
import GazetteOutput
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
    /// The cache key of the structured document the clause signatures were made from; empty
    /// until the input is structured. Summaries are keyed without the classifier's data
    /// files and documents with them, so after an edit to the taxonomy, the unit registry or
    /// the overrides a summary still serves (the input is not read, cleaned, normalized and
    /// signed again) while its document, under another key, is made again.
    public var structuredKey: String
    /// For a page with attachments, what became of each attachment (`UnitMember.encoded`),
    /// so a run that takes the summary from the cache still accounts for every file.
    public var members: [String] = []

    /// Whether the input was structured under `documentKey`.
    public func isStructured(as documentKey: String) -> Bool { !documentKey.isEmpty && structuredKey == documentKey }
}

/// Per-document results on disk, keyed by the raw bytes' hash, the document id and a
/// configuration hash: a `PreparedSummary` for every input (under the hash of what the
/// stages before dedup read) and a `ProcessedDocument` for the documents that were
/// structured (under the hash of the whole configuration, the classifier's data included), in binary form (`encode(_:)`, `CacheBinary`), appended to
/// pack files (`CachePacks`, under `packs/`). A record whose checksum does not match is
/// treated as missing and recomputed; a killed run leaves at most a torn record at the end
/// of its own pack, which the next run ignores.
public struct DocumentCache: Sendable {
    public let root: URL
    let packs: CachePacks
    public init(root: URL) { self.root = root; packs = CachePacks(folder: root.appendingPathComponent("packs").path) }

    public static func key(sha256: String, id: String, configHash: String) -> String {
        SHA256Digest.hex(sha256 + "|" + id + "|" + configHash)
    }

    public func load(_ key: String) -> ProcessedDocument? {
        packs.read(.init(key: key, kind: .document)).flatMap { Self.decode($0) }
    }
    public func loadSummary(_ key: String) -> PreparedSummary? {
        packs.read(.init(key: key, kind: .summary)).flatMap { Self.decodeSummary($0) }
    }

    /// Stores a structured document; false when the cache could not take it.
    @discardableResult
    public func store(_ doc: ProcessedDocument, key: String) -> Bool {
        guard let body = Self.encode(doc) else { return false }
        return packs.write(.init(key: key, kind: .document), body: body)
    }

    @discardableResult
    public func storeSummary(_ s: PreparedSummary, key: String) -> Bool {
        packs.write(.init(key: key, kind: .summary), body: Self.encodeSummary(s))
    }

    /// The document as the structure stage left it, before classification, under its
    /// summary's key: what a run after an edit to the classifier's data files (taxonomy,
    /// units, overrides, subject classes) reclassifies without reading, cleaning,
    /// normalizing or structuring the input again.
    public func loadStructured(_ key: String) -> Document? {
        packs.read(.init(key: key, kind: .structured)).flatMap { body in
            body.withUnsafeBytes { raw in
                raw.first == Self.binaryMark2 ? DocumentBinary.decode(UnsafeRawBufferPointer(rebasing: raw[1...])) : nil
            }
        }
    }

    @discardableResult
    public func storeStructured(_ doc: Document, key: String) -> Bool {
        var bytes: [UInt8] = [Self.binaryMark2]
        bytes.reserveCapacity(doc.text.utf8.count * 3 + 4096)
        DocumentBinary.encode(doc, into: &bytes)
        return packs.write(.init(key: key, kind: .structured), body: bytes)
    }

    /// Keeps the structured record under `key` through compaction although this run took
    /// the classified document instead; false when there is none.
    @discardableResult
    public func keepStructured(_ key: String) -> Bool { packs.keep(.init(key: key, kind: .structured)) }

    /// True when the structured document's record exists and its checksum holds (it is not decoded).
    public func hasValidDocument(_ key: String) -> Bool { packs.read(.init(key: key, kind: .document)) != nil }

    /// After a successful run: drops records the run did not use (`CachePacks.compact`) and
    /// the one-file-per-entry folder of older versions, whose entries this build never reads.
    public func finishRun() {
        packs.compact()
        try? FileManager.default.removeItem(at: root.appendingPathComponent("docs"))
    }

    /// Marks a body that is binary throughout.
    static let binaryMark2: UInt8 = 0x02

    /// A processed document's entry body: the mark, the clause signatures and the document
    /// in `DocumentBinary` form, which read back without a JSON parse.
    static func encode(_ doc: ProcessedDocument) -> [UInt8]? {
        var w = DocumentBinary.Writer(out: [binaryMark2])
        w.out.reserveCapacity(doc.document.text.utf8.count * 3 + doc.clauses.shingles.count * 2 + 4096)
        CacheBinary.write(doc.clauses, &w)
        var bytes = w.out
        DocumentBinary.encode(doc.document, into: &bytes)
        return bytes
    }

    /// A processed document's entry body back (nil when it is not one).
    static func decode(_ body: some ContiguousBytes) -> ProcessedDocument? {
        body.withUnsafeBytes { raw -> ProcessedDocument? in
            guard raw.first == binaryMark2 else { return nil }
            var r = DocumentBinary.Reader(UnsafeRawBufferPointer(rebasing: raw[1...]))
            guard let clauses = try? CacheBinary.readClauses(&r),
                  let document = DocumentBinary.decode(UnsafeRawBufferPointer(rebasing: raw[(1 + r.at)...])) else { return nil }
            return ProcessedDocument(document: document, clauses: clauses)
        }
    }

    /// A summary's entry body: the mark, then `CacheBinary`'s form.
    static func encodeSummary(_ s: PreparedSummary) -> [UInt8] {
        var w = DocumentBinary.Writer(out: [binaryMark2])
        w.out.reserveCapacity(1024 + s.signature.sample.count * 4 + s.signature.clauses.shingles.count * 2)
        CacheBinary.write(s, &w)
        return w.out
    }

    /// A summary entry body back (nil when it is not one).
    static func decodeSummary(_ body: some ContiguousBytes) -> PreparedSummary? {
        body.withUnsafeBytes { raw in raw.first == binaryMark2 ? CacheBinary.summary(UnsafeRawBufferPointer(rebasing: raw[1...])) : nil }
    }

    /// File stat index: path → (size, mtime, sha256), so unchanged files are not read again.
    public struct FileStamp: Codable, Sendable, Equatable { public var size: Int; public var mtime: Int; public var sha256: String }

    public func loadStamps() -> [String: FileStamp] {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("files.json").path) else { return [:] }
        return (try? JSONDecoder().decode([String: FileStamp].self, from: data)) ?? [:]
    }

    public func storeStamps(_ stamps: [String: FileStamp]) {
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
        guard let data = try? enc.encode(stamps) else { return }
        FileOutput.replace(data, at: root.appendingPathComponent("files.json"))
    }
}
