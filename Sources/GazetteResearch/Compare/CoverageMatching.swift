/// Unmatched clauses of two pooled years too large to align (see
/// `CoverageTable.alignmentPairLimit`): a clause has a counterpart when some clause of the
/// other year is as similar as an alignment step needs (2·LCS / (characters of both) above
/// τ, among pairs whose bigram Dice reaches the aligner's candidate filter), in any order and
/// whether or not that clause is also another's counterpart.
///
/// The aligner's tables are (before × after) cells; this holds one row of shared-bigram
/// counts at a time and stops at a clause's first counterpart, so pooling many documents per
/// region and year costs about as much as comparing them, not its square.
struct CoverageMatching {
    let threshold: Double
    var candidateDice = 0.2

    /// For each bigram, the indexes of the clauses of `side` that hold it.
    private static func postings(_ side: [ComparableClause]) -> [UInt64: [Int32]] {
        var out: [UInt64: [Int32]] = [:]
        for (i, c) in side.enumerated() { for g in c.bigrams { out[g, default: []].append(Int32(i)) } }
        return out
    }

    /// For each clause of `rows`: whether it has a counterpart in `cols`, and its best
    /// similarity to them (as `CoverageTable.unmatched` reports it: over pairs with Dice ≥ 0.2).
    func match(_ rows: [ComparableClause], against cols: [ComparableClause]) -> [(matched: Bool, best: Double)] {
        let index = Self.postings(cols)
        var shared = [Int32](repeating: 0, count: cols.count)
        var touched: [Int] = []
        let short = cols.indices.filter { cols[$0].key.count < 12 }
        return rows.map { x in
            for g in x.bigrams {
                guard let list = index[g] else { continue }
                for j in list {
                    if shared[Int(j)] == 0 { touched.append(Int(j)) }
                    shared[Int(j)] += 1
                }
            }
            // Candidates: Dice at least the filter (or either clause short, as the aligner
            // scores those whatever their Dice), most shared bigrams first.
            var cands: [(dice: Double, j: Int)] = []
            let lx = x.bigrams.count
            func dice(_ j: Int) -> Double {
                let ly = cols[j].bigrams.count
                if lx == 0 || ly == 0 { return lx == 0 && ly == 0 ? 1 : 0 }
                return 2 * Double(shared[j]) / Double(lx + ly)
            }
            if x.key.count < 12 {
                for j in cols.indices { cands.append((dice(j), j)) }
            } else {
                for j in touched where dice(j) >= candidateDice { cands.append((dice(j), j)) }
                for j in short where dice(j) < candidateDice { cands.append((dice(j), j)) }
            }
            cands.sort { $0.dice != $1.dice ? $0.dice > $1.dice : $0.j < $1.j }
            var matched = false, best = 0.0
            for (d, j) in cands {
                let y = cols[j], la = x.key.count, lb = y.key.count, total = la + lb
                if total == 0 { matched = true; best = max(best, 1); break }
                let bound = 2 * Double(min(la, lb)) / Double(total)
                // Neither a counterpart nor a better best is possible from the lengths alone.
                if bound <= threshold && (d < 0.2 || bound <= best) { continue }
                let l = la >= lb ? x.masks.lcs(y.key) : y.masks.lcs(x.key)
                let s = 2 * Double(l) / Double(total)
                if d >= 0.2 { best = max(best, s) }
                if s > threshold { matched = true; break }
            }
            for j in touched { shared[j] = 0 }
            touched.removeAll(keepingCapacity: true)
            return (matched, best)
        }
    }
}
