import GazetteOutput
import XCTest

/// The writer escapes every value by construction; its only unescaped input is a literal.
final class HTMLWriterTests: XCTestCase {
    func testTextAndAttributesAreEscapedAndMarkupIsALiteral() {
        var w = HTMLWriter()
        w.markup("<!DOCTYPE html>\n")
        w.open("p", "title", "a\"b'<c>&")
        w.text("<script>alert(1)</script> & \"x\" 'y'")
        w.open("br")
        w.close("p")
        XCTAssertEqual(w.string, "<!DOCTYPE html>\n<p title=\"a&quot;b&#39;&lt;c&gt;&amp;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\" 'y'<br></p>")
    }

    func testQuotesInTextAreEscapedWhenAsked() {
        var w = HTMLWriter(quotesInText: true)
        w.element("td", "class", "a", text: "引用\"标准\"与'规范' A&B <b>")
        XCTAssertEqual(w.string, "<td class=\"a\">引用&quot;标准&quot;与&#39;规范&#39; A&amp;B &lt;b&gt;</td>")
    }

    func testANodeIsWrittenInPlaceWithTheWritersTextRule() {
        let node = H.el("div", [("class", "x\"y")], [
            H.t("a<b \"c\""), H.el("br"), H.a("../doc/a.html#s1", "s1 & s2", [("title", "t'")]), H.group([H.t("z"), H.el("hr")]),
        ])
        var w = HTMLWriter()
        w.markup("<main>"); w.node(node); w.markup("</main>")
        XCTAssertEqual(w.string, "<main><div class=\"x&quot;y\">a&lt;b \"c\"<br><a href=\"../doc/a.html#s1\" title=\"t&#39;\">s1 &amp; s2</a>z<hr></div></main>")
        XCTAssertEqual(node.render(), "<div class=\"x&quot;y\">a&lt;b \"c\"<br><a href=\"../doc/a.html#s1\" title=\"t&#39;\">s1 &amp; s2</a>z<hr></div>")
        var quoted = HTMLWriter(quotesInText: true)
        quoted.node(H.t("\"c\""))
        XCTAssertEqual(quoted.string, "&quot;c&quot;")
    }
}
