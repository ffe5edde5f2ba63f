import XCTest
@testable import GazetteCore
import GazetteModel

/// The repository's units.yml against the responsible units of the Beijing 2018 gold
/// document, plus the registry's mechanisms on small inline registries.
final class UnitRegistryTests: XCTestCase {
    /// responsible_units of ../shared/gold/002_5ed541572c8b026e.json (北京市2018年政务公开工作要点).
    static let beijingGold = [
        "中关村管委会", "北京经济技术开发区管委会", "各区政府", "各试点区政府", "市交通委", "市人力社保局", "市住房城乡建设委",
        "市体育局", "市信访办", "市农委", "市卫生计生委", "市发展改革委", "市商务委", "市园林绿化局", "市国资委", "市地税局",
        "市城市管理委", "市城管执法局", "市安全监管局", "市工商局", "市支援合作办", "市政务服务办", "市政府办公厅", "市政府各部门",
        "市政府审改办", "市政府新闻办", "市政府相关部门", "市教委", "市文化局", "市文物局", "市文资办", "市新闻出版广电局",
        "市民政局", "市水务局", "市环保局", "市社会办", "市科委", "市经济信息化委", "市编办", "市网信办", "市规划国土委",
        "市财政局", "市质监局", "市重大项目办", "市金融局", "市食品药品监管局", "相关区政府", "通州区政府",
    ]

    /// The units the 2018 reform renamed or merged, with their successors.
    static let successors = [
        "市环保局": "北京市生态环境局", "市规划国土委": "北京市规划和自然资源委员会", "市卫生计生委": "北京市卫生健康委员会",
        "市工商局": "北京市市场监督管理局", "市质监局": "北京市市场监督管理局", "市食品药品监管局": "北京市市场监督管理局",
        "市安全监管局": "北京市应急管理局", "市农委": "北京市农业农村局", "市文化局": "北京市文化和旅游局",
        "市新闻出版广电局": "北京市广播电视局", "市地税局": "国家税务总局北京市税务局", "市金融局": "北京市地方金融监督管理局",
        "市经济信息化委": "北京市经济和信息化局", "市商务委": "北京市商务局", "市政务服务办": "北京市政务服务管理局",
        "市社会办": "北京市民政局", "市网信办": "中共北京市委网络安全和信息化委员会办公室",
    ]

    static let collectives: Set<String> = ["各区政府", "各试点区政府", "市政府各部门", "市政府相关部门", "相关区政府"]

    func registry() throws -> UnitRegistry { try ClassifyFixtures.repositoryClassifier().registry }

    func testRepositoryRegistryIsValid() throws {
        var d: [Diagnostic] = []
        _ = UnitRegistryLoader.load(ClassifyFixtures.repoRoot.appendingPathComponent("units.yml"), diagnostics: &d)
        XCTAssertEqual(d, [], d.map(\.description).joined(separator: "\n"))
    }

    func testEveryBeijingGoldUnitResolvesToAFullName() throws {
        let reg = try registry()
        for name in Self.beijingGold {
            let r = reg.resolve(name: name, region: "北京市")
            XCTAssertNotEqual(r.kind, "unresolved", name)
            let canonical = try XCTUnwrap(r.canonical, name)
            XCTAssertTrue(canonical.hasPrefix("北京") || canonical.hasPrefix("中共北京") || canonical.hasPrefix("中关村"),
                          "\(name) → \(canonical)")
            XCTAssertGreaterThanOrEqual(canonical.count, name.count, "\(name) → \(canonical) is not a full name")
            XCTAssertFalse(canonical.contains("{"), canonical)
            XCTAssertEqual(r.kind, Self.collectives.contains(name) ? "collective" : "unit", name)
            XCTAssertEqual(r.successor, Self.successors[name], "successor of \(name)")
        }
    }

    func testSpecificFullNames() throws {
        let reg = try registry()
        let want = [
            "市发展改革委": "北京市发展和改革委员会", "市环保局": "北京市环境保护局", "市规划国土委": "北京市规划和国土资源管理委员会",
            "市人力社保局": "北京市人力资源和社会保障局", "通州区政府": "北京市通州区人民政府", "中关村管委会": "中关村科技园区管理委员会",
            "市政府办公厅": "北京市人民政府办公厅", "各区政府": "北京市各区人民政府",
        ]
        for (name, full) in want { XCTAssertEqual(reg.resolve(name: name, region: "北京市").canonical, full, name) }
    }

    func testShortNameResolvesInTheDocumentRegion() throws {
        let reg = try registry()
        XCTAssertEqual(reg.resolve(name: "市发展改革委", region: "济南市").canonical, "济南市发展和改革委员会")
        XCTAssertEqual(reg.resolve(name: "市发展改革委", region: "上海市").canonical, "上海市发展和改革委员会")
        XCTAssertEqual(reg.resolve(name: "市环保局", region: "苏州市").successor, "苏州市生态环境局")
        XCTAssertEqual(reg.resolve(name: "省政务办", region: "苏州市").canonical, "江苏省政务服务管理办公室")
        // a name that spells out its region resolves there whatever the document's region
        XCTAssertEqual(reg.resolve(name: "北京市发展改革委", region: "上海市").canonical, "北京市发展和改革委员会")
        XCTAssertEqual(reg.resolve(name: "国务院办公厅", region: "上海市").canonical, "国务院办公厅")
        XCTAssertEqual(reg.resolve(name: "国务院办公厅", region: nil).kind, "unit")
    }

    func testUnknownUnitIsKeptAndFlagged() throws {
        let reg = try registry()
        let m = reg.resolve(UnitMention(name: "市星际旅行局", role: .responsible), region: "北京市")
        XCTAssertEqual(m.name, "市星际旅行局")
        XCTAssertNil(m.canonical)
        XCTAssertEqual(m.kind, "unresolved")
        XCTAssertEqual(m.role, .responsible)
    }

    func testClassifierResolvesUnitMentionsWithDocumentRegion() throws {
        let c = try ClassifyFixtures.repositoryClassifier()
        var doc = ClassifyFixtures.document(region: nil, [("s1", nil, "工作", "市环保局负责。")])
        doc.issuer = "济南市人民政府办公厅"
        doc.clauses[0].units = [UnitMention(name: "市环保局", role: .responsible), UnitMention(name: "市未知办", role: .lead)]
        let out = c.classify(doc).clauses[0].units
        XCTAssertEqual(out[0].canonical, "济南市环境保护局")
        XCTAssertEqual(out[0].successor, "济南市生态环境局")
        XCTAssertEqual(out[0].kind, "unit")
        XCTAssertEqual(out[1].kind, "unresolved")
    }

    func testDuplicateAliasInOneScopeIsAnError() {
        var d: [Diagnostic] = []
        _ = UnitRegistryLoader.parse("""
        regions: { 北京市: { level: provincial } }
        units:
          - { name: 北京市甲局, region: 北京市, aliases: [市甲局] }
          - { name: 北京市乙局, region: 北京市, aliases: [市甲局] }
          - { name: 上海市甲局, aliases: [市丙局] }
        """, file: "u.yml", diagnostics: &d)
        XCTAssertEqual(d.map(\.id), ["duplicate-alias"])
        XCTAssertEqual(d.first?.line, 4)
    }

    func testRenameCycleAndUnknownSuccessorAreErrors() {
        var d: [Diagnostic] = []
        _ = UnitRegistryLoader.parse("""
        units:
          - { name: 甲委, renamed: { to: 乙委 } }
          - { name: 乙委, renamed: { to: 甲委 } }
          - { name: 丙委, renamed: { to: 丁委 } }
        """, file: "u.yml", diagnostics: &d)
        XCTAssertEqual(d.filter { $0.id == "rename-cycle" }.count, 2)
        XCTAssertEqual(d.filter { $0.id == "rename-unknown" }.map(\.line), [4])
    }

    func testMergeChainFollowsToTheLastSuccessor() {
        var d: [Diagnostic] = []
        let reg = UnitRegistryLoader.parse("""
        regions: { 北京市: { level: provincial } }
        units:
          - { name: "{city}甲局", aliases: [市甲局], renamed: { to: 市乙局, date: 2018 } }
          - { name: "{city}乙局", aliases: [市乙局], renamed: { to: 市丙局, date: 2020 } }
          - { name: "{city}丙局", aliases: [市丙局] }
        patterns:
          - { match: "^(.{1,4}区)政府$", name: "{city}{1}人民政府", level: district }
        """, file: "u.yml", diagnostics: &d)!
        XCTAssertEqual(d, [])
        XCTAssertEqual(reg.resolve(name: "市甲局", region: "北京市").successor, "北京市丙局")
        XCTAssertEqual(reg.resolve(name: "海淀区政府", region: "北京市").canonical, "北京市海淀区人民政府")
        XCTAssertEqual(reg.resolve(name: "海淀区政府", region: nil).kind, "unresolved")
    }
}
