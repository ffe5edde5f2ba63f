import XCTest
import GazetteCore
import GazetteModel
@testable import GazettePublish

/// `site/unit/unresolved.html`: the mentions the registry did not resolve, by region, with
/// counts and links to their documents, every name escaped; the index links to it.
final class UnresolvedUnitsPageTests: XCTestCase {
    func docs() -> [Document] {
        var a = SampleDocuments.plan(id: "fj-2017", region: "福建省", year: 2017)
        a.clauses[1].units = [UnitMention(name: "省<星际>&局", role: .lead, kind: "unresolved"),
                              UnitMention(name: "省财政局", canonical: "福建省财政厅", role: .responsible, kind: "unit")]
        var b = SampleDocuments.plan(id: "wz-2020", region: "万载县", year: 2020)
        b.clauses[1].units = [UnitMention(name: "县星际局", role: .lead, kind: "unresolved")]
        return [a, b].map { d in
            var d = d
            for k in d.clauses.indices where k != 1 { d.clauses[k].units = [] }
            return d
        }
    }

    func testPageListsUnresolvedUnitsByRegionEscaped() throws {
        let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try SampleDocuments.publish(docs(), sinks: [SiteSink()], into: dir)
        let html = try String(contentsOf: dir.appendingPathComponent("site/unit/unresolved.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<h2>万载县</h2>"), html)
        XCTAssertTrue(html.contains("<h2>福建省</h2>"), html)
        XCTAssertTrue(html.contains("<strong>省&lt;星际&gt;&amp;局</strong> 1 处，1 份文件："), html)
        XCTAssertFalse(html.contains("<星际>"))
        XCTAssertTrue(html.contains("href=\"../doc/fj-2017.html\""), html)
        XCTAssertTrue(html.contains("<strong>县星际局</strong>"), html)
        XCTAssertFalse(html.contains("省财政局"), "resolved units are not listed")
        XCTAssertLessThan(html.range(of: "万载县")!.lowerBound, html.range(of: "福建省")!.lowerBound)
        let index = try String(contentsOf: dir.appendingPathComponent("site/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"unit/unresolved.html\""), index)
        XCTAssertTrue(index.contains("未解析的单位：2 个名称"), index)
    }
}
