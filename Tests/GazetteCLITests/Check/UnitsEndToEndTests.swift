import Foundation
import XCTest
import GazetteTestSupport

/// Responsible units end to end with the built binary: a made-up provincial plan and county
/// plan run through `gazette run` (canonical names of their own level in the JSON, the
/// unresolved one kept and listed on the site) and `gazette check` (listed by region).
final class UnitsEndToEndTests: XCTestCase {
    var dir: URL!

    static let province = """
    福建省人民政府办公厅关于印发2017年福建省政务公开工作要点的通知

    各设区市人民政府，平潭综合实验区管委会，省人民政府各部门、各直属机构：

    一、推进重点领域信息公开
    （一）推进财政预决算公开。细化预决算公开内容（省发展改革委、省财政局分别负责落实）。
    （二）推进环境信息公开。及时公开空气质量信息（省环保厅牵头，省国土资源厅负责）。
    （三）加强政策解读。【牵头单位：省委宣传部、省政府办公厅】
    （四）推进就业信息公开。牵头单位：省人社厅；责任单位：省教育厅、省星际旅行厅。

    福建省人民政府办公厅
    2017年3月1日
    """

    static let county = """
    万载县人民政府办公室关于印发万载县2020年政务公开工作要点的通知

    各乡镇人民政府，县政府各部门：

    一、加强政策解读
    （一）做好政策解读工作。牵头单位：县教育局；责任单位：县委办、县环保局、县星际局。

    万载县人民政府办公室
    2020年3月5日
    """

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryFolder("units-e2e")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        for f in ["taxonomy.yml", "units.yml", "overrides.yml"] {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        try Data("corpus: Corpus\noutput: Output\n".utf8).write(to: dir.appendingPathComponent("pipeline.yml"))
        try Data(Self.province.utf8).write(to: dir.appendingPathComponent("Corpus/fj-2017.txt"))
        try Data(Self.county.utf8).write(to: dir.appendingPathComponent("Corpus/wz-2020.txt"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func units(_ out: URL) throws -> [String: [String: Any]] {
        var all: [String: [String: Any]] = [:]
        let docs = out.appendingPathComponent("documents")
        for f in try FileManager.default.contentsOfDirectory(atPath: docs.path) {
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: docs.appendingPathComponent(f))) as? [String: Any])
            for c in json["clauses"] as? [[String: Any]] ?? [] {
                for u in c["units"] as? [[String: Any]] ?? [] { all[u["name"] as! String] = u }
            }
        }
        return all
    }

    func testRunResolvesPerLevelAndKeepsUnresolved() throws {
        let out = dir.appendingPathComponent("Output")
        let r = try GazetteBinary.run(["run", "--config", dir.appendingPathComponent("pipeline.yml").path, "--output", out.path,
                                       "--cache", dir.appendingPathComponent("cache").path, "--full", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let u = try units(out)
        let want = [
            "省发展改革委": "福建省发展和改革委员会", "省财政局": "福建省财政厅", "省环保厅": "福建省环境保护厅",
            "省委宣传部": "中共福建省委宣传部", "省政府办公厅": "福建省人民政府办公厅", "省人社厅": "福建省人力资源和社会保障厅",
            "县教育局": "万载县教育局", "县委办": "中共万载县委办公室", "县环保局": "万载县环境保护局",
        ]
        for (name, full) in want {
            XCTAssertEqual(u[name]?["canonical"] as? String, full, name)
            XCTAssertEqual(u[name]?["kind"] as? String, "unit", name)
        }
        XCTAssertEqual(u["省环保厅"]?["successor"] as? String, "福建省生态环境厅")
        XCTAssertEqual(u["县环保局"]?["successor"] as? String, "万载县生态环境局")
        for name in ["省星际旅行厅", "县星际局"] {
            XCTAssertEqual(u[name]?["kind"] as? String, "unresolved", name)
            XCTAssertTrue(u[name]?["canonical"] == nil || u[name]?["canonical"] is NSNull, name)
        }
        let page = try String(contentsOf: out.appendingPathComponent("site/unit/unresolved.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h2>福建省</h2>") && page.contains("<strong>省星际旅行厅</strong>"), page)
        XCTAssertTrue(page.contains("<h2>万载县</h2>") && page.contains("<strong>县星际局</strong>"), page)
        XCTAssertFalse(page.contains("省财政局"))
    }

    func testCheckListsUnresolvedUnitsByRegion() throws {
        let r = try GazetteBinary.run(["check", "--config", dir.appendingPathComponent("pipeline.yml").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("[unit-unresolved]") }
        XCTAssertEqual(lines.count, 2, r.stderr)
        XCTAssertTrue(lines[0].contains("unresolved unit '县星际局' in 万载县: 1× in 1 document (Corpus/wz-2020.txt)"), r.stderr)
        XCTAssertTrue(lines[1].contains("unresolved unit '省星际旅行厅' in 福建省: 1× in 1 document (Corpus/fj-2017.txt)"), r.stderr)
    }
}
