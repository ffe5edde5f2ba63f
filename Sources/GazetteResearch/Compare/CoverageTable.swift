import Foundation
import GazetteModel

/// Coverage of a corpus: clause counts and shares per area, topic or unit for each group
/// of documents (by default one region-year), and for consecutive years of one region
/// what is new and what was dropped — labels, and clauses without a counterpart.
public struct CoverageTable: Codable, Equatable, Sendable {
    /// What the rows count.
    public enum Axis: String, Codable, Sendable, CaseIterable { case area, topic, unit }
    /// Grouping dimensions of `--by`.
    public enum Dimension: String, Codable, Sendable, CaseIterable { case region, year, docType = "doc_type" }

    /// One column: a group of documents.
    public struct Group: Codable, Equatable, Sendable {
        public var label: String
        public var region: String?
        public var year: Int?
        public var docType: String?
        public var documents: [String]
        public var clauses: Int
        /// Clauses per axis label; shares are `counts[label] / clauses`.
        public var counts: [String: Int]
        public func share(_ label: String) -> Double { clauses == 0 ? 0 : Double(counts[label] ?? 0) / Double(clauses) }
        enum CodingKeys: String, CodingKey { case label, region, year, docType = "doc_type", documents, clauses, counts }
    }

    /// A clause of one year without a counterpart in the other.
    public struct ClauseRef: Codable, Equatable, Sendable {
        public var doc: String
        public var clause: String
        public var text: String
        /// Best similarity to any clause of the other year.
        public var best: Double
    }

    /// Differences between consecutive years of one region.
    public struct Change: Codable, Equatable, Sendable {
        public var region: String
        public var from: Int
        public var to: Int
        public var new: [String]
        public var dropped: [String]
        public var newClauses: [ClauseRef]
        public var droppedClauses: [ClauseRef]
        /// How the unmatched clauses were found: nil by aligning the two years' documents (as
        /// `gazette diff`), "similarity" where a year pools several documents or the two are
        /// too large to align (`alignmentPairLimit`).
        public var basis: String?
        enum CodingKeys: String, CodingKey {
            case region, from, to, new, dropped, newClauses = "new_clauses", droppedClauses = "dropped_clauses", basis
        }
    }

    public var axis: Axis
    public var by: [Dimension]
    /// Row labels, most clauses first.
    public var labels: [String]
    public var groups: [Group]
    public var changes: [Change]
    public var threshold: Double
    /// Similarity below which a clause has no counterpart in the other year.
    public static let defaultThreshold = 0.5
    /// Two years of one document each with more clause pairs (before × after) than this are
    /// not aligned (the alignment's time and tables grow with the product) but matched by
    /// similarity alone (`CoverageMatching`), and their change says so (`basis`).
    ///
    /// Years pooling several documents are always matched by similarity: the order of
    /// clauses across documents means nothing, so an order-aware, one-to-one alignment of
    /// them would call a clause new because another document of the year took its only
    /// counterpart. (Aligning them was also 8 % of a 10,000-file run's CPU.)
    public static let alignmentPairLimit = 50_000

    public static func make(_ docs: [Document], by: [Dimension] = [.region, .year], axis: Axis = .area,
                            threshold: Double = defaultThreshold) -> CoverageTable {
        make(docs, prepared: nil, by: by, axis: axis, threshold: threshold)
    }

    /// The table of documents already prepared for comparison (`PreparedDocument`, in the
    /// order of the documents): their clauses are not prepared again.
    public static func make(prepared: [PreparedDocument], by: [Dimension] = [.region, .year], axis: Axis = .area,
                            threshold: Double = defaultThreshold) -> CoverageTable {
        make(prepared.map(\.document), prepared: prepared, by: by, axis: axis, threshold: threshold)
    }

    /// Unmatched clauses already read from another alignment of the same two documents, for
    /// consecutive years of one document each: keyed by `before * count + after` (indexes of
    /// the documents given to `make`).
    typealias Known = [Int: ([ClauseRef], [ClauseRef])]

    static func make(_ docs: [Document], prepared: [PreparedDocument]?, by: [Dimension], axis: Axis, threshold: Double,
                     known: Known = [:], pairLimit: Int = alignmentPairLimit) -> CoverageTable {
        var buckets: [String: (Group, [Int])] = [:]
        for (index, d) in docs.enumerated() {
            let region = by.contains(.region) ? (d.region ?? "-") : nil
            let year = by.contains(.year) ? d.year : nil
            let type = by.contains(.docType) ? d.docType.rawValue : nil
            let label = [region, year.map(String.init) ?? (by.contains(.year) ? "-" : nil), type].compactMap { $0 }.joined(separator: " ")
            var entry = buckets[label] ?? (Group(label: label.isEmpty ? "all" : label, region: region, year: year, docType: type,
                                                 documents: [], clauses: 0, counts: [:]), [])
            entry.0.documents.append(d.id)
            entry.0.clauses += d.clauses.count
            for c in d.clauses { for l in labels(of: c, axis: axis, renames: .reform2018) { entry.0.counts[l, default: 0] += 1 } }
            entry.1.append(index)
            buckets[label] = entry
        }
        let ordered = buckets.values.sorted { x, y in
            ((x.0.region ?? ""), (x.0.year ?? 0), (x.0.docType ?? "")) < ((y.0.region ?? ""), (y.0.year ?? 0), (y.0.docType ?? ""))
        }
        let groups = ordered.map { $0.0 }
        let labels = rowLabels(groups)

        // Consecutive years of one region; their unmatched clauses are independent, computed on every core.
        var consecutive: [Int] = []
        if by.contains(.region) && by.contains(.year) {
            for k in ordered.indices.dropFirst() {
                let g0 = ordered[k - 1].0, g1 = ordered[k].0
                guard let r = g1.region, r == g0.region, g0.docType == g1.docType, let y0 = g0.year, let y1 = g1.year, y1 > y0 else { continue }
                consecutive.append(k)
            }
        }
        var prep: [PreparedDocument?] = prepared ?? Array(repeating: nil, count: docs.count)
        if prepared == nil {
            let needed = Array(Set(consecutive.flatMap { ordered[$0 - 1].1 + ordered[$0].1 })).sorted()
            for (i, p) in zip(needed, Parallel.map(needed.count) { PreparedDocument(docs[needed[$0]]) }) { prep[i] = p }
        }
        let unmatched = Parallel.map(consecutive.count) { x -> ([ClauseRef], [ClauseRef], String?) in
            let k = consecutive[x]
            if ordered[k - 1].1.count == 1 && ordered[k].1.count == 1, let r = known[ordered[k - 1].1[0] * docs.count + ordered[k].1[0]] { return (r.0, r.1, nil) }
            return unmatchedClauses(ordered[k - 1].1.map { prep[$0]! }, ordered[k].1.map { prep[$0]! }, threshold: threshold, pairLimit: pairLimit)
        }
        var changes: [Change] = []
        for (k, (newC, droppedC, basis)) in zip(consecutive, unmatched) {
            let g0 = ordered[k - 1].0, g1 = ordered[k].0
            let s0 = Set(g0.counts.keys), s1 = Set(g1.counts.keys)
            changes.append(Change(region: g1.region!, from: g0.year!, to: g1.year!, new: s1.subtracting(s0).sorted(), dropped: s0.subtracting(s1).sorted(),
                                  newClauses: newC, droppedClauses: droppedC, basis: basis))
        }
        return CoverageTable(axis: axis, by: by, labels: labels, groups: groups, changes: changes, threshold: threshold)
    }

    /// Row labels: most clauses first, then by name.
    static func rowLabels(_ groups: [Group]) -> [String] {
        var totals: [String: Int] = [:]
        for g in groups { for (k, v) in g.counts { totals[k, default: 0] += v } }
        return totals.keys.sorted { totals[$0]! != totals[$1]! ? totals[$0]! > totals[$1]! : $0 < $1 }
    }

    /// One table from tables of disjoint regions made with the same `by`, `axis` and
    /// `threshold`, given in region order (`region ?? "-"`): the same table as one made from
    /// all their documents at once, since consecutive years never cross a region.
    public static func merged(_ parts: [CoverageTable], by: [Dimension], axis: Axis, threshold: Double) -> CoverageTable {
        let groups = parts.flatMap(\.groups)
        return CoverageTable(axis: axis, by: by, labels: rowLabels(groups), groups: groups,
                             changes: parts.flatMap(\.changes), threshold: threshold)
    }

    /// The labels a clause counts under on `axis` (each once).
    static func labels(of c: Clause, axis: Axis, renames: UnitRenames) -> [String] {
        switch axis {
        case .area: return c.area.map { [$0] } ?? []
        case .topic: return Array(Set(c.topics)).sorted()
        case .unit: return Array(Set(c.units.map { renames.apply($0.successor ?? $0.canonical ?? $0.name) })).sorted()
        }
    }

    /// Clauses of the later year with no counterpart in the earlier, and the reverse. For
    /// one document each, what `gazette diff` of the two reports as added and removed (so
    /// rewritten clauses on the same subject count as counterparts, as in the diff). Years
    /// pooling several documents, or with more than `pairLimit` clause pairs, are matched by
    /// similarity instead (the third value is then "similarity").
    static func unmatchedClauses(_ before: [PreparedDocument], _ after: [PreparedDocument], threshold: Double,
                                 pairLimit: Int) -> ([ClauseRef], [ClauseRef], String?) {
        func pooled(_ docs: [PreparedDocument]) -> [(doc: String, clause: Clause, prepared: PreparedClause)] {
            docs.flatMap { d in d.clauses.map { p in var c = p.clause; c.id = d.document.id + "#" + c.id; return (d.document.id, c, p) } }
        }
        let pb = pooled(before), pa = pooled(after)
        let renames = UnitRenames.forClauses(pb.map(\.clause) + pa.map(\.clause))
        let cb = pb.map { ComparableClause($0.prepared, renames: renames, clause: $0.clause) }
        let ca = pa.map { ComparableClause($0.prepared, renames: renames, clause: $0.clause) }
        let refBefore = pb.map { ($0.doc, $0.prepared.clause.id) }, refAfter = pa.map { ($0.doc, $0.prepared.clause.id) }
        if before.count > 1 || after.count > 1 || cb.count * ca.count > pairLimit {
            let (after, before) = CoverageMatching(threshold: threshold).matchBoth(before: cb, after: ca)
            let new = ca.indices.filter { !after[$0].matched }.map { ref(refAfter[$0], ca[$0], after[$0].best) }
            let dropped = cb.indices.filter { !before[$0].matched }.map { ref(refBefore[$0], cb[$0], before[$0].best) }
            return (new, dropped, "similarity")
        }
        let (pairs, dice, lcs) = aligner(threshold: threshold).alignDetailed(cb, ca)
        let r = unmatched(pairs: pairs, dice: dice, lcs: lcs, before: cb, after: ca, refBefore: refBefore, refAfter: refAfter)
        return (r.0, r.1, nil)
    }

    /// A clause without a counterpart, with its best similarity to the other year (to 0.001).
    static func ref(_ r: (doc: String, clause: String), _ x: ComparableClause, _ score: Double) -> ClauseRef {
        ClauseRef(doc: r.doc, clause: r.clause, text: x.display, best: (score * 1000).rounded() / 1000)
    }

    /// The aligner `unmatchedClauses` pools two years with.
    static func aligner(threshold: Double) -> ClauseAligner {
        var aligner = ClauseAligner(threshold: threshold)
        aligner.inlineOps = false   // only the statuses are read
        return aligner
    }

    /// Whether an alignment made by `other` has the statuses `aligner(threshold:)` would give.
    static func alignsLike(_ other: ClauseAligner, threshold: Double) -> Bool {
        let mine = aligner(threshold: threshold)
        return other.threshold == mine.threshold && other.candidateDice == mine.candidateDice
            && other.partDice == mine.partDice && other.topicThreshold == mine.topicThreshold
    }

    /// `unmatchedClauses` read from an alignment of the pooled clauses (`before` × `after`,
    /// as `ClauseAligner.alignDetailed` returns it); `refBefore`/`refAfter` give each clause's
    /// document and clause id. A diff page of two single documents provides the same alignment.
    static func unmatched(pairs: [DiffPair], dice: [Double], lcs: [Int], before cb: [ComparableClause], after ca: [ComparableClause],
                          refBefore: [(doc: String, clause: String)], refAfter: [(doc: String, clause: String)]) -> ([ClauseRef], [ClauseRef]) {
        let added = Set(pairs.filter { $0.status == .added }.compactMap(\.b)), removed = Set(pairs.filter { $0.status == .removed }.compactMap(\.a))
        // Best similarity to the other year: Dice and LCS are symmetric, so the aligner's
        // matrices (before × after) serve both directions. An LCS the aligner did not compute
        // is computed only where the lengths alone could beat the best found so far.
        let m = ca.count
        func improve(_ b: inout Double, _ i: Int, _ j: Int) {   // before i, after j
            guard dice[i * m + j] >= 0.2 else { return }
            let la = cb[i].key.count, lb = ca[j].key.count, total = la + lb
            if total == 0 { b = max(b, 1); return }
            var l = lcs[i * m + j]
            if l < 0 {
                if 2 * Double(min(la, lb)) / Double(total) <= b { return }
                l = la >= lb ? cb[i].masks.lcs(ca[j].key) : ca[j].masks.lcs(cb[i].key)   // as ClauseAligner.lcs
            }
            b = max(b, 2 * Double(l) / Double(total))
        }
        var new: [ClauseRef] = [], dropped: [ClauseRef] = []
        for j in ca.indices where added.contains(ca[j].id) {
            var b = 0.0
            for i in cb.indices { improve(&b, i, j) }
            new.append(ref(refAfter[j], ca[j], b))
        }
        for i in cb.indices where removed.contains(cb[i].id) {
            var b = 0.0
            for j in ca.indices { improve(&b, i, j) }
            dropped.append(ref(refBefore[i], cb[i], b))
        }
        return (new, dropped)
    }
}
