import Foundation
import XCTest

/// `gazette check` end to end: the built binary on files in a temporary folder, its
/// exit status and its compiler-style diagnostics.
final class CheckCommandTests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        for f in ["taxonomy.yml", "units.yml", "overrides.yml"] {
            try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        try write("pipeline.yml", "corpus: Corpus\noutput: Output\n")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }

    func check(_ args: [String] = []) throws -> (status: Int32, out: String, err: String) {
        let bin = Self.repoRoot.appendingPathComponent(".build/debug/gazette")
        guard FileManager.default.isExecutableFile(atPath: bin.path) else { throw XCTSkip("build the gazette binary first (make build-debug)") }
        let p = Process()
        p.executableURL = bin
        p.arguments = ["check", "--config", dir.appendingPathComponent("pipeline.yml").path] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testValidFilesExitZero() throws {
        let r = try check()
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("gazette check: 0 errors"), r.out)
    }

    func testErrorsExitTwoWithFileAndLine() throws {
        try write("overrides.yml", "overrides:\n  - { document: a, clause: s1, area: nowhere }\n")
        let r = try check(["--quiet"])
        XCTAssertEqual(r.status, 2)
        let path = dir.appendingPathComponent("overrides.yml").path
        XCTAssertTrue(r.err.contains("\(path):2: error: unknown area code 'nowhere' [unknown-area]"), r.err)
        XCTAssertTrue(r.out.hasPrefix("gazette check: 1 error,"), r.out)
    }
}
