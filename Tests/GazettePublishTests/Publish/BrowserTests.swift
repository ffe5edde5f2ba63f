import XCTest
import GazetteCore
import GazetteModel
import GazetteOutput
@testable import GazettePublish
import GazetteResearch

/// Opens the generated site in headless Chromium from disk (file://): clause anchors exist
/// in the live DOM, injected markup stays text, and screenshots are saved for a human look
/// (under .build/screenshots, not committed).
final class BrowserTests: XCTestCase {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    func chrome(_ args: [String]) throws -> (Int32, String, String) {
        guard let exe = Self.chromium else { throw XCTSkip("no Chromium installed (scripts/deps.sh test installs it)") }
        let profile = SampleDocuments.tempFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        return try SampleDocuments.shell(exe, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                               "--user-data-dir=\(profile.path)", "--virtual-time-budget=3000"] + args, timeout: 90)
    }

    func buildSite(_ docs: [Document] = SampleDocuments.corpus, searchChunkBytes: Int? = nil) throws -> URL {
        let dir = SampleDocuments.tempFolder()
        var sinks = Sinks.make(formats: ["json", "site"])
        if let searchChunkBytes { sinks = sinks.map { $0 is SiteSink ? SiteSink(searchChunkBytes: searchChunkBytes) : $0 } }
        try SampleDocuments.publish(docs, sinks: sinks, into: dir)
        return dir.appendingPathComponent("site")
    }

    func search(_ site: URL, _ q: String) throws -> String {
        let url = site.appendingPathComponent("search.html").absoluteString + "?q=" + q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        let (rc, dom, err) = try chrome(["--dump-dom", url])
        XCTAssertEqual(rc, 0, err)
        return dom
    }

    func testDocumentPageAnchorsResolveAndInjectedMarkupStaysText() throws {
        let site = try buildSite(); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let (rc, dom, err) = try chrome(["--dump-dom", site.appendingPathComponent("doc/evil-2020.html").absoluteString])
        XCTAssertEqual(rc, 0, err)
        XCTAssertTrue(dom.contains("<main>"), "no DOM dumped: \(err.suffix(500))")
        for c in SampleDocuments.plan(id: "evil-2020", region: "上海市", year: 2020).clauses {
            XCTAssertTrue(dom.contains("id=\"\(c.id)\""), "clause \(c.id) has no element in the DOM")
        }
        // The injected text is present, but only as text: no script or img element came of it.
        XCTAssertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(dom.contains("<script>alert"))
        XCTAssertFalse(dom.contains("<img"), "injected img element in the DOM")
        XCTAssertFalse(dom.contains("onerror=\"alert"))
    }

    /// The editors' quality page lists the flagged documents (their warnings as readable text,
    /// a hostile title as text) and links each to its page; the index links to it.
    func testQualityPageListsFlaggedDocuments() throws {
        var docs = SampleDocuments.corpus
        let k = try XCTUnwrap(docs.firstIndex { $0.id == "evil-2020" })
        docs[k].quality = DocumentQuality(layout: "flattened", clauseCoverage: 0.42, warnings: ["low-clause-coverage", "title-not-found"])
        let site = try buildSite(docs); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let (rc, dom, err) = try chrome(["--dump-dom", site.appendingPathComponent("quality.html").absoluteString])
        XCTAssertEqual(rc, 0, err)
        XCTAssertTrue(dom.contains("1 份文件待复核"), "flagged count")
        XCTAssertTrue(dom.contains("href=\"doc/evil-2020.html\""))
        XCTAssertTrue(dom.contains("条款只覆盖正文的一小部分") && dom.contains("未找到标题"))
        XCTAssertTrue(dom.contains("42%"))
        XCTAssertFalse(dom.contains("<script>alert"))
        let (rci, index, erri) = try chrome(["--dump-dom", site.appendingPathComponent("index.html").absoluteString])
        XCTAssertEqual(rci, 0, erri)
        XCTAssertTrue(index.contains("href=\"quality.html\""))
        // The page lists at most `limit` documents and says where the rest are.
        let capped = IndexPages.qualityPage(docs.map { var s = DocumentSummary($0); s.quality.warnings = ["title-not-found"]; return s }, limit: 1)
        XCTAssertEqual(capped.components(separatedBy: "<tr id=").count - 1, 1)
        XCTAssertTrue(capped.contains("manifest.json"))
    }

    /// The pages #26 added, opened from disk: the place tree links a division's page; an
    /// unresolved unit with markup in its name is listed as text; a clause outside the areas'
    /// scope (area null) is rendered without an area chip.
    func testPlaceUnresolvedUnitAndAreaNonePagesRenderAsText() throws {
        var docs = SampleDocuments.corpus
        docs[0].place = Place(status: .resolved, level: .province, code: "110000", path: ["北京市"], pathCodes: ["110000"], via: "test")
        docs[1].clauses[0].units.append(UnitMention(name: "市" + SampleDocuments.injection + "局", role: .lead, kind: "unresolved"))
        docs[2].clauses[0].area = nil
        let site = try buildSite(docs); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let (rc, places, err) = try chrome(["--dump-dom", site.appendingPathComponent("place/index.html").absoluteString])
        XCTAssertEqual(rc, 0, err)
        XCTAssertTrue(places.contains("按行政区划") && places.contains("href=\"110000.html\""), String(places.suffix(1500)))
        let (rcu, unresolved, erru) = try chrome(["--dump-dom", site.appendingPathComponent("unit/unresolved.html").absoluteString])
        XCTAssertEqual(rcu, 0, erru)
        XCTAssertTrue(unresolved.contains("未解析的单位") && unresolved.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), String(unresolved.suffix(1500)))
        XCTAssertFalse(unresolved.contains("<img"), "an injected unit name stays text")
        let (rcd, page, errd) = try chrome(["--dump-dom", site.appendingPathComponent("doc/sh-2020.html").absoluteString])
        XCTAssertEqual(rcd, 0, errd)
        XCTAssertTrue(page.contains("id=\"\(docs[2].clauses[0].id)\""))
    }

    func testIndexAndSearchWorkFromDisk() throws {
        let site = try buildSite(); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let (rc, dom, err) = try chrome(["--dump-dom", site.appendingPathComponent("index.html").absoluteString])
        XCTAssertEqual(rc, 0, err)
        XCTAssertTrue(dom.contains("按地区") && dom.contains("按年份") && dom.contains("按类型"))
        XCTAssertFalse(dom.contains("<img"))
        // The index links each region (and its years) to the region's page, which lists its documents.
        let shanghai = "region/\(IndexPages.regionSlug("上海市")).html"
        XCTAssertTrue(dom.contains("href=\"\(shanghai)\"") && dom.contains("href=\"\(shanghai)#y2020\""))
        XCTAssertTrue(dom.contains("href=\"year/2021.html\"") && dom.contains("href=\"type/work_plan.html\""))
        let (rcr, region, errr) = try chrome(["--dump-dom", site.appendingPathComponent(shanghai).absoluteString])
        XCTAssertEqual(rcr, 0, errr)
        for id in ["evil-2020", "sh-2020"] { XCTAssertTrue(region.contains("href=\"../doc/\(id).html\""), id) }
        XCTAssertFalse(region.contains("bj-2021"))
        XCTAssertTrue(region.contains("id=\"y2020\""))
        XCTAssertFalse(region.contains("<img"), "the injected title stays text on the region page")
        // Search loads its index chunks as scripts from file:// (no fetch) and links to clauses.
        let found = try search(site, "重大行政决策")
        XCTAssertTrue(found.contains("找到 3 条条款"), String(found.suffix(1500)))
        XCTAssertTrue(found.contains("href=\"doc/sh-2020.html#s1.c1\""))
        XCTAssertFalse(found.contains("<img"))
    }

    func testSearchReadsEveryChunkAndStopsPastTheLimit() throws {
        // One document per chunk: the three matches are in three chunks, all read in turn.
        let site = try buildSite(searchChunkBytes: 1); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("search/0003.js").path))
        let found = try search(site, "重大行政决策")
        XCTAssertTrue(found.contains("找到 3 条条款"), String(found.suffix(1500)))
        for id in ["bj-2021", "evil-2020", "sh-2020"] { XCTAssertTrue(found.contains("href=\"doc/\(id).html#s1.c1\""), id) }
        XCTAssertTrue(try search(site, "没有这个词语").contains("没有找到"))
        // A chunk that cannot be read ends the search with a message, keeping what was found.
        try FileManager.default.removeItem(at: site.appendingPathComponent("search/0002.js"))
        let broken = try search(site, "重大行政决策")
        XCTAssertTrue(broken.contains("search/0002.js 无法读取"), String(broken.suffix(1500)))
        XCTAssertTrue(broken.contains("href=\"doc/bj-2021.html#s1.c1\""))

        // More matches than the page lists: it stops reading chunks and says so.
        let many = (0..<160).map { SampleDocuments.plan(id: String(format: "p-%03d", $0), region: "上海市", year: 2000 + $0 % 20) }
        let big = try buildSite(many, searchChunkBytes: 4_000); defer { try? FileManager.default.removeItem(at: big.deletingLastPathComponent()) }
        let limited = try search(big, "决策")   // 2 clauses per document match: 320 in all
        XCTAssertTrue(limited.contains("找到超过 300 条条款"), String(limited.suffix(1500)))
        XCTAssertEqual(limited.components(separatedBy: "<li>").count - 1, 300)
    }

    func testComparePagesLinkRegionsToTheirChanges() throws {
        let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let docs = SampleDocuments.corpus + [SampleDocuments.plan(id: "sh-2019", region: "上海市", year: 2019)]
        try SampleDocuments.publish(docs, sinks: Sinks.make(formats: ["json", "site"]) + [ResearchSiteSink()], into: dir)
        let site = dir.appendingPathComponent("site")
        let (rc, overview, err) = try chrome(["--dump-dom", site.appendingPathComponent("compare.html").absoluteString])
        XCTAssertEqual(rc, 0, err)
        let page = "compare/\(CoverageRenderer.regionSlug("上海市")).html"
        XCTAssertTrue(overview.contains("href=\"\(page)\""), String(overview.suffix(1500)))
        let (rc2, region, err2) = try chrome(["--dump-dom", site.appendingPathComponent(page).absoluteString])
        XCTAssertEqual(rc2, 0, err2)
        XCTAssertTrue(region.contains("上海市 2019 → 2020"), String(region.suffix(1500)))
        XCTAssertTrue(region.contains("href=\"../doc/"), "unmatched clauses link to their documents")
        XCTAssertFalse(region.contains("<img"))
        let shots = SampleDocuments.packageRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)   // a clean clone has none yet
        let png = shots.appendingPathComponent("compare-region-desktop.png")
        try? FileManager.default.removeItem(at: png)
        let (rc3, _, err3) = try chrome(["--hide-scrollbars", "--screenshot=\(png.path)", "--window-size=1280,1000", site.absoluteString + page])
        XCTAssertEqual(rc3, 0, err3)
        XCTAssertGreaterThan(try Data(contentsOf: png).count, 10_000)
    }

    func testScreenshotsOnPhoneAndDesktop() throws {
        let site = try buildSite(); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let shots = SampleDocuments.packageRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        for (name, page, size) in [("doc-desktop", "doc/sh-2020.html", "1280,1600"), ("doc-phone", "doc/evil-2020.html", "390,1400"),
                                   ("index-desktop", "index.html", "1280,1200"),
                                   ("region-phone", "region/\(IndexPages.regionSlug("上海市")).html", "390,1000"), ("area-desktop", "area/participation.html", "1024,900"),
                                   ("search-phone", "search.html?q=%E5%A4%A7%E8%A1%8C%E6%94%BF", "390,1000")] {
            let png = shots.appendingPathComponent(name + ".png")
            try? FileManager.default.removeItem(at: png)
            let (rc, _, err) = try chrome(["--hide-scrollbars", "--screenshot=\(png.path)", "--window-size=\(size)",
                                           site.absoluteString + page])
            XCTAssertEqual(rc, 0, err)
            let data = try Data(contentsOf: png)
            XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(name) is not a PNG")
            XCTAssertGreaterThan(data.count, 10_000, "\(name) looks blank")
        }
    }
}
