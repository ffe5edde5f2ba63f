import Foundation
import GazetteModel
import GazetteOutput
import XCTest
@testable import GazetteCore

/// Sinks that write and finish on a thread of their own: same order as the others, their
/// failures fail the run, and nothing of them is left behind.
final class SinkThreadTests: XCTestCase {
    var work: URL!
    var corpus: URL { work.appendingPathComponent("Corpus") }
    var output: URL { work.appendingPathComponent("Output") }

    override func setUpWithError() throws {
        work = try DedupFixtures.tempFolder("sink-thread")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for seed in 1...6 {
            let lines = DedupFixtures.text(seed: UInt64(seed), lines: 4, width: 30)
            let text = "某市\(2018 + seed)年政务公开工作要点\n\n" + lines.enumerated().map { "（\(["一", "二", "三", "四"][$0.offset])）\($0.element)" }.joined(separator: "\n")
            try text.write(to: corpus.appendingPathComponent("plan-\(seed).txt"), atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws { if let work { try? FileManager.default.removeItem(at: work) } }

    func run(_ sinks: [OutputSink]) throws -> RunReport {
        let config = PipelineConfig()
        let r = PipelineRunner(config: config, corpus: corpus, output: output, cacheRoot: work.appendingPathComponent("cache"),
                               processor: try DocumentProcessor.make(config: config, baseDirectory: work),
                               sinks: sinks, progress: SilentProgress())
        r.full = true
        return try r.run()
    }

    func testThreadedSinkSeesTheSameWritesInOrderThenFinish() throws {
        let plain = RecordingSink(threaded: false), threaded = RecordingSink(threaded: true)
        _ = try run([plain, threaded])
        XCTAssertEqual(plain.events.count, 7)
        XCTAssertEqual(threaded.events, plain.events)
        XCTAssertEqual(threaded.events.last, "finish 6")
        XCTAssertEqual(threaded.events.dropLast(), threaded.events.dropLast().sorted())
        XCTAssertNotEqual(threaded.thread, plain.thread, "the threaded sink ran elsewhere")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("recorded-true.txt").path))
    }

    func testFailingThreadedSinkFailsTheRunAndKeepsThePreviousOutput() throws {
        _ = try run([RecordingSink(threaded: true)])
        let before = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        for failAt in [3, 7] {   // a write, then the finish
            XCTAssertThrowsError(try run([RecordingSink(threaded: false), RecordingSink(threaded: true, failAt: failAt)])) { error in
                XCTAssert("\(error)".contains("recording failed at \(failAt)"), "\(error)")
            }
            XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("manifest.json")), before)
            let left = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains("staging") || $0.contains(".old-") }
            XCTAssertEqual(left, [], "no staging folder is left behind")
        }
    }

    func testCancelledThreadDropsQueuedJobsAndRefusesMore() throws {
        let sink = RecordingSink(threaded: true, delay: 0.05)
        try sink.begin(staging: work)
        let t = SinkThread(sink, capacity: 4)
        let doc = Document(id: "d", source: Source(path: "d.txt", sha256: "", format: "txt", encoding: "utf-8"))
        for _ in 0..<4 { try t.submit(.write(doc, nil)) }
        t.cancel()
        XCTAssertLessThan(sink.events.count, 4, "queued writes were dropped")
        XCTAssertThrowsError(try t.submit(.write(doc, nil)))
    }
}

/// Records the order of what it is given and the thread it runs on; fails on request.
final class RecordingSink: OutputSink, @unchecked Sendable {
    let name = "recording"
    let threaded: Bool, failAt: Int?, delay: TimeInterval
    var events: [String] = []
    var thread: String = ""
    var staging: URL?
    init(threaded: Bool, failAt: Int? = nil, delay: TimeInterval = 0) { self.threaded = threaded; self.failAt = failAt; self.delay = delay }
    var ownThread: Bool { threaded }
    func begin(staging: URL) throws { events = []; self.staging = staging }
    func write(_ document: Document) throws {
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        thread = "\(Unmanaged.passUnretained(Thread.current).toOpaque())"
        try step("write \(document.id)")
    }
    func finish(_ corpus: CorpusSummary) throws {
        try step("finish \(corpus.documents.count)")
        try Data(events.joined(separator: "\n").utf8).write(to: staging!.appendingPathComponent("recorded-\(threaded).txt"))
    }
    func step(_ event: String) throws {
        if events.count + 1 == failAt { throw RecordingFailure(step: events.count + 1) }
        events.append(event)
    }
}

struct RecordingFailure: Error, CustomStringConvertible {
    var step: Int
    var description: String { "recording failed at \(step)" }
}
