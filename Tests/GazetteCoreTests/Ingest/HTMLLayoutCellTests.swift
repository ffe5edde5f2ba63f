import XCTest
@testable import GazetteCore

/// A page laid out with tables: the body's cell is read as paragraphs, a task table's
/// cells (a paragraph each, as Word writes them) stay cells of one row.
final class HTMLLayoutCellTests: XCTestCase {
    func testBodyInALayoutCellKeepsItsParagraphs() throws {
        let html = """
        <html><body><table><tr><td class="main">
        <p>某市人民政府办公厅关于印发工作要点的通知</p><p>一、总体要求</p><p>坚持公开为常态。</p>
        <p>二、重点任务</p><p>（一）推进决策公开。</p>
        <table><tr><td><p>序号</p></td><td><p>工作任务</p></td><td><p>牵头单位</p></td></tr>
        <tr><td><p>1</p></td><td><p>做好预算公开。</p></td><td><p>市财政局</p></td></tr></table>
        </td></tr></table></body></html>
        """
        let lines = try HTMLExtractor.extract(html).text.components(separatedBy: "\n")
        XCTAssertEqual(lines, ["某市人民政府办公厅关于印发工作要点的通知", "一、总体要求", "坚持公开为常态。", "二、重点任务", "（一）推进决策公开。",
                               "序号\t工作任务\t牵头单位", "1\t做好预算公开。\t市财政局"])
    }

    func testShortCellsAreData() throws {
        let html = "<html><body><table><tr><td>序号</td><td>工作任务</td></tr><tr><td>1</td><td><p>推进政务公开标准化建设。</p><p>年底前完成。</p></td></tr></table></body></html>"
        let lines = try HTMLExtractor.extract(html).text.components(separatedBy: "\n")
        XCTAssertEqual(lines, ["序号\t工作任务", "1\t推进政务公开标准化建设。 年底前完成。"])
    }
}
