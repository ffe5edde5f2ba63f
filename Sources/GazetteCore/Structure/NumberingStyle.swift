/// The numbering styles of Chinese government documents, and the label recogniser.
///
/// Level mapping (fixed by style, not by depth, as DESIGN.md asks):
/// 一、 = 1, （一） = 2, 1. / 1、 / 1． = 3, （1） = 4.
/// Regulations use the article style instead: 第X章 = 1, 第X节 = 2 (when chapters exist),
/// 第X条 = one below the deepest of 章/节 present (1 when the document has neither);
/// items （一） and 1. inside an article are its enumeration (项) and stay in its text,
/// like the inline enumerations 一是…/①… of plans.
public enum NumberingStyle: String, Sendable, CaseIterable {
    case chapter, section, article, chineseComma, parenChinese, arabicDot, parenArabic

    /// Level by style for the 一、/（一）/1./（1） family.
    public var styleLevel: Int {
        switch self {
        case .chapter, .chineseComma: return 1
        case .section, .parenChinese: return 2
        case .article, .arabicDot: return 3
        case .parenArabic: return 4
        }
    }

    /// Prefix of the path id segment (s2.c3.i1.p2; ch1.a3).
    public var idPrefix: String {
        switch self {
        case .chapter: return "ch"
        case .section: return "se"
        case .article: return "a"
        case .chineseComma: return "s"
        case .parenChinese: return "c"
        case .arabicDot: return "i"
        case .parenArabic: return "p"
        }
    }

    public var isArticleStyle: Bool { self == .chapter || self == .section || self == .article }
}

/// A numbering label found at the start of a line.
public struct ClauseLabel: Equatable, Sendable {
    public var style: NumberingStyle
    /// The label as written, e.g. "（三）", "十一、", "2.", "第五条".
    public var label: String
    public var number: Int
    /// The text after the label (leading spaces removed).
    public var rest: String

    /// Recognise a label at the start of `line`; nil for prose.
    public static func recognize(_ line: String) -> ClauseLabel? {
        let s = Substring(line.drop(while: { $0 == " " || $0 == "\u{3000}" }))
        guard let first = s.first else { return nil }
        if first == "第" { return article(s) }
        if first == "(" || first == "（" { return parenthesized(s) }
        if first.isASCII && first.isNumber { return arabic(s) }
        if ChineseNumeral.characters.contains(first) { return chinese(s) }
        return nil
    }

    static func restAfter(_ s: Substring, _ i: Substring.Index) -> String {
        String(s[i...].drop(while: { $0 == " " || $0 == "\u{3000}" }))
    }

    static func article(_ s: Substring) -> ClauseLabel? {
        let afterDi = s.index(after: s.startIndex)
        let numEnd = s[afterDi...].firstIndex(where: { !(ChineseNumeral.characters.contains($0) || ($0.isASCII && $0.isNumber)) }) ?? s.endIndex
        guard numEnd > afterDi, numEnd < s.endIndex, let n = ChineseNumeral.value(s[afterDi..<numEnd]), n > 0 else { return nil }
        let kind = s[numEnd]
        let style: NumberingStyle
        switch kind {
        case "章": style = .chapter
        case "节": style = .section
        case "条": style = .article
        default: return nil
        }
        let after = s.index(after: numEnd)
        let rest = restAfter(s, after)
        let spaced = after < s.endIndex && (s[after] == " " || s[after] == "\u{3000}")
        if style == .article {
            // "第五条规定的…" is prose citing an article; a real article label is followed
            // by a space or starts a sentence.
            if !spaced, let c = rest.first, "的之中所规款项和、，,及至或与".contains(c) { return nil }
            // "第五条（一）项" cites an item; "第一条（目的和依据）…" is an article with a title.
            if let p = parenthesized(Substring(rest)), p.style == .parenChinese || p.style == .parenArabic { return nil }
            if rest.isEmpty { return nil }
        } else {
            // Chapter and section headings are short lines without a full stop.
            if rest.count > 40 || rest.contains("。") { return nil }
            if !spaced, let c = rest.first, "的之中所规和、，,及至或与".contains(c) { return nil }
        }
        return ClauseLabel(style: style, label: String(s[s.startIndex..<after]), number: n, rest: rest)
    }

    static func parenthesized(_ s: Substring) -> ClauseLabel? {
        guard !s.isEmpty else { return nil }
        let open = s.index(after: s.startIndex)
        guard let close = s[open...].firstIndex(where: { $0 == ")" || $0 == "）" }),
              s.distance(from: open, to: close) <= 4, close > open else { return nil }
        let inner = s[open..<close]
        let style: NumberingStyle
        if inner.allSatisfy({ $0.isASCII && $0.isNumber }) { style = .parenArabic }
        else if inner.allSatisfy({ ChineseNumeral.characters.contains($0) }) { style = .parenChinese }
        else { return nil }
        guard let n = ChineseNumeral.value(inner), n > 0 else { return nil }
        let after = s.index(after: close)
        let rest = restAfter(s, after)
        // A label alone on its line (its heading on the next) is allowed for （一）, not （1）.
        guard !rest.isEmpty || style == .parenChinese else { return nil }
        return ClauseLabel(style: style, label: String(s[s.startIndex..<after]), number: n, rest: rest)
    }

    static func arabic(_ s: Substring) -> ClauseLabel? {
        let numEnd = s.firstIndex(where: { !($0.isASCII && $0.isNumber) }) ?? s.endIndex
        guard numEnd < s.endIndex, s.distance(from: s.startIndex, to: numEnd) <= 2 else { return nil }
        let sep = s[numEnd]
        guard sep == "." || sep == "、" || sep == "．" else { return nil }
        let after = s.index(after: numEnd)
        // 1.5亿元 / 2023.3.31 / 3.5% are numbers, not labels.
        if after < s.endIndex, s[after].isASCII, s[after].isNumber || s[after] == "%" { return nil }
        guard let n = Int(s[s.startIndex..<numEnd]), n > 0 else { return nil }
        let rest = restAfter(s, after)
        guard let c = rest.first, !"%％万亿元个年月日次".contains(c) else { return nil }
        return ClauseLabel(style: .arabicDot, label: String(s[s.startIndex..<after]), number: n, rest: rest)
    }

    static func chinese(_ s: Substring) -> ClauseLabel? {
        let numEnd = s.firstIndex(where: { !ChineseNumeral.characters.contains($0) }) ?? s.endIndex
        guard numEnd < s.endIndex, s.distance(from: s.startIndex, to: numEnd) <= 4 else { return nil }
        let sep = s[numEnd]
        guard sep == "、" || sep == "." || sep == "．" else { return nil }
        guard let n = ChineseNumeral.value(s[s.startIndex..<numEnd]), n > 0 else { return nil }
        let after = s.index(after: numEnd)
        let rest = restAfter(s, after)
        // "一、二、三等奖" is an enumeration inside prose; "一、" alone leaves its heading to the next line.
        if let c = rest.first, ChineseNumeral.characters.contains(c), rest.count <= 1 || rest.dropFirst().hasPrefix("、") { return nil }
        return ClauseLabel(style: .chineseComma, label: String(s[s.startIndex..<after]), number: n, rest: rest)
    }

    /// The heading of a clause from the text after its label: up to the first 。 (outside
    /// quotes and brackets), or the whole short line; trailing colons and commas dropped.
    public static func heading(from rest: String) -> String {
        // In simple text every scalar is a character: walk the scalars, not the characters.
        let stop = SimpleText.isSimple(rest) ? headingEnd(rest.unicodeScalars) : headingEnd(rest)
        let sentence = trimHeading(stop.map { String(rest[..<$0]) } ?? rest)
        return runInHeading(sentence) ?? sentence
    }

    /// A heading run into its paragraph without punctuation, as annual reports print them
    /// (`主动公开方面平潭综合实验区切实落实…`, `概述2016年，在…`, `…的收费及减免情况2016年我区…`):
    /// the words up to 方面/情况, or up to a year that opens the paragraph. Only in a long
    /// first sentence whose paragraph runs on unpunctuated after the cut.
    static func runInHeading(_ h: String) -> String? {
        let u = Array(h.unicodeScalars)
        guard u.count > 24 else { return nil }
        let firstPause = u.firstIndex { "，；：,;:".unicodeScalars.contains($0) } ?? u.count
        // A year opening the paragraph: 概述2016年，…
        for p in 2..<min(u.count - 5, 26) where p <= firstPause {
            if u[p] == "2" || u[p] == "1", (p..<p + 4).allSatisfy({ u[$0].value >= 0x30 && u[$0].value <= 0x39 }), u[p + 4] == "年",
               u[p - 1].isHan || (u[p - 1] == " " && u[p - 2].isHan) {
                return trimHeading(String(String.UnicodeScalarView(u[..<p])))
            }
        }
        for k in 3..<min(u.count - 1, 24) where (u[k - 1] == "方" && u[k] == "面") || (u[k - 1] == "情" && u[k] == "况") {
            let next = u[k + 1]
            guard k + 1 <= firstPause, firstPause - (k + 1) >= 8, next.isHan || next == " ",
                  !"和及与的等中下".unicodeScalars.contains(next) else { continue }
            return String(String.UnicodeScalarView(u[...k]))
        }
        return nil
    }

    /// Where the heading in `rest` stops: the first 。！？ outside quotes and brackets, else
    /// (unbalanced quotes) the first full stop anywhere; nil for a heading that is all of it.
    static func headingEnd<C: Collection>(_ rest: C) -> C.Index? where C.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        var depth = 0
        var i = rest.startIndex
        while i < rest.endIndex {
            switch rest[i] {
            case "“", "《", "（", "(", "「", "『", "‘", "【", "[": depth += 1
            case "”", "》", "）", ")", "」", "』", "’", "】", "]": depth = max(0, depth - 1)
            case "。", "！", "？": if depth == 0 { return i }
            default: break
            }
            i = rest.index(after: i)
        }
        return rest.firstIndex(of: "。")
    }

    static func trimHeading(_ s: String) -> String {
        var t = Substring(s)
        while let l = t.last, " ：:；;，,、\u{3000}".contains(l) { t = t.dropLast() }
        return String(t)
    }
}
