import XCTest
import GazetteModel
import GazetteOutput
@testable import GazettePublish

final class HTMLEscapingTests: XCTestCase {
    func testTextAndAttributesAreEscaped() {
        let node = H.el("p", [("title", "a\"b'<c>&")], [H.t("<script>alert(1)</script> & \"x\"")])
        XCTAssertEqual(node.render(), "<p title=\"a&quot;b&#39;&lt;c&gt;&amp;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\"</p>")
    }

    func testVoidElementsHaveNoEndTag() {
        XCTAssertEqual(H.el("meta", [("charset", "utf-8")]).render(), "<meta charset=\"utf-8\">")
    }

    func testDocumentPageShowsInjectedMarkupAsText() {
        let html = DocumentPage.render(SampleDocuments.plan(id: "evil", region: "上海市", year: 2020, injected: true))
        XCTAssertFalse(html.contains("<script>alert"), "a script element leaked into the page")
        XCTAssertFalse(html.contains("<img"), "an img element leaked into the page")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") || html.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"))
    }

    func testEveryClauseHasAnAnchorAndPermalink() {
        let d = SampleDocuments.plan(id: "sh-2020", region: "上海市", year: 2020)
        let html = DocumentPage.render(d)
        for c in d.clauses {
            XCTAssertTrue(html.contains("id=\"\(c.id)\""), "no anchor for \(c.id)")
            XCTAssertTrue(html.contains("href=\"#\(c.id)\""), "no permalink for \(c.id)")
        }
        XCTAssertTrue(html.contains("href=\"../diff/sh-2020.html\""))
        XCTAssertTrue(html.contains("href=\"../doc/other-doc.html#s2.c1\""), "similar clause link missing")
        XCTAssertTrue(html.contains("Corpus/copies/sh-2020.html"), "duplicate copy path missing")
        XCTAssertTrue(html.contains("<details class=\"original\">"), "original-script text missing")
        XCTAssertTrue(html.contains("落實重大行政決策"))
        XCTAssertTrue(html.contains("name=\"viewport\""))
    }

    func testClauseTreeNestsChildrenInsideParents() {
        let html = DocumentPage.render(SampleDocuments.plan(id: "sh-2020", region: "上海市", year: 2020))
        let s1 = html.range(of: "id=\"s1\"")!, c1 = html.range(of: "id=\"s1.c1\"")!, s2 = html.range(of: "id=\"s2\"")!
        XCTAssertTrue(s1.lowerBound < c1.lowerBound && c1.lowerBound < s2.lowerBound)
        // The body text does not repeat the label and heading shown in the head line.
        XCTAssertEqual(DocumentPage.bodyText(SampleDocuments.plan(id: "x", region: "上海市", year: 2020).clauses[1]),
                       "市发展改革委、市财政局分别负责落实重大行政决策预公开，6月30日前完成，年内不少于2次。")
    }
}

final class HTMLEscapingEdgeTests: XCTestCase {
    func testMultibyteAndCombiningTextAroundSpecialCharacters() {
        XCTAssertEqual(HTMLEscape.escapeText("重大<行政>决策&e\u{301}<\u{301}"), "重大&lt;行政&gt;决策&amp;e\u{301}&lt;\u{301}")
        XCTAssertEqual(HTMLEscape.escapeText(""), "")
        XCTAssertEqual(HTMLEscape.escapeText("<"), "&lt;")
        XCTAssertEqual(HTMLEscape.escapeText("a\u{0}b"), "a\u{FFFD}b")
        var out = ""
        HTMLEscape.attribute("x'\"😀", into: &out)
        XCTAssertEqual(out, "x&#39;&quot;😀")
    }
}

final class HTMLRenderScalingTests: XCTestCase {
    /// The index page of a 10,000-document corpus has tens of thousands of text nodes; a
    /// render that copies the page on every append (as appending through `unicodeScalars`
    /// did) takes minutes there. Linear rendering of 50,000 nodes takes well under a second.
    func testRenderingIsLinearInPageSize() {
        let page = H.el("ul", [], (0..<50_000).map { H.el("li", [("class", "x")], text: "第\($0)条 <重大行政决策> & 公开") })
        let t0 = Date()
        let html = page.render()
        let secs = Date().timeIntervalSince(t0)
        XCTAssertTrue(html.hasSuffix("第49999条 &lt;重大行政决策&gt; &amp; 公开</li></ul>"))
        XCTAssertLessThan(secs, 5, "rendering 50,000 nodes took \(secs) s")
    }
}
