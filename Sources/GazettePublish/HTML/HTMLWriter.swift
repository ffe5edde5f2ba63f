/// Markup written straight into one byte buffer, for the pages with thousands of elements
/// (a document page, a facet page): no node tree, no attribute arrays, no String appends.
/// Tag and attribute names are string literals of the page code; every text and attribute
/// value goes through `HTMLEscape`, so, as with `HTMLNode`, document text can never become markup.
struct HTMLWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// The page as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open(_ name: StaticString) {
        bytes.append(0x3C); raw(name); bytes.append(0x3E)
    }

    mutating func open(_ name: StaticString, _ a: StaticString, _ v: String) {
        bytes.append(0x3C); raw(name); attribute(a, v); bytes.append(0x3E)
    }

    mutating func open(_ name: StaticString, _ a: StaticString, _ v: String, _ b: StaticString, _ w: String) {
        bytes.append(0x3C); raw(name); attribute(a, v); attribute(b, w); bytes.append(0x3E)
    }

    mutating func open(_ name: StaticString, _ a: StaticString, _ v: String, _ b: StaticString, _ w: String, _ c: StaticString, _ x: String) {
        bytes.append(0x3C); raw(name); attribute(a, v); attribute(b, w); attribute(c, x); bytes.append(0x3E)
    }

    mutating func close(_ name: StaticString) {
        bytes.append(0x3C); bytes.append(0x2F); raw(name); bytes.append(0x3E)
    }

    /// `<name attrs…>text</name>`.
    mutating func element(_ name: StaticString, _ a: StaticString, _ v: String, text: String) {
        open(name, a, v); self.text(text); close(name)
    }

    mutating func element(_ name: StaticString, text: String) {
        open(name); self.text(text); close(name)
    }

    mutating func text(_ s: String) { HTMLEscape.escape(s, quotes: false, into: &bytes) }

    mutating func node(_ n: HTMLNode) {
        var s = ""
        n.render(into: &s)
        append(s)
    }

    /// Markup or text that needs no escaping (the doctype, a rendered node).
    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
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
}
