import Foundation
import XCTest
import GazetteModel
@testable import GazetteCore

/// The manifest is written an input at a time; its bytes must be what JSONEncoder makes of
/// the whole (pretty-printed, sorted keys), which every earlier Output/ holds.
final class ManifestWriterTests: XCTestCase {
    func encoder() -> JSONEncoder {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return enc
    }

    func testStreamedBytesEqualTheEncoderOfTheWhole() throws {
        var warned = InputRecord(path: "site/a \"b\"/政务\n.txt", sha256: String(repeating: "a", count: 64), status: .published, document: "a")
        warned.warnings = ["no clauses", "title: <b>"]
        let inputs = [warned,
                      InputRecord(path: "x/y.html", sha256: nil, status: .rejected, reason: "unreadable: bad \\ byte"),
                      InputRecord(path: "x/z.txt", sha256: "b", status: .duplicate, reason: "same document as a", document: "a")]
        var run = RunInfo(counts: ["inputs": 3, "published": 1], timings: ["total": 1.5], versions: ["opencc": "1.1.6"], configHash: "c")
        run.fingerprint = "f"
        run.memory = ["peak": 12, "budget": 1024]
        for m in [Manifest(inputs: inputs, run: run), Manifest(inputs: [inputs[1]], run: run), Manifest(inputs: [], run: run)] {
            XCTAssertEqual(String(decoding: try ManifestWriter.encode(m), as: UTF8.self), String(decoding: try encoder().encode(m), as: UTF8.self))
        }
    }

    /// Written in pieces of about a megabyte: a manifest past one piece is the same file.
    func testFileWrittenInPiecesEqualsTheEncoderOfTheWhole() throws {
        let inputs = (0..<6_000).map { k in
            InputRecord(path: "corpus/site-\(k % 7)/" + String(repeating: "政务公开", count: 20) + "-\(k).html",
                        sha256: String(repeating: "c", count: 64), status: k % 3 == 0 ? .duplicate : .published,
                        reason: k % 3 == 0 ? "same document as d\(k - 1)" : nil, document: "d\(k)")
        }
        let m = Manifest(inputs: inputs, run: RunInfo(counts: ["inputs": inputs.count], timings: [:], versions: [:], configHash: "c"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try ManifestWriter.write(m, to: url)
        let expected = try encoder().encode(m)
        XCTAssertGreaterThan(expected.count, 2 << 20)
        let got = try Data(contentsOf: url)
        if got != expected, let i = (0..<min(got.count, expected.count)).first(where: { got[$0] != expected[$0] }) {
            XCTFail("differs at \(i): \(String(decoding: got[max(0, i - 60)..<min(got.count, i + 40)], as: UTF8.self)) vs \(String(decoding: expected[max(0, i - 60)..<min(expected.count, i + 40)], as: UTF8.self))")
        }
        XCTAssertEqual(got, expected)
    }
}
