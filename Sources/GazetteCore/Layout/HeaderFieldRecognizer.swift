import Foundation

/// Crawler and archiver header lines (`标题: …`, `发布时间: …`, `title:`, `url:`, a
/// `==== 正文 ====` rule) and Markdown front matter (`---` … `---`) at the top of a file:
/// metadata, never title or body. Also read when the file was flattened onto one line.
struct HeaderFieldRecognizer: LayoutRecognizer {
    var name: String { "header-fields" }

    /// Header keys as crawlers and static-site generators write them → the page-table key
    /// the metadata stage reads (nil: recognised as a header line, not used).
    static let keys: [String: String?] = [
        "标题": "标题", "名称": "标题", "title": "标题",
        "发布时间": "发布日期", "发布日期": "发布日期", "时间": "发布日期", "日期": "发布日期", "date": "发布日期", "time": "发布日期",
        "publishdate": "发布日期", "pubdate": "发布日期",
        "文号": "发文字号", "发文字号": "发文字号",
        "发布机构": "发布机构", "发文机关": "发布机构", "author": "发布机构",
        "来源": "来源", "source": "来源", "主题分类": "主题分类",
        "原文链接": "url", "链接": "url", "url": "url", "link": "url",
        "栏目": nil, "本地目录": nil, "shorttitle": nil, "icon": nil, "category": nil, "tag": nil, "tags": nil,
        "content": nil, "keywords": nil, "description": nil, "order": nil, "id": nil,
    ]

    static let separator = try! NSRegularExpression(pattern: #"^=+\s*正文\s*=+$"#)
    static let inlineSeparator = try! NSRegularExpression(pattern: #"\s=+\s*正文\s*=+(?:\s|$)"#)
    static let fieldLine = try! NSRegularExpression(pattern: #"^([A-Za-z]+|[\p{Han}]{2,4})\s*[:：]\s?(.*)$"#)

    func apply(_ page: inout LayoutPage) {
        guard let first = page.lines.firstIndex(where: { !FastText.isBlank($0) }) else { return }
        let top = page.lines[first].wsTrimmed
        if top == "---" { frontMatter(&page, from: first); return }
        if top.hasPrefix("--- ") { flatFrontMatter(&page, at: first); return }
        // The key opens the line; a flattened file's line runs on far past it.
        guard let (k, _) = Self.field(String(top.prefix(120))), Self.keys[k] != nil else { return }
        if page.lines.count - first <= 2, SimpleText.count(top) > 200 { flatCrawlerHeader(&page, at: first); return }
        crawlerHeader(&page, from: first)
    }

    /// `key: value` with a known key, the key lowercased.
    static func field(_ line: String) -> (String, String)? {
        guard line.utf8.count < 2000, let m = MetadataExtractor.first(fieldLine, line) else { return nil }
        let key = MetadataExtractor.group(m, 1, line).lowercased()
        guard keys[key] != nil else { return nil }
        return (key, MetadataExtractor.group(m, 2, line).wsTrimmed)
    }

    func record(_ page: inout LayoutPage, _ key: String, _ value: String, source: String) {
        page.note(name, .field, key + ": " + value)
        guard let mapped = Self.keys[key.lowercased()] ?? nil, !value.isEmpty else { return }
        if !page.fields.contains(where: { $0.key == mapped }) {
            page.fields.append(HeaderField(key: mapped, value: value, source: source))
        }
    }

    /// Header lines up to a `正文` rule, a `content:` line or the first line that is not a
    /// field; at least two fields (or the rule), else nothing is taken.
    func crawlerHeader(_ page: inout LayoutPage, from first: Int) {
        var trial = page
        let limit = min(page.lines.count, first + 16)
        let rule = (first..<limit).first { MetadataExtractor.first(Self.separator, page.lines[$0].wsTrimmed) != nil }
        var i = first, fields = 0
        var bodyStart: String? = nil
        while i < (rule ?? limit) {
            let l = page.lines[i].wsTrimmed
            if l.isEmpty { i += 1; continue }
            if let (k, v) = Self.field(l) {
                fields += 1
                if k == "content" { bodyStart = v; i += 1; break }
                record(&trial, k, v, source: "crawler-header")
            } else if rule == nil {
                break
            } else {
                trial.note(name, .drop, l)   // an archiver's note inside its header
            }
            i += 1
        }
        guard fields >= 2 || rule != nil else { return }
        if let r = rule, i == r { trial.note(name, .drop, page.lines[r]); i = r + 1 }
        trial.lines.removeSubrange(first..<i)
        if let b = bodyStart, !b.isEmpty { trial.lines.insert(b, at: first) }
        page = trial
    }

    /// `---` front matter: `key: value` lines, list items (`- 规章`) belonging to the key above.
    func frontMatter(_ page: inout LayoutPage, from first: Int) {
        guard let end = page.lines[(first + 1)...].prefix(60).firstIndex(where: { $0.wsTrimmed == "---" }) else { return }
        for l in page.lines[(first + 1)..<end] {
            let t = l.wsTrimmed
            if let m = MetadataExtractor.first(Self.fieldLine, t) {
                record(&page, MetadataExtractor.group(m, 1, t), Self.unquoted(MetadataExtractor.group(m, 2, t)), source: "front-matter")
            }
        }
        page.lines.removeSubrange(first...end)
    }

    /// Front matter flattened into the first line: `--- title: … date: … --- body`.
    func flatFrontMatter(_ page: inout LayoutPage, at i: Int) {
        let line = page.lines[i].wsTrimmed
        guard let close = line.range(of: " ---", range: line.index(line.startIndex, offsetBy: 3)..<line.endIndex) else { return }
        let inner = String(line[line.index(line.startIndex, offsetBy: 4)..<close.lowerBound])
        for (k, v) in Self.pairs(inner, key: #"[A-Za-z]+"#) { record(&page, k, Self.unquoted(v), source: "front-matter") }
        page.lines[i] = String(line[close.upperBound...]).wsTrimmed
    }

    /// A crawler header flattened into the body's line: fields up to the `正文` rule or `content:`.
    func flatCrawlerHeader(_ page: inout LayoutPage, at i: Int) {
        let line = page.lines[i]
        let ns = line as NSString
        var cut: (head: String, body: String)? = nil
        if let m = MetadataExtractor.first(Self.inlineSeparator, line) {
            cut = (ns.substring(to: m.range.location), ns.substring(from: m.range.location + m.range.length))
        } else if let r = line.range(of: " content: ") ?? line.range(of: " content:") {
            cut = (String(line[..<r.lowerBound]), String(line[r.upperBound...]))
        }
        guard let (head, body) = cut else { return }
        let keyAlternatives = Self.keys.keys.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        let pairs = Self.pairs(head, key: "(?i:" + keyAlternatives + ")")
        guard pairs.count >= 2 else { return }
        for (k, v) in pairs { record(&page, k, v, source: "crawler-header") }
        page.lines[i] = body.wsTrimmed
    }

    /// `k1: v1 k2: v2 …` → pairs, each value running up to the next key.
    static func pairs(_ s: String, key: String) -> [(String, String)] {
        let re = try! NSRegularExpression(pattern: "(?:^|\\s)(" + key + ")\\s*[:：]")
        let ns = s as NSString
        let ms = re.matches(in: s, range: NSRange(location: 0, length: ns.length))
        return ms.enumerated().map { n, m in
            let end = n + 1 < ms.count ? ms[n + 1].range.location : ns.length
            let from = m.range.location + m.range.length
            return (ns.substring(with: m.range(at: 1)).lowercased(), ns.substring(with: NSRange(location: from, length: end - from)).wsTrimmed)
        }
    }

    static func unquoted(_ s: String) -> String {
        var t = s.wsTrimmed
        if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f { t = String(t.dropFirst().dropLast()) }
        return t
    }
}
