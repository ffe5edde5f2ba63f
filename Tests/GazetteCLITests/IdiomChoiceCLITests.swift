import Foundation
import XCTest
import GazetteTestSupport

/// The one-to-many idiom choices end to end, through the built binary: a mainland notice as
/// OpenCC 1.4.2's s2twp writes it is normalized back, `gazette inspect` lists each choice
/// (word, candidates, chosen, why) and the document JSON counts them; the mainland original
/// has none.
final class IdiomChoiceCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try Fixtures.temporaryFolder("idiom") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    let mainland = """
    关于加强政务公开工作的通知

    各区人民政府：

    一、市政府通过门户网站发布统计数据，保障经济平稳运行。
    二、群众打开链接即可在线查询办事进度，网站提供数据接口。
    三、各部门要严格执行本通知，软件和网络设备要定期维护。

    """
    /// `mainland` through s2twp (OpenCC 1.4.2).
    let taiwan = """
    關於加強政務公開工作的通知

    各區人民政府：

    一、市政府通過入口網站釋出統計資料，保障經濟平穩執行。
    二、群眾開啟連結即可線上查詢辦事進度，網站提供資料介面。
    三、各部門要嚴格執行本通知，軟體和網路裝置要定期維護。

    """

    func write(_ text: String, _ name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testInspectListsEachChoiceAndJSONCountsThem() throws {
        let tw = try write(taiwan, "tw.txt")
        let text = String(decoding: try GazetteBinary.output(["inspect", tw]), as: UTF8.self)
        XCTAssertTrue(text.contains("choices:    8 one-to-many words (6 changed)"), text)
        // The reasons name the evidence; their counts depend on the shipped statistics.
        XCTAssertTrue(text.contains("    资料 → 数据 (数据|资料) context 统计资料←数据 "), text)
        XCTAssertTrue(text.contains("    执行 → 运行 (执行|运行) context 平稳执行←运行"), text)
        XCTAssertTrue(text.contains("    执行 → 执行 (执行|运行) context 严格执行←执行"), text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: try GazetteBinary.output(["inspect", "--json", tw])) as? [String: Any])
        let source = try XCTUnwrap(json["source"] as? [String: Any])
        XCTAssertEqual(source["choices"] as? Int, 8)
        XCTAssertEqual(source["variant"] as? String, "taiwan")
        XCTAssertEqual(String(decoding: try GazetteBinary.output(["normalize", tw]), as: UTF8.self), mainland)
    }

    func testMainlandTextHasNoChoices() throws {
        let cn = try write(mainland, "cn.txt")
        let text = String(decoding: try GazetteBinary.output(["inspect", cn]), as: UTF8.self)
        XCTAssertFalse(text.contains("choices:"), text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: try GazetteBinary.output(["inspect", "--json", cn])) as? [String: Any])
        XCTAssertEqual((json["source"] as? [String: Any])?["choices"] as? Int, 0)
        XCTAssertEqual(String(decoding: try GazetteBinary.output(["normalize", cn]), as: UTF8.self), mainland)
    }
}
