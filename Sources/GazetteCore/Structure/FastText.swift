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

    /// Whether the trimmed line is empty: the line holds only whitespace.
    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { isWhitespace($0.value) }
    }

    /// `s.components(separatedBy: "\n")`. Without CR a line feed is always a character of its
    /// own, so splitting the UTF-8 bytes gives the same lines; text with CR takes Foundation's way.
    static func lines(_ s: String) -> [String] {
        if s.utf8.contains(0x0D) { return s.components(separatedBy: "\n") }
        return s.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation (see `FastText.trim`).
    var wsTrimmed: String { FastText.trim(String(self)) }
}
