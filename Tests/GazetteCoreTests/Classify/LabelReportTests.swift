import XCTest
@testable import GazetteCore
import GazetteModel

/// `gazette check --labels`: per label, the clauses that got it and the cues that fired there.
final class LabelReportTests: XCTestCase {
    let yaml = """
    rules: { topic_min_score: 1, topic_per_100_chars: 0, topic_support: 0 }
    scope: { title: [政务公开], body: [信息公开], body_per_1000_chars: 50 }
    areas:
      general: { name: 总体要求, cues: { heading: { 总体要求: 5 } } }
      platforms: { name: 平台, cues: { any: { 网站: 1, 新媒体: 1, 热线: 1 } } }
    topics:
      health: { name: 卫生, cues: { any: { 医疗: 1 } } }
    """

    func testCountsClausesAndTheCuesBehindEachLabel() throws {
        let c = Classifier(taxonomy: try ClassifyFixtures.taxonomy(yaml))
        var plan = ClassifyFixtures.document(id: "plan", [
            ("s1", nil, "加强平台建设", ""),
            ("s1.c1", "s1", "办好网站", "网站和新媒体。"),
            ("s1.c2", "s1", "办好网站", "网站公开医疗信息。"),
        ])
        plan.title = "政务公开工作要点"
        var rule = ClassifyFixtures.document(id: "rule", [("s1", nil, "医疗机构", "医疗机构在网站公示。")])
        rule.title = "医疗机构管理办法"
        var a = LabelReport(), b = LabelReport()
        a.add(c.classify(plan), classifier: c)
        b.add(c.classify(rule), classifier: c)
        a.merge(b)
        XCTAssertEqual(a.documents, 2)
        XCTAssertEqual(a.clauses, 4)
        XCTAssertEqual(a.outOfScope, 1)
        XCTAssertEqual(a.outOfScopeClauses, 1)
        XCTAssertEqual(a.clausesByLabel["area platforms"], 3)
        XCTAssertEqual(a.fromChildren["area platforms"], 1, "the parent's area came from its children")
        // 网站 fired in both leaves (heading and body of one clause count once), 新媒体 in one.
        XCTAssertEqual(a.cuesByLabel["area platforms"], ["网站": 2, "新媒体": 1])
        // In the plan, 医疗 in a platforms clause is a passing mention (topic_outside_factor);
        // the out-of-scope rule has no area to doubt it.
        XCTAssertEqual(a.clausesByLabel["topic health"], 1)
        XCTAssertEqual(a.cuesByLabel["topic health"], ["医疗": 1])
        let text = a.render(taxonomy: c.taxonomy)
        XCTAssertTrue(text.hasPrefix("Labels on 2 documents, 4 clauses; 1 documents (1 clauses) outside the areas' scope"), text)
        XCTAssertTrue(text.contains("area platforms 平台 — 3 clauses (75.0%), 1 from their children\n    cues: 网站 2, 新媒体 1\n    1 of its 3 cues decided no clause"), text)
        XCTAssertTrue(text.contains("area general 总体要求 — 0 clauses (0.0%)"), text)
    }
}
