import XCTest
@testable import GazetteCore
import GazetteModel

/// The parts of an official document as GB/T 9704 names them, on a made-up notice: 版头
/// (…文件) and 签发人 are neither title nor body, 发文字号 / 主送机关 / 署名 / 成文日期 in Chinese
/// numerals / 附注 are metadata, 版记 (抄送, 印发) is the closing.
final class DocumentPartsTests: XCTestCase {
    static let notice = """
    青岭市人民政府办公室文件
    青政办发〔2024〕8号
    签发人：王某某
    青岭市人民政府办公室关于印发青岭市2024年政务公开工作要点的通知
    各区县人民政府，市政府各部门：
    《青岭市2024年政务公开工作要点》已经市政府同意，现印发给你们，请认真贯彻执行。
    附件：青岭市2024年政务公开工作要点
    青岭市人民政府办公室
    二〇二四年三月十五日
    （此件公开发布）
    青岭市2024年政务公开工作要点
    一、加强政策解读
    （一）做好政策解读。市政府办公室牵头，各部门负责。
    二、强化平台建设
    （一）办好政府网站。市政务服务数据管理局负责。
    抄送：市委办公室，市人大常委会办公室。
    青岭市人民政府办公室 2024年3月15日印发
    """

    func testPartsOfAnOfficialDocument() {
        let d = StructureFixtureTests.structure(Cleaner().clean(Self.notice).text)
        XCTAssertEqual(d.title, "青岭市人民政府办公室关于印发青岭市2024年政务公开工作要点的通知")
        XCTAssertEqual(d.planTitle, "青岭市2024年政务公开工作要点")
        XCTAssertEqual(d.docNumber, "青政办发〔2024〕8号")
        XCTAssertEqual(d.issuer, "青岭市人民政府办公室")
        XCTAssertEqual(d.issueDate, "2024-03-15")
        XCTAssertEqual(d.addressees, ["各区县人民政府", "市政府各部门"])
        XCTAssertEqual(d.disclosure, "此件公开发布")
        XCTAssertEqual(d.docType, .workPlan)
        XCTAssertEqual(d.region, "青岭市")
        XCTAssertEqual(d.clauses.map { "\($0.level) \($0.number) \($0.heading)" }, ["1 1 加强政策解读", "2 1 做好政策解读", "1 2 强化平台建设", "2 1 办好政府网站"])
        XCTAssertEqual(d.closing, "抄送：市委办公室，市人大常委会办公室。\n青岭市人民政府办公室 2024年3月15日印发")
        XCTAssertFalse(d.clauses.last!.text.contains("抄送"))
        XCTAssertEqual(d.metadataSources["doc_number"], "body")
    }
}
