import GazetteModel
import Yams

/// MinHash/LSH parameters of the dedup stage (pipeline.yml `dedup`).
///
/// Documents are bucketed by `bands` bands of `permutations / bands` rows: with the
/// defaults (16 × 8) a pair of Jaccard 0.85 becomes a candidate with probability 0.994 and
/// a pair of 0.3 with 0.001, so candidates are few and verification stays cheap. Clauses,
/// linked at the lower `clause_threshold`, use their own smaller signature
/// (`clause_bands` × `clause_rows`, 16 × 4: candidate probability 0.99 at 0.7).
public struct DedupSettings: Sendable, Equatable {
    static let keys = ["shingle", "permutations", "bands", "threshold", "clause_threshold", "clause_links",
                       "clause_bands", "clause_rows", "fold"]
    /// Characters per shingle.
    public var shingle = 4
    /// MinHash permutations (bands × rows).
    public var permutations = 128
    public var bands = 16
    /// Verified similarity at or above which two documents are the same document.
    public var threshold = 0.90
    /// Similarity at or above which two clauses are linked.
    public var clauseThreshold = 0.70
    /// Most links kept per clause.
    public var clauseLinks = 5
    /// Clause LSH: bands × rows permutations per clause.
    public var clauseBands = 16
    public var clauseRows = 4
    /// How every text is folded before shingling (`IdiomFolding`): "tw-phrases", an OpenCC
    /// configuration, or "none".
    public var fold = IdiomFolding.phrases
    public init() {}

    /// Rows per document band.
    public var rows: Int { max(1, permutations / max(1, bands)) }

    /// Everything that changes a `DedupSignature`: a cached signature made with other
    /// parameters is recomputed.
    public var signatureFingerprint: String {
        "v1-k\(shingle)-p\(permutations)-c\(clauseBands)x\(clauseRows)-s\(DedupSignature.sampleTarget)-f\(fold)"
    }

    mutating func read(_ m: Node.Mapping, reader r: YAMLNodeReader, _ d: inout [Diagnostic]) {
        func positive(_ key: String, _ set: (Int) -> Void) {
            guard let n = m[key], let i = r.int(n, key, &d) else { return }
            if i < 1 {
                d.append(Diagnostic(id: "dedup-range", severity: .error, message: "dedup.\(key) must be at least 1",
                                    file: r.file, line: n.mark?.line))
            } else { set(i) }
        }
        func fraction(_ key: String, _ set: (Double) -> Void) {
            guard let n = m[key], let x = r.double(n, key, &d) else { return }
            if !(0...1).contains(x) {
                d.append(Diagnostic(id: "dedup-range", severity: .error, message: "dedup.\(key) must be between 0 and 1",
                                    file: r.file, line: n.mark?.line))
            } else { set(x) }
        }
        positive("shingle") { shingle = $0 }
        positive("permutations") { permutations = $0 }
        positive("bands") { bands = $0 }
        fraction("threshold") { threshold = $0 }
        fraction("clause_threshold") { clauseThreshold = $0 }
        positive("clause_links") { clauseLinks = $0 }
        positive("clause_bands") { clauseBands = $0 }
        positive("clause_rows") { clauseRows = $0 }
        if let n = m["fold"], let f = r.string(n, "fold", &d) {
            let known = [IdiomFolding.phrases, "none", "s2twp", "s2tw", "s2t", "s2hk", "t2s", "tw2sp", "tw2s", "hk2s"]
            if known.contains(f) { fold = f } else {
                d.append(Diagnostic(id: "dedup-fold", severity: .error, message: "dedup.fold '\(f)' is neither tw-phrases, none nor an OpenCC configuration",
                                    file: r.file, line: n.mark?.line, suggestion: YAMLNodeReader.suggest(f, among: known)))
            }
        }
        if permutations % bands != 0 || bands > permutations {
            d.append(Diagnostic(id: "dedup-bands", severity: .error,
                                message: "dedup.bands (\(bands)) must divide dedup.permutations (\(permutations))",
                                file: r.file, line: m["bands"]?.mark?.line,
                                suggestion: "use e.g. permutations: 128 with bands: 16 (8 rows each)"))
        }
    }
}
