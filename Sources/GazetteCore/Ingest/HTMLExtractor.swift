import CLibXML2
import Foundation

/// Main-text extraction from an HTML page with libxml2's HTML parser.
///
/// The page is decoded by `TextDecoder` first and handed to libxml2 as UTF-8, so a
/// wrong `<meta charset>` cannot garble it. Scripts, styles, navigation, headers,
/// footers and forms are dropped; the main content is the block with the most
/// Chinese text that is not link text. Table cells are kept apart (one row a line,
/// cells joined by a tab) so that task tables can be read later. Key–value pairs of a
/// metadata table (发文机关, 成文日期, 发文字号 …) are returned separately.
public enum HTMLExtractor {
    public struct Page: Sendable {
        public var title: String
        public var text: String
        public var metadata: [String: String]
    }

    static let skipTags: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "form",
                                        "iframe", "select", "button", "svg", "canvas", "template", "head", "object", "embed", "input", "textarea"]
    static let blockTags: Set<String> = ["p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                                         "section", "article", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "hr", "tbody", "thead"]
    static let chromeWords = ["nav", "menu", "footer", "header", "breadcrumb", "crumb", "share", "sidebar",
                              "topbar", "toolbar", "copyright", "related", "links", "login", "search", "banner", "print", "fontsize", "qrcode", "ewm"]
    static let metaKeys = ["索引号", "主题分类", "主題分類", "发文机关", "發文機關", "成文日期", "标题", "標題", "发文字号", "發文字號",
                           "发布日期", "發布日期", "发布机构", "發布機構", "主题词", "公文种类", "文号", "信息来源", "来源", "有效性"]

    /// libxml2 must be initialised once, before threads use it.
    static let parserReady: Void = { xmlInitParser() }()

    public static func extract(_ html: String) throws -> Page {
        _ = parserReady
        var bytes = Array(html.utf8)
        xmlResetLastError()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        guard let doc = bytes.withUnsafeMutableBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), "page.html", "UTF-8", options)
            }
        }) else { throw RejectReason("html-unparsable", "libxml2 could not parse the page") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw RejectReason("html-empty", "the page has no elements") }

        var title = ""
        if let t = findFirst(root, named: "title") { title = collapse(textContent(t)) }
        var metadata: [String: String] = [:]
        collectMetadata(root, into: &metadata)

        // Pick the main block: the element with the highest score of own-text CJK minus link text.
        let body = findFirst(root, named: "body") ?? root
        var best: (node: xmlNodePtr, score: Int)? = nil
        scoreBlocks(body, best: &best, depth: 0)
        let main = best?.node ?? body
        var out = ""
        render(main, into: &out, depth: 0)
        let rows = FastText.containsByte(out, 0x0D) ? out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            : FastText.lines(out)
        var text = rows
            .map { collapse(joinSourceLines($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
        // A content block that misses the page's h1 title: put the title first.
        // (Only an h1 outside the page chrome, long enough to be a title: a site banner is not one.)
        if let h1 = firstContentHeading(body) {
            let h = collapse(textContent(h1))
            if cjkCount(h) >= 6 && !SimpleText.contains(text, h) { text = h + "\n" + text }
        }
        if cjkCount(text) < 10 {
            // libxml2 stops at 256 levels of nesting: say so rather than "no text".
            if let e = xmlGetLastError(), let m = e.pointee.message, String(cString: m).contains("depth") {
                throw RejectReason("html-too-deep", "elements nested deeper than libxml2's limit of 256 levels; the text is beyond it")
            }
            throw RejectReason("html-no-text", "the page has no main text")
        }
        return Page(title: title, text: text, metadata: metadata)
    }

    static func name(_ n: xmlNodePtr) -> String {
        guard let p = n.pointee.name else { return "" }
        return String(cString: p).lowercased()
    }

    static func attr(_ n: xmlNodePtr, _ key: String) -> String {
        guard let v = xmlGetProp(n, key) else { return "" }
        defer { xmlFree(v) }
        return String(cString: v)
    }

    static func isChrome(_ n: xmlNodePtr) -> Bool {
        let tag = name(n)
        if skipTags.contains(tag) { return true }
        if n.pointee.properties == nil { return false }   // no attributes: no id, no class
        let idc = (attr(n, "id") + " " + attr(n, "class")).lowercased()
        if FastText.isBlank(idc) { return false }
        if ["content", "article", "zoom", "trs_editor"].contains(where: { SimpleText.contains(idc, $0) }) { return false }
        return chromeWords.contains { SimpleText.contains(idc, $0) }
    }

    static func textContent(_ n: xmlNodePtr) -> String {
        guard let c = xmlNodeGetContent(n) else { return "" }
        defer { xmlFree(c) }
        return String(cString: c)
    }

    static func findFirst(_ n: xmlNodePtr, named tag: String) -> xmlNodePtr? {
        var stack: [xmlNodePtr] = [n]
        while let cur = stack.popLast() {
            if cur.pointee.type == XML_ELEMENT_NODE && name(cur) == tag { return cur }
            var kids: [xmlNodePtr] = []
            var c = cur.pointee.children
            while let k = c { kids.append(k); c = k.pointee.next }
            stack.append(contentsOf: kids.reversed())
        }
        return nil
    }

    /// Counts (cjk in non-link text, cjk in links) under `n`, skipping chrome; records the best block.
    @discardableResult
    static func scoreBlocks(_ n: xmlNodePtr, best: inout (node: xmlNodePtr, score: Int)?, depth: Int) -> (Int, Int) {
        if depth > 400 { return (0, 0) }
        var own = 0, link = 0
        var c = n.pointee.children
        while let k = c {
            defer { c = k.pointee.next }
            if k.pointee.type == XML_TEXT_NODE, let content = k.pointee.content {
                own += cjkCount(cString: content)
            } else if k.pointee.type == XML_ELEMENT_NODE {
                if isChrome(k) || (name(k) == "table" && isMetadataTable(k)) { continue }
                let (o, l) = scoreBlocks(k, best: &best, depth: depth + 1)
                if name(k) == "a" { link += o + l } else { own += o; link += l }
            }
        }
        let tag = name(n)
        if ["div", "td", "article", "section", "main", "body"].contains(tag) {
            let score = own - 2 * link
            if best == nil || score > best!.score { best = (n, score) }
        }
        return (own, link)
    }

    /// The first h1 that is not inside a chrome subtree (header, nav, banner …).
    static func firstContentHeading(_ n: xmlNodePtr) -> xmlNodePtr? {
        var stack: [xmlNodePtr] = [n]
        while let cur = stack.popLast() {
            if cur.pointee.type == XML_ELEMENT_NODE {
                if cur != n && isChrome(cur) { continue }
                if name(cur) == "h1" { return cur }
            }
            var kids: [xmlNodePtr] = []
            var c = cur.pointee.children
            while let k = c { kids.append(k); c = k.pointee.next }
            stack.append(contentsOf: kids.reversed())
        }
        return nil
    }

    /// `cjkCount` of libxml2's (valid) UTF-8 text: U+4E00–U+9FFF are the three-byte
    /// sequences led by E5–E9, or by E4 with a second byte of B8 or more.
    static func cjkCount(cString p: UnsafePointer<xmlChar>) -> Int {
        var n = 0, i = 0
        while true {
            let c = p[i]
            if c == 0 { return n }
            if c >= 0xE5 && c <= 0xE9 || (c == 0xE4 && p[i + 1] >= 0xB8) { n += 1; i += 3; continue }
            i += 1
        }
    }

    static func cjkCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { b in
            var n = 0, i = 0
            while i < b.count {
                let c = b[i]
                if c >= 0xE5 && c <= 0xE9 || (c == 0xE4 && i + 1 < b.count && b[i + 1] >= 0xB8) { n += 1; i += 3; continue }
                i += 1
            }
            return n
        }
    }

    static func render(_ n: xmlNodePtr, into out: inout String, depth: Int) {
        if depth > 400 { return }
        var c = n.pointee.children
        while let k = c {
            defer { c = k.pointee.next }
            switch k.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                // A line break in the page source is marked, not kept: between two Chinese
                // characters it was only the page author's line wrapping.
                if let content = k.pointee.content { out += FastText.replacingLineFeeds(String(cString: content), with: "\u{1}") }
            case XML_ELEMENT_NODE:
                if isChrome(k) { continue }
                let tag = name(k)
                if tag == "table" && isMetadataTable(k) { continue }   // returned as `metadata`
                if (tag == "td" || tag == "th"), isLayoutCell(k) {
                    // A page laid out with a table: the cell holds the body, not a datum.
                    if !FastText.endsWithLineFeed(out) && !out.isEmpty { out += "\n" }
                    render(k, into: &out, depth: depth + 1)
                    if !FastText.endsWithLineFeed(out) { out += "\n" }
                    continue
                }
                if tag == "td" || tag == "th" {
                    var cell = ""
                    render(k, into: &cell, depth: depth + 1)
                    let flat = collapse(joinSourceLines(FastText.replacingLineFeeds(cell, with: " ")))
                    if !FastText.endsWithLineFeed(out) && !out.isEmpty && out.utf8.last != 0x09 { out += "\t" }
                    out += flat + "\t"
                    continue
                }
                if blockTags.contains(tag) && !FastText.endsWithLineFeed(out) { out += "\n" }
                render(k, into: &out, depth: depth + 1)
                if blockTags.contains(tag) && !FastText.endsWithLineFeed(out) {
                    if out.utf8.last == 0x09 { out.removeLast() }
                    out += "\n"
                }
            default: continue
            }
        }
    }

    /// A table cell used for page layout rather than data: it holds a table of its own, three
    /// or more paragraphs (p, div, br, li), or over 300 Chinese characters. A data cell of a
    /// task table (one or two paragraphs of a task) stays a cell.
    static func isLayoutCell(_ cell: xmlNodePtr) -> Bool {
        var blocks = 0, cjk = 0
        var stack: [(xmlNodePtr, Int)] = []
        var c = cell.pointee.children
        while let k = c { stack.append((k, 0)); c = k.pointee.next }
        while let (n, depth) = stack.popLast() {
            if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content {
                cjk += cjkCount(cString: content)
                if cjk > 300 { return true }
                continue
            }
            guard n.pointee.type == XML_ELEMENT_NODE, depth < 64 else { continue }
            let tag = name(n)
            if tag == "table" { return true }
            if tag == "p" || tag == "div" || tag == "br" || tag == "li" { blocks += 1; if blocks >= 3 { return true } }
            var k = n.pointee.children
            while let x = k { stack.append((x, depth + 1)); k = x.pointee.next }
        }
        return false
    }

    static let sourceBreak = "\u{1}"

    /// Resolve source line breaks: dropped next to a CJK character, a space elsewhere.
    static func joinSourceLines(_ s: String) -> String {
        guard FastText.containsByte(s, 0x01) else { return s }   // sourceBreak
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if FastText.isUnicodeWhitespace(u.value) || u == "\u{1}" {
                var j = i, sawBreak = false
                while j < scalars.count && (FastText.isUnicodeWhitespace(scalars[j].value) || scalars[j] == "\u{1}") {
                    if scalars[j] == "\u{1}" { sawBreak = true }
                    j += 1
                }
                let before = out.last, after = j < scalars.count ? scalars[j] : nil
                if sawBreak, let b = before, let a = after, isWideCharacter(b) || isWideCharacter(a) {
                    // drop: wrapping inside Chinese text
                } else {
                    for k in i..<j { out.append(scalars[k] == "\u{1}" ? " " : scalars[k]) }
                }
                i = j
                continue
            }
            out.append(u)
            i += 1
        }
        return String(out)
    }

    static func isWideCharacter(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    /// A table of page metadata (索引号 / 发文机关 / 成文日期 …): its key–value pairs go to
    /// `metadata`, not into the main text.
    static func isMetadataTable(_ table: xmlNodePtr) -> Bool {
        var stack: [xmlNodePtr] = [table]
        var cells = 0, keys = 0
        while let cur = stack.popLast(), cells <= 60 {
            if cur.pointee.type == XML_ELEMENT_NODE, name(cur) == "td" || name(cur) == "th" {
                cells += 1
                let t = collapse(textContent(cur))
                if t.count < 40 && metaKeys.contains(where: { t.hasPrefix($0) }) { keys += 1 }
                continue
            }
            var c = cur.pointee.children
            while let k = c { stack.append(k); c = k.pointee.next }
        }
        return keys >= 2 && cells <= 60 && keys * 4 >= cells
    }

    static func collectMetadata(_ root: xmlNodePtr, into meta: inout [String: String]) {
        // Tables and definition-like rows where a cell holds a key such as 发文机关.
        var stack: [xmlNodePtr] = [root]
        var visited = 0
        while let cur = stack.popLast(), visited < 200_000 {
            visited += 1
            if cur.pointee.type == XML_ELEMENT_NODE, case let tag = name(cur), tag == "td" || tag == "th" || tag == "span" || tag == "li" || tag == "p",
               let t = keyCandidateText(cur) {
                for key in metaKeys where mayStart(t, key) && t.hasPrefix(key) && t.count < 120 {
                    var value = String(t.dropFirst(key.count)).trimmingCharacters(in: CharacterSet(charactersIn: ":：  \t"))
                    if value.isEmpty, let next = nextElement(cur) { value = collapse(textContent(next)) }
                    if !value.isEmpty && meta[key] == nil { meta[key] = value }
                }
            }
            var c = cur.pointee.children
            while let k = c { stack.append(k); c = k.pointee.next }
        }
    }

    /// First scalars of `metaKeys`.
    static let metaKeyFirsts = Set(metaKeys.map { $0.unicodeScalars.first!.value })

    /// `collapse(textContent(n))` when its first character may start a key (`mayStart`),
    /// else nil — decided on libxml2's bytes before any String is made: collapse and trim
    /// drop every leading white space (`FastText.isUnicodeWhitespace` or `isWhitespace`).
    static func keyCandidateText(_ n: xmlNodePtr) -> String? {
        guard let c = xmlNodeGetContent(n) else { return nil }
        defer { xmlFree(c) }
        let length = strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))
        let b = UnsafeBufferPointer(start: UnsafePointer(c), count: length)
        var i = 0
        while i < b.count {
            let (v, len) = FastText.scalar(b, i)
            if FastText.isUnicodeWhitespace(v) || FastText.isWhitespace(v) { i += len; continue }
            guard metaKeyFirsts.contains(v) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x2F800 && v <= 0x2FA1F) else { return nil }
            return collapse(String(cString: c))
        }
        return nil
    }

    /// A necessary condition for `t.hasPrefix(key)`: the same first scalar (or a CJK
    /// compatibility ideograph, which is canonically equal to a unified one).
    @inline(__always)
    static func mayStart(_ t: String, _ key: String) -> Bool {
        guard let f = t.unicodeScalars.first?.value else { return false }
        return f == key.unicodeScalars.first!.value || (f >= 0xF900 && f <= 0xFAFF) || (f >= 0x2F800 && f <= 0x2FA1F)
    }

    static func nextElement(_ n: xmlNodePtr) -> xmlNodePtr? {
        var s = n.pointee.next
        while let k = s { if k.pointee.type == XML_ELEMENT_NODE { return k }; s = k.pointee.next }
        return nil
    }

    /// Each run of white space but TAB and U+3000 folded to one space, then trimmed.
    /// Non-space bytes are copied in runs; only lead bytes C2, E1 and E2 can start a
    /// non-ASCII white space character (U+0085, U+00A0, U+1680, U+2000–U+205F).
    static func collapse(_ s: String) -> String {
        var s = s
        let bytes: [UInt8] = s.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var lastSpace = false
            var run = 0   // start of the pending run of bytes copied as they are
            var i = 0
            while i < b.count {
                let c = b[i]
                let length: Int
                if c < 0x80 {
                    length = 1
                    guard c == 0x20 || (c >= 0x0A && c <= 0x0D) else { lastSpace = false; i += 1; continue }
                } else if c == 0xC2 || c == 0xE1 || c == 0xE2 {
                    let (v, l) = FastText.scalar(b, i)
                    length = l
                    guard FastText.isUnicodeWhitespace(v) else { lastSpace = false; i += l; continue }
                } else {
                    lastSpace = false
                    i += c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4)
                    continue
                }
                // White space to fold (not TAB, not U+3000).
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                if !lastSpace { out.append(0x20) }
                lastSpace = true
                i += length
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count]))
            return out
        }
        return FastText.trim(String(knownValidUTF8: bytes))
    }

    /// The scalar-by-scalar `collapse` (tests).
    static func referenceCollapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var lastSpace = false
        for u in s.unicodeScalars {
            let v = u.value
            if v != 0x09 && v != 0x3000 && FastText.isUnicodeWhitespace(v) {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(u)
                lastSpace = false
            }
        }
        return FastText.trim(String(out))
    }
}
