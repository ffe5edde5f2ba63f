import Foundation
import XCTest
import GazetteTestSupport

/// `gazette check` end to end: the built binary on files in a temporary folder, its
/// exit status and its compiler-style diagnostics.
final class CheckCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryFolder("check")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        for f in ["taxonomy.yml", "units.yml", "overrides.yml", "subject_classes.yml"] {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        try write("pipeline.yml", "corpus: Corpus\noutput: Output\n")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }

    func check(_ args: [String] = []) throws -> ProgramResult {
        try GazetteBinary.run(["check", "--config", dir.appendingPathComponent("pipeline.yml").path] + args)
    }

    func testValidFilesExitZero() throws {
        let r = try check()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("gazette check: 0 errors"), r.stdout)
    }

    func testErrorsExitTwoWithFileAndLine() throws {
        try write("overrides.yml", "overrides:\n  - { document: a, clause: s1, area: nowhere }\n")
        let r = try check(["--quiet"])
        XCTAssertEqual(r.status, 2)
        let path = dir.appendingPathComponent("overrides.yml").path
        XCTAssertTrue(r.stderr.contains("\(path):2: error: unknown area code 'nowhere' [unknown-area]"), r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("gazette check: 1 error,"), r.stdout)
    }
}

/// `gazette check --labels` on a made-up corpus: the per-label report an editor reads.
final class CheckLabelsTests: XCTestCase {
    func testLabelsReportListsEveryLabelWithItsCues() throws {
        let dir = try Fixtures.temporaryFolder("check-labels")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for f in ["taxonomy.yml", "units.yml", "overrides.yml"] {
            try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        try Data("corpus: Corpus\noutput: Output\n".utf8).write(to: dir.appendingPathComponent("pipeline.yml"))
        let plan = """
        某市2025年政务公开工作要点
        一、加强政府网站建设
        办好政府网站和政务新媒体，做好信息公开。
        二、做好政策解读
        坚持政策解读与政策文件同步。
        """
        let bulletin = """
        某县2024年国民经济和社会发展统计公报
        一、综合
        全年地区生产总值增长5.2%，医疗卫生机构床位增加。
        二、农业
        全年粮食产量增长。
        """
        try Data(plan.utf8).write(to: corpus.appendingPathComponent("plan.txt"))
        try Data(bulletin.utf8).write(to: corpus.appendingPathComponent("bulletin.txt"))
        let r = try GazetteBinary.run(["check", "--config", dir.appendingPathComponent("pipeline.yml").path, "--labels"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Labels on 2 documents, 4 clauses; 1 documents (2 clauses) outside the areas' scope"), r.stdout)
        XCTAssertTrue(r.stdout.contains("area platforms 公开平台与渠道 — 1 clause (25.0%)\n    cues: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("area interpretation 政策解读 — 1 clause"), r.stdout)
        for t in TaxonomyCodes.topics { XCTAssertTrue(r.stdout.contains("topic \(t) "), t) }
    }

    enum TaxonomyCodes {
        static let topics = ["economy", "business", "finance", "projects", "public_resources", "education", "health",
                             "environment", "housing", "social_security", "market_regulation", "emergency_safety",
                             "urban", "rural", "science_tech", "culture_tourism"]
    }
}
