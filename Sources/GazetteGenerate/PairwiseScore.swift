/// Pairwise precision and recall of a clustering against true groups: over all pairs
/// of items, precision = pairs put together that truly belong together / pairs put
/// together; recall = the same / pairs that truly belong together.
public struct PairwiseScore: Sendable, CustomStringConvertible {
    public var truePairs = 0
    public var predictedPairs = 0
    public var correctPairs = 0
    public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    public var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }

    /// `predicted[item]` and `truth[item]` are cluster labels for each item.
    public init<L: Hashable, M: Hashable>(predicted: [String: L], truth: [String: M]) {
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        var p: [L: Int] = [:], t: [M: Int] = [:]
        var both: [PairKey<L, M>: Int] = [:]
        for (item, label) in truth {
            guard let pl = predicted[item] else { continue }
            p[pl, default: 0] += 1; t[label, default: 0] += 1
            both[PairKey(a: pl, b: label), default: 0] += 1
        }
        predictedPairs = p.values.reduce(0) { $0 + pairs($1) }
        truePairs = t.values.reduce(0) { $0 + pairs($1) }
        correctPairs = both.values.reduce(0) { $0 + pairs($1) }
    }

    public var description: String {
        "precision \(String(format: "%.4f", precision)) (\(correctPairs)/\(predictedPairs) pairs), recall \(String(format: "%.4f", recall)) (\(correctPairs)/\(truePairs) pairs)"
    }

    struct PairKey<A: Hashable, B: Hashable>: Hashable { var a: A; var b: B }
}
