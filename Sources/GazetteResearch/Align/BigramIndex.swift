/// The distinct character bigrams of every clause of both sides of an alignment in one hash
/// table, from which the aligner reads how many bigrams each pair of clauses shares (the
/// Dice coefficients, without merging the bigram lists of all n × m pairs) and topic
/// similarity reads the document frequency of each bigram.
///
/// Open addressing with linear probing; each slot holds a bigram and how many clauses of A
/// and of B hold it. The B clauses holding each bigram are listed contiguously (one array
/// of columns, sliced per slot by a prefix sum of the B counts), so counting what a row
/// shares reads each bigram's list in one sequential pass: the linked lists this replaced
/// made the count a chain of dependent loads, most of the table's cost.
struct BigramIndex {
    let n: Int
    let m: Int
    private let keys: [UInt64]
    private let countA: [Int32]
    private let countB: [Int32]
    private let shift: UInt64
    /// Distinct bigrams shared by each pair (row-major, A × B).
    let common: [Int32]
    static let empty = UInt64.max   // not a bigram: scalar values are below 2^21

    init(_ a: [ComparableClause], _ b: [ComparableClause]) {
        n = a.count; m = b.count
        let totalB = b.reduce(0) { $0 + $1.bigrams.count }
        let total = a.reduce(0) { $0 + $1.bigrams.count } + totalB
        var bits: UInt64 = 4
        while (1 << bits) < 2 * total { bits += 1 }
        let size = 1 << Int(bits), shift = 64 - bits, mask = size - 1, m = b.count
        var keys = [UInt64](repeating: Self.empty, count: size)
        var countA = [Int32](repeating: 0, count: size), countB = [Int32](repeating: 0, count: size)
        var common = [Int32](repeating: 0, count: a.count * m)
        var start = [Int32](repeating: 0, count: size + 1)   // start[h]..<start[h + 1]: the columns of slot h
        var columns = [Int32](repeating: 0, count: totalB)
        keys.withUnsafeMutableBufferPointer { keys in
            func slot(_ g: UInt64) -> Int {
                var h = Int(truncatingIfNeeded: (g &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while keys[h] != g && keys[h] != Self.empty { h = (h + 1) & mask }
                keys[h] = g
                return h
            }
            // The B side, linear in its bigrams: each one's slot, the lists' bounds, the lists.
            var slotsB: [Int] = []
            slotsB.reserveCapacity(totalB)
            for j in 0..<m { for g in b[j].bigrams { let h = slot(g); countB[h] += 1; slotsB.append(h) } }
            var sum: Int32 = 0
            for h in 0..<size { start[h] = sum; sum += countB[h] }
            start[size] = sum
            var next = start   // where the next column of each slot goes
            var k = 0
            for j in 0..<m {
                for _ in 0..<b[j].bigrams.count { let h = slotsB[k]; k += 1; columns[Int(next[h])] = Int32(j); next[h] += 1 }
            }
            // The A side: what each row shares, one contiguous list per bigram (the hot loop).
            start.withUnsafeBufferPointer { start in
                columns.withUnsafeBufferPointer { columns in
                    common.withUnsafeMutableBufferPointer { common in
                        for i in 0..<a.count {
                            for g in a[i].bigrams {
                                let h = slot(g)
                                countA[h] += 1
                                for p in Int(start[h])..<Int(start[h + 1]) { common[i * m + Int(columns[p])] &+= 1 }
                            }
                        }
                    }
                }
            }
        }
        self.keys = keys; self.countA = countA; self.countB = countB; self.shift = shift
        self.common = common
    }

    /// How many clauses of both sides hold `g` (nil where none does).
    func frequency(_ g: UInt64) -> Int? {
        var h = Int(truncatingIfNeeded: (g &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let mask = keys.count - 1
        while keys[h] != g {
            if keys[h] == Self.empty { return nil }
            h = (h + 1) & mask
        }
        return Int(countA[h] + countB[h])
    }

    /// `Similarity.dice` of every pair (row-major, A × B), from the shared counts.
    func dice(_ a: [ComparableClause], _ b: [ComparableClause]) -> [Double] {
        var dice = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            let la = a[i].bigrams.count
            for j in 0..<m {
                let lb = b[j].bigrams.count
                if la == 0 || lb == 0 { dice[i * m + j] = la == 0 && lb == 0 ? 1 : 0; continue }
                dice[i * m + j] = 2 * Double(common[i * m + j]) / Double(la + lb)
            }
        }
        return dice
    }

    /// Document frequencies: sorted distinct bigrams and the number of clauses of both sides
    /// holding each (for tests and one-off use).
    func frequencies() -> (keys: [UInt64], counts: [Int]) {
        let present = keys.indices.filter { keys[$0] != Self.empty }.sorted { keys[$0] < keys[$1] }
        return (present.map { keys[$0] }, present.map { Int(countA[$0] + countB[$0]) })
    }
}
