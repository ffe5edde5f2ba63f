import GazetteModel

/// A typed HTML tree that escapes every piece of text by construction.
///
/// Document text only ever enters a page as a `.text` node or an attribute value, and
/// both are escaped when rendered; tag and attribute names are code constants, checked
/// against a strict character set. There is no way to put unescaped markup into a
/// page, so a document containing `<script>` or `"><img onerror=…>` shows it as text.
public indirect enum HTMLNode: Sendable, Equatable {
    case element(String, [HTMLAttribute], [HTMLNode])
    case text(String)
    case fragment([HTMLNode])

    /// Elements without content or end tag.
    static let voidElements: Set<String> = ["meta", "link", "br", "hr", "img", "input"]

    /// Render the node (and its children) to a string.
    public func render() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    public func render(into out: inout String) {
        switch self {
        case .text(let s):
            HTMLEscape.text(s, into: &out)
        case .fragment(let nodes):
            for n in nodes { n.render(into: &out) }
        case .element(let name, let attrs, let children):
            precondition(HTMLEscape.isName(name), "bad tag name")
            out.append("<"); out.append(name)
            for a in attrs {
                precondition(HTMLEscape.isName(a.name), "bad attribute name")
                out.append(" "); out.append(a.name); out.append("=\"")
                HTMLEscape.attribute(a.value, into: &out)
                out.append("\"")
            }
            out.append(">")
            if Self.isVoid(name) { return }
            for c in children { c.render(into: &out) }
            out.append("</"); out.append(name); out.append(">")
        }
    }

    /// `voidElements.contains(name)` without hashing the name.
    static func isVoid(_ name: String) -> Bool {
        switch name.utf8.count {
        case 2: return name == "br" || name == "hr"
        case 3: return name == "img"
        case 4: return name == "meta" || name == "link"
        case 5: return name == "input"
        default: return false
        }
    }
}

/// One attribute: a constant name and an escaped value.
public struct HTMLAttribute: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// Escaping rules for text and attribute values.
public enum HTMLEscape {
    public static func text(_ s: String, into out: inout String) { escape(s, quotes: false, into: &out) }

    public static func attribute(_ s: String, into out: inout String) { escape(s, quotes: true, into: &out) }

    /// `escape` into UTF-8 bytes: runs of ordinary bytes copied in one piece.
    static func escape(_ s: String, quotes: Bool, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            var start = 0
            var i = 0
            while i < b.count {
                // Eight bytes at once while none is at or below ">" (Chinese text, most ASCII letters).
                if i + 8 <= b.count, !ByteWord(b, at: i).hasByte(below: 0x3F) { i += 8; continue }
                defer { i += 1 }
                guard b[i] <= 0x3E else { continue }
                let rep: StaticString
                switch b[i] {
                case 0x26: rep = "&amp;"
                case 0x3C: rep = "&lt;"
                case 0x3E: rep = "&gt;"
                case 0x22 where quotes: rep = "&quot;"
                case 0x27 where quotes: rep = "&#39;"
                case 0x00: rep = "\u{FFFD}"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
                rep.withUTF8Buffer { out.append(contentsOf: $0) }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start...]))
        }
    }

    /// Copies runs of ordinary text in one piece and replaces the few special ASCII bytes;
    /// those bytes are always scalar boundaries, so the runs are whole scalars. (Appending
    /// through `out.unicodeScalars` copied the whole page on every call: quadratic.)
    static func escape(_ s: String, quotes: Bool, into out: inout String) {
        // Most text has nothing to escape: one scan, one append.
        if !needsEscape(s, quotes: quotes) {
            out.append(s)
            return
        }
        let bytes = s.utf8, scalars = s.unicodeScalars
        var start = bytes.startIndex, i = start
        while i != bytes.endIndex {
            let rep: String?
            switch bytes[i] {
            case 0x26: rep = "&amp;"
            case 0x3C: rep = "&lt;"
            case 0x3E: rep = "&gt;"
            case 0x22 where quotes: rep = "&quot;"
            case 0x27 where quotes: rep = "&#39;"
            case 0x00: rep = "\u{FFFD}"
            default: rep = nil
            }
            if let rep {
                out.append(contentsOf: Substring(scalars[start..<i]))
                out += rep
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        out.append(contentsOf: Substring(scalars[start..<bytes.endIndex]))
    }

    /// Whether `s` has a byte `escape` replaces, scanned over its UTF-8 storage.
    static func needsEscape(_ s: String, quotes: Bool) -> Bool {
        var s = s
        return s.withUTF8 { b in
            for c in b where c <= 0x3E {
                switch c {
                case 0x26, 0x3C, 0x3E, 0x00: return true
                case 0x22, 0x27: if quotes { return true }
                default: break
                }
            }
            return false
        }
    }

    public static func escapeText(_ s: String) -> String { var o = ""; text(s, into: &o); return o }

    /// Tag and attribute names: ASCII letters, digits and '-' only.
    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

/// Small constructors so page code reads like the markup it produces.
public enum H {
    public static func el(_ name: String, _ attrs: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(name, attrs.map { HTMLAttribute($0.0, $0.1) }, children)
    }
    public static func el(_ name: String, _ attrs: [(String, String)] = [], text: String) -> HTMLNode {
        .element(name, attrs.map { HTMLAttribute($0.0, $0.1) }, [.text(text)])
    }
    public static func t(_ s: String) -> HTMLNode { .text(s) }
    public static func a(_ href: String, _ text: String, _ attrs: [(String, String)] = []) -> HTMLNode {
        el("a", [("href", href)] + attrs, [.text(text)])
    }
    public static func group(_ nodes: [HTMLNode]) -> HTMLNode { .fragment(nodes) }

    /// A whole page: doctype, viewport for phones, the shared stylesheet.
    public static func page(title: String, root: String, bodyClass: String, body: [HTMLNode], scripts: [String] = []) -> String {
        page(title: title, root: root, bodyClass: bodyClass, scripts: scripts) { w in for n in body { w.node(n) } }
    }

    /// The same page with its body written straight into the page's writer.
    static func page(title: String, root: String, bodyClass: String, scripts: [String] = [], capacity: Int = 1 << 16,
                     body: (inout HTMLWriter) -> Void) -> String {
        pageBytes(title: title, root: root, bodyClass: bodyClass, scripts: scripts, capacity: capacity, body: body).string
    }

    /// The page as UTF-8 bytes, ready for its file.
    static func pageBytes(title: String, root: String, bodyClass: String, scripts: [String] = [], capacity: Int = 1 << 16,
                          body: (inout HTMLWriter) -> Void) -> HTMLWriter {
        var w = HTMLWriter(capacity: capacity)
        w.append("<!DOCTYPE html>\n")
        w.open("html", "lang", "zh-Hans")
        w.open("head")
        w.open("meta", "charset", "utf-8")
        w.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
        w.element("title", text: title)
        w.open("link", "rel", "stylesheet", "href", root + "assets/style.css")
        w.close("head")
        w.open("body", "class", bodyClass)
        body(&w)
        for s in scripts { w.open("script", "src", s); w.close("script") }
        w.close("body")
        w.close("html")
        w.append("\n")
        return w
    }
}
