import Foundation
import XCTest
import GazetteTestSupport

/// Made-up documents of places through `gazette run` and `gazette inspect`: a district named
/// with its city, a shared district name settled by the body, the same name left ambiguous,
/// and a special zone. The place reaches the JSON, clauses.csv, the document pages and the
/// place pages.
final class PlaceEndToEndTests: XCTestCase {
    static func plan(_ head: String, _ second: String, _ signature: String) -> String {
        """
        \(head)
        \(second)
        一、加强政策解读
        （一）做好政策解读。区政府办公室牵头，各部门负责。
        二、强化平台建设
        （一）办好政府网站。区数据局负责。
        \(signature)
        2024年3月15日

        """
    }

    static let documents = [
        "fuzhou.txt": plan("福州市鼓楼区人民政府办公室关于印发2024年政务公开工作要点的通知", "各街道办事处，区直各部门：", "福州市鼓楼区人民政府办公室"),
        "nanjing.txt": plan("鼓楼区2024年政务公开工作要点", "为做好南京市鼓楼区政务公开工作，制定本要点。", "鼓楼区人民政府办公室"),
        "unknown.txt": plan("鼓楼区2024年政务公开工作要点", "为做好本区政务公开工作，制定本要点。", "鼓楼区人民政府办公室"),
        "pingtan.txt": plan("平潭综合实验区管委会办公室关于印发2024年政务公开工作要点的通知", "各部门：", "平潭综合实验区管委会办公室"),
    ]

    func testPlacesThroughRunAndInspect() throws {
        let dir = try Fixtures.temporaryFolder("places")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("Corpus"), output = dir.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for (name, text) in Self.documents { try Data(text.utf8).write(to: corpus.appendingPathComponent(name)) }
        let result = try GazetteBinary.run(["run", "--config", Fixtures.root.appendingPathComponent("pipeline.yml").path,
                                            "--corpus", corpus.path, "--output", output.path, "--cache", dir.appendingPathComponent("cache").path,
                                            "--quiet"], timeout: 300)
        XCTAssertEqual(result.status, 0, result.stderr)

        var places: [String: [String: Any]] = [:], ids: [String: String] = [:]
        for f in try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("documents").path) {
            let d = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("documents/" + f))) as? [String: Any])
            let name = ((d["source"] as? [String: Any])?["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
            places[name] = d["place"] as? [String: Any]
            ids[name] = d["id"] as? String
        }
        XCTAssertEqual(places["fuzhou.txt"]?["code"] as? String, "350102")
        XCTAssertEqual(places["fuzhou.txt"]?["path"] as? [String], ["福建省", "福州市", "鼓楼区"])
        XCTAssertEqual(places["nanjing.txt"]?["code"] as? String, "320106")
        XCTAssertEqual(places["unknown.txt"]?["status"] as? String, "ambiguous")
        XCTAssertEqual((places["unknown.txt"]?["candidates"] as? [String])?.count, 4)
        XCTAssertTrue(places["unknown.txt"]?["code"] is NSNull)
        XCTAssertEqual(places["pingtan.txt"]?["level"] as? String, "zone")
        XCTAssertEqual(places["pingtan.txt"]?["zone"] as? String, "平潭综合实验区")
        XCTAssertEqual(places["pingtan.txt"]?["code"] as? String, "350128")

        let csv = try String(contentsOf: output.appendingPathComponent("clauses.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("region_code,region_level"))
        XCTAssertTrue(csv.contains(",350102,county,"))

        let site = output.appendingPathComponent("site")
        let index = try String(contentsOf: site.appendingPathComponent("place/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("<a href=\"350000.html\">福建省</a><span class=\"count\"> 2</span>"), index)
        XCTAssertTrue(index.contains("<a href=\"350128.html\">平潭县</a><span class=\"count\"> 1</span><span class=\"muted\">（含 平潭综合实验区）</span>"))
        XCTAssertTrue(index.contains("<a href=\"unplaced.html\">未定位</a><span class=\"count\"> 1</span>"))
        let fuzhou = try String(contentsOf: site.appendingPathComponent("place/350102.html"), encoding: .utf8)
        XCTAssertTrue(fuzhou.contains("href=\"../doc/\(ids["fuzhou.txt"]!).html\""))
        let unplaced = try String(contentsOf: site.appendingPathComponent("place/unplaced.html"), encoding: .utf8)
        XCTAssertTrue(unplaced.contains("href=\"../doc/\(ids["unknown.txt"]!).html\""))
        let page = try String(contentsOf: site.appendingPathComponent("doc/\(ids["fuzhou.txt"]!).html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<a href=\"../place/350102.html\">福建省 › 福州市 › 鼓楼区</a>"), page)
        XCTAssertTrue(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8).contains("href=\"place/index.html\""))

        let inspect = String(decoding: try GazetteBinary.output(["inspect", corpus.appendingPathComponent("nanjing.txt").path]), as: UTF8.self)
        XCTAssertTrue(inspect.contains("place:      320106 county 江苏省/南京市/鼓楼区"), inspect)
        XCTAssertTrue(inspect.contains("the one in 南京市, which the document names"), inspect)
    }
}
