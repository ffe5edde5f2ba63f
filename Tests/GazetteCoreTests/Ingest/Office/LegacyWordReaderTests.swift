import Foundation
import XCTest
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// `.doc` and `.wps` through antiword on the committed fixtures: the text, its shape, the outline.
final class LegacyWordReaderTests: XCTestCase {
    let reader = LegacyWordReader(format: .doc)

    func text(_ name: String, format: OfficeFormat = .doc) throws -> String {
        try LegacyWordReader(format: format).read(try LegacyWordFixtures.bytes(name), limits: IngestSettings()).text
    }

    /// Every non-empty line of the text and Markdown sources is a line of the .doc's text, in order.
    func testTextSourcesComeOutLineForLine() throws {
        try LegacyWordFixtures.requireAntiword()
        let sources = ["001_4abc55ab1248088c": "corpus/001_4abc55ab1248088c.txt", "003_5e563d7ae628c257": "corpus/003_5e563d7ae628c257.txt",
                       "d008": "devset/docs/d008.md", "d023": "devset/docs/d023.txt"]
        for (stem, source) in sources.sorted(by: { $0.key < $1.key }) {
            let url = Fixtures.shared.appendingPathComponent(source)
            guard let original = try? String(contentsOf: url, encoding: .utf8) else { throw XCTSkip("\(url.path) not found") }
            let expected = original.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let got = try text("\(stem).doc").components(separatedBy: "\n").dropLast()
            XCTAssertEqual(Array(got), expected, stem)
        }
    }

    /// A paragraph of 340 Chinese characters without one ASCII byte (catdoc garbles it) comes out whole.
    func testLongChineseParagraphWithoutASCIIComesOutWhole() throws {
        try LegacyWordFixtures.requireAntiword()
        let source = try String(contentsOf: LegacyWordFixtures.folder.appendingPathComponent("features/short-unbroken.txt"), encoding: .utf8)
        XCTAssertEqual(try text("features/short-unbroken.doc"), source)
    }

    /// Header, footer, footnote and the link's field code are dropped, the page break with
    /// them; table rows are TAB-separated cells (a cell's two paragraphs joined by a space).
    func testShapeOfTheText() throws {
        try LegacyWordFixtures.requireAntiword()
        let got = try text("features/features.doc")
        XCTAssertEqual(got.components(separatedBy: "\n"),
                       ["第一段正文。", "请访问中国政府网了解详情。", "二、分页之后的标题", "序号\t工作任务", "1\t第一行 第二行",
                        "脚注后正文。", "列表项一", "列表项二", ""])
        for lost in ["页眉", "PAGE", "HYPERLINK", "脚注内容", "\u{0C}"] { XCTAssertFalse(got.contains(lost), lost) }
    }

    /// A WPS 2000+ file is Word's format in an OLE2 file: the same bytes named .wps read the same.
    func testWPSInWordFormatReadsLikeTheDoc() throws {
        try LegacyWordFixtures.requireAntiword()
        XCTAssertEqual(try text("d002.doc", format: .wps), try text("d002.doc"))
        let ingested = try Ingester().ingest(bytes: try LegacyWordFixtures.bytes("d002.doc"), path: "附件/d002.wps", sha256: "")
        XCTAssertEqual(ingested.format, "wps")
    }

    /// The outline of each .doc is the outline of the file it was made from, and its gold's.
    func testOutlineMatchesTheSourceAndTheGold() throws {
        try LegacyWordFixtures.requireAntiword()
        let processor = try DocumentProcessor.make(config: PipelineConfig(), baseDirectory: Fixtures.root)
        for url in try LegacyWordFixtures.documents() {
            let stem = url.deletingPathExtension().lastPathComponent
            let doc = try processor.process(bytes: [UInt8](try Data(contentsOf: url)), path: url.lastPathComponent, id: stem)
            XCTAssertEqual(doc.source.format, "doc")
            let outline = doc.clauses.map { "\($0.level) \($0.number) \($0.heading)" }
            let goldURL = LegacyWordFixtures.folder.appendingPathComponent("gold/\(stem).json")
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any]
            let expected = (gold?["outline"] as? [[String: Any]] ?? []).map { "\($0["level"]!) \($0["number"]!) \($0["heading"]!)" }
            XCTAssertGreaterThanOrEqual(Self.f1(expected, outline), 0.95, stem)
            let sourceName = try XCTUnwrap(gold?["source"] as? String).replacingOccurrences(of: ".doc", with: "")
            let folder = stem.hasPrefix("d0") ? "devset/docs" : "corpus"
            let candidates = ["txt", "md", "html"].map { Fixtures.shared.appendingPathComponent("\(folder)/\(sourceName).\($0)") }
            guard let source = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { continue }
            let original = try processor.process(bytes: [UInt8](try Data(contentsOf: source)), path: source.lastPathComponent, id: stem)
            XCTAssertEqual(outline, original.clauses.map { "\($0.level) \($0.number) \($0.heading)" }, stem)
        }
    }

    /// Clause F1 with exact level, number and heading (headings without white space).
    static func f1(_ gold: [String], _ got: [String]) -> Double {
        let squash = { (s: String) in s.filter { !$0.isWhitespace } }
        let g = gold.map(squash), o = got.map(squash)
        var dp = [[Int]](repeating: [Int](repeating: 0, count: o.count + 1), count: g.count + 1)
        for i in stride(from: g.count - 1, through: 0, by: -1) {
            for j in stride(from: o.count - 1, through: 0, by: -1) {
                dp[i][j] = g[i] == o[j] ? dp[i + 1][j + 1] + 1 : max(dp[i + 1][j], dp[i][j + 1])
            }
        }
        let tp = Double(dp[0][0])
        if g.isEmpty && o.isEmpty { return 1 }
        return tp == 0 ? 0 : 2 * tp / Double(g.count + o.count)
    }

    /// Two worker threads read at once (each its own copy, pipes and child): the same text as one at a time.
    func testConcurrentReadsFromTwoThreads() throws {
        try LegacyWordFixtures.requireAntiword()
        let names = try LegacyWordFixtures.documents().map { $0.lastPathComponent }
        let serial = try names.map { try text($0) }
        let results = ResultBox(count: names.count * 3)
        DispatchQueue.concurrentPerform(iterations: names.count * 3) { i in
            results.set(i, (try? self.text(names[i % names.count])) ?? "failed")
        }
        for i in 0..<(names.count * 3) { XCTAssertEqual(results.get(i), serial[i % names.count], names[i % names.count]) }
    }
}

/// Results written by concurrent iterations.
final class ResultBox: @unchecked Sendable {
    private var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ i: Int, _ v: String) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> String { lock.lock(); defer { lock.unlock() }; return values[i] }
}
