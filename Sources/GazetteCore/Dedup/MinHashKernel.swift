import CGazetteSIMD

/// The vector MinHash loop (C, AVX-512) when the CPU has it; `MinHasher` falls back to its
/// own scalar loop otherwise. Both give the same values (`MinHasherTests`).
enum MinHashKernel {
    static let available = gazette_minhash_available() != 0

    /// Fill `m` with the signature of `xs` under (`a`, `b`); false when the kernel cannot run here.
    static func run(_ xs: UnsafeBufferPointer<UInt64>, _ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>,
                    _ m: UnsafeMutableBufferPointer<UInt32>, enabled: Bool = true) -> Bool {
        guard enabled && available, !xs.isEmpty, !m.isEmpty else { return false }
        gazette_minhash(xs.baseAddress!, xs.count, a.baseAddress!, b.baseAddress!, m.count, m.baseAddress!)
        return true
    }
}
