import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// Tables as the HTML extractor gives them: a row a line, cells joined by TAB, merged cells
/// once, layout tables as paragraphs, so a 任务分解表 becomes task clauses with units.
final class DOCXTableTests: XCTestCase {
    typealias X = OOXMLPackage

    func testMergedCellsAreWrittenOnce() {
        let restart = "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>", cont = "<w:tcPr><w:vMerge/></w:tcPr>"
        let body = X.table([[X.p("轮次"), X.p("批次"), X.p("发放时间")],
                            [restart + X.p("第一轮"), X.p("批次1"), X.p("7月19日")],
                            [cont + "<w:p/>", X.p("批次2"), X.p("7月28日")],
                            ["<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + X.p("合计"), X.p("两批")],
                            ["<w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>" + X.p("注：以活动页面为准。")],
                            ["<w:p/>", "<w:p/>", "<w:p/>"]])
        XCTAssertEqual(DOCX.lines(body), ["轮次\t批次\t发放时间", "第一轮\t批次1\t7月19日", "\t批次2\t7月28日", "合计\t\t两批", "注：以活动页面为准。"])
    }

    func testCellParagraphsJoinAndRowsBeforeTheGrid() {
        let body = X.table([[X.p("牵头单位"), X.p("市发展改革委") + X.p("市财政局")],
                            ["<w:tcPr/>" + "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>", X.p("值")]])
        let before = "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc>\(X.p("甲"))</w:tc><w:tc>\(X.p("乙"))</w:tc></w:tr></w:tbl>"
        XCTAssertEqual(DOCX.lines(body + before), ["牵头单位\t市发展改革委 市财政局", "第一行 第二行\t值", "\t甲\t乙"])
    }

    /// A table that lays out the page — one column, or a cell holding the body — is read as paragraphs.
    func testLayoutTablesAreReadAsParagraphs() {
        let oneColumn = X.table([[X.p("一、总体要求")], [X.p("（一）指导思想")]])
        let long = String(repeating: "坚持以公开为常态、不公开为例外。", count: 25)
        let bodyCell = X.table([[X.p("二、重点任务") + X.p(long) + X.p("（一）推进决策公开。"), X.p("备注")]])
        let nested = X.table([[X.p("三、保障措施") + X.table([[X.p("序号"), X.p("工作任务"), X.p("责任单位")], [X.p("1"), X.p("做好公开。"), X.p("市政府办公厅")]])]])
        XCTAssertEqual(DOCX.lines(oneColumn + bodyCell + nested),
                       ["一、总体要求", "（一）指导思想", "二、重点任务", long, "（一）推进决策公开。", "备注", "三、保障措施",
                        "序号\t工作任务\t责任单位", "1\t做好公开。\t市政府办公厅"])
    }

    /// A task table (任务分解表) as Word writes it: the structure stage reads its rows as task
    /// clauses with their units, as it does from the same table in HTML.
    func testTaskTableBecomesTaskClausesWithUnits() throws {
        let rows = [["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                    ["1", "及时公开财政预决算信息。", "市财政局", "各区政府", "2023年6月底前"],
                    ["2", "做好重大建设项目批准和实施领域信息公开。", "市发展改革委", "市住房城乡建设委", "持续推进"]]
        let docx = X.docx(X.document(X.p("某市2023年政务公开工作任务分解表") + X.p("一、重点领域信息公开")
                                     + X.table(rows.map { $0.map { X.p($0) } })), deflate: DOCX.deflate)
        let html = "<html><body><div class=\"content\"><p>某市2023年政务公开工作任务分解表</p><p>一、重点领域信息公开</p><table>"
            + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined() + "</table></div></body></html>"
        let fromDOCX = try DOCX.read(docx).text, fromHTML = try HTMLExtractor.extract(html).text
        XCTAssertEqual(fromDOCX, fromHTML)

        let lines = fromDOCX.components(separatedBy: "\n")
        let tables = TableReader().read(lines)
        XCTAssertEqual(tables.headers, [2])
        XCTAssertEqual(tables.rows[3]?.cell(.lead), "市财政局")
        XCTAssertEqual(tables.rows[4]?.cell(.cooperating), "市住房城乡建设委")
        let built = ClauseTreeBuilder().build(lines: lines, range: 1..<lines.count, tables: tables)
        XCTAssertEqual(built.map { $0.clause.id }, ["s1", "s1.t1", "s1.t2"])
    }
}
