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

    /// The signature of a set of shingle hashes (all `UInt32.max` for an empty set).
    /// - Complexity: O(|shingles| · permutations).
    public func signature<C: Collection>(_ shingles: C) -> [UInt32] where C.Element == UInt64 {
        var mins = [UInt32](repeating: .max, count: permutations)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                mins.withUnsafeMutableBufferPointer { m in
                    for x in shingles {
                        for i in 0..<m.count {
                            let v = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
                            if v < m[i] { m[i] = v }
                        }
                    }
                }
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
