import XCTest
import GazetteModel
@testable import GazettePublish

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

    func buildSite() throws -> URL {
        let dir = SampleDocuments.tempFolder()
        try SampleDocuments.publish(SampleDocuments.corpus, sinks: Sinks.make(formats: ["json", "site"]), into: dir)
        return dir.appendingPathComponent("site")
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

    func testIndexAndSearchWorkFromDisk() throws {
        let site = try buildSite(); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let (rc, dom, err) = try chrome(["--dump-dom", site.appendingPathComponent("index.html").absoluteString])
        XCTAssertEqual(rc, 0, err)
        for id in ["bj-2021", "evil-2020", "sh-2020"] { XCTAssertTrue(dom.contains("href=\"doc/\(id).html\""), id) }
        XCTAssertTrue(dom.contains("按地区") && dom.contains("按年份") && dom.contains("按类型"))
        XCTAssertFalse(dom.contains("<img"))
        // Search runs its script over search-index.js from file:// (no fetch) and links to clauses.
        var url = site.appendingPathComponent("search.html").absoluteString
        url += "?q=" + "重大行政决策".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        let (rc2, found, err2) = try chrome(["--dump-dom", url])
        XCTAssertEqual(rc2, 0, err2)
        XCTAssertTrue(found.contains("找到 3 条条款"), String(found.suffix(1500)))
        XCTAssertTrue(found.contains("href=\"doc/sh-2020.html#s1.c1\""))
        XCTAssertFalse(found.contains("<img"))
    }

    func testScreenshotsOnPhoneAndDesktop() throws {
        let site = try buildSite(); defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let shots = SampleDocuments.packageRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        for (name, page, size) in [("doc-desktop", "doc/sh-2020.html", "1280,1600"), ("doc-phone", "doc/evil-2020.html", "390,1400"),
                                   ("index-desktop", "index.html", "1280,1200"), ("area-desktop", "area/participation.html", "1024,900"),
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
