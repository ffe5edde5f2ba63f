import XCTest
import GazetteModel
@testable import GazetteResearch

/// The research sink keeps every document on disk until its end: each must come back as it
/// went in, across write-buffer flushes, and a damaged file must be an error, not a wrong page.
final class DocumentSpillTests: XCTestCase {
    func documents(_ n: Int) -> [Document] {
        (0..<n).map { k in
            var d = SampleClauses.document(id: "doc\(k)", clauses: (0..<(k % 4 + 1)).map { c in
                var clause = SampleClauses.make(id: "c\(c)", label: "\(c + 1).", body: String(repeating: "第\(k)件第\(c)条公开目录。", count: k % 7 + 1))
                clause.area = "disclosure"; clause.topics = k % 2 == 0 ? ["open-data"] : []
                return clause
            }, region: k % 3 == 0 ? nil : "上海市", year: 2018 + k % 5)
            d.title = "标题 \(k) <&>"
            return d
        }
    }

    func spillURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
    }

    func testDocumentsComeBackAsWrittenAcrossFlushes() throws {
        let url = spillURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let docs = documents(40)
        // A buffer smaller than one document: every append is written out on its own.
        let spill = try DocumentSpill<ResearchSiteSink.Key>(url: url, bufferSize: 64)
        for d in docs { try spill.append(d, key: ResearchSiteSink.Key(d)) }
        let stored = try spill.close()
        XCTAssertEqual(stored.keys.map(\.id), docs.map(\.id))
        XCTAssertEqual(stored.keys.map(\.region), docs.map(\.region))
        XCTAssertEqual(stored.keys.map(\.year), docs.map(\.year))
        // Read back in any order.
        for i in docs.indices.reversed() { XCTAssertEqual(try stored.document(i), docs[i]) }
        spill.remove()
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testACutFileIsAnErrorNamingTheDocument() throws {
        let url = spillURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let docs = documents(5)
        let spill = try DocumentSpill<ResearchSiteSink.Key>(url: url)
        for d in docs { try spill.append(d, key: ResearchSiteSink.Key(d)) }
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? -1
        XCTAssertEqual(size, 0, "the documents are still in the write buffer")
        let stored = try spill.close()
        // Cut the file within the last document, then map it again.
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 10).write(to: url)
        let cut = try DocumentSpill<ResearchSiteSink.Key>.Stored(path: url.path, data: Data(contentsOf: url), keys: docs.map(ResearchSiteSink.Key.init),
                                           ranges: stored.ranges)
        XCTAssertEqual(try cut.document(0), docs[0])
        XCTAssertThrowsError(try cut.document(4)) { XCTAssertTrue("\($0)".contains("document 4")) }
    }
}
