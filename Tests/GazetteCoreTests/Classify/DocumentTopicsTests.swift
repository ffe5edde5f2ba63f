import XCTest
@testable import GazetteCore
import GazetteModel

/// Topics on every document: the title's, the clauses' main ones, and for a document without
/// clauses its whole text's.
final class DocumentTopicsTests: XCTestCase {
    let yaml = """
    rules: { topic_min_score: 2, topic_per_100_chars: 0, heading_topic_min: 3, document_topic_share: 0.25, document_topic_min_clauses: 2 }
    areas:
      general: { name: 总体要求, cues: { heading: { 总体要求: 5 } } }
    topics:
      health: { name: 卫生, cues: { any: { 医疗: 1, 药品: 1 } } }
      education: { name: 教育, cues: { any: { 学校: 1 } } }
      finance: { name: 财政, cues: { any: { 预算: 1 } } }
    """

    func classifier() throws -> Classifier { Classifier(taxonomy: try ClassifyFixtures.taxonomy(yaml)) }

    func testMainTopicsOfTheClausesAndTheTitle() throws {
        var d = ClassifyFixtures.document(title: "学校工作要点", [
            ("s1", nil, "医疗", "医疗医疗。"), ("s2", nil, "医疗保障", "医疗。"),
            ("s3", nil, "预算", "预算预算。"), ("s4", nil, "其他", "无。"),
            ("s5", nil, "其他", "无。"), ("s6", nil, "其他", "无。"), ("s7", nil, "其他", "无。"), ("s8", nil, "其他", "无。"),
        ])
        d.text = "正文"
        let out = try classifier().classify(d)
        // health: 2 of 8 clauses = 25% and ≥ 2; finance: 1 clause, too few; education: named by the title.
        XCTAssertEqual(out.topics, ["health", "education"])
    }

    func testDocumentWithoutClausesTakesItsTextsTopics() throws {
        var d = ClassifyFixtures.document(title: "关于调整实施有关规定的决定", [])
        d.text = "在先行区内暂时调整药品进口审批，医疗机构可以使用药品。"
        XCTAssertEqual(try classifier().classify(d).topics, ["health"])
        d.text = "会议同意这个报告。"
        XCTAssertEqual(try classifier().classify(d).topics, [])
    }

    func testRulesAreReadAndChecked() throws {
        let t = try ClassifyFixtures.taxonomy(yaml)
        XCTAssertEqual(t.rules.documentTopicShare, 0.25)
        XCTAssertEqual(t.rules.documentTopicMinClauses, 2)
        var d: [Diagnostic] = []
        _ = TaxonomyLoader.parse("rules: { document_topic_share: many }\nareas:\n  general: {}\n", file: "t.yml", diagnostics: &d)
        XCTAssertTrue(d.contains { $0.severity == .error && $0.message.contains("document_topic_share") }, "\(d)")
    }
}
