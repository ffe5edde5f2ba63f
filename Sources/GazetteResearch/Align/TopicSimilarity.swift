import Foundation

/// Similarity of rewritten clauses: cosine of IDF-weighted character-bigram vectors, the
/// IDF taken over the clauses of both documents, headings counted twice. Wording shared by
/// every clause (政务, 公开, 信息) weighs little; the distinctive terms a rewritten clause
/// keeps (依申请, 重大行政决策, 政府网站) weigh much. Used only for clauses the
/// character-level passes left without a counterpart.
struct TopicSimilarity {
    /// Sparse vector: sorted bigrams and their weights, with its norm.
    struct Vector { var keys: [UInt64]; var weights: [Double]; var norm: Double }
    let a: [Vector]
    let b: [Vector]

    /// Vectors for every clause of both documents.
    init(_ ca: [ComparableClause], _ cb: [ComparableClause]) {
        self.init(ca, cb, onlyA: Array(ca.indices), onlyB: Array(cb.indices))
    }

    /// Vectors only for the clauses `onlyA` and `onlyB` (the others stay empty); the
    /// document frequencies are still taken over all clauses of both documents.
    init(_ ca: [ComparableClause], _ cb: [ComparableClause], onlyA: [Int], onlyB: [Int]) {
        // Document frequency of each bigram: sorted keys and counts (bigrams are distinct per clause).
        var all: [UInt64] = []
        all.reserveCapacity(ca.reduce(0) { $0 + $1.bigrams.count } + cb.reduce(0) { $0 + $1.bigrams.count })
        for c in ca { all.append(contentsOf: c.bigrams) }
        for c in cb { all.append(contentsOf: c.bigrams) }
        all.sort()
        var dfKeys: [UInt64] = [], dfCounts: [Int] = []
        for g in all { if dfKeys.last == g { dfCounts[dfCounts.count - 1] += 1 } else { dfKeys.append(g); dfCounts.append(1) } }
        func df(_ g: UInt64) -> Int {
            var lo = 0, hi = dfKeys.count
            while lo < hi { let mid = (lo + hi) / 2; if dfKeys[mid] < g { lo = mid + 1 } else { hi = mid } }
            return lo < dfKeys.count && dfKeys[lo] == g ? dfCounts[lo] : 1
        }
        self.init(ca, cb, onlyA: onlyA, onlyB: onlyB, df: df)
    }

    /// The same with the document frequencies read from the aligner's `BigramIndex` of `ca`, `cb`.
    init(_ ca: [ComparableClause], _ cb: [ComparableClause], onlyA: [Int], onlyB: [Int], index: BigramIndex) {
        self.init(ca, cb, onlyA: onlyA, onlyB: onlyB, df: { index.frequency($0) ?? 1 })
    }

    /// `df(g)`: how many clauses of both documents hold bigram `g` (1 where none does).
    private init(_ ca: [ComparableClause], _ cb: [ComparableClause], onlyA: [Int], onlyB: [Int], df: (UInt64) -> Int) {
        let n = Double(ca.count + cb.count)
        // log(n / df + 1) and 1 + log(tf) for the small integers they take, each computed once
        // (the same expressions, so the same values).
        var idf = [Double](repeating: -1, count: ca.count + cb.count + 2)
        func idfWeight(_ df: Int) -> Double {
            guard df < idf.count else { return log(n / Double(df) + 1) }
            if idf[df] < 0 { idf[df] = log(n / Double(df) + 1) }
            return idf[df]
        }
        let tfWeight = (0..<32).map { 1 + log(Double($0)) }
        // The bigrams of key and heading with their counts, ascending: the key's come sorted
        // with counts on the clause, merged here with the heading's (few, sorted on the spot).
        func vector(_ c: ComparableClause) -> Vector {
            var heading: [UInt64] = []
            if c.headingKey.count >= 2 {
                heading.reserveCapacity(c.headingKey.count - 1)
                for i in 1..<c.headingKey.count { heading.append(UInt64(c.headingKey[i - 1]) << 32 | UInt64(c.headingKey[i])) }
                FastSort.sort(&heading)
            }
            let kb = c.bigrams, kc = c.bigramCounts
            var keys: [UInt64] = [], weights: [Double] = []
            keys.reserveCapacity(kb.count + heading.count); weights.reserveCapacity(kb.count + heading.count)
            var i = 0, h = 0
            while i < kb.count || h < heading.count {
                let g: UInt64
                var tf = 0
                if h >= heading.count || (i < kb.count && kb[i] < heading[h]) {
                    g = kb[i]; tf = Int(kc[i]); i += 1
                } else {
                    g = heading[h]
                    while h < heading.count && heading[h] == g { tf += 1; h += 1 }
                    if i < kb.count && kb[i] == g { tf += Int(kc[i]); i += 1 }
                }
                keys.append(g)
                weights.append((tf < 32 ? tfWeight[tf] : 1 + log(Double(tf))) * idfWeight(df(g)))
            }
            return Vector(keys: keys, weights: weights, norm: sqrt(weights.reduce(0) { $0 + $1 * $1 }))
        }
        let empty = Vector(keys: [], weights: [], norm: 0)
        var va = [Vector](repeating: empty, count: ca.count), vb = [Vector](repeating: empty, count: cb.count)
        for i in onlyA { va[i] = vector(ca[i]) }
        for j in onlyB { vb[j] = vector(cb[j]) }
        a = va; b = vb
    }

    static func cosine(_ x: Vector, _ y: Vector) -> Double {
        guard x.norm > 0, y.norm > 0 else { return 0 }
        var i = 0, j = 0, dot = 0.0
        while i < x.keys.count && j < y.keys.count {
            if x.keys[i] == y.keys[j] { dot += x.weights[i] * y.weights[j]; i += 1; j += 1 }
            else if x.keys[i] < y.keys[j] { i += 1 } else { j += 1 }
        }
        return dot / (x.norm * y.norm)
    }

    func score(_ i: Int, _ j: Int) -> Double { Self.cosine(a[i], b[j]) }

    /// `score(rows[x], cols[y])` at `x * cols.count + y`, for all pairs at once: each row's
    /// bigrams are looked up in a hash table of the columns' (bigram → postings of column and
    /// weight), so only shared bigrams are visited. A pair's products are summed in the
    /// row's ascending bigram order, as `cosine` sums them, so every score is the same to the last bit.
    func scores(rows: [Int], cols: [Int]) -> [Double] {
        let w = cols.count
        var out = [Double](repeating: 0, count: rows.count * w)
        guard !rows.isEmpty, w > 0 else { return out }
        let total = cols.reduce(0) { $0 + b[$1].keys.count }
        var bits: UInt64 = 4
        while (1 << bits) < 2 * total { bits += 1 }
        let size = 1 << Int(bits), shift = 64 - bits, mask = size - 1
        var slots = [UInt64](repeating: BigramIndex.empty, count: size), head = [Int32](repeating: -1, count: size)
        var next: [Int32] = [], column: [Int32] = [], weight: [Double] = []
        next.reserveCapacity(total); column.reserveCapacity(total); weight.reserveCapacity(total)
        @inline(__always) func start(_ g: UInt64) -> Int { Int(truncatingIfNeeded: (g &* 0x9E37_79B9_7F4A_7C15) >> shift) }
        for (y, j) in cols.enumerated() where b[j].norm > 0 {
            let v = b[j]
            for k in v.keys.indices {
                let g = v.keys[k]
                var h = start(g)
                while slots[h] != g && slots[h] != BigramIndex.empty { h = (h + 1) & mask }
                slots[h] = g
                next.append(head[h]); column.append(Int32(y)); weight.append(v.weights[k]); head[h] = Int32(next.count - 1)
            }
        }
        for (x, i) in rows.enumerated() {
            let v = a[i]
            guard v.norm > 0 else { continue }
            let row = x * w
            for k in v.keys.indices {
                let g = v.keys[k], wx = v.weights[k]
                var h = start(g)
                while slots[h] != g && slots[h] != BigramIndex.empty { h = (h + 1) & mask }
                var p = Int(head[h])   // -1 for an empty slot
                while p >= 0 { out[row + Int(column[p])] += wx * weight[p]; p = Int(next[p]) }
            }
            for (y, j) in cols.enumerated() where b[j].norm > 0 { out[row + y] = out[row + y] / (v.norm * b[j].norm) }
        }
        return out
    }

    /// The vector of two clauses read as one (for merges and splits).
    static func sum(_ x: Vector, _ y: Vector) -> Vector {
        var keys: [UInt64] = [], weights: [Double] = []
        var i = 0, j = 0
        while i < x.keys.count || j < y.keys.count {
            if j >= y.keys.count || (i < x.keys.count && x.keys[i] < y.keys[j]) { keys.append(x.keys[i]); weights.append(x.weights[i]); i += 1 }
            else if i >= x.keys.count || y.keys[j] < x.keys[i] { keys.append(y.keys[j]); weights.append(y.weights[j]); j += 1 }
            else { keys.append(x.keys[i]); weights.append(x.weights[i] + y.weights[j]); i += 1; j += 1 }
        }
        return Vector(keys: keys, weights: weights, norm: sqrt(weights.reduce(0) { $0 + $1 * $1 }))
    }
}
