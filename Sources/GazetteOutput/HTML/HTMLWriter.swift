/// Markup written straight into one byte buffer, for the pages with thousands of elements
/// (a document page, a facet page, a diff): no node tree, no attribute arrays, no String
/// appends. Tag and attribute names, and the few pieces of `markup`, are string literals of
/// the page code; every text and attribute value goes through `HTMLEscape`, so, as with
/// `HTMLNode`, document text can never become markup.
public struct HTMLWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether text escapes quotes too (`&quot;`, `&#39;`), as attribute values do. The
    /// research pages have always escaped their text that way; the site's pages do not.
    public let quotesInText: Bool

    public init(capacity: Int = 1 << 16, quotesInText: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.quotesInText = quotesInText
    }

    /// The page as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func open(_ name: StaticString) {
        bytes.append(0x3C); raw(name); bytes.append(0x3E)
    }

    public mutating func open(_ name: StaticString, _ a: StaticString, _ v: String) {
        bytes.append(0x3C); raw(name); attribute(a, v); bytes.append(0x3E)
    }

    public mutating func open(_ name: StaticString, _ a: StaticString, _ v: String, _ b: StaticString, _ w: String) {
        bytes.append(0x3C); raw(name); attribute(a, v); attribute(b, w); bytes.append(0x3E)
    }

    public mutating func open(_ name: StaticString, _ a: StaticString, _ v: String, _ b: StaticString, _ w: String,
                              _ c: StaticString, _ x: String) {
        bytes.append(0x3C); raw(name); attribute(a, v); attribute(b, w); attribute(c, x); bytes.append(0x3E)
    }

    public mutating func close(_ name: StaticString) {
        bytes.append(0x3C); bytes.append(0x2F); raw(name); bytes.append(0x3E)
    }

    /// `<name attrs…>text</name>`.
    public mutating func element(_ name: StaticString, _ a: StaticString, _ v: String, text: String) {
        open(name, a, v); self.text(text); close(name)
    }

    public mutating func element(_ name: StaticString, text: String) {
        open(name); self.text(text); close(name)
    }

    public mutating func text(_ s: String) { HTMLEscape.escape(s, quotes: quotesInText, into: &bytes) }

    /// Markup of the page code itself: the doctype, a style sheet, the line breaks between
    /// elements. A string literal, so never document text.
    public mutating func markup(_ s: StaticString) { raw(s) }

    /// A node tree, rendered in place (its text escaped as this writer's).
    public mutating func node(_ n: HTMLNode) {
        switch n {
        case .text(let s):
            text(s)
        case .fragment(let nodes):
            for c in nodes { node(c) }
        case .element(let name, let attrs, let children):
            precondition(HTMLEscape.isName(name), "bad tag name")
            bytes.append(0x3C); raw(name)
            for a in attrs {
                precondition(HTMLEscape.isName(a.name), "bad attribute name")
                bytes.append(0x20); raw(a.name); bytes.append(0x3D); bytes.append(0x22)
                HTMLEscape.escape(a.value, quotes: true, into: &bytes)
                bytes.append(0x22)
            }
            bytes.append(0x3E)
            if HTMLNode.isVoid(name) { return }
            for c in children { node(c) }
            bytes.append(0x3C); bytes.append(0x2F); raw(name); bytes.append(0x3E)
        }
    }

    private mutating func attribute(_ a: StaticString, _ v: String) {
        bytes.append(0x20); raw(a); bytes.append(0x3D); bytes.append(0x22)
        HTMLEscape.escape(v, quotes: true, into: &bytes)
        bytes.append(0x22)
    }

    private mutating func raw(_ s: StaticString) {
        // withUTF8Buffer, not utf8Start: a one-scalar literal ("a", "p") has no pointer.
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A tag or attribute name already checked by `HTMLEscape.isName`.
    private mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }
}
