import XCTest
import GazetteModel
@testable import GazettePublish

/// The document page's 主题分类 row: the class, where it came from, and a prediction's evidence.
final class SubjectPageTests: XCTestCase {
    func page(_ s: DocumentSubject?) -> String {
        var d = SampleDocuments.plan(id: "sh-2020", region: "上海市", year: 2020)
        d.subject = s
        return DocumentPage.render(d)
    }

    func testThePagesValue() {
        let html = page(DocumentSubject(code: "government_affairs.open_government", name: "综合政务\\政务公开", source: .page,
                                        raw: "政务公开", evidence: ["page-table: 主题分类 政务公开"]))
        XCTAssertTrue(html.contains("<dt>主题分类</dt><dd><span class=\"subject\">综合政务\\政务公开<span class=\"muted\">（页面所载）</span></span></dd>"), html)
        XCTAssertFalse(html.contains("subject-evidence"))
    }

    func testAPredictionShowsItsEvidence() {
        let html = page(DocumentSubject(code: "finance.tax", name: "财政、金融、审计\\税务", source: .predicted, score: 21.5,
                                        evidence: ["finance.tax 财政、金融、审计\\税务 21.5: title 税收 +18", "runner-up sci_edu 科技、教育 3: text 教育 +3"]))
        XCTAssertTrue(html.contains("财政、金融、审计\\税务<span class=\"muted\">（据标题和正文推测）</span>"), html)
        XCTAssertTrue(html.contains("<details class=\"subject-evidence\"><summary>依据</summary><ul><li>finance.tax 财政、金融、审计\\税务 21.5: title 税收 +18</li>"), html)
    }

    func testAnUnrecognisedValueIsMarked() {
        let html = page(DocumentSubject(code: nil, name: "<政府工作>", source: .page, raw: "<政府工作>", evidence: ["not in the code list"]))
        XCTAssertTrue(html.contains("&lt;政府工作&gt;<span class=\"muted\">（页面所载，不在分类表中）</span>"), html)
        XCTAssertTrue(html.contains("<li>not in the code list</li>"))
    }

    func testNoSubjectNoRow() {
        XCTAssertFalse(page(nil).contains("主题分类"))
    }

    func testTheQualityPageNamesTheWarning() {
        XCTAssertEqual(IndexPages.warningLabel("subject-unrecognised"), "页面所载主题分类不在分类表（subject_classes.yml）中")
    }
}
