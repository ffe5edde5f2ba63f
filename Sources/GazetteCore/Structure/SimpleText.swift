import Foundation

/// Byte-level search, split and affix tests that give exactly what String's and Foundation's
/// calls give (they compare by canonical equivalence, character by character), used in the
/// per-document hot loops of the ingest, clean and structure stages.
///
/// The fast way is taken only on *simple* text, where bytes and characters agree: every
/// scalar is a character of its own and has no canonical decomposition or combining class
/// (ASCII but CR, CJK ideographs, CJK and full-width punctuation, common symbols). Any
/// other text takes the Foundation or Character way, as before.
enum SimpleText {
    /// Whether byte-level comparison of text holding only `v` agrees with character comparison.
    @inline(__always)
    static func isSimpleScalar(_ v: UInt32) -> Bool {
        if v >= 0x4E00 && v <= 0x9FFF { return true }   // most scalars of the texts: one test, not ten
        switch v {
        case 0..<0x80: return v != 0x0D                   // CR + LF is one character
        case 0xA0...0xBF, 0xD7, 0xF7: return true
        case 0x2010...0x2027, 0x2030...0x205E: return true
        case 0x2150...0x218F, 0x2460...0x27BF: return true
        case 0x3000...0x3029, 0x3030...0x303F: return true  // not the tone marks U+302A–302F
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        case 0xE000...0xF8FF, 0xFE10...0xFE19, 0xFE30...0xFE4F: return true
        case 0xFF01...0xFF9D, 0xFFA0...0xFFEF, 0xFFFD: return true  // not the sound marks FF9E/FF9F
        case 0x20000...0x2A6DF: return true
        default: return false
        }
    }

    /// Whether `s` is simple (see the type's comment).
    static func isSimple<S: StringProtocol>(_ s: S) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { isSimple($0) } ?? s.unicodeScalars.allSatisfy { isSimpleScalar($0.value) }
    }

    static func isSimple(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c0 = b[i]
            if c0 < 0x80 {
                if c0 == 0x0D { return false }
                i += 1; continue
            }
            // Lead bytes E5–E9 start U+5000–U+9FFF, all simple ideographs (valid UTF-8).
            if c0 >= 0xE5 && c0 <= 0xE9 { i += 3; continue }
            let (v, length) = FastText.scalar(b, i)
            if !isSimpleScalar(v) { return false }
            i += length
        }
        return true
    }

    /// Byte offset of the first `needle` in `hay` at or after `from`; nil when absent.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let m = needle.count, n = hay.count
        guard m > 0, n - from >= m else { return nil }
        let first = needle[0]
        var i = from
        while i <= n - m {
            if hay[i] == first {
                var k = 1
                while k < m && hay[i + k] == needle[k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// `s.range(of: needle)` (Foundation): the first occurrence, nil for an empty needle.
    static func range(of needle: String, in s: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var s = s, needle = needle
        let found: Int?? = s.withUTF8 { h in
            needle.withUTF8 { nd in isSimple(h) && isSimple(nd) ? .some(find(nd, in: h)) : nil }
        }
        guard let offset = found else { return s.range(of: needle) }
        guard let a = offset else { return nil }
        let u = s.utf8
        let lower = u.index(u.startIndex, offsetBy: a)
        return lower..<u.index(lower, offsetBy: needle.utf8.count)
    }

    /// `range(of:in:)` when both are already known to be simple: the byte search alone.
    static func simpleRange(of needle: String, in s: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var s = s, needle = needle
        let found: Int? = s.withUTF8 { h in needle.withUTF8 { nd in find(nd, in: h) } }
        guard let a = found else { return nil }
        let u = s.utf8
        let lower = u.index(u.startIndex, offsetBy: a)
        return lower..<u.index(lower, offsetBy: needle.utf8.count)
    }

    /// Whether `s` contains `needle` (Foundation's `contains`).
    static func contains(_ s: String, _ needle: String) -> Bool { range(of: needle, in: s) != nil }

    /// `s.replacingOccurrences(of: target, with: replacement)` (Foundation): every
    /// occurrence, left to right, each search going on after the previous occurrence.
    /// `knownSimple`: the caller knows `s` and `target` are simple (skips checking them).
    static func replacingAll(_ s: String, _ target: String, with replacement: String, knownSimple: Bool = false) -> String {
        guard !target.isEmpty else { return s }
        var s = s, target = target, replacement = replacement
        let out: [UInt8]?? = s.withUTF8 { h in
            target.withUTF8 { t in
                guard knownSimple || (isSimple(h) && isSimple(t)) else { return nil }
                guard var at = find(t, in: h) else { return .some(nil) }
                var out: [UInt8] = []
                out.reserveCapacity(h.count)
                var last = 0
                replacement.withUTF8 { r in
                    while true {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: h[last..<at]))
                        out.append(contentsOf: r)
                        last = at + t.count
                        guard let next = find(t, in: h, from: last) else { break }
                        at = next
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: h[last...]))
                return .some(out)
            }
        }
        guard let result = out else { return s.replacingOccurrences(of: target, with: replacement) }
        guard let bytes = result else { return s }
        return String(knownValidUTF8: bytes)
    }

    /// `s` without its suffix `suffix` (`s.hasSuffix(suffix)`, then `dropLast(suffix.count)`),
    /// or nil when `s` does not end with it.
    static func droppingSuffix(_ s: String, _ suffix: String) -> String? {
        let su = s.utf8, xu = suffix.utf8
        if isSimple(s) && isSimple(suffix) {
            guard xu.count <= su.count, su.reversed().starts(with: xu.reversed()) else { return nil }
            return String(s.utf8.dropLast(xu.count))!
        }
        return s.hasSuffix(suffix) ? String(s.dropLast(suffix.count)) : nil
    }

    /// Whether `s` ends with `suffix` (`String.hasSuffix`).
    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        if isSimple(s) && isSimple(suffix) {
            let su = s.utf8, xu = suffix.utf8
            return xu.count <= su.count && su.reversed().starts(with: xu.reversed())
        }
        return s.hasSuffix(suffix)
    }

    /// `s.unicodeScalars.count` from the UTF-8 bytes: every byte but a continuation byte
    /// starts a scalar (a native String's bytes are valid UTF-8).
    static func scalarCount(_ s: String) -> Int {
        s.utf8.withContiguousStorageIfAvailable { b in
            var n = 0
            for x in b where x & 0xC0 != 0x80 { n += 1 }
            return n
        } ?? s.unicodeScalars.count
    }

    /// The number of characters of `s` (`s.count`).
    static func count(_ s: String) -> Int {
        isSimple(s) ? scalarCount(s) : s.count
    }

    /// `s.count <= n`, reading at most n + 1 characters (a long line is not counted through).
    static func hasAtMost(_ s: String, _ n: Int) -> Bool {
        s.utf8.count <= n || s.index(s.startIndex, offsetBy: n + 1, limitedBy: s.endIndex) == nil
    }

    /// `s.split(whereSeparator: { separators.contains($0) })` with single-scalar separators.
    static func split(_ s: String, separators: Set<Unicode.Scalar>) -> [Substring] {
        guard isSimple(s) else {
            return s.split(whereSeparator: { c in c.unicodeScalars.count == 1 && separators.contains(c.unicodeScalars.first!) })
        }
        return s.unicodeScalars.split(whereSeparator: { separators.contains($0) }).map { Substring($0) }
    }
}
