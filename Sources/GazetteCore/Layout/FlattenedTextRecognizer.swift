/// Flattened text: paragraphs joined onto one line (crawler exports, text copied out of a
/// page, a file whose line breaks became spaces), and labels run into the sentence before
/// them (`…制定本方案。一、总体要求`).
///
/// Two passes:
/// - **paragraph gaps.** In a long line with several of them, a space between two wide
///   characters (or before a clause label) is where a line break was: Chinese prose has no
///   spaces. Not after a bare label (`一、 概述`, `第一条 为了`), where the space is the label's.
/// - **inline labels.** In any line, after 。；！？ a label opens a new line when it continues
///   the numbering read so far (the next number of its style, or 1 under a new parent) —
///   so `统一、权威`, `一、二类`, `第五条规定`, `（一）（五）共五项`, `1.5亿元` and citations
///   stay in their sentence.
struct FlattenedTextRecognizer: LayoutRecognizer {
    var name: String { "flattened" }

    func apply(_ page: inout LayoutPage) {
        var out: [String] = []
        out.reserveCapacity(page.lines.count)
        for line in page.lines {
            if let parts = Self.splitAtGaps(line) {
                page.note(name, .split, line)
                out.append(contentsOf: parts)
            } else {
                out.append(line)
            }
        }
        var numbering = NumberingState()
        var result: [String] = []
        result.reserveCapacity(out.count)
        for line in out {
            let parts = Self.splitAtInlineLabels(line, &numbering)
            if parts.count > 1 { page.note("inline-labels", .split, line) }
            result.append(contentsOf: parts)
        }
        page.lines = result
    }

    /// The numbering read so far in the document: last number by style, and whether a
    /// higher style has opened since (then numbering may restart at 1).
    struct NumberingState {
        var last: [NumberingStyle: Int] = [:]
        var restartable: Set<NumberingStyle> = []

        static func rank(_ s: NumberingStyle) -> (family: Int, depth: Int) {
            switch s {
            case .chapter: return (0, 0)
            case .section: return (0, 1)
            case .article: return (0, 2)
            case .chineseComma: return (1, 0)
            case .parenChinese: return (1, 1)
            case .arabicDot: return (1, 2)
            case .parenArabic: return (1, 3)
            }
        }

        func fits(_ l: ClauseLabel) -> Bool {
            guard let last = last[l.style] else { return l.number == 1 || l.style == .article }
            return l.number == last + 1 || (l.number == 1 && restartable.contains(l.style))
        }

        mutating func saw(_ l: ClauseLabel) {
            last[l.style] = l.number
            restartable.remove(l.style)
            let r = Self.rank(l.style)
            for s in NumberingStyle.allCases where Self.rank(s).family == r.family && Self.rank(s).depth > r.depth { restartable.insert(s) }
        }
    }

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "；", "！", "？"]

    /// The line cut before each inline label that continues the numbering.
    static func splitAtInlineLabels(_ line: String, _ state: inout NumberingState) -> [String] {
        if let l = ClauseLabel.recognize(line) { state.saw(l) }
        let u = Array(line.unicodeScalars)
        guard u.count >= 24 else { return [line] }
        var cuts: [Int] = []
        var i = 1
        while i < u.count - 2 {
            if sentenceEnds.contains(u[i - 1]), Self.mayStartLabel(u[i]) {
                let probe = String(String.UnicodeScalarView(u[i..<min(u.count, i + 40)]))
                if let l = ClauseLabel.recognize(probe), !l.rest.isEmpty, state.fits(l), startsText(l.rest) {
                    cuts.append(i)
                    state.saw(l)
                }
            }
            i += 1
        }
        guard !cuts.isEmpty else { return [line] }
        var parts: [String] = []
        var from = 0
        for c in cuts + [u.count] {
            parts.append(String(String.UnicodeScalarView(u[from..<c])).wsTrimmed)
            from = c
        }
        return parts.filter { !$0.isEmpty }
    }

    static func mayStartLabel(_ u: Unicode.Scalar) -> Bool {
        u == "第" || u == "（" || u == "(" || (u.value >= 0x30 && u.value <= 0x39) || "一二三四五六七八九十".unicodeScalars.contains(u)
    }

    /// A label's text starts with a word or an opening quote, not a number or punctuation.
    static func startsText(_ rest: String) -> Bool {
        guard let f = rest.unicodeScalars.first else { return false }
        return f.isHan || "“《「".unicodeScalars.contains(f)
    }

    /// A long line with at least three gaps between wide characters, cut at its gaps; nil otherwise.
    static func splitAtGaps(_ line: String) -> [String]? {
        guard line.utf8.count >= 300, FastText.containsByte(line, 0x20) else { return nil }
        let u = Array(line.unicodeScalars)
        guard u.count >= 150 else { return nil }
        var cuts: [Int] = []
        var tokenStart = 0
        for i in 1..<(u.count - 1) where u[i] == " " {
            defer { tokenStart = i + 1 }
            let before = u[i - 1]
            guard before.isWide || before == ")" else { continue }
            let after = u[i + 1]
            let token = String(String.UnicodeScalarView(u[tokenStart..<i]))
            if isBareLabel(token) { continue }
            if after.isWide {
                cuts.append(i)
            } else if mayStartLabel(after) {
                let probe = String(String.UnicodeScalarView(u[(i + 1)..<min(u.count, i + 41)]))
                if ClauseLabel.recognize(probe) != nil || isBareLabel(probe.split(separator: " ").first.map(String.init) ?? "") { cuts.append(i) }
            }
        }
        guard cuts.count >= 3 else { return nil }
        var parts: [String] = []
        var from = 0
        for c in cuts + [u.count] {
            let part = String(String.UnicodeScalarView(u[from..<c])).wsTrimmed
            if !part.isEmpty { parts.append(part) }
            from = c + 1
        }
        return parts
    }

    /// A label with nothing after it: 一、 （一） 1. 第一条 第一章 第一节.
    static func isBareLabel(_ token: String) -> Bool {
        let t = Substring(token)
        guard let f = t.first, t.count <= 8 else { return false }
        let numerals = { (s: Substring) in !s.isEmpty && s.allSatisfy { ChineseNumeral.characters.contains($0) || ($0.isASCII && $0.isNumber) } }
        if f == "第", let k = t.last, "章节条".contains(k) { return numerals(t.dropFirst().dropLast()) }
        if f == "（" || f == "(", let k = t.last, k == "）" || k == ")" { return numerals(t.dropFirst().dropLast()) }
        if let k = t.last, "、.．".contains(k) { return numerals(t.dropLast()) }
        return false
    }
}
