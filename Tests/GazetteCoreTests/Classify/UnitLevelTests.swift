import XCTest
@testable import GazetteCore
import GazetteModel

/// Responsible units resolved per region level with the repository's units.yml: a
/// province's 省XX厅, a city's 市XX局, a county's 县XX局, a district's 区XX局, the 直辖市'
/// 市XX局/委, special zones and party organs; the 2018 reform renames in each region; and
/// mentions nothing resolves, kept as `unresolved`. Regions and names are made up or generic.
final class UnitLevelTests: XCTestCase {
    func registry() throws -> UnitRegistry { try ClassifyFixtures.repositoryClassifier().registry }

    func assertResolves(_ reg: UnitRegistry, _ name: String, in region: String, to full: String, successor: String? = nil,
                        file: StaticString = #filePath, line: UInt = #line) {
        let r = reg.resolve(name: name, region: region)
        XCTAssertEqual(r.canonical, full, "\(name) in \(region)", file: file, line: line)
        XCTAssertEqual(r.successor, successor, "successor of \(name) in \(region)", file: file, line: line)
        XCTAssertEqual(r.kind, "unit", "\(name) in \(region)", file: file, line: line)
    }

    func testRegionLevelFromTheNameSuffix() {
        let want: [String: RegionLevel] = [
            "福建省": .province, "广西壮族自治区": .province, "北京市": .municipality, "重庆市": .municipality,
            "宜春市": .city, "延边朝鲜族自治州": .city, "万载县": .county, "科尔沁右翼前旗": .county, "历下区": .district,
            "平潭综合实验区": .zone, "全国": .national,
        ]
        for (region, level) in want { XCTAssertEqual(RegionLevel.of(region), level, region) }
        XCTAssertNil(RegionLevel.of("某某"))
    }

    func testProvinceNamesItsDepartmentsTing() throws {
        let reg = try registry()
        let want = [
            "省财政局": "福建省财政厅", "省财政厅": "福建省财政厅", "省发展改革委": "福建省发展和改革委员会", "省发改委": "福建省发展和改革委员会",
            "省教育厅": "福建省教育厅", "省公安厅": "福建省公安厅", "省人社厅": "福建省人力资源和社会保障厅",
            "省人力资源社会保障厅": "福建省人力资源和社会保障厅", "省自然资源厅": "福建省自然资源厅", "省住房城乡建设厅": "福建省住房和城乡建设厅",
            "省水利厅": "福建省水利厅", "省卫生健康委": "福建省卫生健康委员会", "省市场监管局": "福建省市场监督管理局",
            "省政府办公厅": "福建省人民政府办公厅", "省委宣传部": "中共福建省委宣传部", "省委办公厅": "中共福建省委办公厅",
            "省编办": "中共福建省委机构编制委员会办公室", "省委网信办": "中共福建省委网络安全和信息化委员会办公室",
            "省税务局": "国家税务总局福建省税务局",
        ]
        for (name, full) in want { assertResolves(reg, name, in: "福建省", to: full) }
        assertResolves(reg, "自治区财政厅", in: "广西壮族自治区", to: "广西壮族自治区财政厅")
    }

    func testCityCountyAndDistrictNameTheirsJu() throws {
        let reg = try registry()
        assertResolves(reg, "市财政局", in: "宜春市", to: "宜春市财政局")
        assertResolves(reg, "市教育局", in: "宜春市", to: "宜春市教育局")
        assertResolves(reg, "市委网信办", in: "宜春市", to: "中共宜春市委网络安全和信息化委员会办公室")
        assertResolves(reg, "县教育局", in: "万载县", to: "万载县教育局")
        assertResolves(reg, "县发改委", in: "万载县", to: "万载县发展和改革委员会")
        assertResolves(reg, "县委办", in: "万载县", to: "中共万载县委办公室")
        assertResolves(reg, "县政府办", in: "万载县", to: "万载县人民政府办公室")
        assertResolves(reg, "旗财政局", in: "科尔沁右翼前旗", to: "科尔沁右翼前旗财政局")
        assertResolves(reg, "区人社局", in: "历下区", to: "历下区人力资源和社会保障局")
        // A county's 省/市 departments are its province's and city's: as regions: says, else
        // as the national division list places it.
        assertResolves(reg, "市财政局", in: "万载县", to: "宜春市财政局")
        assertResolves(reg, "省财政厅", in: "宜春市", to: "江西省财政厅")
        assertResolves(reg, "省财政厅", in: "苏州市", to: "江苏省财政厅")
        assertResolves(reg, "省教育厅", in: "平潭综合实验区", to: "福建省教育厅")
        // A county name several provinces share places nothing: unresolved, not guessed.
        XCTAssertEqual(reg.resolve(name: "市财政局", region: "鼓楼区").kind, UnitRegistry.unresolved)
    }

    func testMunicipalitiesAreProvinceLevelButNameTheirsShi() throws {
        let reg = try registry()
        assertResolves(reg, "市财政局", in: "重庆市", to: "重庆市财政局")
        assertResolves(reg, "市政府办公厅", in: "天津市", to: "天津市人民政府办公厅")
        assertResolves(reg, "市委宣传部", in: "天津市", to: "中共天津市委宣传部")
        XCTAssertEqual(reg.resolve(name: "省财政厅", region: "天津市").kind, UnitRegistry.unresolved)
    }

    func testPlaceNamedUnitsAndSpecialZones() throws {
        let reg = try registry()
        assertResolves(reg, "福州市财政局", in: "福建省", to: "福州市财政局")
        assertResolves(reg, "福州市发改委", in: "福建省", to: "福州市发展和改革委员会")
        assertResolves(reg, "中共福建省委宣传部", in: "福建省", to: "中共福建省委宣传部")
        assertResolves(reg, "国家税务总局福建省税务局", in: "福建省", to: "国家税务总局福建省税务局")
        assertResolves(reg, "平潭综合实验区管委会", in: "福建省", to: "平潭综合实验区管理委员会")
        assertResolves(reg, "管委会", in: "平潭综合实验区", to: "平潭综合实验区管理委员会")
        assertResolves(reg, "实验区管委会", in: "平潭综合实验区", to: "平潭综合实验区管理委员会")
        // A district a city's document names lies in that city.
        assertResolves(reg, "通州区财政局", in: "北京市", to: "北京市通州区财政局")
        // The signature of a provincial document.
        assertResolves(reg, "福建省人民政府办公厅", in: "福建省", to: "福建省人民政府办公厅")
        // Only a place opens a place-named unit.
        for name in ["市委市政府", "省委省政府", "县委县政府"] {
            XCTAssertNotEqual(reg.resolve(name: name, region: "福建省").canonical?.hasPrefix(String(name.prefix(3))), true, name)
        }
        XCTAssertEqual(reg.resolve(name: "省直有关部门", region: "福建省").kind, "collective")
        XCTAssertEqual(reg.resolve(name: "各设区市人民政府", region: "福建省").kind, "collective")
    }

    func testReformRenamesApplyInEachRegion() throws {
        let reg = try registry()
        assertResolves(reg, "省环保厅", in: "福建省", to: "福建省环境保护厅", successor: "福建省生态环境厅")
        assertResolves(reg, "省国土资源厅", in: "福建省", to: "福建省国土资源厅", successor: "福建省自然资源厅")
        assertResolves(reg, "省卫生计生委", in: "福建省", to: "福建省卫生和计划生育委员会", successor: "福建省卫生健康委员会")
        assertResolves(reg, "省安监局", in: "福建省", to: "福建省安全生产监督管理局", successor: "福建省应急管理厅")
        assertResolves(reg, "省农业厅", in: "福建省", to: "福建省农业厅", successor: "福建省农业农村厅")
        assertResolves(reg, "省文化厅", in: "福建省", to: "福建省文化厅", successor: "福建省文化和旅游厅")
        assertResolves(reg, "省地税局", in: "福建省", to: "福建省地方税务局", successor: "国家税务总局福建省税务局")
        assertResolves(reg, "省监察厅", in: "福建省", to: "福建省监察厅", successor: "福建省监察委员会")
        for old in ["市工商局", "市质监局", "市食药监局"] {
            XCTAssertEqual(reg.resolve(name: old, region: "宜春市").successor, "宜春市市场监督管理局", old)
        }
        assertResolves(reg, "县国税局", in: "万载县", to: "万载县国家税务局", successor: "国家税务总局万载县税务局")
        assertResolves(reg, "区环保局", in: "历下区", to: "历下区环境保护局", successor: "历下区生态环境局")
        // Beijing's own entries keep their names and dates.
        assertResolves(reg, "市环保局", in: "北京市", to: "北京市环境保护局", successor: "北京市生态环境局")
    }

    /// A 2017 plan's 省环保厅 is the province's 环境保护厅 then; a 2020 plan naming it by its
    /// old name gets the same unit, reported as named, with its successor.
    func testRenamesHoldWhateverTheDocumentDate() throws {
        let c = try ClassifyFixtures.repositoryClassifier()
        for date in ["2017-03-01", "2020-03-01"] {
            var doc = ClassifyFixtures.document(region: "福建省", [("s1", nil, "环境", "及时公开环境信息。")])
            doc.issueDate = date
            doc.clauses[0].units = [UnitMention(name: "省环保厅", role: .lead)]
            let u = c.classify(doc).clauses[0].units[0]
            XCTAssertEqual(u.name, "省环保厅", date)
            XCTAssertEqual(u.canonical, "福建省环境保护厅", date)
            XCTAssertEqual(u.successor, "福建省生态环境厅", date)
        }
    }

    func testUnresolvedMentionsAreKeptWithTheirRawName() throws {
        let c = try ClassifyFixtures.repositoryClassifier()
        var doc = ClassifyFixtures.document(region: "福建省", [("s1", nil, "工作", "")])
        doc.clauses[0].units = [UnitMention(name: "省星际旅行厅", role: .responsible), UnitMention(name: "省财政局", role: .lead),
                                UnitMention(name: "省效能办", role: .cooperating)]
        let out = c.classify(doc).clauses[0].units
        XCTAssertEqual(out.map(\.name), ["省星际旅行厅", "省财政局", "省效能办"])
        XCTAssertEqual(out.map(\.kind), ["unresolved", "unit", "unresolved"])
        XCTAssertEqual(out.map(\.role), [.responsible, .lead, .cooperating])
        XCTAssertNil(out[0].canonical)
    }

    func testDepartmentsAreValidated() {
        var d: [Diagnostic] = []
        _ = UnitRegistryLoader.parse("""
        departments:
          - { name: 甲局, province: 甲厅, aliases: [甲] }
          - { name: 乙局, aliases: [甲厅] }
          - { name: 丙局, renamed: { to: 丁局 } }
          - { name: 戊局, colour: red }
        """, file: "u.yml", diagnostics: &d)
        XCTAssertEqual(d.map(\.id).sorted(), ["duplicate-alias", "rename-unknown", "unknown-key"], d.map(\.message).joined(separator: "\n"))
    }

    func testDepartmentsOfAnInlineRegistry() {
        var d: [Diagnostic] = []
        let reg = UnitRegistryLoader.parse("""
        departments:
          - { name: 甲局, province: 甲厅, aliases: [甲办] }
          - { name: 旧甲局, province: 旧甲厅, renamed: { to: 甲局, date: 2018 } }
        """, file: "u.yml", diagnostics: &d)!
        XCTAssertEqual(d, [])
        XCTAssertEqual(reg.resolve(name: "省甲办", region: "某省").canonical, "某省甲厅")
        XCTAssertEqual(reg.resolve(name: "县甲办", region: "某县").canonical, "某县甲局")
        XCTAssertEqual(reg.resolve(name: "省旧甲局", region: "某省").successor, "某省甲厅")
    }
}
