import Foundation
import GazetteModel

/// One clause prepared for comparison: its display text, the normalized character
/// sequence similarity is measured on, its character bigrams and bit masks for LCS.
///
/// The key drops whitespace and punctuation (common marks would make unrelated clauses
/// look alike) and rewrites renamed units (`UnitRenames`); the numbering label is never
/// part of it, so renumbering after an insertion does not count as a change.
/// Everything that does not depend on the renames is computed once per clause
/// (`PreparedClause`) and shared by every comparison the clause takes part in.
public struct ComparableClause: Sendable {
    public let id: String
    public let clause: Clause
    /// Heading and text as a reader sees them (whitespace runs collapsed).
    public let display: String
    /// Normalized characters (Unicode scalar values).
    public let key: [UInt32]
    /// Sorted distinct character bigrams of `key`.
    public let bigrams: [UInt64]
    /// How often each of `bigrams` occurs in `key` (topic vectors weigh by it).
    let bigramCounts: [Int32]
    let masks: LCSMasks
    /// `normalize(clause.heading)` (topic vectors count the heading twice).
    let headingKey: [UInt32]

    public init(_ clause: Clause, renames: UnitRenames) {
        self.init(PreparedClause(clause), renames: renames)
    }

    /// `clause` replaces the prepared clause (same text, another id) where given.
    init(_ p: PreparedClause, renames: UnitRenames, clause: Clause? = nil) {
        self.clause = clause ?? p.clause
        id = self.clause.id
        display = p.display
        headingKey = p.headingKey
        let scalars = p.scalars ?? Array(display.unicodeScalars)
        if renames.mayChange(scalars) {
            let renamed = renames.apply(scalars: scalars)
            let form = p.renamedForms?.form(renamed) ?? RenamedForms.Form(renamed)
            key = form.key; bigrams = form.bigrams; bigramCounts = form.bigramCounts
            masks = form.masks
        } else {
            key = p.key; bigrams = p.bigrams; bigramCounts = p.bigramCounts
            masks = p.masks ?? LCSMasks(key)
        }
    }

    /// Sorted distinct bigrams of `key`.
    static func bigrams(_ key: [UInt32]) -> [UInt64] { bigramsWithCounts(key).bigrams }

    /// Sorted distinct bigrams of `key` and how often each occurs.
    static func bigramsWithCounts(_ key: [UInt32]) -> (bigrams: [UInt64], counts: [Int32]) {
        guard key.count >= 2 else { return ([], []) }
        var b: [UInt64] = []
        b.reserveCapacity(key.count - 1)
        for i in 1..<key.count { b.append(UInt64(key[i - 1]) << 32 | UInt64(key[i])) }
        FastSort.sort(&b)
        var counts: [Int32] = []
        counts.reserveCapacity(b.count)
        var w = 0
        for r in b.indices {
            if r == 0 || b[r] != b[w - 1] { b[w] = b[r]; w += 1; counts.append(1) } else { counts[w - 1] += 1 }
        }
        b.removeLast(b.count - w)
        return (b, counts)
    }

    /// Heading followed by text, without the numbering label and without repeating a
    /// heading the text already starts with (the structure stage keeps both in `text`).
    public static func displayText(_ c: Clause) -> String {
        let h = ScalarClass.trim(c.heading, newlines: true)
        let t = stripLabel(ScalarClass.trim(c.text, newlines: true), label: c.label)
        let joined: String
        if h.isEmpty { joined = t } else if t.isEmpty || t.hasPrefix(h) { joined = t.isEmpty ? h : t } else { joined = h + "。" + t }
        return collapseSpaces(joined)
    }

    static let numbering = try! NSRegularExpression(pattern:
        #"^(第[一二三四五六七八九十百零〇\d]+[章节条部分]|[一二三四五六七八九十百零〇]+[、．.]|[（(][一二三四五六七八九十百零〇\d]+[)）]|\d{1,3}[、．.](?!\d)|[①-⑳])\s*"#)

    /// Whether `numbering` can match a text starting with `u` (spares the regex otherwise).
    static func mayStartNumbering(_ u: Unicode.Scalar) -> Bool {
        if "第一二三四五六七八九十百零〇（(".unicodeScalars.contains(u) { return true }
        if u.value >= 0x2460 && u.value <= 0x2473 { return true }   // ①-⑳
        return u.properties.generalCategory == .decimalNumber
    }

    /// `text` without a leading numbering label (the clause's own, or any 一、/（一）/1./（1） form).
    static func stripLabel(_ text: String, label: String) -> String {
        let l = ScalarClass.trim(label, newlines: false)
        if !l.isEmpty && text.hasPrefix(l) { return ScalarClass.trim(String(text.dropFirst(l.count)), newlines: false) }
        guard let first = text.unicodeScalars.first, mayStartNumbering(first) else { return text }
        let ns = text as NSString
        if let m = numbering.firstMatch(in: text, range: NSRange(location: 0, length: min(ns.length, 16))) {
            return ns.substring(from: m.range.length)
        }
        return text
    }

    static func collapseSpaces(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: ScalarClass.isWhitespace) else { return s }
        // Built as UTF-8 bytes (appending scalars to a String one by one is slow).
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for u in s.unicodeScalars {
            if ScalarClass.isWhitespace(u) { if !space && !out.isEmpty { out.append(0x20) }; space = true }
            else {
                if u.value < 0x80 { out.append(UInt8(u.value)) } else { UTF8.encode(u) { out.append($0) } }
                space = false
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// `normalize(String(String.UnicodeScalarView(scalars)))`, without building the string.
    static func normalize(scalars: [Unicode.Scalar]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        for u in scalars where !ScalarClass.isDropped(u) {
            var v = u.value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            out.append(v)
        }
        return out
    }

    /// Scalars of `s` without whitespace and punctuation, ASCII letters lowercased.
    public static func normalize(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        // One element per scalar: Chinese text has a third as many scalars as UTF-8 bytes
        // (reserving the byte count kept two thirds of every key unused, for the whole run).
        out.reserveCapacity(s.utf8.count / 3 + 16)
        for u in s.unicodeScalars where !ScalarClass.isDropped(u) {
            var v = u.value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            out.append(v)
        }
        return out
    }
}

/// The renames-independent part of a `ComparableClause`, computed once per clause.
public struct PreparedClause: Sendable {
    public let clause: Clause
    let display: String
    /// `normalize(display)` — the key when no rename applies — and its bigrams.
    let key: [UInt32]
    let bigrams: [UInt64]
    let bigramCounts: [Int32]
    let headingKey: [UInt32]
    /// Kept only where the clause takes part in several comparisons (`keep`): the scalars
    /// of `display` (for the renames) and the LCS masks of `key` (several times the text's memory).
    let scalars: [Unicode.Scalar]?
    let masks: LCSMasks?
    /// With `keep`: the key, bigrams and masks of each renamed text met so far.
    let renamedForms: RenamedForms?

    public init(_ clause: Clause) { self.init(clause, keep: false) }

    init(_ clause: Clause, keep: Bool) {
        self.clause = clause
        display = ComparableClause.displayText(clause)
        scalars = keep ? Array(display.unicodeScalars) : nil
        key = scalars.map(ComparableClause.normalize(scalars:)) ?? ComparableClause.normalize(display)
        let bc = ComparableClause.bigramsWithCounts(key)
        bigrams = bc.bigrams; bigramCounts = bc.counts
        headingKey = ComparableClause.normalize(clause.heading)
        masks = keep ? LCSMasks(key) : nil
        renamedForms = keep ? RenamedForms() : nil
    }
}

/// A document with its compared clauses (`ClauseSource`) prepared once, for the diff pages
/// it appears on (as either side) and the coverage table.
public struct PreparedDocument: Sendable {
    public let document: Document
    public let clauses: [PreparedClause]

    public init(_ document: Document) { self.init(document, keep: false) }

    /// `keep`: hold what every comparison of a clause needs (see `PreparedClause`), for a
    /// document compared several times while few documents are held at once.
    init(_ document: Document, keep: Bool) {
        self.document = document
        clauses = ClauseSource.clauses(of: document).map { PreparedClause($0, keep: keep) }
    }

    /// An upper bound of what `keep` adds for `document`: per clause of n characters, its
    /// scalars (4n bytes) and LCS masks (a hash table of 2n–4n slots, 12 bytes each, and at
    /// most n masks of n/64 words).
    static func keptBytes(_ document: Document) -> Int {
        ClauseSource.clauses(of: document).reduce(0) { sum, c in
            let n = ComparableClause.displayText(c).unicodeScalars.count
            return sum + 4 * n + 48 * max(n, 8) + n * ((n + 63) / 64) * 8
        }
    }
}
