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

    /// Render the node (and its children) to a string (`HTMLWriter.node` writes it).
    public func render() -> String {
        var w = HTMLWriter(capacity: 256)
        w.node(self)
        return w.string
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
}
