import XCTest
@testable import GazetteCore
import GazetteModel

final class MetadataTests: XCTestCase {
    func testForwardingNoticeWithBracketVariantsAndContact() {
        let text = """
        国务院办公厅关于印发2021年政务公开工作要点的通知
        国办发[2021]12号
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        《2021年政务公开工作要点》已经国务院同意，现印发给你们，请认真贯彻落实。
        国务院办公厅
        2021年4月25日
        （联系人：张三，电话：010-12345678）
        （此件公开发布）
        2021年政务公开工作要点
        一、总体要求
        做好今年工作。
        """
        let d = StructureFixtureTests.structure(text)
        XCTAssertEqual(d.title, "国务院办公厅关于印发2021年政务公开工作要点的通知")
        XCTAssertEqual(d.planTitle, "2021年政务公开工作要点")
        XCTAssertEqual(d.docNumber, "国办发〔2021〕12号")
        XCTAssertEqual(d.issuer, "国务院办公厅")
        XCTAssertEqual(d.issueDate, "2021-04-25")
        XCTAssertEqual(d.year, 2021)
        XCTAssertEqual(d.region, "全国")   // a national body's document is for the whole country
        XCTAssertEqual(d.docType, .workPlan)
        XCTAssertEqual(d.addressees, ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"])
        XCTAssertEqual(d.contact, ["联系人：张三，电话：010-12345678"])
        XCTAssertEqual(d.disclosure, "此件公开发布")
        XCTAssertEqual(d.preamble, "《2021年政务公开工作要点》已经国务院同意，现印发给你们，请认真贯彻落实。")
        XCTAssertEqual(d.clauses.map(\.heading), ["总体要求"])
    }

    func testPageMetadataAndRemovedSourceLineWin() {
        let text = "上海市浦东新区人民政府关于做好2022年政务公开工作的通知\n各街道办事处：\n现就有关事项通知如下。\n一、提高认识\n认真做好。"
        let d = StructureFixtureTests.structure(text, pageMetadata: ["发文机关": "上海市浦东新区人民政府", "成文日期": "2022年03月08日", "发文字号": "浦府［2022］31号"],
                                                removed: [RemovedLine(rule: "source-line", text: "来源: 浦东新区 更新时间:2022-03-10")])
        XCTAssertEqual(d.issuer, "上海市浦东新区人民政府")
        XCTAssertEqual(d.issueDate, "2022-03-08")
        XCTAssertEqual(d.publicationDate, "2022-03-10")
        XCTAssertEqual(d.docNumber, "浦府〔2022〕31号")
        XCTAssertEqual(d.region, "上海市浦东新区")
        XCTAssertEqual(d.docType, .notice)
        XCTAssertEqual(d.planTitle, d.title)
    }

    func testAnnualReportIssuerFromTitleAndDateGluedToTitle() {
        let report = StructureFixtureTests.structure("苏州市2018年政府信息公开工作年度报告\n根据条例规定，现公布年度报告。\n一、概述\n全年工作。")
        XCTAssertEqual(report.issuer, "苏州市人民政府")
        XCTAssertEqual(report.docType, .annualReport)
        XCTAssertNil(report.issueDate)
        // A lost line break between the signature date and the plan title.
        let glued = StructureFixtureTests.structure("各区人民政府：\n现将《2023年某某市政务公开工作要点》印发给你们。\n某某市人民政府办公厅\n2023年3月31日2023年某某市政务公开工作要点\n一、总体要求\n内容。")
        XCTAssertEqual(glued.title, "2023年某某市政务公开工作要点")
        XCTAssertEqual(glued.issuer, "某某市人民政府办公厅")
        XCTAssertEqual(glued.issueDate, "2023-03-31")
    }
}

final class NoticeTitleTests: XCTestCase {
    func testNoticeTitleWithoutGuanyu() {
        let d = StructureFixtureTests.structure(["国务院办公厅印发《2020年政务公开工作要点》的通知", "各省、自治区、直辖市人民政府：", "现印发给你们。",
                                                 "2020年政务公开工作要点", "一、总体要求", "做好工作。"].joined(separator: "\n"))
        XCTAssertEqual(d.title, "国务院办公厅印发《2020年政务公开工作要点》的通知")
        XCTAssertEqual(d.planTitle, "2020年政务公开工作要点")
        XCTAssertEqual(d.issuer, "国务院办公厅")
        XCTAssertEqual(d.docType, .workPlan)
    }
}

final class EndSignatureTests: XCTestCase {
    func testSignatureAfterTheAttachmentList() {
        let text = ["关于做好2023年政务公开工作的通知", "各区人民政府：", "现将有关事项通知如下。", "一、提高认识", "认真做好。", "二、抓好落实", "按时完成。",
                    "附件：1.任务清单", "2.联系表", "某市人民政府办公室", "2023年2月1日"].joined(separator: "\n")
        let d = StructureFixtureTests.structure(text)
        XCTAssertEqual(d.issuer, "某市人民政府办公室")
        XCTAssertEqual(d.issueDate, "2023-02-01")
        XCTAssertEqual(d.docType, .notice)
        XCTAssertEqual(d.clauses.count, 2)
        XCTAssertEqual(d.appendices.map(\.kind), [.attachment])
    }
}

final class BracketDateTests: XCTestCase {
    func testDateInBracketsUnderTheTitle() {
        let d = StructureFixtureTests.structure(["某市2021年政务公开工作要点", "（2021年3月15日）", "一、总体要求", "做好工作。"].joined(separator: "\n"))
        XCTAssertEqual(d.issueDate, "2021-03-15")
        XCTAssertEqual(d.preamble, "")
    }
}
