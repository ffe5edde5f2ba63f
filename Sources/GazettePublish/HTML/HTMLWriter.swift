/// Markup written straight into one string, for the pages with thousands of elements (a
/// document page): no node tree, no attribute arrays. Tag and attribute names are string
/// literals of the page code; every text and attribute value goes through `HTMLEscape`,
/// so, as with `HTMLNode`, document text can never become markup.
struct HTMLWriter {
    var out: String

    init(capacity: Int = 1 << 16) {
        out = ""
        out.reserveCapacity(capacity)
    }

    mutating func open(_ name: StaticString) {
        out.append("<"); raw(name); out.append(">")
    }

    mutating func open(_ name: StaticString, _ a: StaticString, _ v: String) {
        out.append("<"); raw(name); attribute(a, v); out.append(">")
    }

    mutating func open(_ name: StaticString, _ a: StaticString, _ v: String, _ b: StaticString, _ w: String) {
        out.append("<"); raw(name); attribute(a, v); attribute(b, w); out.append(">")
    }

    mutating func open(_ name: StaticString, _ a: StaticString, _ v: String, _ b: StaticString, _ w: String, _ c: StaticString, _ x: String) {
        out.append("<"); raw(name); attribute(a, v); attribute(b, w); attribute(c, x); out.append(">")
    }

    mutating func close(_ name: StaticString) {
        out.append("</"); raw(name); out.append(">")
    }

    /// `<name attrs…>text</name>`.
    mutating func element(_ name: StaticString, _ a: StaticString, _ v: String, text: String) {
        open(name, a, v); self.text(text); close(name)
    }

    mutating func element(_ name: StaticString, text: String) {
        open(name); self.text(text); close(name)
    }

    mutating func text(_ s: String) { HTMLEscape.text(s, into: &out) }

    mutating func node(_ n: HTMLNode) { n.render(into: &out) }

    private mutating func attribute(_ a: StaticString, _ v: String) {
        out.append(" "); raw(a); out.append("=\"")
        HTMLEscape.attribute(v, into: &out)
        out.append("\"")
    }

    private mutating func raw(_ s: StaticString) {
        // withUTF8Buffer, not utf8Start: a one-scalar literal ("a", "p") has no pointer.
        s.withUTF8Buffer { out.append(String(decoding: $0, as: UTF8.self)) }
    }
}
