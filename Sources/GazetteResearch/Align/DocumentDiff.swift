import Foundation
import GazetteModel

/// The clause alignment of two documents: what `gazette diff` prints.
///
/// JSON form (`--format json`, stable; keys sorted):
/// ```
/// {
///   "a": {"id": "…", "title": "…", "region": "上海市", "year": 2020, "doc_type": "work_plan", "clauses": 23},
///   "b": { … the same for document B … },
///   "summary": {"unchanged": 3, "modified": 12, "moved": 2, "merged": 0, "split": 2, "added": 20, "removed": 5},
///   "pairs": [
///     {"a": "s1.c2", "b": "s1.c3", "status": "modified", "score": 0.874,
///      "ops": [{"op": "equal", "text": "…"}, {"op": "delete", "text": "…"}, {"op": "insert", "text": "…"}]},
///     {"a": "s2.c1", "b": "s2.c1", "status": "split", "score": 0.97, "group": 1, "ops": […]},
///     {"a": "s2.c1", "b": "s2.c2", "status": "split", "score": 0.97, "group": 1},
///     {"a": null, "b": "s3.c4", "status": "added", "score": null}
///   ]
/// }
/// ```
/// `status` is one of unchanged, modified, moved, merged, split, added, removed; `score` is
/// `2·LCS/(|a|+|b|)` over normalized text (whitespace and punctuation dropped, renamed units
/// rewritten to their successors), 1 for unchanged, null for added/removed. A merge or split
/// lists one pair per (a, b) clause involved, tied by `group`; `ops` (the inline character
/// diff A → B, small equal islands folded into phrases) is on the first pair of a group and
/// on every single pair whose text differs, when the score reaches the aligner's threshold
/// (a character diff of rewritten text does not read well). A rewritten counterpart found by topic similarity
/// (see `ClauseAligner`, pass three) carries `"basis": "topic"` and `"topic_score"`.
/// Pairs follow the reading order of both documents.
public struct DocumentDiff: Codable, Equatable, Sendable {
    /// Who one side of the diff is.
    public struct Side: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var region: String?
        public var year: Int?
        public var docType: String
        public var clauses: Int
        enum CodingKeys: String, CodingKey { case id, title, region, year, docType = "doc_type", clauses }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title)
            try c.encode(region, forKey: .region); try c.encode(year, forKey: .year)
            try c.encode(docType, forKey: .docType); try c.encode(clauses, forKey: .clauses)
        }
    }
    public var a: Side
    public var b: Side
    public var summary: [String: Int]
    public var pairs: [DiffPair]

    /// Diff two documents. Documents without a clause tree are compared paragraph by paragraph.
    public static func make(_ docA: Document, _ docB: Document, aligner: ClauseAligner = ClauseAligner()) -> DocumentDiff {
        make(PreparedDocument(docA), PreparedDocument(docB), aligner: aligner)
    }

    /// Diff two documents whose clauses are already prepared (each document is prepared
    /// once however many diffs it takes part in).
    public static func make(_ prepA: PreparedDocument, _ prepB: PreparedDocument, aligner: ClauseAligner = ClauseAligner()) -> DocumentDiff {
        makeDetailed(prepA, prepB, aligner: aligner).diff
    }

    /// `make`, with the compared clauses and the aligner's Dice and LCS matrices (see
    /// `ClauseAligner.alignDetailed`), which the coverage table reads as well.
    static func makeDetailed(_ prepA: PreparedDocument, _ prepB: PreparedDocument, aligner: ClauseAligner = ClauseAligner())
        -> (diff: DocumentDiff, a: [ComparableClause], b: [ComparableClause], dice: [Double], lcs: [Int]) {
        let renames = UnitRenames.forClauses(prepA.clauses.map(\.clause) + prepB.clauses.map(\.clause))
        let pa = prepA.clauses.map { ComparableClause($0, renames: renames) }, pb = prepB.clauses.map { ComparableClause($0, renames: renames) }
        let (pairs, dice, lcs) = aligner.alignDetailed(pa, pb)
        var summary: [String: Int] = [:]
        for s in DiffPair.Status.allCases { summary[s.rawValue] = 0 }
        for p in pairs { summary[p.status.rawValue, default: 0] += 1 }
        return (DocumentDiff(a: side(prepA.document, pa.count), b: side(prepB.document, pb.count), summary: summary, pairs: pairs), pa, pb, dice, lcs)
    }

    static func side(_ d: Document, _ n: Int) -> Side {
        Side(id: d.id, title: d.planTitle.isEmpty ? d.title : d.planTitle, region: d.region, year: d.year, docType: d.docType.rawValue, clauses: n)
    }
}

/// The clauses a diff compares: the document's clause tree, or — for a document whose
/// structure stage found no numbered clauses — its paragraphs, with ids `p1`, `p2`, ….
public enum ClauseSource {
    public static func clauses(of d: Document) -> [Clause] {
        if !d.clauses.isEmpty { return d.clauses }
        let paragraphs = d.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return paragraphs.enumerated().map { k, p in
            Clause(id: "p\(k + 1)", parent: nil, level: 1, label: "", number: k + 1, heading: "", text: p, original: p)
        }
    }
}
