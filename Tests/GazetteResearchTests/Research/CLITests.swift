import XCTest
import Foundation
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// End to end: the built binary's `diff` and `compare` on document records.
final class ResearchCLITests: XCTestCase {
    func run(_ args: [String]) throws -> (Int32, String) {
        let r = try GazetteBinary.run(args)
        return (r.status, r.stdout)
    }

    func testDiffAndCompareOnPublishedDocuments() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("research-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let docs = out.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        func clause(_ id: String, _ area: String, _ text: String) -> Clause {
            Clause(id: id, parent: nil, level: 2, label: "", number: 0, heading: "", text: text, original: text, area: area)
        }
        let a = SampleClauses.document(id: "sh2020", clauses: [
            clause("s1.c1", "disclosure", "市环保局负责及时公开空气质量和污染源监管信息，接受社会监督。"),
            clause("s1.c2", "interpretation", "提高政策解读的精准性和针对性，做到应解读尽解读，注重运用图表图解。")], region: "上海市", year: 2020)
        let b = SampleClauses.document(id: "sh2021", clauses: [
            clause("s1.c1", "disclosure", "市生态环境局负责及时公开空气质量和污染源监管信息，接受社会监督。"),
            clause("s1.c2", "interpretation", "提高政策解读的精准性和针对性，做到应解读尽解读，注重运用视频动漫。"),
            clause("s1.c3", "platform", "规范政府网站和政务新媒体建设，强化集约化平台管理和内容保障。")], region: "上海市", year: 2021)
        for d in [a, b] { try JSONEncoder().encode(d).write(to: docs.appendingPathComponent(d.id + ".json")) }

        let (rc, json) = try run(["diff", "sh2020", "sh2021", "--output", out.path, "--format", "json"])
        XCTAssertEqual(rc, 0)
        let diff = try JSONDecoder().decode(DocumentDiff.self, from: Data(json.utf8))
        XCTAssertEqual(diff.pairs.map(\.status), [.unchanged, .modified, .added])
        XCTAssertEqual(diff.pairs.map(\.a), ["s1.c1", "s1.c2", nil])

        let (rc2, csv) = try run(["diff", docs.appendingPathComponent("sh2020.json").path, "sh2021", "--output", out.path, "--format", "csv"])
        XCTAssertEqual(rc2, 0)
        XCTAssertTrue(csv.hasPrefix("a,b,status,score,group,text_a,text_b\ns1.c1,s1.c1,unchanged,1.000,"))

        let (rc3, text) = try run(["diff", "sh2020", "sh2021", "--output", out.path])
        XCTAssertEqual(rc3, 0)
        XCTAssertFalse(text.contains("\u{1B}["), "no colour when stdout is not a terminal")

        let (rc4, cmp) = try run(["compare", "--output", out.path, "--format", "json"])
        XCTAssertEqual(rc4, 0)
        let table = try JSONDecoder().decode(CoverageTable.self, from: Data(cmp.utf8))
        XCTAssertEqual(table.groups.map(\.label), ["上海市 2020", "上海市 2021"])
        XCTAssertEqual(table.changes.first?.new, ["platform"])

        let (rc5, _) = try run(["diff", "nope", "sh2021", "--output", out.path])
        XCTAssertEqual(rc5, 2)
    }
}
