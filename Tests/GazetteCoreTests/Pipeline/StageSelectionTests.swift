import Foundation
import GazetteModel
import XCTest
@testable import GazetteCore

/// `stages:` in pipeline.yml drives the run: leaving a stage out changes the output in
/// just the way that stage's work would have, and nothing else.
final class StageSelectionTests: XCTestCase {
    var work: URL!
    var corpus: URL { work.appendingPathComponent("Corpus") }
    static let traditional = "某市2024年政務公開工作要點\n【打印本頁】【關閉窗口】\n一、推進政務公開標準化規範化建設，做好財政預算公開。\n二、加強政策解讀，回應社會關切。\n"

    override func setUpWithError() throws {
        work = try DedupFixtures.tempFolder("stage-selection")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("zz-mirror"), withIntermediateDirectories: true)
        let plan = "某市2024年政务公开工作要点\n一、做好财政预算决算公开，及时公开部门预算。\n二、加强政策解读，做好政策发布解读回应。\n三、提升政务服务水平，推进一网通办。\n"
        try plan.write(to: corpus.appendingPathComponent("plan.txt"), atomically: true, encoding: .utf8)
        try plan.write(to: corpus.appendingPathComponent("zz-mirror/plan-copy.txt"), atomically: true, encoding: .utf8)
        try Self.traditional.write(to: corpus.appendingPathComponent("mirror-tw.txt"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { if let work { try? FileManager.default.removeItem(at: work) } }

    /// Runs with `stages` (all by default) into a fresh output and cache.
    func run(without left: String? = nil) throws -> (RunReport, CollectingSink, output: URL) {
        var config = PipelineConfig()
        config.stages = PipelineConfig.stageOrder.filter { $0 != left }
        // The repository's own rules, so classify has something to do.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        config.classify.taxonomy = root.appendingPathComponent("taxonomy.yml").path
        config.classify.units = root.appendingPathComponent("units.yml").path
        config.classify.overrides = root.appendingPathComponent("overrides.yml").path
        let sink = CollectingSink()
        let name = left ?? "all"
        let output = work.appendingPathComponent("Output-" + name)
        let r = PipelineRunner(config: config, corpus: corpus, output: output, cacheRoot: work.appendingPathComponent("cache-" + name),
                               processor: try DocumentProcessor.make(config: config, baseDirectory: work),
                               sinks: [sink], progress: SilentProgress())
        return (try r.run(), sink, output)
    }

    func testEveryStageByDefault() throws {
        let (report, sink, _) = try run()
        XCTAssertEqual([report.published, report.duplicates], [2, 1])
        let tw = try XCTUnwrap(sink.documents["mirror-tw"])
        XCTAssertTrue(tw.text.contains("政务公开") && !tw.text.contains("打印"), tw.text)
        XCTAssertEqual(sink.documents["plan"]?.duplicates.map(\.path), ["Corpus/zz-mirror/plan-copy.txt"])
        XCTAssertTrue(sink.documents["plan"]!.clauses.contains { $0.area != "general" }, "the classifier labels clauses")
    }

    func testWithoutDedupEveryCopyIsPublished() throws {
        let (report, sink, _) = try run(without: "dedup")
        XCTAssertEqual([report.published, report.duplicates], [3, 0])
        XCTAssertEqual(sink.documents.keys.sorted(), ["mirror-tw", "plan", "plan-copy"])
        XCTAssertEqual(sink.documents["plan"]?.duplicates.count, 0)
        XCTAssertTrue(sink.documents.values.allSatisfy { $0.clauses.allSatisfy { $0.similar.isEmpty } }, "no clause links")
    }

    func testWithoutClassifyClausesKeepTheDefaultsAndSayWhy() throws {
        let (_, sink, _) = try run(without: "classify")
        let clauses = sink.documents.values.flatMap(\.clauses)
        XCTAssertEqual(clauses.count, 5)
        XCTAssertTrue(clauses.allSatisfy { $0.area == "general" && $0.topics.isEmpty }, "\(clauses.map(\.area))")
        XCTAssertTrue(clauses.allSatisfy { $0.evidence == ["not classified: 'classify' is not in pipeline.yml stages"] })
    }

    func testWithoutNormalizeTheSourceScriptIsKept() throws {
        let (_, sink, _) = try run(without: "normalize")
        let tw = try XCTUnwrap(sink.documents["mirror-tw"])
        XCTAssertTrue(tw.text.contains("政務公開") && !tw.text.contains("政务公开"), tw.text)
        XCTAssertEqual(tw.source.conversion, "none")
        XCTAssertEqual(tw.source.script, "traditional")
    }

    func testWithoutCleanChromeStays() throws {
        let (_, sink, _) = try run(without: "clean")
        XCTAssertTrue(try XCTUnwrap(sink.documents["mirror-tw"]).text.contains("打印本页"))
    }

    func testWithoutPublishOutputIsLeftAsItIs() throws {
        let (report, sink, output) = try run(without: "publish")
        XCTAssertEqual([report.published, report.duplicates], [2, 1], "the report still accounts for every input")
        XCTAssertTrue(sink.documents.isEmpty, "no sink was written to")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }
}
