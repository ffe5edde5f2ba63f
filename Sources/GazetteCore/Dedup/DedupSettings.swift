import GazetteModel
import Yams

/// MinHash/LSH parameters of the dedup stage (pipeline.yml `dedup`).
public struct DedupSettings: Sendable, Equatable {
    static let keys = ["shingle", "permutations", "bands", "threshold", "clause_threshold", "clause_links"]
    /// Characters per shingle.
    public var shingle = 5
    /// MinHash permutations (bands × rows).
    public var permutations = 128
    public var bands = 32
    /// Verified similarity at or above which two documents are the same document.
    public var threshold = 0.90
    /// Similarity at or above which two clauses are linked.
    public var clauseThreshold = 0.70
    /// Most links kept per clause.
    public var clauseLinks = 5
    public init() {}

    mutating func read(_ m: Node.Mapping, reader r: YAMLNodeReader, _ d: inout [Diagnostic]) {
        if let n = m["shingle"], let i = r.int(n, "shingle", &d) { shingle = i }
        if let n = m["permutations"], let i = r.int(n, "permutations", &d) { permutations = i }
        if let n = m["bands"], let i = r.int(n, "bands", &d) { bands = i }
        if let n = m["threshold"], let x = r.double(n, "threshold", &d) { threshold = x }
        if let n = m["clause_threshold"], let x = r.double(n, "clause_threshold", &d) { clauseThreshold = x }
        if let n = m["clause_links"], let i = r.int(n, "clause_links", &d) { clauseLinks = i }
    }
}
