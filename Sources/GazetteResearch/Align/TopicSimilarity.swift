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
        let n = Double(ca.count + cb.count)
        func vector(_ c: ComparableClause) -> Vector {
            var grams: [UInt64] = []
            grams.reserveCapacity(c.key.count + c.headingKey.count)
            for key in [c.key, c.headingKey] where key.count >= 2 {
                for i in 1..<key.count { grams.append(UInt64(key[i - 1]) << 32 | UInt64(key[i])) }
            }
            grams.sort()
            var keys: [UInt64] = [], weights: [Double] = []
            var i = 0
            while i < grams.count {
                var j = i + 1
                while j < grams.count && grams[j] == grams[i] { j += 1 }
                keys.append(grams[i])
                weights.append((1 + log(Double(j - i))) * log(n / Double(df(grams[i])) + 1))
                i = j
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
