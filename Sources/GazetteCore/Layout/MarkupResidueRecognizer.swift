import Foundation

/// Markdown and inline-HTML residue in text that was not parsed as a page: Markdown
/// regulations (`## 第一章`, `<p id="t1"><b>第一条</b>…</p>`, `{align="center"}`,
/// `::: details` containers, TOC links), Word-paste comments (`<!--[if !supportLists]-->`)
/// and crawler leftovers (a stray `-->`). Block tags, heading markers and container fences
/// end a paragraph, so they become line breaks — which also restores the paragraphs of a
/// flattened Markdown file; inline tags and link syntax are dropped, keeping their text.
struct MarkupResidueRecognizer: LayoutRecognizer {
    var name: String { "markup" }

    static func re(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p, options: [.caseInsensitive, .anchorsMatchLines]) }

    /// (pattern, replacement), in order: comments before tags, fences before headings.
    static let rules: [(NSRegularExpression, String)] = [
        (re(#"<!--[\s\S]*?-->"#), ""),
        (re(#"(?:^|\s)-->(?=\s|$)"#), " "),
        (re(#"</?(?:p|div|br|li|ul|ol|tr|table|tbody|thead|h[1-6]|section|article|blockquote|center|hr|dd|dt|dl)\b[^<>]*>"#), "\n"),
        (re(#"</?[a-z][a-z0-9:]*\b[^<>]*>"#), ""),
        (re(#"\{[^{}\n]{0,80}=[^{}\n]{0,80}\}"#), ""),                 // {align="center"}
        (re(#"\[\[toc\]\]"#), ""),
        (re(#"!?\[([^\]\n]{0,200})\]\([^)\s]{0,400}\)"#), "$1"),        // [text](url), ![image](src)
        (re(#"(?:^|(?<=\s)):::[ \t]*(?:[a-z]+)?"#), "\n"),             // ::: details 目录, :::
        (re(#"(?:^|(?<=\s))@tab\b"#), "\n"),
        (re(#"(?:^|(?<=\s))#{1,6}[ \t]+"#), "\n"),                      // ## 第一章
        (re(#"\*\*([^*\n]{1,200})\*\*"#), "$1"),
        (re(#"(?m)^[ \t]*(?:---+|\*\*\*+|___+)[ \t]*$"#), ""),           // horizontal rules
    ]

    /// Whether the text may hold markup: a tag or comment opener, a heading marker, a fence.
    static func mayHaveMarkup(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            while i + 1 < b.count {
                let c = b[i], d = b[i + 1]
                if c == 0x3C && (d == 0x21 || d == 0x2F || (d | 0x20 >= 0x61 && d | 0x20 <= 0x7A)) { return true }   // <! </ <a
                if c == 0x23 && (d == 0x20 || d == 0x23) && (i == 0 || b[i - 1] == 0x0A || b[i - 1] == 0x20) { return true }  // "# " "##"
                if c == 0x3A && d == 0x3A && i + 2 < b.count && b[i + 2] == 0x3A { return true }   // :::
                if c == 0x2D && d == 0x2D && i + 2 < b.count && b[i + 2] == 0x3E { return true }   // -->
                if c == 0x5D && d == 0x28 { return true }   // ](
                i += 1
            }
            return false
        }
    }

    func apply(_ page: inout LayoutPage) {
        let text = page.lines.joined(separator: "\n")
        guard Self.mayHaveMarkup(text) else { return }
        var out = text
        for (re, template) in Self.rules {
            let ns = out as NSString
            let range = NSRange(location: 0, length: ns.length)
            let n = re.numberOfMatches(in: out, range: range)
            guard n > 0 else { continue }
            page.note(name, .rewrite, "\(n)× " + re.pattern)
            out = re.stringByReplacingMatches(in: out, range: range, withTemplate: template)
        }
        guard out != text else { return }
        page.lines = FastText.lines(out).map { $0.wsTrimmed }
    }
}
