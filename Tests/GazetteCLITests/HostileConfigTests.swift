import Foundation
import XCTest
import GazetteTestSupport

/// Malformed configuration through the built binary: `gazette check` and `gazette run`
/// both print `file:line:col: error: … [id]` with a suggestion and exit 2.
final class HostileConfigTests: XCTestCase {
    func testMalformedConfigurationsExit2WithFileLineAndSuggestion() throws {
        let root = try Fixtures.temporaryFolder("config")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        let cases: [(name: String, yaml: String, id: String, line: Int)] = [
            ("bad-yaml", "corpus: Corpus\nstages: [ingest, clean\noutput: Output\n", "yaml-syntax", 3),
            ("unknown-stage", "corpus: Corpus\nstages: [ingest, clean, normalise]\n", "unknown-stage", 2),
            ("wrong-type", "corpus: Corpus\ningest:\n  max_file_bytes: lots\n", "wrong-type", 3),
            ("unknown-key", "corpus: Corpus\ningset:\n  max_file_bytes: 10\n", "unknown-key", 2),
            ("missing-taxonomy", "corpus: Corpus\nclassify:\n  taxonomy: no-such-taxonomy.yml\n", "data-file-missing", 3),
        ]
        for c in cases {
            let file = root.appendingPathComponent(c.name + ".yml")
            try c.yaml.write(to: file, atomically: true, encoding: .utf8)
            for verb in ["check", "run"] {
                let r = try GazetteBinary.run([verb, "--config", file.path], in: root)
                XCTAssertEqual(r.status, 2, "\(verb) \(c.name): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("\(file.path):\(c.line):") || (c.id == "yaml-syntax" && r.stderr.contains("\(file.path):")),
                              "\(verb) \(c.name) must name file and line \(c.line): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("[\(c.id)]"), "\(verb) \(c.name): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("suggestion:"), "\(verb) \(c.name): \(r.stderr)")
                XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path), "no output on a configuration error")
            }
        }
        let missing = try GazetteBinary.run(["check", "--config", root.appendingPathComponent("nope.yml").path], in: root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("[config-missing]"), missing.stderr)
    }
}
