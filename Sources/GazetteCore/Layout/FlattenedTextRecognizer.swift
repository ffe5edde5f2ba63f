/// Flattened text: paragraphs joined onto one line (crawler exports, text copied out of a
/// page, a file whose line breaks became spaces), and labels run into the sentence before
/// them (`…制定本方案。一、总体要求`).
///
/// Two passes:
/// - **paragraph gaps.** In a long line with several of them, a space between two wide
///   characters (or before a clause label) is where a line break was: Chinese prose has no
///   spaces. Not after a bare label (`一、 概述`, `第一条 为了`), where the space is the label's.
/// - **inline labels.** In any line, after 。；！？： a label opens a new line when it continues
///   the numbering read so far (the next number of its style, or 1 under a new parent) —
///   so `统一、权威`, `一、二类`, `第五条规定`, `（一）（五）共五项`, `1.5亿元` and citations
///   stay in their sentence.
struct FlattenedTextRecognizer: LayoutRecognizer {
    var name: String { "flattened" }

    func apply(_ page: inout LayoutPage) {
        page.splitLines(name, Self.splitAtGaps)
        let out = page.lines
        // Most lines can hold no inline label: skip the numbering bookkeeping for a file none of whose lines can.
        guard out.contains(where: Self.mayHoldInlineLabel) else { return }
        var numbering = NumberingState()
        // Labels the document already starts a line with: the same label inside a sentence
        // is a summary or a cross-reference (（三）…。1.公开政策；2.公开信息。 above the items), not a lost break.
        numbering.atLineStarts = Set(out.compactMap { ClauseLabel.recognize($0).map(NumberingState.key) })
        var result: [String] = []
        result.reserveCapacity(out.count)
        for line in out {
            // A table row (cells joined by TAB) keeps its cells whole: a task cell's own 1. items are not clauses.
            guard !FastText.containsByte(line, 0x09), Self.mayHoldInlineLabel(line) else {
                if let l = ClauseLabel.recognize(line) { numbering.saw(l) }
                result.append(line)
                continue
            }
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
        var atLineStarts: Set<String> = []

        static func key(_ l: ClauseLabel) -> String { "\(l.style.rawValue)|\(l.number)|\(l.rest.prefix(6))" }

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
            if atLineStarts.contains(Self.key(l)) { return false }
            guard let last = last[l.style] else { return l.number == 1 || l.style == .article }
            return l.number == last + 1 || (l.number == 1 && restartable.contains(l.style))
        }

        mutating func saw(_ l: ClauseLabel) {
            last[l.style] = l.number
            restartable.remove(l.style)
            let r = Self.rank(l.style)
            for s in NumberingStyle.allCases where Self.rank(s).family == r.family && Self.rank(s).depth > r.depth { restartable.insert(s) }
            // An article's items (（一）, 1.) are numbered afresh in every article.
            if l.style == .article { restartable.formUnion([.parenChinese, .arabicDot, .parenArabic]) }
        }
    }

    /// What ends the text before an inline label: a sentence, or a colon that opens a list (措施如下：（一）…).
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "；", "！", "？", "："]

    /// The line cut before each inline label that continues the numbering: after 。；！？：
    /// (a space between allowed), or — headings run into their text (`二、主动公开政府信息情况（一）…`,
    /// `（二）工作制度方面1、明确…`) — a label of a deeper style within a short unpunctuated
    /// run after the line's own label.
    static func splitAtInlineLabels(_ line: String, _ state: inout NumberingState) -> [String] {
        let own = ClauseLabel.recognize(line)
        if let l = own { state.saw(l) }
        let u = Array(line.unicodeScalars)
        guard u.count >= 12 else { return [line] }
        // Where the run-in heading window of the line's own label ends.
        func window(_ l: ClauseLabel, at start: Int) -> (style: NumberingStyle, end: Int) {
            let from = start + l.label.unicodeScalars.count
            var k = from
            while k < u.count, k - from <= 32, !"，。；：、,;:！？ ".unicodeScalars.contains(u[k]) { k += 1 }
            return (l.style, k)
        }
        var runIn: (style: NumberingStyle, end: Int)? = nil
        if let l = own, let start = u.firstIndex(where: { !$0.properties.isWhitespace }) { runIn = window(l, at: start) }
        var cuts: [Int] = []
        var i = 1
        while i < u.count - 2 {
            let afterSentence = sentenceEnds.contains(u[i - 1]) || (u[i - 1] == " " && i >= 2 && sentenceEnds.contains(u[i - 2]))
            let inRunIn = runIn.map { i > 1 && i <= $0.end } ?? false
            // A section label run on after a flattened table's last figure: …5949.08三、收到和处理…
            let afterFigure = (u[i - 1].value >= 0x30 && u[i - 1].value <= 0x39) || u[i - 1] == "%"
            if afterSentence || inRunIn || afterFigure, Self.mayStartLabel(u[i]), u[i - 1] != "第" {
                let probe = string(u, i..<min(u.count, i + 40))
                if let l = ClauseLabel.recognize(probe), !l.rest.isEmpty, state.fits(l), startsText(l.rest),
                   afterSentence
                    || (inRunIn && l.style.styleLevel > runIn!.style.styleLevel && l.style.isArticleStyle == runIn!.style.isArticleStyle)
                    || (afterFigure && l.style == .chineseComma && state.last[.chineseComma].map { l.number == $0 + 1 } == true
                        && !Self.opensTableRow(l.rest)) {
                    cuts.append(i)
                    state.saw(l)
                    runIn = afterSentence ? window(l, at: i) : nil
                }
            }
            i += 1
        }
        guard !cuts.isEmpty else { return [line] }
        var parts: [String] = []
        var from = 0
        for c in cuts + [u.count] {
            parts.append(string(u, from..<c).wsTrimmed)
            from = c
        }
        return parts.filter { !$0.isEmpty }
    }

    /// A necessary condition for `splitAtInlineLabels` to cut, on scalar values: a label
    /// prefix (`一、` `（一）` `1.` `第一条` …) after 。！？；： (a space between allowed), a Chinese
    /// one after a figure, or — for
    /// a heading run into its text — a line that starts with one and has another among its
    /// next 48 characters.
    static func mayHoldInlineLabel(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { b in
            guard b.count >= 12 else { return false }
            var v: [UInt32] = []
            v.reserveCapacity(b.count / 2)
            var i = 0
            while i < b.count { let (x, n) = FastText.scalar(b, i); v.append(x); i += n }
            var k = 0
            while k < v.count, FastText.isWhitespace(v[k]) { k += 1 }
            let first = k
            let runIn = labelPrefix(v, at: first)
            var afterEnd = false, afterFigure = false
            while k < v.count {
                let x = v[k]
                if (afterEnd || (runIn && k > first + 1 && k <= first + 48) || (afterFigure && x >= 0x4E00)) && labelPrefix(v, at: k) { return true }
                if x != 0x20 { afterEnd = x == 0x3002 || x == 0xFF1B || x == 0xFF01 || x == 0xFF1F || x == 0xFF1A }
                afterFigure = (x >= 0x30 && x <= 0x39) || x == 0x25
                k += 1
            }
            return false
        }
    }

    /// Whether a label's numbering starts at `k`: numerals then 、 . ．, （ numerals ）, 第 numerals 章/节/条.
    static func labelPrefix(_ v: [UInt32], at k: Int) -> Bool {
        guard k < v.count else { return false }
        func numerals(from j: Int) -> Int {
            var e = j
            while e < v.count, e - j < 5, isNumeralValue(v[e]) { e += 1 }
            return e
        }
        let x = v[k]
        if x == 0x7B2C {   // 第
            let e = numerals(from: k + 1)
            return e > k + 1 && e < v.count && (v[e] == 0x7AE0 || v[e] == 0x8282 || v[e] == 0x6761)
        }
        if x == 0xFF08 || x == 0x28 {   // （ (
            let e = numerals(from: k + 1)
            return e > k + 1 && e < v.count && (v[e] == 0xFF09 || v[e] == 0x29)
        }
        guard isNumeralValue(x) else { return false }
        let e = numerals(from: k)
        return e < v.count && (v[e] == 0x3001 || v[e] == 0x2E || v[e] == 0xFF0E)
    }

    /// ASCII digits and the Chinese numerals of labels (一 … 十, 百, 〇, 零, 两).
    @inline(__always)
    static func isNumeralValue(_ x: UInt32) -> Bool {
        switch x {
        case 0x30...0x39, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x3007, 0x96F6, 0x4E24: return true
        default: return false
        }
    }

    static func mayStartLabel(_ u: Unicode.Scalar) -> Bool {
        u == "第" || u == "（" || u == "(" || (u.value >= 0x30 && u.value <= 0x39) || "一二三四五六七八九十".unicodeScalars.contains(u)
    }

    /// A table row's label: its words run into a run of five or more figures within 20
    /// characters (`结转下年度继续办理0000000`); a year has four.
    static func opensTableRow(_ rest: String) -> Bool {
        var run = 0
        for (n, u) in rest.unicodeScalars.enumerated() {
            if n >= 20 { break }
            if u.value >= 0x30 && u.value <= 0x39 { run += 1; if run >= 5 { return true } } else { run = 0 }
        }
        return false
    }

    /// A label's text starts with a word or an opening quote, not a number or punctuation.
    static func startsText(_ rest: String) -> Bool {
        guard let f = rest.unicodeScalars.first else { return false }
        // 第（一）项, （二）款: a citation of an item, not a label.
        return (f.isHan && !"项款条目号".unicodeScalars.contains(f)) || "“《「".unicodeScalars.contains(f)
    }

    /// A long line with at least three gaps between wide characters, cut at its gaps; nil otherwise.
    /// Where the token before a gap ends with a bare label glued to the text before it
    /// (`…制定本规定。第二条 本规定所称`), the space is the label's: the cut goes before the label.
    static func splitAtGaps(_ line: String) -> [String]? {
        guard line.utf8.count >= 300, FastText.containsByte(line, 0x20), !FastText.containsByte(line, 0x09) else { return nil }
        let u = Array(line.unicodeScalars)
        guard u.count >= 150 else { return nil }
        var cuts: [(end: Int, next: Int)] = []
        var tokenStart = 0
        for i in 1..<(u.count - 1) where u[i] == " " {
            defer { tokenStart = i + 1 }
            let before = u[i - 1]
            guard before.isWide || before == ")" || before == "." else { continue }
            let after = u[i + 1]
            // The space after a date that opened its line belongs to the date's line.
            if cuts.last?.next == tokenStart, Self.fullDateToken(u, at: tokenStart) { continue }
            if let k = labelSuffixStart(u, tokenStart: tokenStart, end: i) {
                if k > tokenStart, !"的之中所规款项和、，,及至或与".unicodeScalars.contains(after) { cuts.append((k, k)) }
                continue
            }
            if after.isWide {
                cuts.append((i, i + 1))
            } else if Self.fullDateToken(u, at: i + 1), Self.passageRecordFollows(u, dateAt: i + 1) {
                // A regulation's passage history run together (…条例 2016年12月26日
                // 某市人大常委会第N次会议通过 2017年1月18日 …批准): each date opens its record.
                cuts.append((i, i + 1))
            } else if mayStartLabel(after) {
                let probe = string(u, (i + 1)..<min(u.count, i + 41))
                if ClauseLabel.recognize(probe) != nil || isBareLabel(probe.split(separator: " ").first.map(String.init) ?? "") { cuts.append((i, i + 1)) }
            }
        }
        guard cuts.count >= 3 else { return nil }
        var parts: [String] = []
        var from = 0
        for c in cuts + [(u.count, u.count)] {
            let part = string(u, from..<c.end).wsTrimmed
            if !part.isEmpty { parts.append(part) }
            from = c.next
        }
        return parts
    }

    /// Whether the words after the date token at `k` record a passage, approval or
    /// promulgation (…会议通过, …批准, …令第45号公布, …施行) — not a signature's date.
    static func passageRecordFollows(_ u: [Unicode.Scalar], dateAt k: Int) -> Bool {
        guard let space = u[k...].firstIndex(of: " ") else { return false }
        let end = u[(space + 1)...].firstIndex(of: " ") ?? u.count
        let words = string(u, (space + 1)..<end)
        return ["通过", "批准", "公布", "施行", "修正", "修订"].contains { words.hasSuffix($0) }
    }

    /// Whether a date YYYY年M月D日 standing as a token of its own (a space after it) starts at `k`.
    static func fullDateToken(_ u: [Unicode.Scalar], at k: Int) -> Bool {
        func digits(_ from: Int, _ min: Int, _ max: Int) -> Int? {
            var e = from
            while e < u.count, e - from < max, u[e].value >= 0x30 && u[e].value <= 0x39 { e += 1 }
            return e - from >= min ? e : nil
        }
        guard let y = digits(k, 4, 4), y < u.count, u[y] == "年", let m = digits(y + 1, 1, 2), m < u.count, u[m] == "月",
              let d = digits(m + 1, 1, 2), d < u.count, u[d] == "日" else { return false }
        return d + 1 < u.count && u[d + 1] == " "
    }

    /// Where a bare label that ends the token `u[tokenStart..<end]` begins (第X章/节/条 after
    /// anything; 一、 （一） 1. only at the token's start or after 。；：), or nil.
    static func labelSuffixStart(_ u: [Unicode.Scalar], tokenStart: Int, end: Int) -> Int? {
        guard end > tokenStart else { return nil }
        let last = u[end - 1]
        let isNumeral = { (x: Unicode.Scalar) in ChineseNumeral.characters.contains(Character(x)) || (x.value >= 0x30 && x.value <= 0x39) }
        var k = end - 1
        if "章节条".unicodeScalars.contains(last) {
            k -= 1
            let digitsEnd = k
            while k >= tokenStart, isNumeral(u[k]), digitsEnd - k < 5 { k -= 1 }
            guard k < digitsEnd, k >= tokenStart, u[k] == "第" else { return nil }
            return k
        }
        if last == "）" || last == ")" {
            k -= 1
            let digitsEnd = k
            while k >= tokenStart, isNumeral(u[k]), digitsEnd - k < 4 { k -= 1 }
            guard k < digitsEnd, k >= tokenStart, u[k] == "（" || u[k] == "(" else { return nil }
        } else if last == "、" || last == "." || last == "．" {
            k -= 1
            let digitsEnd = k
            while k >= tokenStart, isNumeral(u[k]), digitsEnd - k < 4 { k -= 1 }
            guard k < digitsEnd else { return nil }
            k += 1
        } else {
            return nil
        }
        guard k == tokenStart || "。；：！？".unicodeScalars.contains(u[k - 1]) else { return nil }
        return k
    }

    /// A label with nothing after it: 一、 （一） 1. 第一条 第一章 第一节.
    static func isBareLabel(_ token: String) -> Bool {
        let u = Array(token.unicodeScalars)
        return u.count <= 8 && labelSuffixStart(u, tokenStart: 0, end: u.count) == 0
    }

    /// `u[range]` as a String.
    static func string(_ u: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(u[range]))
    }
}
