import GazetteOutput

/// The site's page template.
extension H {
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
        w.markup("<!DOCTYPE html>\n")
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
        w.markup("\n")
        return w
    }
}
