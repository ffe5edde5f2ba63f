/// The scalars without which an OpenCC configuration cannot change a line, so lines
/// without any of them can skip OpenCC and pass through unchanged.
///
/// Why this is exact: OpenCC replaces text only where a dictionary key matches, and no key
/// contains a line break, so each line converts independently of the others. A line changes
/// only if some entry whose value differs from its key matches in it, and then the line holds
/// that key's first differing scalar — a trigger (`ConversionTriggerData`, generated from the
/// dictionaries of each configuration, phrase entries included: 覆 in 反覆→反复 is one though
/// 覆 alone converts to itself). OpenCC 1.4 matches keys across variation selectors, so these
/// are triggers too.
public struct ConversionTriggers: Sendable {
    /// One bit per scalar below `limit`.
    private var bits = [UInt64](repeating: 0, count: ConversionTriggers.limit / 64)
    private static let limit = 0x40000

    /// Triggers of `chars` (plus the variation selectors).
    init(_ chars: String) {
        for u in chars.unicodeScalars where u != "\n" { insert(u.value) }
        for s in UInt32(0xFE00)...0xFE0F { insert(s) }
    }

    private mutating func insert(_ scalar: UInt32) {
        guard scalar < Self.limit else { return }
        bits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63)
    }

    /// The triggers of an OpenCC configuration, or nil when they are not known (that
    /// configuration converts whole texts).
    public static func forConfig(_ config: String) -> ConversionTriggers? {
        switch config {
        case "t2s": return t2s
        case "tw2s": return tw2s
        default: return nil
        }
    }

    static let t2s = ConversionTriggers(ConversionTriggerData.t2s)
    static let tw2s = ConversionTriggers(ConversionTriggerData.tw2s)

    /// Whether `scalar` is a trigger.
    public func contains(_ scalar: UInt32) -> Bool {
        if scalar < Self.limit { return bits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 }
        return scalar >= 0xE0100 && scalar <= 0xE01EF   // variation selectors supplement
    }

    /// Calls `body` with consecutive spans that cover `input`, each a run of whole lines
    /// (the last may lack its line break) and whether the run holds a trigger. Runs alternate,
    /// so a text without triggers is one span. Returns false when a line without triggers is
    /// not well-formed UTF-8 (OpenCC would reject the whole text, so callers convert it whole).
    @discardableResult
    public func forEachSpan(_ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) rethrows -> Bool {
        guard let base = input.baseAddress, input.count > 0 else { return true }
        let n = input.count
        var spanStart = 0
        var spanTriggered = false
        var lineStart = 0
        var wellFormed = true
        while lineStart < n {
            let line = bits.withUnsafeBufferPointer { scanLine(base, from: lineStart, count: n, bits: $0) }
            wellFormed = wellFormed && line.wellFormed
            if line.triggered != spanTriggered && lineStart > spanStart {
                try body(UnsafeBufferPointer(start: base + spanStart, count: lineStart - spanStart), spanTriggered)
                spanStart = lineStart
            }
            spanTriggered = line.triggered
            lineStart = line.end
        }
        try body(UnsafeBufferPointer(start: base + spanStart, count: n - spanStart), spanTriggered)
        return wellFormed
    }

    /// The end of the line starting at `start` (after its line break), whether it holds a
    /// trigger, and whether it is well-formed UTF-8 up to its first trigger (a malformed
    /// sequence is read one byte at a time, so it never hides a line break or a trigger).
    private func scanLine(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int,
                          bits: UnsafeBufferPointer<UInt64>) -> (end: Int, triggered: Bool, wellFormed: Bool) {
        var i = start
        var wellFormed = true
        while i < n {
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                if b0 == 0x0A { return (i, false, wellFormed) }
                continue
            }
            var scalar: UInt32
            var len: Int
            if b0 < 0xC2 { wellFormed = false; i += 1; continue }   // stray continuation or overlong lead
            else if b0 < 0xE0 { len = 2; scalar = UInt32(b0 & 0x1F) }
            else if b0 < 0xF0 { len = 3; scalar = UInt32(b0 & 0x0F) }
            else if b0 < 0xF5 { len = 4; scalar = UInt32(b0 & 0x07) }
            else { wellFormed = false; i += 1; continue }
            guard i + len <= n else { wellFormed = false; i += 1; continue }
            var valid = true
            for k in 1..<len {
                let c = base[i + k]
                valid = valid && c & 0xC0 == 0x80
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard valid else { wellFormed = false; i += 1; continue }
            i += len
            if len == 2 { continue }   // no triggers below U+0800
            let hit = scalar < Self.limit ? bits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
                                          : (scalar >= 0xE0100 && scalar <= 0xE01EF)
            if hit {
                // The rest of the line goes to OpenCC whatever it holds: jump to its end.
                guard let nl = memchr(base + i, 0x0A, n - i) else { return (n, true, wellFormed) }
                return (UnsafeRawPointer(base).distance(to: UnsafeRawPointer(nl)) + 1, true, wellFormed)
            }
        }
        return (n, false, wellFormed)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
