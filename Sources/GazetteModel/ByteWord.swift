/// Eight bytes of UTF-8 read as one word, and the SWAR tests that let the byte scanners
/// (JSON, HTML and CSV escaping) skip a word holding none of their special ASCII bytes.
/// Chinese text is all bytes of 0x80 and above, which none of the tests flags.
/// Each test is exact for "any byte of the word": a word it passes holds no such byte.
public struct ByteWord {
    public let value: UInt64

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` of `bytes` (the caller keeps `offset + 8 <= bytes.count`).
    @inline(__always)
    public init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
        value = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether some byte is below `bound` (at most 0x80).
    @inline(__always)
    public func hasByte(below bound: UInt8) -> Bool {
        (value &- Self.ones &* UInt64(bound)) & ~value & Self.highs != 0
    }

    /// Whether some byte equals `byte`.
    @inline(__always)
    public func hasByte(_ byte: UInt8) -> Bool {
        let v = value ^ (Self.ones &* UInt64(byte))
        return (v &- Self.ones) & ~v & Self.highs != 0
    }
}
