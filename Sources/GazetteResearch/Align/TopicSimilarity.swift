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

    init(_ ca: [ComparableClause], _ cb: [ComparableClause]) {
        let all = ca + cb
        var df: [UInt64: Int] = [:]
        for c in all { for g in c.bigrams { df[g, default: 0] += 1 } }
        let n = Double(all.count)
        func vector(_ c: ComparableClause) -> Vector {
            var tf: [UInt64: Double] = [:]
            func add(_ key: [UInt32], _ w: Double) {
                guard key.count >= 2 else { return }
                for i in 1..<key.count { tf[UInt64(key[i - 1]) << 32 | UInt64(key[i]), default: 0] += w }
            }
            add(c.key, 1)
            add(ComparableClause.normalize(c.clause.heading), 1)
            let keys = tf.keys.sorted()
            let weights = keys.map { k in (1 + log(tf[k]!)) * log(n / Double(df[k] ?? 1) + 1) }
            return Vector(keys: keys, weights: weights, norm: sqrt(weights.reduce(0) { $0 + $1 * $1 }))
        }
        a = ca.map(vector); b = cb.map(vector)
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
