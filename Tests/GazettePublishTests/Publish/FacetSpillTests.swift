import XCTest
@testable import GazettePublish

/// Facet hits put aside on disk come back per facet, in the order they were added, however
/// many blocks they fill.
final class FacetSpillTests: XCTestCase {
    func testHitsComeBackPerFacetInOrderAcrossBlocks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for spill in [FacetSpill(folder: folder), FacetSpill(folder: nil)] {
            var expected: [String: [SiteSink.FacetHit]] = [:]
            // Enough hits that the large facet spans many blocks, interleaved with small ones.
            for i in 0..<3000 {
                let facet = i % 7 == 0 ? "unit-\(i % 3)" : "general"
                let hit = SiteSink.FacetHit(doc: "doc-\(i / 10)", clause: "c\(i % 10)", caption: "（\(i)）第\(i)条款的标题文字<&>")
                spill.add(facet, hit)
                expected[facet, default: []].append(hit)
            }
            XCTAssertEqual(spill.facets, ["general", "unit-0", "unit-1", "unit-2"])
            for (facet, hits) in expected {
                let back = try spill.hits(facet)
                XCTAssertEqual(back.map(\.caption), hits.map(\.caption), facet)
                XCTAssertEqual(back.map(\.doc), hits.map(\.doc))
                XCTAssertEqual(back.map(\.clause), hits.map(\.clause))
                XCTAssertEqual(spill.counts[facet], hits.count)
            }
            XCTAssertEqual(try spill.hits("none").count, 0)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
