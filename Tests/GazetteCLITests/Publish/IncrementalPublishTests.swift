import Foundation
import XCTest
import GazetteTestSupport

/// The nightly case: a corpus grows by 1 %, the run is incremental, and what it publishes
/// equals a run from nothing over the grown corpus — while the files of documents whose
/// final form did not change are the old ones, linked rather than written again.
final class IncrementalPublishTests: XCTestCase {
    /// Per-document files (those `PublishLedger` may link) → inode.
    func inodes(_ output: URL, folders: [String] = ["documents", "site/doc"]) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for folder in folders {
            let dir = output.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                let attrs = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)
                out[folder + "/" + name] = attrs[.systemFileNumber] as? Int
            }
        }
        return out
    }

    func testCorpusGrownByOnePercentPublishesWhatAFullRunDoesReusingUnchangedFiles() throws {
        let dir = try Fixtures.temporaryFolder("grow"); defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try PublishHarness.makeCorpus(in: dir, variants: 20)   // 5 samples × 20 = 100 documents
        let out = dir.appendingPathComponent("Output"), cache = dir.appendingPathComponent("cache")
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: out, cache: cache).status, 0)
        let before = try PublishHarness.tree(out), beforeInodes = try inodes(out)
        let beforeRowids = try clauseRowids(out)
        let beforeDiffs = try inodes(out, folders: ["site/diff"])
        XCTAssertEqual(beforeInodes.keys.filter { $0.hasPrefix("documents/") }.count, 100)

        // One more document (1 %): a new variant of the first sample.
        let grown = try PublishHarness.makeCorpus(in: dir.appendingPathComponent("new"), variants: 1, from: 21)
        let first = try FileManager.default.contentsOfDirectory(atPath: grown.path).sorted()[0]
        try FileManager.default.moveItem(at: grown.appendingPathComponent(first), to: corpus.appendingPathComponent(first))
        let r = try PublishHarness.run(corpus: corpus, output: out, cache: cache)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 processed anew"), r.stdout)
        XCTAssertTrue(r.stderr.contains("documents unchanged: their files linked from the previous Output/"), r.stderr)

        // Exactly what a run from nothing over the grown corpus publishes.
        let fresh = dir.appendingPathComponent("Fresh/Output")
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: fresh, cache: dir.appendingPathComponent("freshCache")).status, 0)
        let after = try PublishHarness.tree(out), expected = try PublishHarness.tree(fresh)
        XCTAssertEqual(Set(after.keys), Set(expected.keys))
        for (k, v) in expected where after[k] != v { XCTFail("\(k) differs from a run from nothing") }
        _ = try PublishHarness.checkComplete(out)

        // A per-document file is the old one (same inode) exactly when its bytes did not change.
        let afterInodes = try inodes(out)
        XCTAssertEqual(afterInodes.count, beforeInodes.count + 2, "the new document's JSON and page")
        var reused = 0
        for (path, inode) in afterInodes {
            guard let old = beforeInodes[path] else { continue }
            if before[path] == after[path] {
                XCTAssertEqual(inode, old, "\(path) did not change but was written again"); reused += 1
            } else {
                XCTAssertNotEqual(inode, old, "\(path) changed: it must be a new file, never written through a link")
            }
        }
        XCTAssertGreaterThan(reused, 100, "most documents are untouched by one new one")
        // A document whose only change is its copies or similar links keeps its clause rows
        // (and their full-text entries) in the database: only those links were replaced.
        let afterRowids = try clauseRowids(out)
        var linksOnly = 0
        for (path, old) in before where path.hasPrefix("documents/") && path.hasSuffix(".json") {
            guard let new = after[path], new != old, try withoutLinks(new) == withoutLinks(old) else { continue }
            let id = String(path.dropFirst("documents/".count).dropLast(".json".count))
            XCTAssertEqual(afterRowids[id], beforeRowids[id], "\(id): only its links changed, yet its clauses were written again")
            linksOnly += 1
        }
        XCTAssertGreaterThan(linksOnly, 0, "the new document changes other documents' similar links")
        // The research pages of the regions the new document is not in are linked too.
        func region(_ id: String) throws -> String? {
            let data = try Data(contentsOf: out.appendingPathComponent("documents/\(id).json"))
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["region"] as? String
        }
        let newRegion = try region(first.replacingOccurrences(of: ".txt", with: ""))
        let diffs = try inodes(out, folders: ["site/diff"])
        let elsewhere = try beforeDiffs.filter { path, _ in
            try region(String(path.dropFirst("site/diff/".count).dropLast(".html".count))) != newRegion
        }
        XCTAssertGreaterThanOrEqual(elsewhere.count, 40)
        for (path, inode) in elsewhere { XCTAssertEqual(diffs[path], inode, "\(path): its region did not change") }

        // `--full` publishes everything anew (new files), with the same bytes.
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: out, cache: cache, extra: ["--full"]).status, 0)
        XCTAssertEqual(try PublishHarness.tree(out), after)
        let fullInodes = try inodes(out)
        XCTAssertTrue(fullInodes.allSatisfy { afterInodes[$0.key] != $0.value }, "--full trusts nothing of the old tree")
    }

    /// Document id → its clauses' rowids in gazette.sqlite, in clause order.
    func clauseRowids(_ output: URL) throws -> [String: [Int]] {
        let script = "import sqlite3,sys,json;c=sqlite3.connect(sys.argv[1]);d={}\n"
            + "for doc,rowid in c.execute('SELECT doc_id,rowid FROM clauses ORDER BY doc_id,seq'): d.setdefault(doc,[]).append(rowid)\n"
            + "print(json.dumps(d))"
        let r = try Program.run(command: "python3", ["-c", script, output.appendingPathComponent("gazette.sqlite").path], timeout: 60)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONDecoder().decode([String: [Int]].self, from: r.output)
    }

    /// A document JSON without its copies and its clauses' similar links.
    func withoutLinks(_ data: Data) throws -> NSDictionary {
        var d = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        d["duplicates"] = nil
        d["clauses"] = (d["clauses"] as? [[String: Any]])?.map { c -> [String: Any] in var c = c; c["similar"] = nil; return c }
        return d as NSDictionary
    }
}
