import XCTest
import GazetteCore
import GazetteTestSupport

/// End-to-end runs of the built binary: byte-identical output, incremental runs, exit codes.
final class PublishDeterminismTests: XCTestCase {
    func testTwoRunsGiveIdenticalTreesAndIncrementalEqualsFull() throws {
        let dir = try Fixtures.temporaryFolder("run"); defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try PublishHarness.makeCorpus(in: dir, variants: 2)
        let a = dir.appendingPathComponent("A/Output"), b = dir.appendingPathComponent("B/Output")
        let ra = try PublishHarness.run(corpus: corpus, output: a, cache: dir.appendingPathComponent("cacheA"))
        XCTAssertEqual(ra.status, 0, ra.stderr)
        let rb = try PublishHarness.run(corpus: corpus, output: b, cache: dir.appendingPathComponent("cacheB"))
        XCTAssertEqual(rb.status, 0, rb.stderr)
        let ta = try PublishHarness.tree(a), tb = try PublishHarness.tree(b)
        XCTAssertGreaterThan(ta.count, 20)
        XCTAssertEqual(Set(ta.keys), Set(tb.keys))
        for (k, v) in ta where tb[k] != v { XCTFail("\(k) differs between two runs") }
        _ = try PublishHarness.checkComplete(a)
        XCTAssertEqual(try SchemaCheck.validate(a.appendingPathComponent("documents")).0, 0)

        // --full in a folder that has a cache and an Output/ gives the same bytes again.
        let rf = try PublishHarness.run(corpus: corpus, output: a, cache: dir.appendingPathComponent("cacheA"), extra: ["--full"])
        XCTAssertEqual(rf.status, 0, rf.stderr)
        XCTAssertTrue(rf.stdout.contains("\(ta.filter { $0.key.hasPrefix("documents/") }.count) processed anew"), rf.stdout)
        XCTAssertEqual(try PublishHarness.tree(a), ta)

        // One new file: only it is processed, and the result equals a fresh run of the new corpus.
        let extra = corpus.appendingPathComponent("zz-new.txt")
        try Data((try String(contentsOf: corpus.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()[0]), encoding: .utf8)
                  + "\n附：新增的一份文件。\n").utf8).write(to: extra)
        let ri = try PublishHarness.run(corpus: corpus, output: a, cache: dir.appendingPathComponent("cacheA"))
        XCTAssertEqual(ri.status, 0, ri.stderr)
        XCTAssertTrue(ri.stdout.contains("1 processed anew"), ri.stdout)
        let rc = try PublishHarness.run(corpus: corpus, output: dir.appendingPathComponent("C/Output"), cache: dir.appendingPathComponent("cacheC"))
        XCTAssertEqual(rc.status, 0, rc.stderr)
        XCTAssertEqual(try PublishHarness.tree(a), try PublishHarness.tree(dir.appendingPathComponent("C/Output")),
                       "an incremental run must publish exactly what a fresh run publishes")
    }

    func testNoChangeRunDoesNoWorkAndLeavesOutputAlone() throws {
        let dir = try Fixtures.temporaryFolder("run"); defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try PublishHarness.makeCorpus(in: dir, variants: 1)
        let out = dir.appendingPathComponent("Output"), cache = dir.appendingPathComponent("cache")
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: out, cache: cache).status, 0)
        // The run measured its memory phase by phase against the budget of pipeline.yml.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as! [String: Any]
        let memory = (manifest["run"] as! [String: Any])["memory"] as? [String: Double] ?? [:]
        XCTAssertEqual(memory["budget"], 1024)
        for phase in ["prepare", "dedup+structure", "publish", "finish"] { XCTAssertGreaterThan(memory[phase] ?? 0, 0, phase) }
        XCTAssertEqual(memory["peak"], memory.filter { $0.key != "budget" && $0.key != "peak" }.values.max())
        let before = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("manifest.json").path)
        let r = try PublishHarness.run(corpus: corpus, output: out, cache: cache)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("nothing changed"), r.stdout)
        XCTAssertTrue(r.stderr.contains("nothing changed since the last run"), "no plain log line off a terminal: \(r.stderr)")
        let after = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("manifest.json").path)
        XCTAssertEqual(before[.systemFileNumber] as? Int, after[.systemFileNumber] as? Int, "Output/ was rewritten")
        XCTAssertEqual(before[.modificationDate] as? Date, after[.modificationDate] as? Date)

        // Touching a file (same bytes, new mtime) reads it again but changes nothing published.
        let tree = try PublishHarness.tree(out)
        let f = corpus.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()[0])
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: f.path)
        let t = try PublishHarness.run(corpus: corpus, output: out, cache: cache)
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stdout.contains("0 processed anew"), t.stdout)
        XCTAssertEqual(try PublishHarness.tree(out), tree)
    }

    func testQuietPrintsNothingAndRejectedInputsExitOne() throws {
        let dir = try Fixtures.temporaryFolder("run"); defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try PublishHarness.makeCorpus(in: dir, variants: 1)
        try Data("%PDF-1.4 not a text".utf8).write(to: corpus.appendingPathComponent("scan.pdf"))
        let out = dir.appendingPathComponent("Output")
        let r = try PublishHarness.run(corpus: corpus, output: out, cache: dir.appendingPathComponent("cache"), extra: ["--quiet"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "")
        let inputs = try PublishHarness.checkComplete(out)
        XCTAssertEqual(inputs.filter { $0["status"] as? String == "rejected" }.compactMap { $0["path"] as? String }, ["Corpus/scan.pdf"])
        let loud = try PublishHarness.run(corpus: corpus, output: out, cache: dir.appendingPathComponent("cache"))
        XCTAssertEqual(loud.status, 1, "an unchanged run keeps reporting the rejected input")
        XCTAssertTrue(loud.stdout.contains("rejected Corpus/scan.pdf: pdf-damaged"), loud.stdout)
    }

    func testConfigurationErrorExitsTwo() throws {
        let dir = try Fixtures.temporaryFolder("run"); defer { try? FileManager.default.removeItem(at: dir) }
        let conf = dir.appendingPathComponent("bad.yml")
        try Data("publish:\n  formats: [json, pdf]\n".utf8).write(to: conf)
        let p = try GazetteBinary.start(["run", "--config", conf.path])
        let r = p.wait(timeout: 300)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output").path))
    }
}

/// python3 + jsonschema over a folder of documents (schema/document.schema.json).
enum SchemaCheck {
    static func validate(_ folder: URL) throws -> (Int32, String) {
        let script = """
        import json, sys, glob, os, jsonschema
        v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        files = sorted(glob.glob(os.path.join(sys.argv[2], '*.json'))); bad = 0
        for f in files:
            for e in v.iter_errors(json.load(open(f, encoding='utf-8'))):
                bad += 1; print(os.path.basename(f), e.message[:200])
        sys.exit(1 if bad or not files else 0)
        """
        let r = try Program.run(command: "python3", ["-c", script, Fixtures.root.appendingPathComponent("schema/document.schema.json").path, folder.path])
        return (r.status, r.stdout)
    }
}
