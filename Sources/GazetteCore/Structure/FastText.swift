import Foundation

/// Cheap text helpers for the structure stage: the same results as the Foundation calls
/// they replace, without bridging each line to NSString.
enum FastText {
    /// Membership in `CharacterSet.whitespaces` (Unicode Zs, TAB and U+200B, as
    /// swift-corelibs-foundation defines it).
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B)
            || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// `s.trimmingCharacters(in: .whitespaces)`: whitespace scalars removed at both ends.
    static func trim(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let f = u.first, let l = u.last else { return s }
        if !isWhitespace(f.value) && !isWhitespace(l.value) { return s }
        guard let start = u.firstIndex(where: { !isWhitespace($0.value) }) else { return "" }
        let end = u.lastIndex(where: { !isWhitespace($0.value) })!
        return String(u[start...end])
    }

    /// `s.trimmingCharacters(in: CharacterSet(charactersIn: …))` for a set of BMP scalars
    /// (no surrogates): those scalars removed at both ends.
    static func trim(_ s: String, _ set: Set<Unicode.Scalar>) -> String {
        let u = s.unicodeScalars
        guard let start = u.firstIndex(where: { !set.contains($0) }) else { return "" }
        let end = u.lastIndex(where: { !set.contains($0) })!
        return String(u[start...end])
    }

    /// Unicode White_Space (`Unicode.Scalar.Properties.isWhitespace`) without the property lookup.
    @inline(__always)
    static func isUnicodeWhitespace(_ v: UInt32) -> Bool {
        (v >= 0x09 && v <= 0x0D) || v == 0x20 || v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A)
            || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// The scalar value that starts at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: UInt32, length: Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (UInt32(c0), 1) }
        if c0 < 0xE0 { return (UInt32(c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c0 < 0xF0 { return (UInt32(c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return (UInt32(c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// Whether the UTF-8 of `s` holds `byte` (an ASCII control character is a character of its own).
    static func containsByte(_ s: String, _ byte: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { b in b.count > 0 && memchr(b.baseAddress!, Int32(byte), b.count) != nil }
    }

    /// `s.hasSuffix("\n")`: a final LF that is not part of CR LF.
    static func endsWithLineFeed(_ s: String) -> Bool {
        let u = s.utf8
        guard u.last == 0x0A else { return false }
        return u.count < 2 || u[u.index(u.endIndex, offsetBy: -2)] != 0x0D
    }

    /// `s.replacingOccurrences(of: "\n", with: r)` for a one-byte `r`: without CR every LF
    /// is a character of its own, so the bytes can be swapped; text with CR takes Foundation's way.
    static func replacingLineFeeds(_ s: String, with r: Unicode.Scalar) -> String {
        precondition(r.isASCII)
        var copy = s
        let out: [UInt8]? = copy.withUTF8 { b in
            guard b.count > 0, memchr(b.baseAddress!, 0x0A, b.count) != nil else { return [] }
            if memchr(b.baseAddress!, 0x0D, b.count) != nil { return nil }
            return b.map { $0 == 0x0A ? UInt8(r.value) : $0 }
        }
        guard let out else { return s.replacingOccurrences(of: "\n", with: String(r)) }
        return out.isEmpty ? s : String(knownValidUTF8: out)
    }

    /// Whether the trimmed line is empty: the line holds only whitespace.
    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { isWhitespace($0.value) }
    }

    /// `s.components(separatedBy: "\n")`. Without CR a line feed is always a character of its
    /// own, so splitting the UTF-8 bytes gives the same lines; text with CR takes Foundation's way.
    static func lines(_ s: String) -> [String] {
        var copy = s
        let split: [String]? = copy.withUTF8 { b in
            guard let base = b.baseAddress, b.count > 0 else { return [""] }
            if memchr(base, 0x0D, b.count) != nil { return nil }
            var out: [String] = []
            var start = 0
            while let p = memchr(base + start, 0x0A, b.count - start) {
                let end = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base
                out.append(String(knownValidUTF8: UnsafeBufferPointer(start: base + start, count: end - start)))
                start = end + 1
            }
            out.append(String(knownValidUTF8: UnsafeBufferPointer(start: base + start, count: b.count - start)))
            return out
        }
        return split ?? s.components(separatedBy: "\n")
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation (see `FastText.trim`).
    var wsTrimmed: String { FastText.trim(String(self)) }
}
