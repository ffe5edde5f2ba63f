import XCTest
@testable import GazetteOutput

/// Output files are written with open/write/close (no fsync each); errors name the file.
final class FileOutputTests: XCTestCase {
    func testWritesTruncatesAndKeepsFoundationsMode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("file-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("a.json")
        let big = [UInt8]((0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try FileOutput.write(big, to: url)
        XCTAssertEqual(try Data(contentsOf: url), Data(big))
        try FileOutput.write(Array("短".utf8), to: url)   // shorter: the rest is cut off
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "短")
        try FileOutput.write(Data(), to: url)
        XCTAssertEqual(try Data(contentsOf: url).count, 0)
        // The same permissions Data.write gives a new file.
        let other = dir.appendingPathComponent("b.json")
        try Data("x".utf8).write(to: other)
        let mode = { (u: URL) in (try FileManager.default.attributesOfItem(atPath: u.path)[.posixPermissions] as? Int) }
        XCTAssertEqual(try mode(url), try mode(other))
    }

    func testAFileThatCannotBeCreatedThrowsWithItsPath() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/x.html")
        XCTAssertThrowsError(try FileOutput.write([1, 2, 3], to: url)) { error in
            XCTAssertTrue("\(error)".contains(url.path), "\(error)")
            XCTAssertTrue("\(error)".contains("No such file"), "\(error)")
        }
    }
}
