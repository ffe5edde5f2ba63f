import CGazetteSIMD
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
        var text = text
        return text.withUTF8 { canonical(utf8: $0) }
    }

    /// `canonical` of valid UTF-8 (a String's bytes), decoded in place.
    static func canonical(utf8 b: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        // At most one scalar per byte: write into that much room, then trim.
        [UInt32](unsafeUninitializedCapacity: b.count) { out, count in
            var w = 0
            var i = 0
            let n = b.count
            while i < n {
                let c0 = b[i]
                if c0 >= 0xE5 && c0 <= 0xE9 && i + 2 < n {   // U+5000–U+9FFF: kept as they are
                    out[w] = UInt32(c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    w += 1; i += 3
                    continue
                }
                if c0 < 0x80 {
                    let v = UInt32(c0)
                    if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) { out[w] = v; w += 1 } else if (0x41...0x5A).contains(v) { out[w] = v + 32; w += 1 }
                    i += 1
                    continue
                }
                let (v, len) = FastText.scalar(b, i)
                i += len
                var kept: UInt32? = nil
                if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3FFFF).contains(v) {
                    kept = v
                } else if (0xFF10...0xFF19).contains(v) {
                    kept = v - 0xFF10 + 0x30
                } else if (0xFF21...0xFF3A).contains(v) {
                    kept = v - 0xFF21 + 0x61
                } else if (0xFF41...0xFF5A).contains(v) {
                    kept = v - 0xFF41 + 0x61
                } else if v < 0x10000 ? keptBMP[Int(v >> 6)] & (1 << (v & 63)) != 0 : isLetterOrNumber(v) {
                    kept = v
                }
                if let k = kept { out[w] = k; w += 1 }
            }
            count = w
        }
    }

    /// Whether `canonical` keeps a scalar that is neither CJK nor a mapped ASCII letter or digit.
    static func isLetterOrNumber(_ v: UInt32) -> Bool {
        guard let u = Unicode.Scalar(v) else { return false }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    /// `isLetterOrNumber` for the Basic Multilingual Plane, one bit per scalar (8 KB, built
    /// once): Chinese punctuation, the most common scalars it is asked about, cost two
    /// Unicode property lookups each.
    static let keptBMP: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in UInt32(0)..<0x10000 where isLetterOrNumber(v) { bits[Int(v >> 6)] |= 1 << (v & 63) }
        return bits
    }()

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

    /// The same set as `hashes`, unique but in no particular order: what MinHash and the
    /// consistent sample need, without sorting every shingle (an open-addressing set of
    /// the hashes, which SplitMix64 has already spread over all bits).
    /// - Complexity: O(n·k) for n characters.
    static func uniqueHashes(_ s: UnsafeBufferPointer<UInt32>, k: Int) -> [UInt64] {
        let k = max(1, k)
        if s.isEmpty { return [] }
        let windows = s.count >= k ? s.count - k + 1 : 1
        let width = min(k, s.count)
        var capacity = 16
        while capacity * 3 < windows * 4 { capacity <<= 1 }   // load factor at most 3/4
        let mask = capacity - 1
        var table = [UInt64](repeating: 0, count: capacity)   // 0: empty slot
        var out: [UInt64] = []
        out.reserveCapacity(windows)
        var sawZero = false
        table.withUnsafeMutableBufferPointer { t in
            for i in 0..<windows {
                var h: UInt64 = 0xcbf29ce484222325
                for j in 0..<width { h = (h ^ UInt64(s[i + j])) &* 0x100000001b3 }
                let x = mix(h)
                if x == 0 {
                    if !sawZero { sawZero = true; out.append(0) }
                    continue
                }
                var slot = Int(truncatingIfNeeded: x) & mask
                while true {
                    let e = t[slot]
                    if e == x { break }
                    if e == 0 { t[slot] = x; out.append(x); break }
                    slot = (slot + 1) & mask
                }
            }
        }
        return out
    }

    /// SplitMix64's finaliser: spreads every input bit over the whole word.
    @inline(__always) public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// Sort by four 8-bit counting passes (LSD radix): the same order as `sort()`, in
    /// linear time — the consistent sample of a document holds up to 2,048 values.
    static func radixSort(_ a: inout [UInt32]) {
        let n = a.count
        if n < 64 { a.sort(); return }
        var buffer = [UInt32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 4 * 256)
        a.withUnsafeMutableBufferPointer { src in
            buffer.withUnsafeMutableBufferPointer { dst in
                counts.withUnsafeMutableBufferPointer { c in
                    for x in src { for d in 0..<4 { c[d * 256 + Int((x >> UInt32(8 * d)) & 0xFF)] += 1 } }
                    var from = src, to = dst
                    for d in 0..<4 {
                        var sum = 0
                        for k in 0..<256 { let v = c[d * 256 + k]; c[d * 256 + k] = sum; sum += v }
                        let shift = UInt32(8 * d)
                        for x in from {
                            let k = d * 256 + Int((x >> shift) & 0xFF)
                            to[c[k]] = x
                            c[k] += 1
                        }
                        swap(&from, &to)
                    }
                    // Four passes: the sorted values are back in `src`.
                }
            }
        }
    }

    /// Sorts 16-bit values (a clause's shingle set): insertion sort when short, else two
    /// byte-wise counting passes. The stdlib's stable merge sort took a third of the clause
    /// signatures' time.
    static func radixSort(_ a: inout [UInt16]) {
        let n = a.count
        if n < 2 { return }
        a.withUnsafeMutableBufferPointer { src in
            if n <= 32 {
                for i in 1..<n {
                    let x = src[i]
                    var j = i
                    while j > 0 && src[j - 1] > x { src[j] = src[j - 1]; j -= 1 }
                    src[j] = x
                }
                return
            }
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: n) { dst in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 512) { c in
                    c.initialize(repeating: 0)
                    for x in src { c[Int(x & 0xFF)] += 1; c[256 + Int(x >> 8)] += 1 }
                    var lo = 0, hi = 0
                    for k in 0..<256 {
                        let v = c[k]; c[k] = lo; lo += v
                        let w = c[256 + k]; c[256 + k] = hi; hi += w
                    }
                    for x in src { let k = Int(x & 0xFF); dst[c[k]] = x; c[k] += 1 }
                    for x in dst { let k = 256 + Int(x >> 8); src[c[k]] = x; c[k] += 1 }
                }
            }
        }
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

    /// `jaccard` of 16-bit shingle sets (clause signatures), merged without branches in C:
    /// the clause linker scores millions of candidate pairs with it.
    public static func jaccard(_ a: ArraySlice<UInt16>, _ b: ArraySlice<UInt16>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let inter = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                gazette_intersection_count_u16(pa.baseAddress, pa.count, pb.baseAddress, pb.count)
            }
        }
        return Double(inter) / Double(a.count + b.count - inter)
    }
}
