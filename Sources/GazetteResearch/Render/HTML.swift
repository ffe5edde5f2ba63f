/// Minimal HTML building with every piece of text escaped: document text reaches a page
/// only through `HTML.text` / `HTML.attr`.
public enum HTML {
    /// Escape text for element content.
    public static func text(_ s: String) -> String {
        func special(_ b: UInt8) -> Bool { b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 }
        // Most texts need no escape: scan their UTF-8 bytes in place where the string has them contiguous.
        guard s.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? s.utf8.contains(where: special) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Escape text for a double-quoted attribute value.
    public static func attr(_ s: String) -> String { text(s) }

    /// A URL path segment: ids are URL-safe ASCII by contract, anything else is percent-encoded.
    public static func segment(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "-_.".contains(c) { out.append(c) }
            else { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }

    /// A page with the gazette stylesheet and the small styles diff and compare views need.
    public static func page(title: String, stylesheet: String, body: String) -> String {
        // The site's top bar, with links relative to where the stylesheet says the site root is.
        let root = stylesheet.hasSuffix("assets/style.css") ? String(stylesheet.dropLast("assets/style.css".count)) : ""
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(text(title))</title>
        <link rel="stylesheet" href="\(attr(stylesheet))">
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
        </head>
        <body class="research">
        <header class="site"><a href="\(attr(root))index.html" class="brand">政务公开文库</a><nav><a href="\(attr(root))index.html">文件</a><a href="\(attr(root))search.html">搜索</a><a href="\(attr(root))compare.html">比较</a></nav></header>
        <main class="wide">
        \(body)
        </main>
        </body>
        </html>

        """
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
