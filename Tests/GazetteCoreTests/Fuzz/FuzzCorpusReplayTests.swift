import Foundation
import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// Replays the libFuzzer corpus (Fuzz/corpus/ingest) and every input that once crashed
/// (Fuzz/regressions/ingest) through the fuzz target's checks, in the normal suite.
final class FuzzCorpusReplayTests: XCTestCase {
    func inputs(_ folder: String) -> [URL] {
        let dir = Fixtures.root.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted().map { dir.appendingPathComponent($0) }
    }

    func testCorpusAndRegressionsReplayCleanly() throws {
        let files = inputs("Fuzz/corpus/ingest") + inputs("Fuzz/regressions/ingest")
        if files.isEmpty { throw XCTSkip("no fuzz corpus in this checkout") }
        var settings = IngestSettings(); settings.maxInflatedBytes = 4 << 20
        let ingester = Ingester(settings: settings)
        var published = 0
        for f in files {
            let bytes = Array(try Data(contentsOf: f))
            for name in ["f.txt", "f.html", "f.txt.gz"] {
                do {
                    let ingested = try ingester.ingest(bytes: bytes, path: name, sha256: "")
                    let cleaned = Cleaner().clean(ingested.text)
                    XCTAssertEqual(Cleaner().clean(cleaned.text).text, cleaned.text, "\(f.lastPathComponent) as \(name)")
                    published += 1
                } catch is RejectReason {
                } catch { XCTFail("\(f.lastPathComponent) as \(name): \(error)") }
            }
        }
        XCTAssertGreaterThan(published, 0)
    }
}
