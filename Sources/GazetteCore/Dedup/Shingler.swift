/// Character shingles of text, as used by every similarity in the dedup stage.
///
/// The text is first reduced to its *canonical character stream*: letters (any script)
/// and digits only, ASCII folded to lower case and full-width forms to ASCII. Spacing,
/// line breaks and punctuation therefore never make two copies differ — a site copy that
/// re-wraps lines or swaps 「」 for “” has the same stream. Each window of `k` characters
/// is hashed to 64 bits (FNV-1a over the scalars, then a SplitMix64 finaliser).
public enum Shingler {
    /// Letters and digits of `text`, folded.
    public static func canonical(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count / 3 + 16)
        for u in text.unicodeScalars {
            let v = u.value
            if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3FFFF).contains(v) {
                out.append(v)
            } else if v < 0x80 {
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) { out.append(v) } else if (0x41...0x5A).contains(v) { out.append(v + 32) }
            } else if (0xFF10...0xFF19).contains(v) {
                out.append(v - 0xFF10 + 0x30)
            } else if (0xFF21...0xFF3A).contains(v) {
                out.append(v - 0xFF21 + 0x61)
            } else if (0xFF41...0xFF5A).contains(v) {
                out.append(v - 0xFF41 + 0x61)
            } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                out.append(v)
            }
        }
        return out
    }

    /// Sorted, unique 64-bit hashes of the `k`-character windows of `stream`.
    /// A stream shorter than `k` (but not empty) is one shingle.
    /// - Complexity: O(n·k + n log n) for n characters.
    public static func hashes(_ stream: [UInt32], k: Int) -> [UInt64] {
        let k = max(1, k)
        if stream.isEmpty { return [] }
        var out: [UInt64] = []
        let windows = stream.count >= k ? stream.count - k + 1 : 1
        let width = min(k, stream.count)
        out.reserveCapacity(windows)
        stream.withUnsafeBufferPointer { s in
            for i in 0..<windows {
                var h: UInt64 = 0xcbf29ce484222325
                for j in 0..<width { h = (h ^ UInt64(s[i + j])) &* 0x100000001b3 }
                out.append(mix(h))
            }
        }
        out.sort()
        return dedupSorted(out)
    }

    /// SplitMix64's finaliser: spreads every input bit over the whole word.
    @inline(__always) public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    static func dedupSorted<T: Equatable>(_ a: [T]) -> [T] {
        if a.count < 2 { return a }
        var out = a
        var w = 1
        for r in 1..<out.count where out[r] != out[w - 1] { out[w] = out[r]; w += 1 }
        out.removeLast(out.count - w)
        return out
    }

    /// Exact Jaccard similarity of two sorted, unique arrays.
    /// - Complexity: O(|a| + |b|).
    public static func jaccard<T: Comparable>(_ a: ArraySlice<T>, _ b: ArraySlice<T>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var i = a.startIndex, j = b.startIndex, inter = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] { inter += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(inter) / Double(a.count + b.count - inter)
    }
}
