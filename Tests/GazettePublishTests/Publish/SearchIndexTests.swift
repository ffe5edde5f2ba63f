import XCTest
import GazetteModel
@testable import GazettePublish

/// The search index is split into script chunks (`site/search/NNNN.js`) plus `chunks.js`.
final class SearchIndexTests: XCTestCase {
    /// Chunk `n`'s documents, read back from its script (`GAZETTE_SEARCH_CHUNK(n, [...]);`).
    func readChunk(_ folder: URL, _ n: Int) throws -> [[Any]] {
        let text = try String(contentsOf: folder.appendingPathComponent(SearchIndexWriter.chunkName(n)), encoding: .utf8)
        let head = "GAZETTE_SEARCH_CHUNK(\(n), "
        XCTAssertTrue(text.hasPrefix(head), String(text.prefix(60)))
        XCTAssertTrue(text.hasSuffix(");\n"))
        let json = text.dropFirst(head.count).dropLast(3)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]])
    }

    func meta(_ folder: URL) throws -> [String: Int] {
        let text = try String(contentsOf: folder.appendingPathComponent("chunks.js"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("var GAZETTE_SEARCH = {"))
        let json = text.drop(while: { $0 != "{" }).prefix(while: { $0 != ";" })
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Int])
    }

    func testDocumentsAreSplitIntoChunksInOrderEachOnce() throws {
        let folder = SampleDocuments.tempFolder().appendingPathComponent("search")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let docs = (0..<40).map { SampleDocuments.plan(id: String(format: "doc-%02d", $0), region: "上海市", year: 2000 + $0) }
        let writer = try SearchIndexWriter(folder: folder, chunkBytes: 3_000)
        for d in docs { try writer.add(d) }
        try writer.close()

        let m = try meta(folder)
        XCTAssertEqual(m["documents"], 40)
        XCTAssertEqual(m["clauses"], 40 * docs[0].clauses.count)
        let chunks = try XCTUnwrap(m["chunks"])
        XCTAssertGreaterThan(chunks, 5, "3,000-byte chunks should split 40 documents")
        var ids: [String] = []
        for n in 1...chunks {
            let entries = try readChunk(folder, n)
            XCTAssertFalse(entries.isEmpty, "chunk \(n) is empty")
            ids += entries.map { $0[0] as! String }
            let bytes = try Data(contentsOf: folder.appendingPathComponent(SearchIndexWriter.chunkName(n))).count
            if n < chunks { XCTAssertGreaterThanOrEqual(bytes, 3_000, "chunk \(n) was closed early") }
            // A chunk closes at the first document that takes it past the size.
            XCTAssertLessThan(bytes, 3_000 + 2_000, "chunk \(n) holds more than one document past the size")
        }
        XCTAssertEqual(ids, docs.map(\.id))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(SearchIndexWriter.chunkName(chunks + 1)).path))
        // Entries carry the clause rows the page searches: id, label, heading, clipped text.
        let first = try readChunk(folder, 1)[0]
        XCTAssertEqual(first[1] as? String, docs[0].title)
        let rows = try XCTUnwrap(first[4] as? [[String]])
        XCTAssertEqual(rows.map { $0[0] }, docs[0].clauses.map(\.id))
        XCTAssertEqual(rows[1], ["s1.c1", "（一）", "落实重大行政决策公众参与程序", docs[0].clauses[1].text])
    }

    func testAnEmptyCorpusHasNoChunks() throws {
        let folder = SampleDocuments.tempFolder().appendingPathComponent("search")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let writer = try SearchIndexWriter(folder: folder, chunkBytes: 1 << 20)
        try writer.close()
        XCTAssertEqual(try meta(folder), ["chunks": 0, "documents": 0, "clauses": 0])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["chunks.js"])
    }

    func testChunkNamesArePaddedToFourDigits() {
        XCTAssertEqual(SearchIndexWriter.chunkName(1), "0001.js")
        XCTAssertEqual(SearchIndexWriter.chunkName(420), "0420.js")
        XCTAssertEqual(SearchIndexWriter.chunkName(12345), "12345.js")
    }
}
