import XCTest
@testable import GazetteCore
import GazetteModel

/// Issuers are units too: split from the issuer line, resolved in the document's region,
/// kept when nothing resolves them, and listed with the other unresolved units.
final class IssuerUnitsTests: XCTestCase {
    func testIssuerLineSplitsIntoUnits() {
        XCTAssertEqual(IssuerUnits.names("中共福建省委办公厅、福建省人民政府办公厅"), ["中共福建省委办公厅", "福建省人民政府办公厅"])
        XCTAssertEqual(IssuerUnits.names("万载县统计局　国家统计局万载调查队"), ["万载县统计局", "国家统计局万载调查队"])
        XCTAssertEqual(IssuerUnits.names("国务院（总理李克强）"), ["国务院"])
        XCTAssertEqual(IssuerUnits.names("国家发展和改革委员会"), ["国家发展和改革委员会"], "和 is inside names")
        XCTAssertEqual(IssuerUnits.names("市财政局、市财政局"), ["市财政局"])
        XCTAssertEqual(IssuerUnits.names(nil), [])
    }

    func testIssuerUnitsAreResolvedInTheDocumentsRegion() throws {
        let c = try ClassifyFixtures.repositoryClassifier()
        var d = ClassifyFixtures.document(region: "福建省", [("s1", nil, "总体要求", "做好政务公开。")])
        d.issuer = "中共福建省委办公厅、福建省人民政府办公厅、省效能办"
        let out = c.classify(d)
        XCTAssertEqual(out.issuerUnits.map(\.name), ["中共福建省委办公厅", "福建省人民政府办公厅", "省效能办"])
        XCTAssertEqual(out.issuerUnits.map(\.role), [.issuer, .issuer, .issuer])
        XCTAssertEqual(out.issuerUnits[1].canonical, "福建省人民政府办公厅")
        XCTAssertEqual(out.issuerUnits[1].kind, "unit")
        XCTAssertEqual(out.issuerUnits[2].kind, UnitRegistry.unresolved, "kept with its raw name")
        var unresolved = UnresolvedUnits()
        unresolved.add(out, as: "plan.txt")
        XCTAssertEqual(unresolved.list.map(\.name), ["省效能办"])
    }

    /// Signatures of the other organs: a people's congress standing committee, a zone's office.
    func testSigningOrgansResolve() throws {
        let reg = try ClassifyFixtures.repositoryClassifier().registry
        XCTAssertEqual(reg.resolve(name: "威海市人民代表大会常务委员会", region: "威海市").canonical, "威海市人民代表大会常务委员会")
        XCTAssertEqual(reg.resolve(name: "县人大常委会", region: "万载县").canonical, "万载县人民代表大会常务委员会")
        XCTAssertEqual(reg.resolve(name: "平潭综合实验区管委会办公室", region: "平潭综合实验区").canonical, "平潭综合实验区管理委员会办公室")
    }
}
