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
}
