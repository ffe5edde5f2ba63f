import XCTest
import GazetteCore
import GazetteModel
import GazetteOutput
@testable import GazettePublish

/// Large facets are split into pages of whole documents, linked to each other.
final class FacetPagesTests: XCTestCase {
    let docs = (0..<30).map { SampleDocuments.plan(id: String(format: "d-%02d", $0), region: "上海市", year: 1990 + $0) }

    func fixture() -> (hits: [SiteSink.FacetHit], byID: [String: DocumentSummary], rank: [String: Int]) {
        var hits: [SiteSink.FacetHit] = []
        for d in docs { for c in d.clauses.prefix(2) { hits.append(SiteSink.FacetHit(doc: d.id, clause: c.id, caption: SiteSink.caption(c))) } }
        let byID = Dictionary(uniqueKeysWithValues: docs.map { ($0.id, DocumentSummary($0)) })
        let sorted = docs.map(DocumentSummary.init).sorted(by: IndexPages.order)
        return (hits, byID, Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($0.element.id, $0.offset) }))
    }

    func testPagesHoldWholeDocumentsAndEveryClauseOnce() throws {
        let (hits, byID, rank) = fixture()
        // 2 clauses a document, pages closing at 9: 5 documents (10 clauses) a page, 6 pages.
        let pages = IndexPages.facetPages(kind: "领域", name: "平台", code: "platforms", slug: "platforms", hits: hits, docs: byID,
                                          rank: rank, pageHits: 9)
        XCTAssertEqual(pages.map(\.file), ["platforms.html"] + (2...6).map { "platforms.p\($0).html" })
        var seen: [String] = []
        for (n, p) in pages.enumerated() {
            let html = p.page.string
            let links = html.components(separatedBy: "href=\"../doc/").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
            let clauses = links.filter { $0.contains("#") }
            XCTAssertEqual(clauses.count, 10, "page \(n + 1)")
            seen += clauses
            // The totals, where this page is, and links to the other pages (not to itself).
            XCTAssertTrue(html.contains("30 份文件中的 60 条条款"))
            XCTAssertTrue(html.contains("第 \(n + 1) / 6 页"))
            XCTAssertTrue(html.contains("<strong>\(n + 1)</strong>"))
            XCTAssertFalse(html.contains("href=\"\(p.file)\""))
            for other in pages where other.file != p.file { XCTAssertTrue(html.contains("href=\"\(other.file)\""), other.file) }
            XCTAssertEqual(html.contains("上一页"), n > 0)
            XCTAssertEqual(html.contains("下一页"), n < 5)
        }
        // Every clause once, in the index's order (newest year first within a region).
        let expected = docs.reversed().flatMap { d in d.clauses.prefix(2).map { "\(d.id).html#\($0.id)" } }
        XCTAssertEqual(seen, expected)
    }

    func testASmallFacetIsOnePageWithoutPager() {
        let (hits, byID, rank) = fixture()
        let pages = IndexPages.facetPages(kind: "领域", name: "平台", code: "platforms", slug: "platforms", hits: hits, docs: byID, rank: rank)
        XCTAssertEqual(pages.map(\.file), ["platforms.html"])
        XCTAssertEqual(pages[0].page.string,
                       IndexPages.facetBytes(kind: "领域", name: "平台", code: "platforms", hits: hits, docs: byID, rank: rank).string)
        XCTAssertFalse(pages[0].page.string.contains("class=\"pager\""))
        let empty = IndexPages.facetPages(kind: "单位", name: "无", code: nil, slug: "u-x", hits: [], docs: byID, pageHits: 1)
        XCTAssertEqual(empty.map(\.file), ["u-x.html"])
    }

    func testSiteSinkWritesEveryPage() throws {
        let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try SampleDocuments.publish(docs, sinks: [SiteSink(facetPageHits: 9)], into: dir)
        let area = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("site/area").path).sorted()
        // Each sample plan has 2 participation clauses: 60 in all, 5 documents a page.
        XCTAssertTrue(area.contains("participation.html"))
        XCTAssertTrue(area.contains("participation.p6.html"))
        XCTAssertFalse(area.contains("participation.p7.html"))
        let index = try String(contentsOf: dir.appendingPathComponent("site/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"area/participation.html\""))
    }
}
