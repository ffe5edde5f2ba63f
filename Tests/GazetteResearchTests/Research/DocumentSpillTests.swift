import XCTest
import GazetteModel
import GazetteOutput
@testable import GazetteResearch

/// The research sink keeps every document on disk until its end: each must come back as it
/// went in, and a damaged record must be an error, not a wrong page.
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

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func testDocumentsComeBackAsWrittenInAnyOrderAndLeaveNothingBehind() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = documents(40)
        let spill = DocumentSpill<ResearchSiteSink.Key>(folder: dir)
        for d in docs { try spill.append(d, key: ResearchSiteSink.Key(d)) }
        let stored = spill.close()
        XCTAssertEqual(stored.keys.map(\.id), docs.map(\.id))
        XCTAssertEqual(stored.keys.map(\.region), docs.map(\.region))
        XCTAssertEqual(stored.keys.map(\.year), docs.map(\.year))
        for i in docs.indices.reversed() { XCTAssertEqual(try stored.document(i), docs[i]) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "the file is unlinked when opened")
    }

    func testAnUnreadableRecordIsAnErrorNamingTheDocument() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = documents(5)
        let spill = DocumentSpill<ResearchSiteSink.Key>(folder: dir)
        for d in docs { try spill.append(d, key: ResearchSiteSink.Key(d)) }
        let stored = spill.close()
        // The last record cut short by ten bytes.
        var refs = stored.refs
        refs[4] = SpillFile.Ref(offset: refs[4].offset, length: refs[4].length - 10)
        let cut = DocumentSpill<ResearchSiteSink.Key>.Stored(file: stored.file, keys: stored.keys, refs: refs)
        XCTAssertEqual(try cut.document(0), docs[0])
        XCTAssertThrowsError(try cut.document(4)) { XCTAssertTrue("\($0)".contains("document 4")) }
    }
}
