import GazetteCore

/// SplitMix64: a small, fast, seedable generator, so a generated corpus is the same
/// for the same seed on every machine and with any number of threads (each family of
/// documents draws from its own stream, derived from the seed and its index).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    /// An independent stream for item `index` of purpose `salt`.
    public init(seed: UInt64, index: Int, salt: UInt64) {
        state = Shingler.mix(seed ^ Shingler.mix(UInt64(truncatingIfNeeded: index) &+ salt &* 0x9E3779B97F4A7C15))
    }
    public mutating func next() -> UInt64 {
        state = state &+ 0x9E3779B97F4A7C15
        return Shingler.mix(state)
    }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ a: [T]) -> T { a[Int.random(in: 0..<a.count, using: &self)] }
    mutating func unit(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
}
