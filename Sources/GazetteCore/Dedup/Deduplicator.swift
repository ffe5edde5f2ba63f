import Foundation
import GazetteModel

/// What the dedup stage keeps of each document: small enough to hold for the whole corpus.
public struct DedupSignature: Codable, Sendable, Equatable {
    /// SHA-256 of the cleaned, normalized text (exact duplicates).
    public var textHash: String
    public init(textHash: String) { self.textHash = textHash }

    public static func make(for doc: Document, settings: DedupSettings) -> DedupSignature {
        DedupSignature(textHash: SHA256Digest.hex(doc.text))
    }
}

/// The corpus-wide decision of the dedup stage.
public struct DedupResult: Sendable {
    /// For each document id that is a duplicate: the canonical document's id.
    public var canonicalOf: [String: String] = [:]
    /// For each canonical id: its other copies.
    public var copies: [String: [DuplicateCopy]] = [:]
    /// For each document id: clause id → similar clauses elsewhere.
    public var similar: [String: [String: [SimilarClause]]] = [:]
    public init() {}
}

/// A document as the dedup stage sees it.
public struct DedupCandidate: Sendable {
    public var id: String
    public var path: String
    public var sha256: String
    public var conversion: String
    public var length: Int
    public var signature: DedupSignature
    public init(id: String, path: String, sha256: String, conversion: String, length: Int, signature: DedupSignature) {
        self.id = id; self.path = path; self.sha256 = sha256; self.conversion = conversion
        self.length = length; self.signature = signature
    }
}

/// Stage 6: one record per document (exact duplicates by normalized-text hash).
public struct Deduplicator: Sendable {
    public var settings: DedupSettings
    public init(settings: DedupSettings) { self.settings = settings }

    public func run(_ docs: [DedupCandidate]) -> DedupResult {
        var result = DedupResult()
        let groups = Dictionary(grouping: docs, by: { $0.signature.textHash })
        for (_, group) in groups where group.count > 1 {
            let sorted = group.sorted(by: Self.preferred)
            let canon = sorted[0]
            for other in sorted.dropFirst() {
                result.canonicalOf[other.id] = canon.id
                result.copies[canon.id, default: []].append(DuplicateCopy(path: other.path, sha256: other.sha256, similarity: 1.0))
            }
        }
        return result
    }

    /// The canonical-copy rule: an unconverted (simplified) original first, then the longer
    /// text, then the path in byte order, so the choice is deterministic.
    static func preferred(_ a: DedupCandidate, _ b: DedupCandidate) -> Bool {
        let ac = a.conversion == "none", bc = b.conversion == "none"
        if ac != bc { return ac }
        if a.length != b.length { return a.length > b.length }
        return a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
    }
}
