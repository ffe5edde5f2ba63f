import Foundation
import GazetteModel

/// One clause prepared for comparison: its display text, the normalized character
/// sequence similarity is measured on, its character bigrams and bit masks for LCS.
///
/// The key drops whitespace and punctuation (common marks would make unrelated clauses
/// look alike) and rewrites renamed units (`UnitRenames`); the numbering label is never
/// part of it, so renumbering after an insertion does not count as a change.
public struct ComparableClause: Sendable {
    public let id: String
    public let clause: Clause
    /// Heading and text as a reader sees them (whitespace runs collapsed).
    public let display: String
    /// Normalized characters (Unicode scalar values).
    public let key: [UInt32]
    /// Sorted distinct character bigrams of `key`.
    public let bigrams: [UInt64]
    let masks: LCSMasks

    public init(_ clause: Clause, renames: UnitRenames) {
        id = clause.id
        self.clause = clause
        display = Self.displayText(clause)
        key = Self.normalize(renames.apply(display))
        var b: [UInt64] = []
        b.reserveCapacity(key.count)
        if key.count >= 2 { for i in 1..<key.count { b.append(UInt64(key[i - 1]) << 32 | UInt64(key[i])) } }
        bigrams = Array(Set(b)).sorted()
        masks = LCSMasks(key)
    }

    /// Heading followed by text, without the numbering label and without repeating a
    /// heading the text already starts with (the structure stage keeps both in `text`).
    public static func displayText(_ c: Clause) -> String {
        let h = c.heading.trimmingCharacters(in: .whitespacesAndNewlines)
        let t = stripLabel(c.text.trimmingCharacters(in: .whitespacesAndNewlines), label: c.label)
        let joined: String
        if h.isEmpty { joined = t } else if t.isEmpty || t.hasPrefix(h) { joined = t.isEmpty ? h : t } else { joined = h + "。" + t }
        return collapseSpaces(joined)
    }

    static let numbering = try! NSRegularExpression(pattern:
        #"^(第[一二三四五六七八九十百零〇\d]+[章节条部分]|[一二三四五六七八九十百零〇]+[、．.]|[（(][一二三四五六七八九十百零〇\d]+[)）]|\d{1,3}[、．.](?!\d)|[①-⑳])\s*"#)

    /// `text` without a leading numbering label (the clause's own, or any 一、/（一）/1./（1） form).
    static func stripLabel(_ text: String, label: String) -> String {
        let l = label.trimmingCharacters(in: .whitespaces)
        if !l.isEmpty && text.hasPrefix(l) { return String(text.dropFirst(l.count)).trimmingCharacters(in: .whitespaces) }
        let ns = text as NSString
        if let m = numbering.firstMatch(in: text, range: NSRange(location: 0, length: min(ns.length, 16))) {
            return ns.substring(from: m.range.length)
        }
        return text
    }

    static func collapseSpaces(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace { if !space && !out.isEmpty { out.append(" ") }; space = true } else { out.append(u); space = false }
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// Scalars of `s` without whitespace and punctuation, ASCII letters lowercased.
    public static func normalize(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            let p = u.properties
            if p.isWhitespace { continue }
            switch p.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol, .control, .format:
                continue
            default: break
            }
            var v = u.value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            out.append(v)
        }
        return out
    }
}
