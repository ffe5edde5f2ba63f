import GazetteModel
@testable import GazetteResearch
import XCTest

/// The site's "diff against the previous year" link: the grouped index must pick the same
/// document as the plain definition, for every document.
final class PreviousYearTests: XCTestCase {
    func doc(_ id: String, _ region: String?, _ year: Int?, _ type: DocType = .workPlan) -> Document {
        Document(id: id, title: id, docType: type, region: region, year: year,
                 source: Source(path: id, sha256: "", format: "txt", encoding: "utf-8"))
    }

    func testIndexAgreesWithDefinition() {
        var docs: [Document] = []
        let regions = ["上海市", "北京市", nil]
        var n = 0
        for r in regions { for y in [2018, 2019, 2019, 2021, nil] { for t in [DocType.workPlan, .annualReport] {
            n += 1; docs.append(doc(String(format: "d%03d", n), r, y, t))
        } } }
        docs.sort { $0.id < $1.id }
        let index = ResearchSiteSink.previousIndex(docs.map(ResearchSiteSink.Key.init))
        for (i, d) in docs.enumerated() {
            XCTAssertEqual(index[i].map { docs[$0].id }, ResearchSiteSink.previous(of: d, in: docs)?.id, d.id)
        }
        // Spot checks: 2021 reaches back over the missing 2020 to 2019's smallest id; 2018 has none.
        let shanghai2021 = docs.first { $0.region == "上海市" && $0.year == 2021 && $0.docType == .workPlan }!
        let prev = ResearchSiteSink.previous(of: shanghai2021, in: docs)!
        XCTAssertEqual(prev.year, 2019)
        XCTAssertNil(ResearchSiteSink.previous(of: docs.first { $0.region == "上海市" && $0.year == 2018 }!, in: docs))
    }
}
