import XCTest
@testable import GazetteCore
import GazetteModel

final class TaskExtractorTests: XCTestCase {
    func roles(_ text: String) -> [String] { TaskExtractor().extract(text).units.map { "\($0.name)/\($0.role.rawValue)" } }

    func testBracketedNotes() {
        XCTAssertEqual(roles("推进信息公开。（市发展改革委、市财政局分别负责落实）"), ["市发展改革委/each_responsible", "市财政局/each_responsible"])
        XCTAssertEqual(roles("公开目录。(市政府办公厅牵头,各区政府、市政府各部门负责落实)"),
                       ["市政府办公厅/lead", "各区政府/responsible", "市政府各部门/responsible"])
        XCTAssertEqual(roles("做好公开。(市规划国土委、市园林绿化局等相关部门、通州区政府分别负责落实)"),
                       ["市规划国土委/each_responsible", "市园林绿化局/each_responsible", "通州区政府/each_responsible"])
        XCTAssertEqual(roles("推进创新。(中关村管委会、北京经济技术开发区管委会负责落实)"),
                       ["中关村管委会/responsible", "北京经济技术开发区管委会/responsible"])
        XCTAssertEqual(roles("统一考核。（市统计局会同市财政局负责）"), ["市统计局/lead", "市财政局/cooperating"])
        XCTAssertEqual(roles("做好公示(以下简称“双公示”)。"), [])
    }

    func testLabelledLines() {
        XCTAssertEqual(roles("牵头单位：市政府办公厅\n责任单位：各区政府、市大数据局\n配合单位：市财政局"),
                       ["市政府办公厅/lead", "各区政府/responsible", "市大数据局/responsible", "市财政局/cooperating"])
        XCTAssertEqual(roles("完善平台。牵头单位：市数据局；责任单位：各区政府。"), ["市数据局/lead", "各区政府/responsible"])
    }

    func testSubjectsInRunningTextAreMentions() {
        XCTAssertEqual(roles("市市场监管局作为标准化工作主管部门，要加强指导。"), ["市市场监管局/mentioned"])
        XCTAssertEqual(roles("标准化主管部门要发挥专业优势。市政府办公厅会同有关部门加强督查考核。"), ["市政府办公厅/mentioned"])
        // Not subjects: an object, a website, a unit inside a phrase.
        XCTAssertEqual(roles("聚焦市委、市政府重点任务。市政府门户网站年内完成改造。经市政府同意，各区要及时发布。"), [])
        // A unit with a note is not repeated as a mention.
        XCTAssertEqual(roles("市财政局要公开预算。（市财政局负责落实）"), ["市财政局/responsible"])
    }

    func testDeadlinesAndTargets() {
        let f = TaskExtractor().extract("各单位要在6月30日前建立制度，于3月31日前公开目录，2023年年底前完成，发布后20个工作日内分解任务，年内开展不少于2次活动，比例不得低于50%，每年至少召开1次会议。完成时限：长期坚持")
        XCTAssertEqual(f.deadlines, ["长期坚持", "6月30日前", "3月31日前", "2023年年底前", "20个工作日内", "年内"])
        XCTAssertEqual(f.targets, ["不少于2次", "比例不得低于50%", "每年至少召开1次"])
    }
}

final class LabelledNoteTests: XCTestCase {
    func testLabelledFieldsInsideBrackets() {
        let f = TaskExtractor().extract("推进公开。（牵头单位：市政府办公厅；责任单位：市发展改革委、市财政局）做好解读。")
        XCTAssertEqual(f.units.map { "\($0.name)/\($0.role.rawValue)" }, ["市政府办公厅/lead", "市发展改革委/responsible", "市财政局/responsible"])
    }
}
