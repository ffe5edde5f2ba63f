import Foundation
import GazetteModel

/// The clean stage's output: text without web chrome, and what was removed.
public struct CleanedText: Sendable {
    public var text: String
    public var removed: [RemovedLine]
}

/// Stage 2: drop web chrome and boilerplate lines, repair mojibake and fold odd characters.
///
/// Rules work line by line; each removed line is recorded with the rule that removed it,
/// so `gazette inspect` can show why text is missing. Rules are conservative: a line is
/// dropped only when it is short and made of chrome, never a line of running prose.
public struct Cleaner: Sendable {
    public init() {}

    /// (rule id, pattern) for whole lines that are web chrome.
    static let lineRules: [(String, NSRegularExpression)] = [
        ("font-size-controls", #"^(字号|字體|字号：|【?字体[:：]?)[:：]?\s*[【\[]?(默认|默認|大|中|小|超大|A\+|A-).*$"#),
        ("print-controls", #"^.{0,20}(打印|列印|关闭|關閉|收藏|分享)(本页|本頁|窗口|視窗)?\s*[|｜]?\s*((打印|列印|关闭|關閉|收藏|分享|保存|返回顶部|返回頂部)\s*[|｜]?\s*)*$"#),
        ("qr-code", #"^.{0,12}(扫一扫|掃一掃|微信扫|手机扫|二维码|二維碼).{0,20}$"#),
        ("report-error", #"^.{0,6}【?(我要纠错|我要糾錯)】?.{0,6}$"#),
        ("editor-credit", #"^[（(【\[]?\s*(责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|作者|撰稿)\s*[:：].{0,30}[）)】\]]?$"#),
        ("copyright", #"^.{0,40}(版权所有|版權所有|Copyright|©|ICP备|ICP備|网站标识码|網站標識碼|公网安备|公網安備|主办单位|主辦單位|承办单位|承辦單位).{0,80}$"#),
        ("related-links", #"^(相关词条|相關詞條|相关链接|相關鏈接|相关文章|相關文章|相关阅读|相關閱讀|相关新闻|相關新聞|延伸阅读|延伸閱讀|推荐阅读|热点推荐)[:：]?.{0,60}$"#),
        ("navigation", #"^(首页|首頁|当前位置|當前位置|您当前的位置|您當前的位置|您现在的位置|您現在的位置)\s*[:：>＞»].{0,100}$"#),
        ("site-header", #"^(EN|ENGLISH|English|繁体|繁體|简体|簡體|无障碍|無障礙|登录|登錄|注册|註冊|网站地图|網站地圖|手机版|手機版)(\s*[|｜]\s*(EN|ENGLISH|English|繁体|繁體|简体|簡體|无障碍|無障礙|登录|登錄|注册|註冊|网站地图|網站地圖|手机版|手機版))*$"#),
        ("url-line", #"^(https?://|www\.)\S+$"#),
        ("share-line", #"^(分享到|分享至)[:：]?.{0,40}$"#),
        ("view-count", #"^(点击数|點擊數|浏览次数|瀏覽次數|阅读次数|閱讀次數|访问量)[:：]?\s*\d*$"#),
        ("page-nav", #"^(上一篇|下一篇|上一页|下一页|返回顶部|返回頂部|返回列表)[:：]?.{0,60}$"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1, options: [])) }

    /// The source/date line of a news page (来源: … 更新时间: …) is chrome, but its date is
    /// metadata: the structure stage reads it from `removed`.
    static let sourceLine = try! NSRegularExpression(pattern: #"^(\d{4}-\d{2}-\d{2}(\s+\d{2}:\d{2}(:\d{2})?)?\s+)?(来源|來源|信息来源|信息來源|发布时间|發布時間|更新时间|更新時間|发布日期|發布日期)\s*[:：].{0,80}$"#)

    /// Pinyin in parentheses right after Chinese characters: 政务(zhèng wù) → 政务.
    static let pinyinNoise = try! NSRegularExpression(pattern: #"(?<=[\p{Han}])[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+(\s+[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)*\s*[)）]"#)
    /// Leftover or broken HTML entities: &9826; &#9826; &nbsp; &amp;nbsp
    static let entityNoise = try! NSRegularExpression(pattern: #"&(#?[xX]?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?"#)
    /// Lost-space mojibake: "? ?" or "?" standing where a space or NBSP was lost.
    static let lostSpace = try! NSRegularExpression(pattern: #"(?<=[\p{Han}\d，。、）)])\s*\?(\s*\?)*\s*(?=$|[\p{Han}\d（(])"#, options: [.anchorsMatchLines])

    static let watermark: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{E000}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}"]

    public func clean(_ input: String) -> CleanedText {
        var removed: [RemovedLine] = []
        var text = foldCharacters(input)
        text = Self.replace(Self.entityNoise, in: text, with: { m in Self.decodeEntity(m) })
        text = Self.replace(Self.pinyinNoise, in: text, rule: "pinyin-noise", removed: &removed)
        text = Self.replace(Self.lostSpace, in: text, rule: "lost-space-mojibake", removed: &removed)

        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { if lines.last?.isEmpty == false { lines.append("") }; continue }
            if let rule = chromeRule(line) {
                removed.append(RemovedLine(rule: rule, text: line))
                continue
            }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        // Drop the echo of the title that many pages print twice in a row.
        var out: [String] = []
        for l in lines {
            if let last = out.last, last == l, l.count > 8 {
                removed.append(RemovedLine(rule: "repeated-line", text: l)); continue
            }
            out.append(l)
        }
        return CleanedText(text: out.joined(separator: "\n"), removed: removed)
    }

    func chromeRule(_ line: String) -> String? {
        let range = NSRange(line.startIndex..., in: line)
        if line.utf16.count <= 160 {
            if Self.sourceLine.firstMatch(in: line, range: range) != nil { return "source-line" }
            for (rule, re) in Self.lineRules where re.firstMatch(in: line, range: range) != nil { return rule }
        }
        return nil
    }

    /// Full-width ASCII → ASCII, odd spaces → space, watermark characters removed.
    /// Full-width Chinese punctuation (，。：；（）) is kept: it is part of the text.
    func foldCharacters(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if Self.watermark.contains(u) { continue }
            if v == 0x0D { continue }
            if v >= 0xFF10 && v <= 0xFF19 || v >= 0xFF21 && v <= 0xFF3A || v >= 0xFF41 && v <= 0xFF5A {
                out.append(Unicode.Scalar(v - 0xFEE0)!)
            } else if v == 0x00A0 || v == 0x3000 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F || v == 0x09 {
                out.append(" ")
            } else if v < 0x20 && v != 0x0A {
                continue
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    static func replace(_ re: NSRegularExpression, in s: String, rule: String, removed: inout [RemovedLine]) -> String {
        let ns = s as NSString
        let matches = re.matches(in: s, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return s }
        var out = ""
        var last = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            removed.append(RemovedLine(rule: rule, text: ns.substring(with: m.range)))
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    static func replace(_ re: NSRegularExpression, in s: String, with f: (String) -> String) -> String {
        let ns = s as NSString
        let matches = re.matches(in: s, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return s }
        var out = ""
        var last = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += f(ns.substring(with: m.range))
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// Named entities become their character; numeric ones (or broken `&9826;`) that
    /// stand for symbols or decoration are dropped.
    static func decodeEntity(_ m: String) -> String {
        let body = m.trimmingCharacters(in: CharacterSet(charactersIn: "&;"))
        switch body.lowercased() {
        case "nbsp", "ensp", "emsp", "thinsp": return " "
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "ldquo": return "“"
        case "rdquo": return "”"
        case "mdash": return "—"
        case "middot": return "·"
        default: break
        }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let v = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let v, let u = Unicode.Scalar(v), v >= 0x4E00 && v <= 0x9FFF || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF) {
                return String(Character(u))
            }
            return ""
        }
        if body.allSatisfy({ $0.isNumber }) { return "" }   // &9826; — a broken numeric entity
        return m   // unknown word after & — leave the text alone
    }
}
