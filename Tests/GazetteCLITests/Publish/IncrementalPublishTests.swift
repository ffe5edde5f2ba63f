import Foundation
import XCTest
import GazetteTestSupport

/// The nightly case: a corpus grows by 1 %, the run is incremental, and what it publishes
/// equals a run from nothing over the grown corpus — while the files of documents whose
/// final form did not change are the old ones, linked rather than written again.
final class IncrementalPublishTests: XCTestCase {
    /// Per-document files (those `PublishLedger` may link) → inode.
    func inodes(_ output: URL) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for folder in ["documents", "site/doc"] {
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

        // `--full` publishes everything anew (new files), with the same bytes.
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: out, cache: cache, extra: ["--full"]).status, 0)
        XCTAssertEqual(try PublishHarness.tree(out), after)
        let fullInodes = try inodes(out)
        XCTAssertTrue(fullInodes.allSatisfy { afterInodes[$0.key] != $0.value }, "--full trusts nothing of the old tree")
    }
}
