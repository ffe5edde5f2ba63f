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
