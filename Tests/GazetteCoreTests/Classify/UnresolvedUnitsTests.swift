import XCTest
@testable import GazetteCore
import GazetteModel

/// Unresolved mentions grouped by region, with counts and the documents they occur in, and
/// `gazette check`'s warnings made of them.
final class UnresolvedUnitsTests: XCTestCase {
    func classified(_ id: String, region: String?, _ names: [String]) throws -> Document {
        let c = try ClassifyFixtures.repositoryClassifier()
        var doc = ClassifyFixtures.document(id: id, region: region, [("s1", nil, "工作", ""), ("s2", nil, "工作", "")])
        doc.source.path = "Corpus/\(id).txt"
        doc.clauses[0].units = names.map { UnitMention(name: $0, role: .responsible) }
        doc.clauses[1].units = [UnitMention(name: names[0], role: .lead)]
        return c.classify(doc)
    }

    func testGroupedByRegionMostFrequentFirst() throws {
        var all = UnresolvedUnits()
        all.add(try classified("a", region: "福建省", ["省星际旅行厅", "省财政局", "省效能办"]), as: "a")
        all.add(try classified("b", region: "福建省", ["省效能办"]), as: "b")
        all.add(try classified("c", region: "万载县", ["县星际局"]), as: "c")
        all.add(try classified("d", region: nil, ["某某中心"]), as: "d")
        XCTAssertEqual(all.byRegion.map(\.region), ["万载县", "福建省", UnresolvedUnits.noRegion].sorted())
        let fj = try XCTUnwrap(all.byRegion.first { $0.region == "福建省" }).entries
        XCTAssertEqual(fj.map(\.name), ["省效能办", "省星际旅行厅"])
        XCTAssertEqual(fj.map(\.count), [3, 2])
        XCTAssertEqual(fj[0].documents, ["a", "b"])
        XCTAssertEqual(all.total, 3 + 2 + 2 + 2)
    }

    func testCheckWarnsOncePerRegionAndName() throws {
        let docs = [try classified("a", region: "福建省", ["省星际旅行厅"]), try classified("b", region: "万载县", ["省星际旅行厅"])]
        let d = ConfigCheck.unresolvedUnits(in: docs, registryFile: "units.yml")
        XCTAssertEqual(d.map(\.id), ["unit-unresolved", "unit-unresolved"])
        XCTAssertEqual(d.map(\.message), [
            "unresolved unit '省星际旅行厅' in 万载县: 2× in 1 document (Corpus/b.txt)",
            "unresolved unit '省星际旅行厅' in 福建省: 2× in 1 document (Corpus/a.txt)",
        ])
    }
}
