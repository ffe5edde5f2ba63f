import XCTest
import GazetteCore
import GazetteModel
import GazetteOutput
@testable import GazettePublish

/// The place pages: the tree lists only divisions with documents, counts include those below,
/// every document is on its places' pages, text is escaped, and the sink comes after the site.
final class PlacePagesTests: XCTestCase {
    let resolver = RegionResolver.shared

    func entry(_ id: String, _ region: String, year: Int = 2024, title: String? = nil) -> PlacePagesSink.Entry {
        .init(id: id, title: title ?? "\(region)文件\(id)", year: year,
              place: resolver.resolve(region: region, issuer: nil, titles: [], lines: []))
    }

    func testTreeCountsAndDocumentLinks() throws {
        let entries = [entry("a", "万载县"), entry("b", "宜春市", year: 2023), entry("c", "北京市朝阳区"), entry("d", "全国"),
                       entry("e", "鼓楼区"), entry("f", "平潭综合实验区"), entry("g", "青岭市")]
        let pages = Dictionary(PlacePagesSink.pages(entries, table: .embedded).map { ($0.0, $0.1.string) }, uniquingKeysWith: { a, _ in a })
        let index = try XCTUnwrap(pages["index.html"])
        XCTAssertTrue(index.contains("<a href=\"360000.html\">江西省</a><span class=\"count\"> 2</span><ul><li id=\"p360900\"><a href=\"360900.html\">宜春市</a><span class=\"count\"> 2</span><ul><li id=\"p360922\"><a href=\"360922.html\">万载县</a><span class=\"count\"> 1</span>"), index)
        // A municipality's district directly under it.
        XCTAssertTrue(index.contains("<a href=\"110000.html\">北京市</a><span class=\"count\"> 1</span><ul><li id=\"p110105\">"))
        XCTAssertTrue(index.contains("<a href=\"national.html\">全国</a><span class=\"count\"> 1</span>"))
        XCTAssertTrue(index.contains("<a href=\"unplaced.html\">未定位</a><span class=\"count\"> 2</span>"))
        // Divisions without documents are not listed.
        XCTAssertFalse(index.contains("440000.html"))
        XCTAssertEqual(Set(pages.keys), ["index.html", "national.html", "unplaced.html", "360000.html", "360900.html", "360922.html",
                                         "110000.html", "110105.html", "350000.html", "350100.html", "350128.html"])
        // The city's page holds its county's document too, newest first.
        let city = try XCTUnwrap(pages["360900.html"])
        XCTAssertLessThan(try XCTUnwrap(city.range(of: "../doc/a.html")).lowerBound, try XCTUnwrap(city.range(of: "../doc/b.html")).lowerBound)
        XCTAssertTrue(try XCTUnwrap(pages["350128.html"]).contains("平潭综合实验区"))
        let unplaced = try XCTUnwrap(pages["unplaced.html"])
        XCTAssertTrue(unplaced.contains("../doc/e.html") && unplaced.contains("../doc/g.html"))
        XCTAssertTrue(unplaced.contains("350102 福建省/福州市/鼓楼区"))
    }

    func testTextIsEscaped() throws {
        let pages = PlacePagesSink.pages([entry("x", "宜春市", title: "<script>alert(\"x\")</script>&")], table: .embedded)
        let page = try XCTUnwrap(pages.first { $0.0 == "360900.html" }).1.string
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;&amp;") || page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"), page)
    }

    func testTheSinkComesAfterTheSiteItLinksTo() throws {
        let order = try SinkOrder.resolve([PlacePagesSink(), SiteSink()]).map(\.name)
        XCTAssertEqual(order, ["site", "places"])
        XCTAssertThrowsError(try SinkOrder.resolve([PlacePagesSink()]))
        XCTAssertEqual(Sinks.make(formats: ["site"]).map(\.name), ["site", "places"])
    }

    func testDocumentPageLinksItsPlace() {
        var d = SampleDocuments.plan(id: "p1", region: "万载县", year: 2024)
        d.place = resolver.resolve(region: "万载县", issuer: nil, titles: [], lines: [])
        XCTAssertTrue(DocumentPage.render(d).contains("<a href=\"../place/360922.html\">江西省 › 宜春市 › 万载县</a> (360922)"))
        d.place = resolver.resolve(region: "全国", issuer: nil, titles: [], lines: [])
        XCTAssertTrue(DocumentPage.render(d).contains("<a href=\"../place/national.html\">全国</a>"))
    }
}
