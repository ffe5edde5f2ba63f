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
///
/// Characters are found through a small open-addressing table (multiplicative hash,
/// linear probing): the LCS loop looks one up for every character of the text.
struct LCSMasks: Sendable {
    let length: Int
    let words: Int
    /// Hash slots: a pattern character, or `empty`.
    let slots: [UInt32]
    /// Offset of the slot's character's `words` mask words in `storage`.
    let offsets: [Int]
    let shift: UInt32
    let storage: [UInt64]
    static let empty = UInt32.max   // not a Unicode scalar value

    init(_ pattern: [UInt32]) {
        length = pattern.count
        words = (pattern.count + 63) / 64
        var bits: UInt32 = 3
        while (1 << bits) < 2 * pattern.count { bits += 1 }
        let size = 1 << Int(bits)
        var slots = [UInt32](repeating: Self.empty, count: size)
        var offsets = [Int](repeating: 0, count: size)
        let shift = 32 - bits, words = words
        // Two passes: each character's slot (masks laid out in order of first occurrence),
        // then its bits, in storage allocated once (growing it per character cost a third).
        var slotOf = [Int32](repeating: 0, count: pattern.count)
        var distinct = 0
        slots.withUnsafeMutableBufferPointer { slots in
            offsets.withUnsafeMutableBufferPointer { offsets in
                for (p, c) in pattern.enumerated() {
                    var h = Int((c &* 2_654_435_761) >> shift)
                    while slots[h] != c && slots[h] != Self.empty { h = (h + 1) & (size - 1) }
                    if slots[h] == Self.empty { slots[h] = c; offsets[h] = distinct * words; distinct += 1 }
                    slotOf[p] = Int32(h)
                }
            }
        }
        var store = [UInt64](repeating: 0, count: distinct * words)
        store.withUnsafeMutableBufferPointer { store in
            offsets.withUnsafeBufferPointer { offsets in
                for p in 0..<pattern.count { store[offsets[Int(slotOf[p])] + p / 64] |= 1 << UInt64(p % 64) }
            }
        }
        self.slots = slots; self.offsets = offsets; self.shift = shift; storage = store
    }

    /// The bit vector of the LCS computation after each prefix of `text`: words
    /// `[r * words, (r + 1) * words)` hold it after `r` characters (r = 0 … text.count), and
    /// LCS(pattern[..<q], text[..<r]) is the number of zero bits among its first q bits.
    func rows(_ text: [UInt32]) -> [UInt64] {
        let words = words, shift = shift, mask = slots.count - 1
        var out = [UInt64](repeating: ~0, count: (text.count + 1) * words)
        guard length > 0 else { return out }
        storage.withUnsafeBufferPointer { m in
          slots.withUnsafeBufferPointer { slots in
            offsets.withUnsafeBufferPointer { offsets in
              out.withUnsafeMutableBufferPointer { o in
                for r in 0..<text.count {
                    let c = text[r], prev = r * words, cur = prev + words
                    var h = Int((c &* 2_654_435_761) >> shift)
                    while slots[h] != c && slots[h] != Self.empty { h = (h + 1) & mask }
                    guard slots[h] == c, c != Self.empty else {
                        for k in 0..<words { o[cur + k] = o[prev + k] }
                        continue
                    }
                    let base = offsets[h]
                    var carry: UInt64 = 0
                    for k in 0..<words {
                        let vk = o[prev + k], mk = m[base + k]
                        let u = vk & mk
                        let (s1, o1) = vk.addingReportingOverflow(u)
                        let (s2, o2) = s1.addingReportingOverflow(carry)
                        carry = (o1 || o2) ? 1 : 0
                        o[cur + k] = s2 | (vk & ~mk)
                    }
                }
              }
            }
          }
        }
        return out
    }

    /// LCS length between the pattern and `text` (no array of texts to allocate).
    func lcs(_ text: [UInt32]) -> Int {
        guard length > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { v in
            v.initialize(repeating: ~0)
            text.withUnsafeBufferPointer { advance(v, $0) }
            return count(v)
        }
    }

    /// LCS length between the pattern and the concatenation of `texts`.
    func lcs(_ texts: [[UInt32]]) -> Int {
        guard length > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { v in
            v.initialize(repeating: ~0)
            for text in texts { text.withUnsafeBufferPointer { advance(v, $0) } }
            return count(v)
        }
    }

    /// The LCS bit vector `v` after reading `text`.
    @inline(__always)
    private func advance(_ v: UnsafeMutableBufferPointer<UInt64>, _ text: UnsafeBufferPointer<UInt32>) {
        let words = words, shift = shift, mask = slots.count - 1
        storage.withUnsafeBufferPointer { m in
          slots.withUnsafeBufferPointer { slots in
            offsets.withUnsafeBufferPointer { offsets in
                    for c in text {
                        var h = Int((c &* 2_654_435_761) >> shift)
                        while slots[h] != c && slots[h] != Self.empty { h = (h + 1) & mask }
                        guard slots[h] == c, c != Self.empty else { continue }
                        let base = offsets[h]
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
    }

    /// LCS length from the bit vector: the pattern's length less its one bits.
    @inline(__always)
    private func count(_ v: UnsafeMutableBufferPointer<UInt64>) -> Int {
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
