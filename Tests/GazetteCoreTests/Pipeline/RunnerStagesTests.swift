import Foundation
import GazetteModel
import GazetteOutput
import XCTest
@testable import GazetteCore

/// The runner's order of stages: every input is prepared and signed, only canonical copies
/// are structured, and whatever was not kept in memory is prepared again from its file.
final class RunnerStagesTests: XCTestCase {
    var work: URL!
    var corpus: URL { work.appendingPathComponent("Corpus") }

    override func setUpWithError() throws {
        work = try DedupFixtures.tempFolder("runner-stages")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("zz-mirror"), withIntermediateDirectories: true)
        // Two different plans and an exact copy of the first in another folder (another id),
        // which sorts after it and so is the duplicate.
        try plan(seed: 1).write(to: corpus.appendingPathComponent("plan-a.txt"), atomically: true, encoding: .utf8)
        try plan(seed: 2).write(to: corpus.appendingPathComponent("plan-b.txt"), atomically: true, encoding: .utf8)
        try plan(seed: 1).write(to: corpus.appendingPathComponent("zz-mirror/plan-a-copy.txt"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { if let work { try? FileManager.default.removeItem(at: work) } }

    func plan(seed: UInt64) -> String {
        let lines = DedupFixtures.text(seed: seed, lines: 12, width: 30)
        var out = ["某市2024年政务公开工作要点", ""]
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        for (k, l) in lines.enumerated() { out.append("\(numerals[k])、\(l)") }
        return out.joined(separator: "\n") + "\n"
    }

    func runner(output: String = "Output", cache: String = "cache", full: Bool = false,
                budgets: (Int, Int)? = nil) throws -> (PipelineRunner, CollectingSink) {
        let config = PipelineConfig()
        let sink = CollectingSink()
        let r = PipelineRunner(config: config, corpus: corpus, output: work.appendingPathComponent(output),
                               cacheRoot: work.appendingPathComponent(cache),
                               processor: try DocumentProcessor.make(config: config, baseDirectory: work),
                               sinks: [sink], progress: SilentProgress())
        r.full = full
        if let (p, d) = budgets { r.preparedBudget = p; r.documentBudget = d }
        return (r, sink)
    }

    func cacheEntries(_ kind: CachePacks.Kind) -> [String] {
        CachePacks(folder: work.appendingPathComponent("cache/packs").path).keys(kind)
    }

    func testOnlyCanonicalCopiesAreStructured() throws {
        let (r, sink) = try runner()
        let report = try r.run()
        XCTAssertEqual(report.published, 2)
        XCTAssertEqual(report.duplicates, 1)
        XCTAssertEqual(cacheEntries(.summary).count, 3, "every input is signed")
        XCTAssertEqual(cacheEntries(.document).count, 2, "the duplicate is never structured")
        XCTAssertEqual(sink.documents.keys.sorted(), ["plan-a", "plan-b"])
        XCTAssertEqual(sink.documents["plan-a"]?.clauses.count, 12)
    }

    func testNothingHeldInMemoryGivesTheSameDocuments() throws {
        let (r1, s1) = try runner()
        _ = try r1.run()
        let (r2, s2) = try runner(output: "Output2", cache: "cache2", full: true, budgets: (0, 0))
        let report = try r2.run()
        XCTAssertEqual(report.reprocessed, 3)
        XCTAssertEqual(s2.json, s1.json)
    }

    func testRuleEditReclassifiesCanonicalCopiesWithoutSigningInputsAgain() throws {
        let first = try runner(budgets: (0, 0)).0.run()
        XCTAssertEqual(first.restructured, 2)
        let summaries = cacheEntries(.summary), documents = cacheEntries(.document), structured = cacheEntries(.structured)
        XCTAssertEqual(structured.count, 2, "the two canonical copies' structure is cached")
        // An editor's rule change: the classifier's data files hash differently.
        try "overrides:\n  - { document: plan-b, clause: s1, area: general }\n"
            .write(to: work.appendingPathComponent("overrides.yml"), atomically: true, encoding: .utf8)
        let (r, sink) = try runner(budgets: (0, 0))
        let report = try r.run()
        XCTAssertEqual(report.reprocessed, 2, "the two canonical copies are classified again, the duplicate is not touched")
        XCTAssertEqual(report.restructured, 0, "from their cached structure: no input is read, cleaned or structured again")
        XCTAssertEqual(cacheEntries(.summary), summaries, "every input's summary (its signature) still serves")
        XCTAssertEqual(cacheEntries(.structured), structured, "the structured documents serve any rules")
        XCTAssertEqual(cacheEntries(.document).count, 2)
        XCTAssertTrue(Set(cacheEntries(.document)).isDisjoint(with: documents), "documents are cached under the new rules' keys")
        XCTAssertEqual(sink.documents["plan-b"]?.clauses.first { $0.id == "s1" }?.area, "general")
        // The same as a run from nothing with the new rules; a run after it takes everything from the cache.
        let (fresh, freshSink) = try runner(output: "Output2", cache: "cache2", full: true)
        _ = try fresh.run()
        XCTAssertEqual(sink.json, freshSink.json)
        try FileManager.default.removeItem(at: work.appendingPathComponent("Output"))
        let (again, againSink) = try runner()
        XCTAssertEqual(try again.run().reprocessed, 0)
        XCTAssertEqual(againSink.json, sink.json)
        XCTAssertEqual(cacheEntries(.structured), structured, "kept through compaction by runs that did not read them")
    }

    func testDuplicateIsStructuredOnceItsOriginalIsGone() throws {
        _ = try runner().0.run()
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("plan-a.txt"))
        let (r, sink) = try runner()
        let report = try r.run()
        XCTAssertEqual(report.published, 2)
        XCTAssertEqual(report.duplicates, 0)
        XCTAssertEqual(report.reprocessed, 1, "the former copy is prepared again from its file and structured")
        let (fresh, freshSink) = try runner(output: "Output3", cache: "cache3", full: true)
        _ = try fresh.run()
        XCTAssertEqual(sink.json, freshSink.json)
    }

    func testCanonicalCopyChangedDuringTheRunIsRejectedAndItsCopyPublished() throws {
        let (r, sink) = try runner(budgets: (0, 0))
        r.afterPrepare = { [corpus] in
            try? "某市2024年政务公开工作要点（修订）\n一、完全不同的内容。\n".write(to: corpus.appendingPathComponent("plan-a.txt"),
                                                                    atomically: true, encoding: .utf8)
        }
        let report = try r.run()
        XCTAssertEqual(report.rejected.map(\.path), ["Corpus/plan-a.txt"])
        XCTAssert(report.rejected[0].reason.contains("changed-during-run"), report.rejected[0].reason)
        XCTAssertEqual(report.published, 2)
        XCTAssertEqual(report.duplicates, 0)
        XCTAssertEqual(sink.documents.keys.sorted(), ["plan-a-copy", "plan-b"])
    }

    func testSignaturesAreDroppedKeepingWhatTheManifestReads() {
        var clauses = ClauseSignatures()
        clauses.ids = ["c1"]; clauses.exact = [7]
        let signature = DedupSignature(parameters: "p", textHash: "t", minhash: [1, 2, 3], sampleLevel: 2, sample: [4, 5], clauses: clauses)
        let summary = PreparedSummary(sha256: "abc", conversion: "t2s", length: 42, signature: signature, structuredKey: "d1")
        var outcomes: [PipelineRunner.Outcome?] = [.prepared(.init(key: "k1", documentKey: "d1", summary: summary, fresh: true)),
                                                   .rejected("def", RejectReason("empty", "no text")), nil]
        PipelineRunner.dropSignatures(&outcomes)
        guard case .prepared(let p)? = outcomes[0] else { return XCTFail("the prepared input is kept") }
        XCTAssertEqual([p.key, p.summary.sha256, p.summary.conversion], ["k1", "abc", "t2s"])
        XCTAssertEqual(p.summary.length, 42)
        XCTAssertTrue(p.fresh && p.summary.isStructured(as: "d1") && !p.summary.isStructured(as: "d2"))
        XCTAssertTrue(p.summary.signature.minhash.isEmpty && p.summary.signature.sample.isEmpty && p.summary.signature.clauses.count == 0)
        guard case .rejected(let sha, let reason)? = outcomes[1] else { return XCTFail("the rejection is kept") }
        XCTAssertEqual(sha, "def"); XCTAssertEqual(reason.code, "empty")
        XCTAssertNil(outcomes[2])
    }
}

/// Keeps what the runner publishes, as documents and as their JSON.
final class CollectingSink: OutputSink {
    let name = "collect"
    var documents: [String: Document] = [:]
    var json: [String: String] = [:]
    func begin(staging: URL) throws { documents = [:]; json = [:] }
    func write(_ document: Document) throws {
        documents[document.id] = document
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
        json[document.id] = String(decoding: try enc.encode(document), as: UTF8.self)
    }
    func finish(_ corpus: CorpusSummary) throws {}
}
