import Foundation
import XCTest
import GazetteTestSupport

/// Runs the built `gazette` binary over corpora in temporary folders and reads what it published.
enum PublishHarness {

    /// `variants` distinct documents per sample file of Corpus/ (each gets its own closing line,
    /// so none is a duplicate of another), written to `dir/Corpus`.
    static func makeCorpus(in dir: URL, variants: Int, from: Int = 1) throws -> URL {
        let corpus = dir.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let samples = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path).filter { $0.hasSuffix(".txt") }.sorted()
        for name in samples {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Corpus/" + name), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            for v in from..<(from + variants) {
                let out = corpus.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: "_v\(v).txt"))
                // Each variant leaves out its own pseudo-random quarter of the body lines, so any
                // two variants share only ~60 % of their text: different documents to the dedup
                // stage, not near-duplicates of each other.
                let kept = lines.enumerated().filter { i, _ in i < 6 || Self.mix(UInt64(i), UInt64(v)) % 4 != 0 }.map(\.element)
                try Data((kept.joined(separator: "\n") + "\n附：第\(v)号补充说明。\n").utf8).write(to: out)
            }
        }
        return corpus
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &* 0x9E3779B97F4A7C15 ^ (b &+ 1) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 31)) &* 0x94D049BB133111EB
        return z ^ (z >> 29)
    }

    /// `gazette run` over `corpus` into `output` with its own cache.
    @discardableResult
    static func run(corpus: URL, output: URL, cache: URL, extra: [String] = []) throws -> ProgramResult {
        try GazetteBinary.run(runArgs(corpus: corpus, output: output, cache: cache) + extra, timeout: 300)
    }

    static func runArgs(corpus: URL, output: URL, cache: URL) -> [String] {
        ["run", "--config", Fixtures.root.appendingPathComponent("pipeline.yml").path, "--corpus", corpus.path,
         "--output", output.path, "--cache", cache.path]
    }

    /// Every file under `output` (relative path → bytes), with manifest.json's run.timings removed.
    static func tree(_ output: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = output.resolvingSymlinksInPath().path
        guard let e = FileManager.default.enumerator(atPath: base) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            let path = base + "/" + rel
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            if rel == "manifest.json" { data = try withoutTimings(data) }
            if rel.hasSuffix(".sqlite") { data = try sqliteContent(path) }
            out[rel] = data
        }
        return out
    }

    /// What a database holds, as `bench/same_output.py` compares it: an incremental run
    /// updates the previous database in place, so its bytes are not a full run's.
    static func sqliteContent(_ path: String) throws -> Data {
        let r = try Program.run(command: "python3", [Fixtures.root.appendingPathComponent("bench/same_output.py").path, "--dump", path], timeout: 120)
        guard r.status == 0 else { throw NSError(domain: "same_output", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return r.output
    }

    static func withoutTimings(_ data: Data) throws -> Data {
        var m = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var run = m["run"] as! [String: Any]
        run.removeValue(forKey: "timings")
        run.removeValue(forKey: "memory")
        m["run"] = run
        return try JSONSerialization.data(withJSONObject: m, options: [.sortedKeys])
    }

    /// Output/ is complete: the manifest parses, every published document is present in every
    /// format that has per-document files, and nothing else is. Returns the manifest's inputs.
    static func checkComplete(_ output: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let data = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        let m = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let inputs = m["inputs"] as! [[String: Any]]
        let published = Set(inputs.filter { $0["status"] as? String == "published" }.compactMap { $0["document"] as? String })
        let jsons = Set(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("documents").path)
            .map { String($0.dropLast(5)) })
        XCTAssertEqual(jsons, published, "documents/ does not match the manifest", file: file, line: line)
        for id in published {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("site/doc/\(id).html").path), file: file, line: line)
        }
        for f in ["corpus.jsonl.gz", "clauses.csv", "gazette.sqlite", "site/index.html", "site/search/chunks.js", "site/assets/style.css"]
            + (published.isEmpty ? [] : ["site/search/0001.js"]) {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(f).path), "missing \(f)", file: file, line: line)
        }
        return inputs
    }
}
