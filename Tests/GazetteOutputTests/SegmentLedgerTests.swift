import Foundation
import XCTest
@testable import GazetteOutput

/// A file of per-document segments: the next run gets an unchanged document's segment back
/// from the previous Output/'s file, and only from the Output/ the ledger was written for.
final class SegmentLedgerTests: XCTestCase {
    func testSegmentsComeBackOnlyFromTheOutputTheyDescribe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("segments-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("Output"), state = dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)

        // A first run (nothing to reuse) writes "HEAD" then a segment per document.
        let first = SegmentLedger(context: PublishContext(state: state, previous: nil), file: "rows.csv")
        XCTAssertNil(first.previousSegment("a"))
        var file = Data("HEAD".utf8)
        for (id, text) in [("a", "alpha,1\r\n"), ("b", ""), ("c", "gamma,3\r\n")] {
            first.record(id, offset: file.count, length: text.utf8.count)
            file.append(Data(text.utf8))
        }
        try file.write(to: output.appendingPathComponent("rows.csv"))
        first.store(output: "fp-1")

        let next = SegmentLedger(context: PublishContext(state: state, previous: .init(output: output, fingerprint: "fp-1")), file: "rows.csv")
        XCTAssertEqual(next.previousSegment("a"), Data("alpha,1\r\n".utf8))
        XCTAssertEqual(next.previousSegment("b"), Data(), "a document without rows has an empty segment")
        XCTAssertEqual(next.previousSegment("c"), Data("gamma,3\r\n".utf8))
        XCTAssertNil(next.previousSegment("d"))

        let other = SegmentLedger(context: PublishContext(state: state, previous: .init(output: output, fingerprint: "fp-2")), file: "rows.csv")
        XCTAssertNil(other.previousSegment("a"), "written for another Output/: nothing is trusted")
    }
}
