import XCTest
@testable import GazetteCore
import GazetteModel

/// The taxonomy's `scope:` — which documents get work areas at all — and what the
/// classifier writes for a document outside it.
final class AreaScopeTests: XCTestCase {
    let yaml = """
    rules: { topic_min_score: 1, topic_per_100_chars: 0 }
    scope: { title: [政务公开], body: [信息公开, 主动公开], body_per_1000_chars: 10 }
    areas:
      general: { name: 总体要求, cues: { heading: { 总体要求: 5 } } }
      platforms: { name: 平台, cues: { any: { 网站: 1 } } }
    topics:
      health: { name: 卫生, cues: { any: { 医疗: 1 } } }
    """

    func classifier() throws -> Classifier { Classifier(taxonomy: try ClassifyFixtures.taxonomy(yaml)) }

    func document(title: String, _ clauses: [(String, String?, String, String)]) -> Document {
        var d = ClassifyFixtures.document(title: title, clauses)
        d.text = clauses.map { $0.2 + "\n" + $0.3 }.joined(separator: "\n")
        return d
    }

    func testTitlePhraseBringsTheDocumentIntoScope() throws {
        let s = try XCTUnwrap(try ClassifyFixtures.taxonomy(yaml).scope)
        let d = s.decide(titles: ["2024年政务公开工作要点"], text: "")
        XCTAssertTrue(d.applies)
        XCTAssertTrue(d.reason.contains("政务公开"), d.reason)
    }

    func testDenseVocabularyBringsTheDocumentIntoScope() throws {
        let s = try XCTUnwrap(try ClassifyFixtures.taxonomy(yaml).scope)
        // 2 phrases in 40 characters = 50 per 1,000 ≥ 10, whatever the title.
        let text = "做好信息公开和主动公开工作" + String(repeating: "文", count: 27)
        XCTAssertTrue(s.decide(titles: ["工作要点"], text: text).applies)
        // 1 phrase in 400 characters = 2.5 per 1,000 < 10.
        let thin = "信息公开" + String(repeating: "文", count: 396)
        let d = s.decide(titles: ["某某条例"], text: thin)
        XCTAssertFalse(d.applies)
        XCTAssertTrue(d.reason.contains("2.5 per 1,000 characters < 10"), d.reason)
    }

    func testPhrasesAreCountedEachTimeTheyOccur() {
        XCTAssertEqual(AreaScope.occurrences(of: ["公开", "信息公开"], in: "信息公开，公开，公公开"), 4)
        XCTAssertEqual(AreaScope.occurrences(of: ["长长的短语"], in: "短"), 0)
    }

    func testOutOfScopeDocumentGetsNoAreaButKeepsItsTopics() throws {
        let d = try classifier().classify(document(title: "医疗机构管理条例", [
            ("s1", nil, "总则", ""),
            ("s1.c1", "s1", "医疗机构", "医疗机构在网站公布医疗服务价格。"),
            ("s1.c2", "s1", "总体要求", "医疗质量。"),
        ]))
        for c in d.clauses {
            XCTAssertNil(c.area, c.id)
            XCTAssertTrue(c.evidence.first?.hasPrefix("area none: not about open-government work") == true, "\(c.id): \(c.evidence)")
        }
        XCTAssertEqual(d.clauses[1].topics, ["health"])
        XCTAssertEqual(d.clauses[0].topics, ["health"], "a parent still collects its children's topics")
    }

    func testInScopeDocumentIsLabelledAsBefore() throws {
        let d = try classifier().classify(document(title: "2024年政务公开工作要点", [
            ("s1", nil, "总体要求", "认真做好。"),
            ("s2", nil, "加强网站建设", "办好网站。"),
        ]))
        XCTAssertEqual(d.clauses.map(\.area), ["general", "platforms"])
        XCTAssertFalse(d.clauses.contains { $0.evidence.contains { $0.hasPrefix("area none") } })
    }

    func testWithoutScopeEveryDocumentGetsAreas() throws {
        let t = try ClassifyFixtures.taxonomy(yaml.replacingOccurrences(of: "scope: { title: [政务公开], body: [信息公开, 主动公开], body_per_1000_chars: 10 }\n", with: ""))
        XCTAssertNil(t.scope)
        let d = Classifier(taxonomy: t).classify(document(title: "统计公报", [("s1", nil, "网站", "网站。")]))
        XCTAssertEqual(d.clauses[0].area, "platforms")
    }

    func testAnOverrideStillSetsTheAreaOfAnOutOfScopeClause() throws {
        var o = Overrides()
        o.entries = [Overrides.Entry(document: "doc", clause: "s1", area: "platforms", topics: nil, note: nil, line: 3)]
        let c = Classifier(taxonomy: try ClassifyFixtures.taxonomy(yaml), overrides: o)
        let d = c.classify(document(title: "统计公报", [("s1", nil, "网站", "网站。")]))
        XCTAssertEqual(d.clauses[0].area, "platforms")
    }

    func testScopeErrorsCarryTheirLine() {
        var d: [Diagnostic] = []
        _ = TaxonomyLoader.parse("scope: { titles: [政务公开] }\nareas:\n  general: {}\n", file: "t.yml", diagnostics: &d)
        XCTAssertTrue(d.contains { $0.id == "unknown-key" && $0.message.contains("'titles'") && $0.line == 1 }, "\(d)")
        XCTAssertTrue(d.contains { $0.id == "scope-empty" && $0.severity == .error }, "\(d)")
        d = []
        _ = TaxonomyLoader.parse("scope: { title: 政务公开 }\nareas:\n  general: {}\n", file: "t.yml", diagnostics: &d)
        XCTAssertTrue(d.contains { $0.severity == .error && $0.message.contains("scope.title") }, "\(d)")
    }

    /// The repository's own rule on made-up documents of the kinds the issue names.
    func testRepositoryScopeSeparatesOpenGovernmentWorkFromOtherDocuments() throws {
        let c = try ClassifyFixtures.repositoryClassifier()
        let scope = try XCTUnwrap(c.taxonomy.scope)
        XCTAssertTrue(scope.decide(titles: ["某市2025年政务公开工作要点"], text: "").applies)
        XCTAssertTrue(scope.decide(titles: ["某县人民政府2024年政府信息公开工作年度报告"], text: "").applies)
        let plan = String(repeating: "深化主动公开，做好依申请公开，加强政策解读，办好政府网站。", count: 5)
        XCTAssertTrue(scope.decide(titles: ["2025年工作要点"], text: plan).applies, "a plan whose title says only 工作要点")
        let bulletin = String(repeating: "全年地区生产总值增长5.2%，规模以上工业增加值增长6.1%。", count: 20)
        XCTAssertFalse(scope.decide(titles: ["某县2024年国民经济和社会发展统计公报"], text: bulletin).applies)
        let regulation = String(repeating: "第三条 专利代理机构应当依法执业，并在网站公示执业信息。", count: 10)
        XCTAssertFalse(scope.decide(titles: ["专利代理条例"], text: regulation).applies)
        XCTAssertFalse(scope.decide(titles: ["外交部发言人答记者问"], text: "问：请介绍有关情况。答：谢谢。").applies)
    }
}
