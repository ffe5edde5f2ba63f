import XCTest
@testable import GazetteCore
import GazetteModel

/// The forms a responsible unit is named in: responsibility notes in brackets, 【牵头单位：…】
/// brackets, 牵头单位：…责任单位：… lines and the unit columns of task tables.
final class UnitMentionFormsTests: XCTestCase {
    func units(_ text: String) -> [String] { TaskExtractor().extract(text).units.map { "\($0.name) \($0.role.rawValue)" } }

    func testNotes() {
        XCTAssertEqual(units("细化预决算公开内容（省发展改革委、省财政局分别负责落实）。"),
                       ["省发展改革委 each_responsible", "省财政局 each_responsible"])
        XCTAssertEqual(units("及时公开空气质量信息（省环保厅牵头，省国土资源厅、省卫生计生委负责）。"),
                       ["省环保厅 lead", "省国土资源厅 responsible", "省卫生计生委 responsible"])
    }

    func testLabelledFieldsInSquareBrackets() {
        XCTAssertEqual(units("加强政策解读。【牵头单位：省委宣传部、省政府办公厅】"), ["省委宣传部 lead", "省政府办公厅 lead"])
        XCTAssertEqual(units("【牵头单位：县教育局】【责任单位：县财政局】做好公开。"), ["县教育局 lead", "县财政局 responsible"])
        XCTAssertEqual(units("做好公开[责任单位：区民政局]"), ["区民政局 responsible"])
    }

    func testLabelledLines() {
        XCTAssertEqual(units("推进就业信息公开。牵头单位：县教育局；责任单位：县委办、县财政局。"),
                       ["县教育局 lead", "县委办 responsible", "县财政局 responsible"])
        XCTAssertEqual(units("牵头单位：省人社厅 责任单位：省教育厅 完成时限：6月底前"), ["省人社厅 lead", "省教育厅 responsible"])
    }

    func testTaskTableColumns() {
        let row = TableReader.Row(line: 1, cells: ["推进财政信息公开", "省财政厅", "省统计局、省审计厅", "6月底前"],
                                  columns: [.task, .lead, .responsible, .deadline])
        let facts = TaskExtractor().extract(row: row)
        XCTAssertEqual(facts.units.map { "\($0.name) \($0.role.rawValue)" }, ["省财政厅 lead", "省统计局 responsible", "省审计厅 responsible"])
        XCTAssertEqual(facts.deadlines.first, "6月底前")
    }
}
