import Foundation
import GazetteModel
import GazetteOutput
import XCTest

/// Sinks are ordered from what they declare, whatever order they are listed in.
final class SinkOrderTests: XCTestCase {
    /// A sink that only declares.
    final class Declared: OutputSink {
        let name: String
        let provides: [OutputPart]
        let requires: [OutputPart]
        init(_ name: String, provides: [OutputPart] = [], requires: [OutputPart] = []) {
            self.name = name; self.provides = provides; self.requires = requires
        }
        func begin(staging: URL) throws {}
        func write(_ document: Document) throws {}
        func finish(_ corpus: CorpusSummary) throws {}
    }

    static let styles = OutputPart("site/assets", format: "site"), pages = OutputPart("site/doc", format: "site")
    static let index = OutputPart("search", format: "search")

    func names(_ sinks: [OutputSink]) throws -> [String] { try SinkOrder.resolve(sinks).map(\.name) }

    func testEverySinkComesAfterTheWritersOfWhatItRequiresInAnyListOrder() throws {
        let make = { () -> [OutputSink] in [
            Declared("json"), Declared("site", provides: [Self.styles, Self.pages]),
            Declared("research", requires: [Self.styles, Self.pages]), Declared("csv"),
            Declared("search", provides: [Self.index], requires: [Self.pages]),
            Declared("report", requires: [Self.index, Self.styles]),
        ] }
        for permutation in permutations(Array(0..<6)) {
            let base = make()
            let order = try names(permutation.map { base[$0] })
            XCTAssertEqual(Set(order), ["json", "site", "research", "csv", "search", "report"])
            let at = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
            XCTAssertLessThan(at["site"]!, at["research"]!, "\(order)")
            XCTAssertLessThan(at["site"]!, at["search"]!, "\(order)")
            XCTAssertLessThan(at["search"]!, at["report"]!, "\(order)")
        }
    }

    func testSinksWithoutRequirementsKeepTheirListOrder() throws {
        let order = try names([Declared("research", requires: [Self.pages]), Declared("sqlite"),
                               Declared("site", provides: [Self.pages]), Declared("csv")])
        XCTAssertEqual(order, ["sqlite", "site", "research", "csv"])
        XCTAssertEqual(try names([]), [])
    }

    func testAMissingRequirementIsAConfigurationErrorNamingTheFormat() {
        XCTAssertThrowsError(try SinkOrder.resolve([Declared("json"), Declared("research", requires: [Self.styles])])) { error in
            XCTAssertEqual(error as? SinkOrderError, .missing(sink: "research", part: Self.styles))
            XCTAssertEqual("\(error)", "'research' needs site/assets, which only 'site' writes, and 'site' is not published: add it to publish.formats")
        }
    }

    func testACycleIsNamedSinkBySink() {
        let a = OutputPart("a", format: "x"), b = OutputPart("b", format: "y")
        let sinks: [OutputSink] = [Declared("free"), Declared("x", provides: [a], requires: [b]), Declared("y", provides: [b], requires: [a])]
        XCTAssertThrowsError(try SinkOrder.resolve(sinks)) { error in
            XCTAssertEqual(error as? SinkOrderError, .cycle(["x", "y", "x"]))
            XCTAssertEqual("\(error)", "outputs that need each other: 'x' → 'y' → 'x'")
        }
        XCTAssertThrowsError(try SinkOrder.resolve([Declared("self", provides: [a], requires: [a])])) { error in
            XCTAssertEqual(error as? SinkOrderError, .cycle(["self", "self"]))
        }
    }

    func testTwoWritersOfOnePartAreRefused() {
        XCTAssertThrowsError(try SinkOrder.resolve([Declared("site", provides: [Self.pages]), Declared("copy", provides: [Self.pages])])) { error in
            XCTAssertEqual("\(error)", "'site' and 'copy' both write site/doc")
        }
    }

    func permutations(_ xs: [Int]) -> [[Int]] {
        guard xs.count > 1 else { return [xs] }
        return xs.indices.flatMap { i -> [[Int]] in
            var rest = xs; let x = rest.remove(at: i)
            return permutations(rest).map { [x] + $0 }
        }
    }
}
