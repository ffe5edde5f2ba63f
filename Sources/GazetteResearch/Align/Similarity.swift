/// Character-level similarity of normalized clause text.
///
/// `dice` (character-bigram Dice coefficient) is the cheap candidate filter; `lcs`
/// (bit-parallel longest common subsequence, Hyyrö 2004) gives the score
/// `2·LCS / (|a| + |b|)` — a normalized edit similarity that rewards shared wording in order.
public enum Similarity {
    /// Dice coefficient of two sorted distinct bigram arrays.
    public static func dice(_ a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    /// `2·LCS / (|a| + |b|)` between the pattern `a` and the concatenation of `texts`.
    static func lcsScore(_ a: ComparableClause, _ texts: [ComparableClause]) -> Double {
        let total = a.key.count + texts.reduce(0) { $0 + $1.key.count }
        guard total > 0 else { return 1 }
        return 2 * Double(a.masks.lcs(texts.map(\.key))) / Double(total)
    }

    /// LCS length of two scalar arrays (for tests and one-off use).
    public static func lcsLength(_ a: [UInt32], _ b: [UInt32]) -> Int { LCSMasks(a).lcs([b]) }

    /// `2·LCS / (|a| + |b|)` of two scalar arrays.
    public static func score(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let total = a.count + b.count
        return total == 0 ? 1 : 2 * Double(lcsLength(a, b)) / Double(total)
    }
}

/// Per-character match masks of a pattern, for bit-parallel LCS.
struct LCSMasks: Sendable {
    let length: Int
    let words: Int
    /// Character → offset of its `words` mask words in `storage`.
    let index: [UInt32: Int]
    let storage: [UInt64]

    init(_ pattern: [UInt32]) {
        length = pattern.count
        words = (pattern.count + 63) / 64
        var idx: [UInt32: Int] = [:]
        var store: [UInt64] = []
        for (p, c) in pattern.enumerated() {
            let base: Int
            if let b = idx[c] { base = b } else {
                base = store.count; idx[c] = base
                store.append(contentsOf: repeatElement(0, count: words))
            }
            store[base + p / 64] |= 1 << UInt64(p % 64)
        }
        index = idx; storage = store
    }

    /// LCS length between the pattern and the concatenation of `texts`.
    func lcs(_ texts: [[UInt32]]) -> Int {
        guard length > 0 else { return 0 }
        var v = [UInt64](repeating: ~0, count: words)
        storage.withUnsafeBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                for text in texts {
                    for c in text {
                        guard let base = index[c] else { continue }
                        var carry: UInt64 = 0
                        for k in 0..<words {
                            let vk = v[k], mk = m[base + k]
                            let u = vk & mk
                            let (s1, o1) = vk.addingReportingOverflow(u)
                            let (s2, o2) = s1.addingReportingOverflow(carry)
                            carry = (o1 || o2) ? 1 : 0
                            v[k] = s2 | (vk & ~mk)
                        }
                    }
                }
            }
        }
        var ones = 0
        for k in 0..<words {
            var w = v[k]
            let bits = min(64, length - k * 64)
            if bits < 64 { w &= (1 << UInt64(bits)) - 1 }
            ones += w.nonzeroBitCount
        }
        return length - ones
    }
}
