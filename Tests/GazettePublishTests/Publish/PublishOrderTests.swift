import XCTest
import GazetteCore
import GazetteOutput
import GazettePublish
import GazetteResearch

/// The research pages come after the site, whose stylesheet and document pages they use,
/// however the sinks are listed; without the site they are a configuration error.
final class PublishOrderTests: XCTestCase {
    func testResearchPagesFollowTheSiteInEveryListOrder() throws {
        let all = Sinks.make(formats: PublishSettings.allFormats) + [ResearchSiteSink()]
        XCTAssertEqual(all.map(\.name), ["json", "csv", "sqlite", "site", "places", "research"])
        for shift in all.indices {
            for list in [Array(all[shift...] + all[..<shift]), Array((all[shift...] + all[..<shift]).reversed())] {
                let order = try SinkOrder.resolve(list).map(\.name)
                XCTAssertLessThan(order.firstIndex(of: "site")!, order.firstIndex(of: "research")!, "\(list.map(\.name)) → \(order)")
                XCTAssertLessThan(order.firstIndex(of: "site")!, order.firstIndex(of: "places")!, "\(list.map(\.name)) → \(order)")
                XCTAssertEqual(Set(order), Set(all.map(\.name)))
            }
        }
    }

    func testResearchPagesWithoutTheSiteAreAConfigurationError() {
        XCTAssertThrowsError(try SinkOrder.resolve(Sinks.make(formats: ["json", "csv"]) + [ResearchSiteSink()])) { error in
            XCTAssertEqual(error as? SinkOrderError, .missing(sink: "research", part: .siteAssets))
            XCTAssertTrue("\(error)".contains("add it to publish.formats"), "\(error)")
        }
    }
}
