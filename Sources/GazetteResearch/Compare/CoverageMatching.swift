/// Unmatched clauses of two years matched by similarity (see
/// `CoverageTable.alignmentPairLimit`): a clause has a counterpart when some clause of the
/// other year is as similar as an alignment step needs (2·LCS / (characters of both) above
/// τ, among pairs whose bigram Dice reaches the aligner's candidate filter), in any order and
/// whether or not that clause is also another's counterpart.
///
/// `matchBoth` answers both directions from one table of shared bigrams (`BigramIndex`) and
/// computes each pair's LCS at most once; years too large for an (after × before) table are
/// matched one row of shared-bigram counts at a time (`match`), stopping at a clause's first
/// counterpart, so pooling many documents per region and year costs about as much as
/// comparing them, not its square.
struct CoverageMatching {
    let threshold: Double
    var candidateDice = 0.2

    /// For each bigram, the indexes of the clauses of `side` that hold it.
    private static func postings(_ side: [ComparableClause]) -> [UInt64: [Int32]] {
        var out: [UInt64: [Int32]] = [:]
        for (i, c) in side.enumerated() { for g in c.bigrams { out[g, default: []].append(Int32(i)) } }
        return out
    }

    /// Walks a clause's candidates (Dice, index on the other side), most similar first, to
    /// its first counterpart; `best` is the highest LCS similarity met among those with
    /// Dice ≥ 0.2. `own`/`other` are key lengths, `lcs` the LCS length with candidate k.
    private func walk(_ cands: inout [(dice: Double, k: Int)], own: Int, other: (Int) -> Int,
                      lcs: (Int) -> Int) -> (matched: Bool, best: Double) {
        cands.sort { $0.dice != $1.dice ? $0.dice > $1.dice : $0.k < $1.k }
        var matched = false, best = 0.0
        for (d, k) in cands {
            let lb = other(k), total = own + lb
            if total == 0 { matched = true; best = max(best, 1); break }
            let bound = 2 * Double(min(own, lb)) / Double(total)
            // Neither a counterpart nor a better best is possible from the lengths alone.
            if bound <= threshold && (d < 0.2 || bound <= best) { continue }
            let s = 2 * Double(lcs(k)) / Double(total)
            if d >= 0.2 { best = max(best, s) }
            if s > threshold { matched = true; break }
        }
        return (matched, best)
    }

    /// Largest (before × after) table `matchBoth` builds; larger years go row by row.
    static let tableLimit = 4_000_000

    /// `match(after, against: before)` and `match(before, against: after)`, with each pair's
    /// shared bigrams counted once and its LCS computed at most once for both directions.
    func matchBoth(before: [ComparableClause], after: [ComparableClause])
        -> (after: [(matched: Bool, best: Double)], before: [(matched: Bool, best: Double)]) {
        let n = before.count, m = after.count
        guard n * m <= Self.tableLimit else { return (match(after, against: before), match(before, against: after)) }
        let dice = BigramIndex(before, after).dice(before, after)   // row-major, before × after
        let lenB = before.map(\.key.count), lenA = after.map(\.key.count)
        var lcs = [Int32](repeating: -1, count: n * m)
        func pairLCS(_ i: Int, _ j: Int) -> Int {
            if lcs[i * m + j] < 0 {
                lcs[i * m + j] = Int32(lenB[i] >= lenA[j] ? before[i].masks.lcs(after[j].key) : after[j].masks.lcs(before[i].key))
            }
            return Int(lcs[i * m + j])
        }
        /// One clause against the other side: `cell(k)` is its (before, after) cell with
        /// the other side's clause k, `own`/`other` the key lengths.
        func one(own: Int, others: [Int], cell: (Int) -> (Int, Int)) -> (matched: Bool, best: Double) {
            var cands: [(dice: Double, k: Int)] = []
            for k in others.indices {
                let (i, j) = cell(k), d = dice[i * m + j]
                if own < 12 || d >= candidateDice || others[k] < 12 { cands.append((d, k)) }
            }
            return walk(&cands, own: own, other: { others[$0] }, lcs: { let (i, j) = cell($0); return pairLCS(i, j) })
        }
        let afterResult = (0..<m).map { j in one(own: lenA[j], others: lenB) { ($0, j) } }
        let beforeResult = (0..<n).map { i in one(own: lenB[i], others: lenA) { (i, $0) } }
        return (afterResult, beforeResult)
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
            var cands: [(dice: Double, k: Int)] = []
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
            let la = x.key.count
            let r = walk(&cands, own: la, other: { cols[$0].key.count },
                         lcs: { j in la >= cols[j].key.count ? x.masks.lcs(cols[j].key) : cols[j].masks.lcs(x.key) })
            for j in touched { shared[j] = 0 }
            touched.removeAll(keepingCapacity: true)
            return r
        }
    }
}
