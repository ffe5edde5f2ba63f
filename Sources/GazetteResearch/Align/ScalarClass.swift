/// Fast answers to the per-character questions clause preparation asks (is it white space,
/// does `ComparableClause.normalize` drop it), and trimming without Foundation's bridging.
///
/// The answers are exactly those of `Unicode.Scalar.Properties` and of Foundation's
/// `CharacterSet.whitespaces` / `.whitespacesAndNewlines`; for the Basic Multilingual Plane
/// they are read from a table built once from those properties.
enum ScalarClass {
    static let whitespace: UInt8 = 1, dropped: UInt8 = 2

    /// Flags of every BMP scalar (surrogates: 0).
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        for v in 0..<0x10000 { if let u = Unicode.Scalar(UInt32(v)) { t[v] = flags(u) } }
        return t
    }()

    static func flags(_ u: Unicode.Scalar) -> UInt8 {
        let p = u.properties
        if p.isWhitespace { return whitespace | dropped }
        switch p.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol, .control, .format:
            return dropped
        default: return 0
        }
    }

    @inline(__always) static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x10000 ? table[Int(u.value)] & whitespace != 0 : u.properties.isWhitespace
    }

    /// Dropped by `normalize`: white space, punctuation, math and other symbols, controls, formats.
    @inline(__always) static func isDropped(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x10000 ? table[Int(u.value)] & dropped != 0 : flags(u) != 0
    }

    /// Member of Foundation's `CharacterSet.whitespaces` (Zs, tab, U+200B).
    static func isBlank(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Member of Foundation's `CharacterSet.whitespacesAndNewlines` (White_Space and U+200B).
    static func isBlankOrNewline(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x200B || isWhitespace(u)
    }

    /// `s.trimmingCharacters(in: .whitespaces)` (`newlines: false`) or `.whitespacesAndNewlines`.
    static func trim(_ s: String, newlines: Bool) -> String {
        let v = s.unicodeScalars
        let test = newlines ? isBlankOrNewline : isBlank
        var start = v.startIndex, end = v.endIndex
        while start < end && test(v[start]) { start = v.index(after: start) }
        while end > start { let p = v.index(before: end); if test(v[p]) { end = p } else { break } }
        if start == v.startIndex && end == v.endIndex { return s }
        return String(v[start..<end])
    }
}
