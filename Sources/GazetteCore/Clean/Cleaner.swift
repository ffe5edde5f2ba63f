import Foundation
import GazetteModel

/// The clean stage's output: text without web chrome, and what was removed.
public struct CleanedText: Sendable {
    public var text: String
    public var removed: [RemovedLine]
    /// What layout recovery found and decided (empty for a file already one paragraph a line).
    public var layout = LaidOutText(text: "", families: [], decisions: [], fields: [])
}

/// Stage 2: drop web chrome and boilerplate lines, repair mojibake and fold odd characters.
///
/// Order, and why:
/// 0. layout recovery's first steps (`LayoutRecovery.rejoin`: page numbers, hard wraps) on
///    the text as decoded, while line lengths still show a wrap width; its other steps run
///    between 1 and 2, so that chrome a flattened page carries inline stands on its own line;
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
        var result = cleanOnce(input)
        // Layout recovery can bring together what the repairs or the line rules would take
        // (a tag cut by a line break, chrome on a line of its own): when it acted, clean the
        // result again until nothing changes, so the output stays a fixed point.
        var rounds = 0
        while !result.layout.families.isEmpty, rounds < 3 {
            let again = cleanOnce(result.text)
            if again.text == result.text { break }
            result.text = again.text
            result.removed += again.removed
            result.layout.decisions += again.layout.decisions
            result.layout.families += again.layout.families.filter { !result.layout.families.contains($0) }
            result.layout.fields += again.layout.fields
            rounds += 1
        }
        return result
    }

    func cleanOnce(_ input: String) -> CleanedText {
        var removed: [RemovedLine] = []
        let rejoined = LayoutRecovery().rejoin(input)
        var text = rejoined.text
        for _ in 0..<8 {
            var r: [RemovedLine] = []
            let folded = TextRepair.fold(text, removed: &r)
            let decoded = TextRepair.decodeEntities(folded, removed: &r)
            let unpinyined = TextRepair.removePinyin(decoded, removed: &r)
            let t = TextRepair.repairLostSpaces(unpinyined, removed: &r)
            removed += r
            if t == text { break }
            text = t
            // Only the fold changed the text: the fold is idempotent and the other repairs
            // found nothing in its output, so another round would change nothing.
            if Self.sameBytes(folded, decoded) && Self.sameBytes(decoded, unpinyined) && Self.sameBytes(unpinyined, t) { break }
        }

        // Layout recovery between the repairs and the line rules: see `LayoutRecovery`.
        var layout = LayoutRecovery().recover(text, after: rejoined)
        let (lines, lineRemovals) = Self.lineRules(layout.text)
        layout.text = ""
        return CleanedText(text: lines, removed: removed + lineRemovals, layout: layout)
    }

    /// Steps 2–4 on the repaired text: its kept lines joined by LF, and what was removed.
    /// Lines are cut, tidied and compared on the UTF-8 bytes; a String is made only for a
    /// line that some rule's keys admit (or that is removed).
    static func lineRules(_ text: String) -> (String, [RemovedLine]) {
        if FastText.containsByte(text, 0x0D) { return lineRulesByString(text) }   // the repairs leave no CR
        var removed: [RemovedLine] = []
        var out: [UInt8] = []
        var last: Range<Int>? = nil, lastSimple = true
        var block: (rule: String, body: NSRegularExpression?)? = nil
        var text = text
        text.withUTF8 { b in
            guard let base = b.baseAddress else { return }
            out.reserveCapacity(b.count)
            var tidied: [UInt8] = []
            var start = 0
            while start < b.count {
                let end = memchr(base + start, 0x0A, b.count - start).map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? b.count
                defer { start = end + 1 }
                if end == start { continue }
                let raw = UnsafeBufferPointer(rebasing: b[start..<end])
                let tidy = tidy(raw, into: &tidied)
                let process = { (line: UnsafeBufferPointer<UInt8>) in
                    if line.isEmpty { return }
                    let string = { String(knownValidUTF8: line) }
                    if let blk = block {
                        let s = string()
                        if belongs(s, to: blk.body) { removed.append(RemovedLine(rule: blk.rule, text: s)); return }
                        block = nil
                    }
                    let first = FastText.scalar(line, 0).value
                    if relatedKeys.admits(first: first), case let s = string(), ChromeRules.matches(ChromeRules.relatedHeader, s) {
                        removed.append(RemovedLine(rule: "related-links", text: s))
                        block = ("related-links", nil)
                        return
                    }
                    if disclaimerKeys.admits(first: first), case let s = string(), s.count <= 8, ChromeRules.matches(ChromeRules.disclaimerHeader, s) {
                        removed.append(RemovedLine(rule: "site-disclaimer", text: s))
                        block = ("site-disclaimer", ChromeRules.disclaimerBody)
                        return
                    }
                    let scan = ChromeRules.keyTable.scanLine(line)
                    if let chrome = ChromeRules.rule(utf8: line, scan: scan) {
                        removed.append(RemovedLine(rule: chrome.rule, text: chrome.line))
                        return
                    }
                    let simple = scan.simple
                    if let l = last {
                        let same = out[l].elementsEqual(line) || (!(simple && lastSimple) && out[l].withUnsafeBufferPointer { String(knownValidUTF8: $0) } == string())
                        if same, case let s = string(), s.count > 8 {
                            removed.append(RemovedLine(rule: "repeated-line", text: s))
                            return
                        }
                    }
                    if last != nil { out.append(0x0A) }
                    let at = out.count
                    out.append(contentsOf: line)
                    last = at..<out.count
                    lastSimple = simple
                }
                if tidy { tidied.withUnsafeBufferPointer { process($0) } } else { process(raw) }
            }
        }
        return (String(knownValidUTF8: out), removed)
    }

    /// Whether two strings hold the same UTF-8 bytes (the same storage, without comparing).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.baseAddress == y.baseAddress || x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    /// The line steps on Strings, for text that still holds a CR.
    static func lineRulesByString(_ text: String) -> (String, [RemovedLine]) {
        var removed: [RemovedLine] = []
        var out: [String] = []
        var block: (rule: String, body: NSRegularExpression?)? = nil
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
        return (out.joined(separator: "\n"), removed)
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
    /// `tidy` on bytes: false when the line needs nothing (use it as it is), else true with
    /// the tidied line in `out` (empty for a blank line).
    static func tidy(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard s.contains(where: { $0 == 0x20 || $0 == 0x09 }) else { return false }
        out.removeAll(keepingCapacity: true)
        var space = false
        for c in s {
            if c == 0x20 { space = true; continue }
            if space && !out.isEmpty && c != 0x09 && out.last != 0x09 { out.append(0x20) }
            space = false
            out.append(c)
        }
        if out.allSatisfy({ $0 == 0x09 }) { out.removeAll(keepingCapacity: true) }
        return true
    }

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
