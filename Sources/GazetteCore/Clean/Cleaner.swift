import Foundation
import GazetteModel

/// The clean stage's output: text without web chrome, and what was removed.
public struct CleanedText: Sendable {
    public var text: String
    public var removed: [RemovedLine]
}

/// Stage 2: drop web chrome and boilerplate lines, repair mojibake and fold odd characters.
///
/// Order, and why:
/// 1. character repairs (`TextRepair`: folding, entities, pinyin noise, lost spaces),
///    repeated until nothing changes — decoding `&amp;lt;` or dropping a watermark can
///    expose another repair, and the output must be a fixed point;
/// 2. line rules (`ChromeRules`), on trimmed lines with runs of spaces folded — blank
///    lines are layout, not text, and are dropped so that a page and its plain-text copy
///    clean to the same text;
/// 3. blocks: a 相关词条/related-links header takes the short link lines after it, a
///    声明 header takes the disclaimer lines after it;
/// 4. an echo of the previous line (a page printing its title twice) is dropped.
/// Every removal is recorded with its rule. Rules are conservative: a line with a
/// Chinese full stop is prose and is never dropped.
public struct Cleaner: Sendable {
    public init() {}

    public func clean(_ input: String) -> CleanedText {
        var removed: [RemovedLine] = []
        var text = input
        for _ in 0..<8 {
            var r: [RemovedLine] = []
            var t = TextRepair.fold(text, removed: &r)
            t = TextRepair.decodeEntities(t, removed: &r)
            t = TextRepair.removePinyin(t, removed: &r)
            t = TextRepair.repairLostSpaces(t, removed: &r)
            removed += r
            if t == text { break }
            text = t
        }

        var out: [String] = []
        var block: (rule: String, body: NSRegularExpression?)? = nil
        // Split on the byte: the repairs leave no CR, so "\n" is a Character of its own.
        for raw in FastText.lines(text) where !raw.isEmpty {
            let line = Self.tidy(raw)
            if line.isEmpty { continue }
            if let b = block {
                if Self.belongs(line, to: b.body) { removed.append(RemovedLine(rule: b.rule, text: line)); continue }
                block = nil
            }
            if Self.relatedKeys.admit(line), ChromeRules.matches(ChromeRules.relatedHeader, line) {
                removed.append(RemovedLine(rule: "related-links", text: line))
                block = ("related-links", nil)
                continue
            }
            if Self.disclaimerKeys.admit(line), line.count <= 8, ChromeRules.matches(ChromeRules.disclaimerHeader, line) {
                removed.append(RemovedLine(rule: "site-disclaimer", text: line))
                block = ("site-disclaimer", ChromeRules.disclaimerBody)
                continue
            }
            if let rule = ChromeRules.rule(for: line) {
                removed.append(RemovedLine(rule: rule, text: line))
                continue
            }
            if let last = out.last, last == line, line.count > 8 {
                removed.append(RemovedLine(rule: "repeated-line", text: line))
                continue
            }
            out.append(line)
        }
        return CleanedText(text: out.joined(separator: "\n"), removed: removed)
    }

    /// A line inside a block: for a disclaimer, one that speaks of the site or reprints;
    /// for a link block, a short line without sentence punctuation.
    static func belongs(_ line: String, to body: NSRegularExpression?) -> Bool {
        if let body {
            return line.count <= 400 && ChromeRules.matches(body, line)
                && (line.hasPrefix("①") || line.hasPrefix("②") || line.hasPrefix("③") || line.hasPrefix("④") || line.contains("本网站") || line.contains("本網站") || line.contains("本站"))
        }
        return line.count <= 40 && !line.contains("。") && !line.contains("；") && !line.contains(";")
            && !ChromeRules.matches(numbered, line)
    }

    /// First characters of the block headers (相关词条 延伸阅读 推荐阅读 热点推荐 …; 声明 免责声明 版权声明 郑重声明).
    static let relatedKeys = ChromeRules.Keys(first: "相延推热熱")
    static let disclaimerKeys = ChromeRules.Keys(first: "声聲免版郑鄭")

    /// A numbered heading (一、 （一） 1. 第一条) is document structure, never a link.
    static let numbered = try! NSRegularExpression(pattern: #"^([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十百]+[章条节])"#)

    /// Trim a line and fold each run of spaces to one. TABs (table cells) stay, without
    /// spaces around them; a line of nothing but TABs and spaces is blank.
    static func tidy(_ s: String) -> String {
        if !FastText.containsByte(s, 0x20) && !FastText.containsByte(s, 0x09) { return s }   // nothing to fold
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if u == " " { space = true; continue }
            if space && !out.isEmpty && u != "\t" && out.last != "\t" { out.append(" ") }
            space = false
            out.append(u)
        }
        if out.allSatisfy({ $0 == "\t" }) { return "" }
        return String(out)
    }
}
