import XCTest
import GazetteCore
import GazetteModel
import GazetteOutput
@testable import GazettePublish

/// Region, year and type pages list every document once each; year and type pages split.
final class ListPagesTests: XCTestCase {
    /// 3 regions × 8 years, in the index's order.
    let docs: [DocumentSummary] = (0..<24).map { i in
        DocumentSummary(SampleDocuments.plan(id: String(format: "d-%02d", i), region: ["上海市", "北京市", "广州市"][i % 3], year: 2015 + i / 3))
    }.sorted(by: IndexPages.order)

    func docLinks(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"../doc/").dropFirst().map { String($0.prefix(while: { $0 != "." })) }
    }

    func testEveryDocumentOnceInEachKindOfPage() {
        let pages = IndexPages.allListPages(docs, pageDocs: 5)
        for kind in ["region/", "year/", "type/"] {
            let listed = pages.filter { $0.path.hasPrefix(kind) }.flatMap { docLinks($0.page.string) }
            XCTAssertEqual(listed.sorted(), docs.map(\.id).sorted(), kind)
        }
        let paths = Set(pages.map(\.path))
        XCTAssertTrue(paths.contains("region/\(IndexPages.regionSlug("北京市")).html"))
        XCTAssertTrue(paths.contains("year/2015.html"))
        // 24 work plans, 5 a page closing with the region that reaches it: whole regions of 8.
        XCTAssertEqual(pages.filter { $0.path.hasPrefix("type/") }.map(\.path),
                       ["type/work_plan.html", "type/work_plan.p2.html", "type/work_plan.p3.html"])
    }

    func testRegionPagesAreWholeWithYearAnchors() throws {
        let pages = IndexPages.allListPages(docs, pageDocs: 2)
        let regionPages = pages.filter { $0.path.hasPrefix("region/") }
        XCTAssertEqual(regionPages.count, 3, "a region's page is never split")
        let shanghai = try XCTUnwrap(regionPages.first { $0.path == "region/\(IndexPages.regionSlug("上海市")).html" }).page.string
        for y in 2015...2022 { XCTAssertTrue(shanghai.contains("id=\"y\(y)\""), "\(y)") }
        // Newest year first.
        XCTAssertLessThan(shanghai.range(of: "id=\"y2022\"")!.lowerBound, shanghai.range(of: "id=\"y2015\"")!.lowerBound)
        XCTAssertFalse(shanghai.contains("class=\"pager\""))
    }

    func testIndexLinksRegionsYearsAndTypes() {
        let manifest = Manifest(inputs: [], run: RunInfo(counts: [:], timings: [:], versions: [:], configHash: ""))
        let html = IndexPages.index(docs, manifest: manifest, areas: [], topics: [], units: [])
        let slug = IndexPages.regionSlug("广州市")
        XCTAssertTrue(html.contains("href=\"region/\(slug).html\""))
        XCTAssertTrue(html.contains("href=\"region/\(slug).html#y2019\""))
        XCTAssertTrue(html.contains("href=\"year/2022.html\""))
        XCTAssertTrue(html.contains("href=\"type/work_plan.html\""))
        // Only the latest 20 documents are listed on the index itself, newest first.
        let listed = html.components(separatedBy: "href=\"doc/").dropFirst().map { String($0.prefix(while: { $0 != "." })) }
        XCTAssertEqual(listed, IndexPages.latest(docs, count: 20).map(\.id))
        XCTAssertEqual(listed.count, 20)
        XCTAssertEqual(Array(listed.prefix(4)), ["d-21", "d-22", "d-23", "d-18"], "2022's documents by id, then 2021's")
    }
}
