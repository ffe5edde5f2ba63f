/// MinHash over 64-bit shingle hashes, and the band keys LSH buckets documents by.
///
/// Permutation `i` is the multiply–add map `x ↦ (aᵢ·x + bᵢ) >> 32` with odd 64-bit `aᵢ`
/// drawn once from a fixed SplitMix64 stream, so signatures are the same on every run and
/// machine. The minimum over a set's shingles agrees between two sets with probability
/// close to their Jaccard similarity.
public struct MinHasher: Sendable {
    public let permutations: Int
    let a: [UInt64]
    let b: [UInt64]

    public init(permutations: Int, seed: UInt64 = 0x6761_7a65_7474_6521) {
        self.permutations = max(1, permutations)
        var s = seed
        var a: [UInt64] = [], b: [UInt64] = []
        for _ in 0..<self.permutations {
            s = s &+ 0x9E3779B97F4A7C15; a.append(Shingler.mix(s) | 1)
            s = s &+ 0x9E3779B97F4A7C15; b.append(Shingler.mix(s))
        }
        self.a = a; self.b = b
    }

    /// A shared hasher for the default seed (its coefficients drawn once per count).
    static func cached(permutations: Int) -> MinHasher {
        if permutations == shared.permutations { return shared }
        return MinHasher(permutations: permutations)
    }
    private static let shared = MinHasher(permutations: DedupSettings().permutations)

    /// The signature of a set of shingle hashes (all `UInt32.max` for an empty set).
    /// - Complexity: O(|shingles| · permutations).
    public func signature<C: Collection>(_ shingles: C) -> [UInt32] where C.Element == UInt64 {
        if let r = shingles.withContiguousStorageIfAvailable({ signature(buffer: $0) }) { return r }
        return Array(shingles).withUnsafeBufferPointer { signature(buffer: $0) }
    }

    /// The signature, one permutation at a time over all shingles: the minimum stays in a
    /// register, and eight permutations per pass keep eight independent multiplies in
    /// flight. The minimum of `(a·x + b) >> 32` is the top half of the minimum of `a·x + b`.
    func signature(buffer xs: UnsafeBufferPointer<UInt64>, vector: Bool = true) -> [UInt32] {
        var mins = [UInt32](repeating: .max, count: permutations)
        if xs.isEmpty { return mins }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                mins.withUnsafeMutableBufferPointer { m in
                    if MinHashKernel.run(xs, a, b, m, enabled: vector) { return }
                    var i = 0
                    while i + 8 <= m.count {
                        let a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3]
                        let a4 = a[i + 4], a5 = a[i + 5], a6 = a[i + 6], a7 = a[i + 7]
                        let b0 = b[i], b1 = b[i + 1], b2 = b[i + 2], b3 = b[i + 3]
                        let b4 = b[i + 4], b5 = b[i + 5], b6 = b[i + 6], b7 = b[i + 7]
                        var m0 = UInt64.max, m1 = UInt64.max, m2 = UInt64.max, m3 = UInt64.max
                        var m4 = UInt64.max, m5 = UInt64.max, m6 = UInt64.max, m7 = UInt64.max
                        for x in xs {
                            m0 = Swift.min(m0, a0 &* x &+ b0); m1 = Swift.min(m1, a1 &* x &+ b1)
                            m2 = Swift.min(m2, a2 &* x &+ b2); m3 = Swift.min(m3, a3 &* x &+ b3)
                            m4 = Swift.min(m4, a4 &* x &+ b4); m5 = Swift.min(m5, a5 &* x &+ b5)
                            m6 = Swift.min(m6, a6 &* x &+ b6); m7 = Swift.min(m7, a7 &* x &+ b7)
                        }
                        m[i] = UInt32(m0 >> 32); m[i + 1] = UInt32(m1 >> 32); m[i + 2] = UInt32(m2 >> 32); m[i + 3] = UInt32(m3 >> 32)
                        m[i + 4] = UInt32(m4 >> 32); m[i + 5] = UInt32(m5 >> 32); m[i + 6] = UInt32(m6 >> 32); m[i + 7] = UInt32(m7 >> 32)
                        i += 8
                    }
                    while i < m.count {
                        var m0 = UInt64.max
                        for x in xs { m0 = Swift.min(m0, a[i] &* x &+ b[i]) }
                        m[i] = UInt32(m0 >> 32)
                        i += 1
                    }
                }
            }
        }
        return mins
    }

    /// The plain definition, one shingle at a time: what `signature` must equal (tests).
    func referenceSignature(_ shingles: [UInt64]) -> [UInt32] {
        var mins = [UInt32](repeating: .max, count: permutations)
        for x in shingles {
            for i in 0..<permutations {
                let v = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
                if v < mins[i] { mins[i] = v }
            }
        }
        return mins
    }

    /// One 32-bit key per band of `rows` consecutive signature values.
    public static func bandKeys(_ signature: ArraySlice<UInt32>, bands: Int, rows: Int) -> [UInt32] {
        var keys: [UInt32] = []
        keys.reserveCapacity(bands)
        var idx = signature.startIndex
        for band in 0..<bands {
            var h: UInt64 = 0x51_7cc1_b727_220a &+ UInt64(band)
            for _ in 0..<rows where idx < signature.endIndex {
                h = Shingler.mix(h ^ UInt64(signature[idx])); idx += 1
            }
            keys.append(UInt32(truncatingIfNeeded: h >> 32))
        }
        return keys
    }
}
