import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import GazetteCLI
import GazetteCore
import GazetteTestSupport

/// One bad file never stops the night: a real crash (a Swift trap, a stack overflow, an
/// abort) while one document is in some stage costs one attempt of `gazette run`; the next
/// attempt, in the same run, leaves that input out as `crashed-in-<stage>` and publishes the
/// rest. Driven through the built binary with the crash fault points (`FaultPoint`).
final class CrashIsolationTests: XCTestCase {
    var root: URL!
    let target = "Corpus/plan-3.txt"

    override func setUpWithError() throws {
        root = try Fixtures.temporaryFolder("crash")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        for i in 0..<6 { try plan(i).write(to: root.appendingPathComponent("Corpus/plan-\(i).txt"), atomically: true, encoding: .utf8) }
        // A copy of plan-1 under another name: a duplicate in every run.
        try plan(1).write(to: root.appendingPathComponent("Corpus/zz-copy.txt"), atomically: true, encoding: .utf8)
        try "corpus: Corpus\noutput: Output\ncache: cache\n".write(to: root.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func plan(_ i: Int) -> String { SyntheticPlan.plan(seed: 900 + UInt64(i), sections: 4, clauses: 5) }

    func gazette(output: String, cache: String = "cache", env: [String: String] = [:], binary: URL? = nil) throws -> ProgramResult {
        let args = ["run", "--config", "pipeline.yml", "--quiet", "--output", output, "--cache", cache]
        if let binary { return try Program.run(binary, args, in: root, environment: env, timeout: 600) }
        return try GazetteBinary.run(args, in: root, environment: env)
    }

    /// The statuses of a run without any fault (its own cache).
    func baseline() throws -> [String: (status: String, reason: String)] {
        let r = try gazette(output: "Base", cache: "base-cache")
        XCTAssertEqual(r.status, 0, r.stderr)
        return try Gazette.manifest(root.appendingPathComponent("Base"))
    }

    /// Output/ holds every published document in every format, and nothing was left beside it.
    func assertComplete(_ output: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        let inputs = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["inputs"] as! [[String: Any]]
        let published = Set(inputs.filter { $0["status"] as? String == "published" }.compactMap { $0["document"] as? String })
        XCTAssertFalse(published.isEmpty, file: file, line: line)
        let fm = FileManager.default
        for part in ["corpus.jsonl.gz", "clauses.csv", "gazette.sqlite", "site/index.html"] {
            XCTAssertTrue(fm.fileExists(atPath: output.appendingPathComponent(part).path), "\(part) missing", file: file, line: line)
        }
        let docs = Set(try fm.contentsOfDirectory(atPath: output.appendingPathComponent("documents").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        XCTAssertEqual(docs, published, "documents/*.json", file: file, line: line)
        for id in published {
            XCTAssertTrue(fm.fileExists(atPath: output.appendingPathComponent("site/doc/\(id).html").path), "site page of \(id)", file: file, line: line)
        }
        if fm.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let q = try Program.run(URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                    [output.appendingPathComponent("gazette.sqlite").path, "SELECT count(*) FROM documents"])
            XCTAssertEqual(q.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "\(published.count)", "SQLite documents", file: file, line: line)
        }
        let names = try fm.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        XCTAssertEqual(names.filter { $0.contains(".staging-") || $0.contains(".old-") }, [], "leftovers", file: file, line: line)
    }

    // MARK: each stage

    /// A crash in each kind of stage — reading, the text stages before dedup, structure,
    /// classification, publishing — by a Swift trap, an abort and a stack overflow.
    func testACrashInAnyStageRejectsThatInputAndPublishesTheRest() throws {
        let base = try baseline()
        XCTAssertEqual(base[target]?.status, "published")
        XCTAssertEqual(base["Corpus/zz-copy.txt"]?.status, "duplicate")
        let cases: [(fault: String, stage: String, signal: String)] = [
            ("trap-in-ingest", "ingest", "SIGILL"),
            ("abort-in-normalize", "normalize", "SIGABRT"),
            ("overflow-in-structure", "structure", "SIGSEGV"),
            ("trap-in-classify", "classify", "SIGILL"),
            ("trap-in-publish", "publish", "SIGILL"),
        ]
        for c in cases {
            let output = "Out-\(c.stage)"
            let r = try gazette(output: output, cache: "cache-\(c.stage)", env: ["GAZETTE_FAULT": "\(c.fault):plan-3"])
            XCTAssertEqual(r.status, 1, "\(c.fault): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("crashed (\(c.signal)) in \(c.stage) on \(target)"), "\(c.fault): \(r.stderr)")
            let m = try Gazette.manifest(root.appendingPathComponent(output))
            XCTAssertEqual(m[target]?.status, "rejected", c.fault)
            XCTAssertTrue(m[target]?.reason.hasPrefix("crashed-in-\(c.stage): \(c.signal) ") == true, "\(c.fault): \(m[target]?.reason ?? "")")
            for (path, entry) in base where path != target {
                XCTAssertEqual(m[path]?.status, entry.status, "\(c.fault): \(path)")
            }
            XCTAssertEqual(m.count, base.count)
            try assertComplete(root.appendingPathComponent(output))
        }
    }

    /// When the crashing input was the canonical copy, its duplicate is published instead.
    func testTheDuplicateOfACrashedCanonicalCopyIsPublished() throws {
        let base = try baseline()
        let canonical = try XCTUnwrap(["Corpus/plan-1.txt", "Corpus/zz-copy.txt"].first { base[$0]?.status == "published" })
        let other = canonical == "Corpus/plan-1.txt" ? "Corpus/zz-copy.txt" : "Corpus/plan-1.txt"
        let name = (canonical as NSString).lastPathComponent
        let r = try gazette(output: "Output", env: ["GAZETTE_FAULT": "trap-in-structure:\(name)"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let m = try Gazette.manifest(root.appendingPathComponent("Output"))
        XCTAssertTrue(m[canonical]?.reason.hasPrefix("crashed-in-structure") == true, m[canonical]?.reason ?? "")
        XCTAssertEqual(m[other]?.status, "published")
        try assertComplete(root.appendingPathComponent("Output"))
    }

    // MARK: across runs

    /// The next run with the same build does not crash on the unchanged file again and
    /// still reports it; a new build tries it again.
    func testACrashIsRememberedUntilANewBuild() throws {
        let fault = ["GAZETTE_FAULT": "trap-in-structure:plan-3"]
        let first = try gazette(output: "Output", env: fault)
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertTrue(first.stderr.contains("crashed (SIGILL) in structure"), first.stderr)
        let reason = try XCTUnwrap(try Gazette.manifest(root.appendingPathComponent("Output"))[target]?.reason)

        // Another output folder, so the run does not stop at "nothing changed".
        let second = try gazette(output: "Output2", env: fault)
        XCTAssertEqual(second.status, 1, second.stderr)
        XCTAssertFalse(second.stderr.contains("crashed"), "no second crash: \(second.stderr)")
        XCTAssertEqual(try Gazette.manifest(root.appendingPathComponent("Output2"))[target]?.reason, reason)
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("Output/gazette.sqlite")),
                       try Data(contentsOf: root.appendingPathComponent("Output2/gazette.sqlite")))

        // Without the fault, the same build still leaves it out.
        let third = try gazette(output: "Output3")
        XCTAssertEqual(third.status, 1, third.stderr)
        XCTAssertEqual(try Gazette.manifest(root.appendingPathComponent("Output3"))[target]?.status, "rejected")

        // A new build (another binary file) tries it again.
        let copy = root.appendingPathComponent("bin/gazette")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try GazetteBinary.locate(), to: copy)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: copy.path)
        let opencc = try GazetteBinary.locate().deletingLastPathComponent().appendingPathComponent("opencc")
        let fourth = try gazette(output: "Output4", env: ["GAZETTE_OPENCC_DATA": opencc.path], binary: copy)
        XCTAssertEqual(fourth.status, 0, fourth.stderr)
        XCTAssertEqual(try Gazette.manifest(root.appendingPathComponent("Output4"))[target]?.status, "published")
    }

    // MARK: attribution

    /// The worker alone (as the supervisor starts it): it dies of the signal, and its
    /// crash report names the input and stage in flight on the crashing thread.
    func testTheWorkersCrashReportNamesTheInputAndStage() throws {
        let report = root.appendingPathComponent("report")
        let p = try GazetteBinary.start(["run", "--config", "pipeline.yml", "--quiet"], in: root,
                                        environment: ["GAZETTE_FAULT": "trap-in-classify:plan-3", CrashGuard.reportVariable: report.path])
        _ = p.wait(timeout: 600)
        XCTAssertEqual(p.process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(p.process.terminationStatus, SIGILL)
        let notes = CrashNote.parse(try String(contentsOf: report, encoding: .utf8))
        XCTAssertEqual(notes, [CrashNote(path: target, stage: "classify", signal: "SIGILL")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path), "nothing published")
    }

    func testSupervisorDecisions() {
        let a = CrashNote(path: "Corpus/a.txt", stage: "structure", signal: "SIGILL")
        let b = CrashNote(path: "Corpus/b\tc.txt", stage: "publish", signal: "SIGSEGV")
        typealias S = RunSupervisor
        XCTAssertEqual(S.decide(.exited(1), report: [], skipped: [a], attempt: 2, stopping: false), .finish(1))
        XCTAssertEqual(S.decide(.signaled(SIGILL), report: [a], skipped: [], attempt: 1, stopping: false), .retry([a]))
        XCTAssertEqual(S.decide(.signaled(SIGSEGV), report: [a, b, b], skipped: [a], attempt: 2, stopping: false), .retry([b]))
        XCTAssertEqual(S.decide(.signaled(SIGINT), report: [], skipped: [], attempt: 1, stopping: true), .finish(130))
        guard case .fail(let m) = S.decide(.signaled(SIGKILL), report: [], skipped: [], attempt: 1, stopping: false) else { return XCTFail() }
        XCTAssertTrue(m.contains("SIGKILL") && m.contains("outside"), m)
        guard case .fail = S.decide(.signaled(SIGILL), report: [a], skipped: [a], attempt: 2, stopping: false) else { return XCTFail() }
        guard case .fail = S.decide(.signaled(SIGILL), report: [b], skipped: [a], attempt: S.maxRetries + 1, stopping: false) else { return XCTFail() }
        // Notes survive the report's line format, whatever the path holds.
        XCTAssertEqual(CrashNote.parse([a, b].map { $0.line + "\n" }.joined() + "structure\tCorpus/torn"), [a, b])
        let odd = CrashNote(path: "Corpus/100%\n.txt", stage: "ingest", signal: "SIGABRT")
        XCTAssertEqual(CrashNote.parse(odd.line), [odd])
    }
}
