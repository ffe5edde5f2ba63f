import XCTest
@testable import GazetteCore
import GazetteModel

/// A policy-library page whose metadata table was flattened into TAB lines, a label alone
/// on its line, and the signature block after the body.
final class HeaderFieldTests: XCTestCase {
    func testFlattenedMetadataTableAndSignatureAtTheEnd() {
        let text = [
            "索 引 号：\t11440100/2022-00012\t主题分类：\t政务公开",
            "发文机关：\t广州市人民政府办公厅\t成文日期：\t2022年05月06日",
            "标  题：\t广州市人民政府办公厅关于印发广州市2022年政务公开工作要点的通知",
            "发文字号：\t穗府办函〔2022〕40号\t发布日期：\t2022年05月10日",
            "广州市2022年政务公开工作要点",
            "一、",
            "深化重点领域公开。做好公开。",
            "二、强化保障",
            "（一）加强组织领导。",
            "广州市人民政府办公厅",
            "二〇二二年五月六日",
        ].joined(separator: "\n")
        let d = StructureFixtureTests.structure(text)
        XCTAssertEqual(d.title, "广州市人民政府办公厅关于印发广州市2022年政务公开工作要点的通知")
        XCTAssertEqual(d.planTitle, "广州市2022年政务公开工作要点")
        XCTAssertEqual(d.issuer, "广州市人民政府办公厅")
        XCTAssertEqual(d.issueDate, "2022-05-06")
        XCTAssertEqual(d.publicationDate, "2022-05-10")
        XCTAssertEqual(d.docNumber, "穗府办函〔2022〕40号")
        XCTAssertEqual(d.region, "广州市")
        XCTAssertEqual(d.docType, .workPlan)
        XCTAssertEqual(d.preamble, "")
        XCTAssertEqual(d.clauses.map { "\($0.level) \($0.label) \($0.heading)" }, ["1 一、 深化重点领域公开", "1 二、 强化保障", "2 （一） 加强组织领导"])
        XCTAssertEqual(d.closing, "广州市人民政府办公厅\n二〇二二年五月六日")
    }

    func testChineseNumeralDates() {
        XCTAssertEqual(MetadataExtractor.dateOf("二〇二二年十二月三十一日"), "2022-12-31")
        XCTAssertEqual(MetadataExtractor.dateOf("2020年3月20日"), "2020-03-20")
        XCTAssertEqual(MetadataExtractor.dateOf("更新时间:2018-09-10"), "2018-09-10")
        XCTAssertNil(MetadataExtractor.dateOf("2020年13月20日"))
    }
}

/// 【政策解读】 Q&A sections, with and without their question marks.
final class AppendixTests: XCTestCase {
    func testQuestionsWithMarksAndNumberedAnswers() {
        let lines = ["【政策解读】", "一、为什么要制定？", "为了推进工作。", "（一）第一点。", "二、有哪些亮点？", "聚焦重点。"]
        let parts = AppendixSplitter().split(lines, from: 0)
        XCTAssertEqual(parts.count, 1)
        XCTAssertEqual(parts[0].appendix.kind, .interpretation)
        XCTAssertEqual(parts[0].appendix.qa.map(\.question), ["为什么要制定？", "有哪些亮点？"])
        XCTAssertEqual(parts[0].appendix.qa[0].answer, "为了推进工作。\n（一）第一点。")
    }

    func testQuestionGluedToItsAnswerWhenTheMarkWasLost() {
        let lines = ["【政策解读】:", "一、什么是集成式发布它能解决哪些问题在征集意见的过程中,有企业反映政策分散。", "二、如何参加活动", "每年8月开放。", "1、门户网站。"]
        let qa = AppendixSplitter().split(lines, from: 0)[0].appendix.qa
        XCTAssertEqual(qa.map(\.question), ["什么是集成式发布它能解决哪些问题在征集意见的过程中", "如何参加活动"])
        XCTAssertEqual(qa[1].answer, "每年8月开放。\n1、门户网站。")
    }

    func testAttachmentAndOtherMarkers() {
        XCTAssertEqual(AppendixSplitter.marker("附件：2023年济南市政务公开重点工作任务分工(略)")?.0, .attachment)
        XCTAssertEqual(AppendixSplitter.marker("附件2")?.0, .attachment)
        XCTAssertEqual(AppendixSplitter.marker("相关解读")?.0, .other)
        XCTAssertNil(AppendixSplitter.marker("附件材料要齐全。"))
    }
}

/// Page metadata arrives in the page's own script; the stage maps it onto the normalized text.
final class PageMetadataScriptTests: XCTestCase {
    func testTraditionalPageMetadataIsMappedThroughTheOriginalText() {
        let original = "上海市人民政府辦公廳關於印發《2020年上海市政務公開工作要點》的通知\n一、總體要求\n做好工作。"
        let simplified = "上海市人民政府办公厅关于印发《2020年上海市政务公开工作要点》的通知\n一、总体要求\n做好工作。"
        let normalized = NormalizedText(text: simplified, original: original, script: "traditional", variant: "mainland", conversion: "t2s")
        let source = Source(path: "Corpus/page.html", sha256: "", format: "html", encoding: "utf-8")
        let d = Structurer().structure(StructureInput(id: "p", source: source, normalized: normalized,
            pageMetadata: ["發文機關": "上海市人民政府辦公廳", "成文日期": "2020-03-20"], pageTitle: "上海市人民政府辦公廳關於印發《2020年上海市政務公開工作要點》的通知_上海市人民政府", removed: []))
        XCTAssertEqual(d.issuer, "上海市人民政府办公厅")
        XCTAssertEqual(d.issueDate, "2020-03-20")
        XCTAssertEqual(d.title, "上海市人民政府办公厅关于印发《2020年上海市政务公开工作要点》的通知")
        XCTAssertEqual(d.planTitle, "2020年上海市政务公开工作要点")
    }
}
