import XCTest
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

final class AlignmentTests: XCTestCase {
    func clause(_ id: String, _ text: String, units: [UnitMention] = [], level: Int = 2) -> Clause {
        Clause(id: id, parent: nil, level: level, label: "", number: 0, heading: SampleClauses.firstSentence(text), text: text, original: text, units: units)
    }
    func align(_ a: [Clause], _ b: [Clause]) -> [DiffPair] {
        DocumentDiff.make(SampleClauses.document(id: "A", clauses: a), SampleClauses.document(id: "B", clauses: b)).pairs
    }

    func testBitParallelLCSMatchesTheTextbookTable() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let x = (0..<Int.random(in: 0...150, using: &rng)).map { _ in UInt32.random(in: 0x4E00...0x4E08, using: &rng) }
            let y = (0..<Int.random(in: 0...150, using: &rng)).map { _ in UInt32.random(in: 0x4E00...0x4E08, using: &rng) }
            var t = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in 0..<x.count { for j in 0..<y.count { t[i + 1][j + 1] = x[i] == y[j] ? t[i][j] + 1 : max(t[i][j + 1], t[i + 1][j]) } }
            XCTAssertEqual(Similarity.lcsLength(x, y), t[x.count][y.count])
        }
    }

    func testInlineDiffShowsAChangedPhrase() {
        let ops = InlineDiff.diff("建立健全政务公开制度", "建立完善政务公开制度")
        XCTAssertEqual(ops, [.init(.equal, "建立"), .init(.delete, "健全"), .init(.insert, "完善"), .init(.equal, "政务公开制度")])
    }

    func testInlineDiffFoldsTinyEqualIslands() {
        // Only 的 is common between the changes: it must not split the change into pieces.
        let ops = InlineDiff.diff("要求深化公开的工作。", "要求推进解读的机制。")
        XCTAssertEqual(ops, [.init(.equal, "要求"), .init(.delete, "深化公开的工作"), .init(.insert, "推进解读的机制"), .init(.equal, "。")])
    }

    func testInlineDiffRoundTrips() {
        var rng = SplitMix64(seed: 3)
        let alphabet = Array("政务公开的工作要点信息")
        for _ in 0..<100 {
            let a = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let b = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let ops = InlineDiff.diff(a, b)
            XCTAssertEqual(ops.filter { $0.op != .insert }.map(\.text).joined(), a)
            XCTAssertEqual(ops.filter { $0.op != .delete }.map(\.text).joined(), b)
        }
    }

    func testReformRenamesAndRegistryCountAsUnchanged() {
        XCTAssertEqual(UnitRenames.reform2018.apply("由市环保局、市文化和旅游局、市旅游局负责"), "由市生态环境局、市文化和旅游局、市文化和旅游局负责")
        let a = [clause("c1", "市环保局牵头负责做好环境信息公开工作，及时发布空气质量信息。"),
                 clause("c2", "市经委负责做好产业政策公开，定期发布产业发展报告和相关解读材料。",
                        units: [UnitMention(name: "市经委", canonical: "上海市经济委员会", role: .responsible, successor: "市经济信息化委")])]
        let b = [clause("c1", "市生态环境局牵头负责做好环境信息公开工作，及时发布空气质量信息。"),
                 clause("c2", "市经济信息化委负责做好产业政策公开，定期发布产业发展报告和相关解读材料。")]
        let pairs = align(a, b)
        XCTAssertEqual(pairs.map(\.status), [.unchanged, .unchanged])
        XCTAssertEqual(pairs.map(\.score), [1, 1])
    }

    func testSplitMergeMoveAddRemove() {
        let t = ["各级行政机关要严格落实政府信息公开审查制度，健全公开属性认定流程，防止泄露国家秘密和敏感信息。",
                 "持续优化政府网站集约化平台建设，统一规范栏目设置，提升检索和互动功能，方便群众查找信息。",
                 "扎实推进重大行政决策事项目录管理，决策单位根据年度重点工作编制并公开本单位决策事项目录。",
                 "不断扩大政府开放活动影响力，每年集中组织开展政府开放月活动，邀请市民走进政府机关。",
                 "强化政策咨询和办理服务，政策发布页面统一设置留言板，文件制定单位及时答复群众咨询。",
                 "进一步提升依申请办理质效，依托工作平台完善申请件全量管理，确保接收登记答复归档规范。"]
        let a = (0..<6).map { clause("a\($0)", t[$0]) }
        let half = t[1].firstIndex(of: "，")!
        let b = [clause("b0", String(t[1][...half])), clause("b1", String(t[1][t[1].index(after: half)...])),   // t1 split, moved up
                 clause("b2", t[0]), clause("b3", t[2] + t[3]),                                              // t2+t3 merged
                 clause("b4", "加强组织领导，各区各部门要把政务公开纳入重要议事日程，研究解决突出问题。"),              // added
                 clause("b5", t[5])]                                                                          // t4 removed
        let got = Set(align(a, b).map { "\($0.status.rawValue) \($0.a ?? "-") \($0.b ?? "-")" })
        // a1's split moved ahead of a0: the fewest clauses out of place is a0 alone, so a0 is the move.
        XCTAssertEqual(got, ["split a1 b0", "split a1 b1", "moved a0 b2", "merged a2 b3", "merged a3 b3",
                             "added - b4", "removed a4 -", "unchanged a5 b5"])
    }

    func testJSONHasTheDocumentedShape() throws {
        let a = [clause("s1.c1", "做好政务公开工作，全面提升透明度。")], b = [clause("s1.c1", "做好政务公开工作，全面提升公信力。")]
        let docA = SampleClauses.document(id: "A", clauses: a), docB = SampleClauses.document(id: "B", clauses: b)
        let data = try DiffRenderer(diff: DocumentDiff.make(docA, docB), a: docA, b: docB).json()
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual((obj["a"] as? [String: Any])?["id"] as? String, "A")
        let pair = try XCTUnwrap((obj["pairs"] as? [[String: Any]])?.first)
        XCTAssertEqual(pair["a"] as? String, "s1.c1"); XCTAssertEqual(pair["b"] as? String, "s1.c1")
        XCTAssertEqual(pair["status"] as? String, "modified")
        XCTAssertNotNil(pair["score"] as? Double)
        XCTAssertNotNil(pair["ops"] as? [[String: String]])
    }

    func testHTMLEscapesDocumentText() {
        let a = [clause("c1", "<i>要求</i>做好信息公开工作，及时发布。"), clause("c2", "<script>alert(1)</script>")]
        let b = [clause("c1", "<b>x</b>要求做好信息公开工作，及时发布。")]
        let docA = SampleClauses.document(id: "A", clauses: a), docB = SampleClauses.document(id: "B", clauses: b)
        let html = DiffRenderer(diff: DocumentDiff.make(docA, docB), a: docA, b: docB).html()
        XCTAssertFalse(html.contains("<script>")); XCTAssertFalse(html.contains("<b>x"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("href=\"../doc/A.html#c1\""))
        XCTAssertTrue(html.contains("../assets/style.css"))
    }
}

final class UnitRenameTests: XCTestCase {
    func testRegistryRenameAfterReformRename() {
        let r = UnitRenames(rules: UnitRenames.reform2018.rules.map { ($0.old, $0.new) } + [("市生态环境局", "上海市生态环境局")])
        XCTAssertEqual(r.apply("市环保局和上海市生态环境局"), "上海市生态环境局和上海市生态环境局")
        XCTAssertEqual(r.apply("没有单位"), "没有单位")
    }
}

final class ClauseTextTests: XCTestCase {
    func testNumberingLabelIsNotWording() {
        let a = Clause(id: "s7.c3", parent: "s7", level: 2, label: "(三)", number: 3, heading: "落实重大行政决策公众参与程序",
                       text: "(三)落实重大行政决策公众参与程序。各区政府要在年初制定并公开决策事项目录。", original: "")
        let b = Clause(id: "s7.c5", parent: "s7", level: 2, label: "（五）", number: 5, heading: "落实重大行政决策公众参与程序",
                       text: "（五）落实重大行政决策公众参与程序。各区政府要在年初制定并公开决策事项目录。", original: "")
        XCTAssertEqual(ComparableClause.displayText(a), "落实重大行政决策公众参与程序。各区政府要在年初制定并公开决策事项目录。")
        let pairs = DocumentDiff.make(SampleClauses.document(id: "A", clauses: [a]), SampleClauses.document(id: "B", clauses: [b])).pairs
        XCTAssertEqual(pairs.map(\.status), [.unchanged])
    }
}
