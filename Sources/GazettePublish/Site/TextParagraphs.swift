/// Splitting text into display paragraphs by Unicode scalars, without `Character`
/// iteration or NSString bridging: the same pieces as
/// `s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }`
/// (pinned by tests). Newline characters are always whole grapheme clusters (or CR LF,
/// whose empty middle piece is dropped), so splitting at newline scalars cuts in the
/// same places; `.whitespaces` (on Linux: Zs, TAB and U+200B) is trimmed by scalar as NSString does.
enum TextParagraphs {
    static func isNewline(_ v: UInt32) -> Bool {
        (v >= 0x0A && v <= 0x0D) || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    static func isWhitespace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0x3000
    }

    static func split(_ s: String) -> [String] {
        var out: [String] = []
        let u = s.unicodeScalars
        var start = u.startIndex
        var i = start
        func piece(_ a: String.Index, _ b: String.Index) {
            var lo = a, hi = b
            while lo < hi, isWhitespace(u[lo].value) { lo = u.index(after: lo) }
            while lo < hi { let p = u.index(before: hi); if isWhitespace(u[p].value) { hi = p } else { break } }
            if lo < hi { out.append(String(Substring(u[lo..<hi]))) }
        }
        while i < u.endIndex {
            let next = u.index(after: i)
            if isNewline(u[i].value) { piece(start, i); start = next }
            i = next
        }
        piece(start, u.endIndex)
        return out
    }
}
