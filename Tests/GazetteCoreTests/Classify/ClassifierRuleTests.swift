import XCTest
@testable import GazetteCore
import GazetteModel

/// One test per rule kind of the classifier, each on a small inline taxonomy so the
/// expected numbers can be worked out by hand.
final class ClassifierRuleTests: XCTestCase {
    /// Two areas with one cue each; rule numbers chosen for easy arithmetic.
    let base = """
    rules: { heading_weight: 3, body_weight: 1, parent_weight: 0.5, body_repeat_cap: 3, topic_min_score: 2,
             topic_per_100_chars: 0, topic_support: 0, enumeration_factor: 0.25, enumeration_min_items: 4, cross_field_topics: 3 }
    areas:
      general: { name: 总体要求, cues: { heading: { 总体要求: 5 } } }
      platforms: { name: 平台, cues: { any: { 网站: 1 } } }
      interpretation: { name: 解读, cues: { any: { 解读: 1 } } }
      disclosure: { name: 公开, cues: { parent: { 信息公开: 2 } } }
    topics:
      finance: { name: 财政, cues: { any: { 预算: 1 } } }
      health: { name: 卫生, cues: { any: { 医疗: 1 } } }
      education: { name: 教育, cues: { any: { 学校: 1 } } }
      housing: { name: 住房, cues: { any: { 住房: 1 } } }
    """

    func classifier(_ yaml: String? = nil) throws -> Classifier {
        Classifier(taxonomy: try ClassifyFixtures.taxonomy(yaml ?? base))
    }

    func leaf(_ c: Classifier, heading: String, body: String, parentHeading: String? = nil) -> Clause {
        var rows: [(String, String?, String, String)] = []
        if let p = parentHeading { rows.append(("s1", nil, p, "")) }
        rows.append(("s1.c1", parentHeading == nil ? nil : "s1", heading, body))
        return c.classify(ClassifyFixtures.document(rows)).clauses.last!
    }

    func testHeadingCueOutweighsBodyCue() throws {
        let c = try classifier()
        // heading 解读 ×3 = 3 beats body 网站 ×2 = 2
        let x = leaf(c, heading: "加强政策解读", body: "在网站发布，网站转载。")
        XCTAssertEqual(x.area, "interpretation")
        XCTAssertEqual(x.scores["area.interpretation"], 3)
        XCTAssertEqual(x.scores["area.platforms"], 2)
        XCTAssertTrue(x.evidence[0].contains("heading「解读」"), x.evidence.joined(separator: "\n"))
        XCTAssertTrue(x.evidence[1].hasPrefix("runner-up platforms"))
    }

    func testBodyRepeatsAreCapped() throws {
        let c = try classifier()
        let x = leaf(c, heading: "工作", body: String(repeating: "网站。", count: 7))
        XCTAssertEqual(x.scores["area.platforms"], 3)
    }

    func testParentHeadingIsContext() throws {
        let c = try classifier()
        // nothing in the clause itself; the section heading says 信息公开 (parent cue 2)
        let x = leaf(c, heading: "做好有关工作", body: "按要求推进。", parentHeading: "加强重点领域信息公开")
        XCTAssertEqual(x.area, "disclosure")
        XCTAssertTrue(x.evidence[0].contains("parent「信息公开」"))
        // the same clause alone has no cue: the default area
        XCTAssertEqual(leaf(c, heading: "做好有关工作", body: "按要求推进。").area, "general")
        XCTAssertEqual(leaf(c, heading: "做好有关工作", body: "按要求推进。").evidence.first, "area general: no area cue found")
    }

    func testNegativeCueArguesAgainst() throws {
        let yaml = base.replacingOccurrences(of: "platforms: { name: 平台, cues: { any: { 网站: 1 } } }",
                                             with: "platforms: { name: 平台, cues: { any: { 网站: 1 }, body: { 网站解读: -3 } } }")
        let c = try classifier(yaml)
        let x = leaf(c, heading: "工作", body: "开展网站解读。网站。")
        // the 网站 inside 网站解读 is absorbed by the longer cue: platforms 1 - 3 = -2; interpretation 1
        XCTAssertEqual(x.area, "interpretation")
        XCTAssertEqual(x.scores["area.platforms"], -2)
    }

    func testLongestMatchWinsWithinACode() throws {
        let yaml = base.replacingOccurrences(of: "platforms: { name: 平台, cues: { any: { 网站: 1 } } }",
                                             with: "platforms: { name: 平台, cues: { any: { 网站: 1, 政府网站: 2 } } }")
        let c = try classifier(yaml)
        // 政府网站 counts 2, the 网站 inside it nothing; the lone 网站 counts 1
        XCTAssertEqual(leaf(c, heading: "工作", body: "政府网站和部门网站。").scores["area.platforms"], 3)
    }

    func testRegexCue() throws {
        let yaml = base.replacingOccurrences(of: "interpretation: { name: 解读, cues: { any: { 解读: 1 } } }",
                                             with: "interpretation: { name: 解读, cues: { body: { \"re:政策.{0,4}吹风\": 2 } } }")
        let c = try classifier(yaml)
        XCTAssertEqual(leaf(c, heading: "工作", body: "举办政策例行吹风会。").area, "interpretation")
        XCTAssertEqual(leaf(c, heading: "工作", body: "举办吹风会。").area, "general")
    }

    func testTopicNeedsThresholdUnlessHeadingNamesIt() throws {
        let c = try classifier()
        // one body mention of 预算 = 1 < 2: no topic; two = 2: topic; heading mention: always
        XCTAssertEqual(leaf(c, heading: "工作", body: "公开预算。").topics, [])
        XCTAssertEqual(leaf(c, heading: "工作", body: "公开预算，细化预算。").topics, ["finance"])
        XCTAssertEqual(leaf(c, heading: "预算工作", body: "按要求推进。").topics, ["finance"])
    }

    func testWeakHeadingWordDoesNotNameATopic() throws {
        let yaml = base.replacingOccurrences(of: "topic_support: 0,", with: "topic_support: 0, heading_topic_min: 3,")
            .replacingOccurrences(of: "housing: { name: 住房, cues: { any: { 住房: 1 } } }",
                                  with: "housing: { name: 住房, cues: { any: { 住房: 1, 整治: 0.5 } } }")
        let c = try classifier(yaml)
        // 住房 in the heading: 1 × 3 = 3 names the topic; 整治: 0.5 × 3 = 1.5 does not
        XCTAssertEqual(leaf(c, heading: "住房工作", body: "推进。").topics, ["housing"])
        XCTAssertEqual(leaf(c, heading: "整治工作", body: "推进。").topics, [])
    }

    func testTopicThresholdGrowsWithClauseLength() throws {
        let yaml = base.replacingOccurrences(of: "topic_per_100_chars: 0", with: "topic_per_100_chars: 1")
        let c = try classifier(yaml)
        let short = "公开预算，细化预算。"
        XCTAssertEqual(leaf(c, heading: "工作", body: short).topics, ["finance"])
        // the same two mentions in a 300-character clause need 3 points
        let long = short + String(repeating: "推进各项工作。", count: 42)
        XCTAssertEqual(leaf(c, heading: "工作", body: long).topics, [])
    }

    func testEnumerationOfExampleFieldsGivesNoTopics() throws {
        let c = try classifier()
        // each field twice, but only inside "A、B、C、D等" lists: 2 × 0.25 = 0.5 < 2
        let body = "重点公开预算、医疗、学校、住房等信息。推动预算、医疗、学校、住房等领域公开。"
        XCTAssertEqual(leaf(c, heading: "工作", body: body).topics, [])
        // the same words outside a list count fully
        XCTAssertEqual(leaf(c, heading: "工作", body: "重点公开预算信息。推动预算公开。").topics, ["finance"])
    }

    func testTopicSupportsDisclosureArea() throws {
        let yaml = base.replacingOccurrences(of: "topic_support: 0", with: "topic_support: 2")
        let c = try classifier(yaml)
        let x = leaf(c, heading: "预算和医疗", body: "在网站发布。")
        // two heading topics → disclosure +4 beats platforms 1
        XCTAssertEqual(x.area, "disclosure")
        XCTAssertEqual(Set(x.topics), ["finance", "health"])
        XCTAssertTrue(x.evidence[0].contains("fields「topics"), x.evidence[0])
    }

    func testParentTakesStrictMajorityOfChildren() throws {
        let c = try classifier()
        let d = c.classify(ClassifyFixtures.document([
            ("s1", nil, "总体要求", ""),              // heading says general …
            ("s1.c1", "s1", "网站建设", "网站。"),
            ("s1.c2", "s1", "网站管理", "网站。"),
            ("s1.c3", "s1", "解读", "解读。"),
        ]))
        XCTAssertEqual(d.clauses[0].area, "platforms")   // … but 2 of 3 children are platforms
        XCTAssertTrue(d.clauses[0].evidence[0].contains("2 of 3 children"))
    }

    func testParentWithoutMajorityFollowsItsHeading() throws {
        let c = try classifier()
        let d = c.classify(ClassifyFixtures.document([
            ("s1", nil, "加强解读和网站工作", ""),
            ("s1.c1", "s1", "网站建设", "网站。"),
            ("s1.c2", "s1", "政策解读", "解读。"),
            ("s1.c3", "s1", "网站管理", "网站。"),
            ("s1.c4", "s1", "深化解读", "解读。"),
        ]))
        // 2–2 and the heading names both: the heading ties, so the children's plurality in
        // taxonomy order decides (platforms is listed first)
        XCTAssertEqual(d.clauses[0].area, "platforms")
        let e = c.classify(ClassifyFixtures.document([
            ("s1", nil, "深化政策解读", ""),
            ("s1.c1", "s1", "网站建设", "网站。"),
            ("s1.c2", "s1", "政策解读", "解读。"),
        ]))
        XCTAssertEqual(e.clauses[0].area, "interpretation")
        XCTAssertTrue(e.clauses[0].evidence[0].contains("the heading decides"))
    }

    func testParentTopicsAreHeadingPlusChildrenMainTopics() throws {
        let c = try classifier()
        let d = c.classify(ClassifyFixtures.document([
            ("s1", nil, "住房领域", ""),
            ("s1.c1", "s1", "预算公开", "网站。"),
            ("s1.c2", "s1", "工作", "医疗，医疗，学校，学校。"),
        ]))
        // heading: housing; child 1 names finance; child 2 names none → its first topic
        // (health and education tie at 2; the code order puts education first)
        XCTAssertEqual(d.clauses[2].topics, ["education", "health"])
        XCTAssertEqual(d.clauses[0].topics, ["finance", "education", "housing"])
    }

    func testCrossFieldContainerGetsNoTopics() throws {
        let c = try classifier()
        let d = c.classify(ClassifyFixtures.document([
            ("s1", nil, "重点工作", ""),
            ("s1.c1", "s1", "预算", ""), ("s1.c2", "s1", "医疗", ""), ("s1.c3", "s1", "学校", ""),
        ]))
        XCTAssertEqual(d.clauses[0].topics, [])
        XCTAssertTrue(d.clauses[0].evidence.contains { $0.contains("cross-field") })
    }

    func testOverrideReplacesLabelsBeforeParentLooksAtThem() throws {
        var c = try classifier()
        c.overrides = Overrides(entries: [.init(document: "doc", clause: "s1.c2", area: "platforms", topics: ["housing"], note: "editor", line: 3)],
                                file: "overrides.yml")
        let d = c.classify(ClassifyFixtures.document([
            ("s1", nil, "工作", ""),
            ("s1.c1", "s1", "网站", "网站。"),
            ("s1.c2", "s1", "解读", "解读。"),
            ("s1.c3", "s1", "解读", "解读。"),
        ]))
        XCTAssertEqual(d.clauses[2].area, "platforms")
        XCTAssertEqual(d.clauses[2].topics, ["housing"])
        XCTAssertTrue(d.clauses[2].evidence[0].hasPrefix("override (overrides.yml:3)"))
        XCTAssertEqual(d.clauses[0].area, "platforms")     // 2 of 3 after the override
    }
}
