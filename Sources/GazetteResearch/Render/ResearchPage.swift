import GazetteOutput

/// The page around a diff or compare view: the site's stylesheet and top bar, and the
/// small styles those views need. Text is escaped with its quotes (`quotesInText`), as
/// these pages always have been.
enum ResearchPage {
    /// The whole page, `body` written inside `<main>`.
    static func render(title: String, stylesheet: String, capacity: Int = 1 << 16,
                       body: (inout HTMLWriter) -> Void) -> HTMLWriter {
        // The top bar's links are relative to where the stylesheet says the site root is.
        let root = stylesheet.hasSuffix("assets/style.css") ? String(stylesheet.dropLast("assets/style.css".count)) : ""
        var w = HTMLWriter(capacity: capacity, quotesInText: true)
        w.markup("<!DOCTYPE html>\n")
        w.open("html", "lang", "zh-CN"); w.markup("\n")
        w.open("head"); w.markup("\n")
        w.open("meta", "charset", "utf-8"); w.markup("\n")
        w.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1"); w.markup("\n")
        w.element("title", text: title); w.markup("\n")
        w.open("link", "rel", "stylesheet", "href", stylesheet); w.markup("\n")
        w.markup(styles)
        w.close("head"); w.markup("\n")
        w.open("body", "class", "research"); w.markup("\n")
        w.node(SiteChrome.header(root: root)); w.markup("\n")
        w.open("main", "class", "wide"); w.markup("\n")
        body(&w)
        w.markup("\n"); w.close("main"); w.markup("\n")
        w.close("body"); w.markup("\n")
        w.close("html"); w.markup("\n")
        return w
    }

    /// The diff and compare views' own styles (CSS is not HTML text: written as it is).
    static let styles: StaticString = """
        <style>
        .rs-diff{border-collapse:collapse;width:100%;table-layout:fixed}
        .rs-diff td,.rs-diff th{border:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}
        .rs-diff td.meta{width:9em;font-size:.85em;color:#555}
        .rs-diff del{background:#fdd;text-decoration:line-through}
        .rs-diff ins{background:#dfd;text-decoration:none}
        .rs-unchanged{color:#777}.rs-added td.b{background:#efe}.rs-removed td.a{background:#fee}
        .rs-moved td.meta,.rs-merged td.meta,.rs-split td.meta{background:#eef}
        .rs-heat{border-collapse:collapse}.rs-heat td,.rs-heat th{border:1px solid #ccc;padding:.25em .5em;text-align:right}
        .rs-heat th{text-align:left}main.wide{max-width:none;padding:1em 2%}.rs-new{color:#070}.rs-dropped{color:#a00}
        </style>

        """

    /// Text with each line feed shown as `<br>` (clause texts keep their line breaks).
    static func lines(_ s: String, into w: inout HTMLWriter) {
        // Most have none: one scan of the UTF-8 storage (a generic scan of `utf8` cost more
        // than writing the page).
        guard s.utf8.withContiguousStorageIfAvailable({ $0.contains(0x0A) }) ?? s.utf8.contains(0x0A) else { w.text(s); return }
        var first = true
        for piece in s.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !first { w.open("br") }
            first = false
            w.text(String(Substring(piece)))
        }
    }

    /// A URL path segment: ids are URL-safe ASCII by contract, anything else is percent-encoded.
    static func segment(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "-_.".contains(c) { out.append(c) }
            else { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
