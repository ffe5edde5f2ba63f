import Foundation
import XCTest
import GazetteTestSupport
@testable import GazetteCore

/// The PDF reader on LibreOffice PDFs committed as fixtures (scripts/office_variants_pdf.py),
/// on the devset's real PDFs, and on hostile PDFs written here.
final class PDFReaderTests: XCTestCase {
    static let fixtures = Fixtures.root.appendingPathComponent("Tests/Fixtures/office/pdf")

    func text(_ bytes: [UInt8], _ limits: IngestSettings = IngestSettings()) throws -> String {
        try PDFReader().read(bytes, limits: limits).text
    }

    /// The rejection code for `bytes`, nil when they are read.
    func rejection(_ bytes: [UInt8], _ limits: IngestSettings = IngestSettings()) -> String? {
        do { _ = try text(bytes, limits); return nil } catch let r as RejectReason { return r.code } catch { return "\(error)" }
    }

    func bytes(_ url: URL) throws -> [UInt8] {
        guard let d = FileManager.default.contents(atPath: url.path) else { throw XCTSkip("no \(url.path)") }
        return [UInt8](d)
    }

    /// Paragraphs without their white space (the PDF keeps no record of it).
    func squashed(_ text: String, first n: Int = .max) -> [String] {
        Array(text.components(separatedBy: "\n").map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }.prefix(n))
    }

    func testTwoColumnPagesGiveTheSourceParagraphsInOrder() throws {
        let pdf = try bytes(Self.fixtures.appendingPathComponent("layout/two-column.pdf"))
        let source = try String(contentsOf: Fixtures.samples.appendingPathComponent("004_b4329e84c20cd7da.txt"), encoding: .utf8)
        XCTAssertEqual(squashed(try text(pdf)), squashed(source, first: 16))
    }

    func testRunningHeadersAndPageNumbersAreDropped() throws {
        let pdf = try bytes(Self.fixtures.appendingPathComponent("layout/running-header.pdf"))
        let source = try String(contentsOf: Fixtures.samples.appendingPathComponent("001_4abc55ab1248088c.txt"), encoding: .utf8)
        let got = try text(pdf)
        XCTAssertEqual(squashed(got), squashed(source))
        XCTAssertFalse(got.contains("上海市人民政府公报"))
    }

    func testStatisticsTableRowsKeepTheirCells() throws {
        let pdf = try bytes(Fixtures.devset.appendingPathComponent("formats/f003.pdf"))
        let lines = try text(pdf).components(separatedBy: "\n")
        for label in ["一、本年新收政府信息公开申请数量", "（一）予以公开", "1.属于国家秘密", "（七）总计"] {
            let row = lines.first { $0.hasPrefix(label) }
            XCTAssertTrue(row?.contains("\t") ?? false, "\(label): \(row ?? "missing")")
        }
        XCTAssertTrue(lines.contains("三、收到和处理政府信息公开申请情况"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("-") && $0.hasSuffix("-") }, "page numbers left")
    }

    func testAScannedPageAmongTextPagesIsLeftOut() throws {
        let got = try text(MiniPDF.make(pages: [["First page of text."], [], ["Third page of text."]]))
        XCTAssertEqual(got, "First page of text.\nThird page of text.")
        XCTAssertEqual(rejection(MiniPDF.make(pages: [[], []])), "no-text-layer")
    }

    func testEncryptedPDFIsRejected() {
        XCTAssertEqual(rejection(MiniPDF.make(pages: [["Secret"]], encrypted: true)), "pdf-encrypted")
    }

    func testMalformedAndTruncatedPDFsAreDamaged() throws {
        XCTAssertEqual(rejection(Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >> endobj\n".utf8)), "pdf-damaged")
        XCTAssertEqual(rejection(Array("%PDF-1.4\n".utf8) + (0..<5000).map { UInt8(($0 * 131) % 256) }), "pdf-damaged")
        let whole = MiniPDF.make(pages: (0..<40).map { ["Page \($0) of a document cut short."] })
        XCTAssertEqual(rejection(Array(whole.prefix(whole.count / 2))), "pdf-damaged")
    }

    func testTwoThousandPagesAreReadAndOneMoreIsRefused() throws {
        let pages = (1...2_000).map { ["Page \($0) of the report."] }
        let start = Date()
        let got = try text(MiniPDF.make(pages: pages))
        XCTAssertTrue(got.hasSuffix("Page 2000 of the report."))
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        XCTAssertEqual(rejection(MiniPDF.make(pages: pages + [["One page too many."]])), "pdf-too-large")
        var limits = IngestSettings()
        limits.maxInflatedBytes = 3_000
        XCTAssertEqual(rejection(MiniPDF.make(pages: pages), limits), "pdf-too-large")
    }
}
