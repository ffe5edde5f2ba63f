import Foundation
import XCTest
@testable import GazetteCore

/// The OFD reader on packages written here (`OFDWriter`): text in reading order with the
/// same paragraph recovery as PDF, templates left out, and hostile packages rejected.
final class OFDReaderTests: XCTestCase {
    typealias Run = OFDWriter.Run

    func text(_ bytes: [UInt8], _ limits: IngestSettings = IngestSettings()) throws -> String {
        try OFDReader().read(bytes, limits: limits).text
    }

    func rejection(_ bytes: [UInt8], _ limits: IngestSettings = IngestSettings()) -> String? {
        do { _ = try text(bytes, limits); return nil } catch let r as RejectReason { return r.code } catch { return "\(error)" }
    }

    /// Body lines of 25 ideographs (140 mm at 5.6 mm), 10 mm apart from `top`; indent in characters.
    func body(_ rows: [(Double, String)], top: Double = 60) -> [Run] {
        rows.enumerated().map { k, r in Run(text: r.1, x: 35 + r.0 * 5.6, y: top + Double(k) * 10) }
    }

    static let full = String(repeating: "甲", count: 25), rest = String(repeating: "乙", count: 25)

    func testPagesBecomeParagraphsWithoutTemplatesAndPageNumbers() throws {
        let page1 = [Run(text: "某市2025年政务公开工作要点", x: 58, y: 40, size: 7.7)]
            + body([(2, "一、总体要求"), (2, String(Self.full.dropFirst(2))), (0, Self.rest)], top: 60)
            + [Run(text: "— 1 —", x: 150, y: 280, size: 4.9)]
        let page2 = body([(0, String(repeating: "丙", count: 10) + "。"), (2, "二、重点任务")], top: 60)
            + [Run(text: "— 2 —", x: 40, y: 280, size: 4.9)]
        let ofd = OFDWriter(pages: [page1, page2], template: [Run(text: "某市人民政府公报", x: 80, y: 20, size: 3.7)])
        let got = try OFDReader().read(ofd.package(), limits: IngestSettings())
        XCTAssertEqual(got.text.components(separatedBy: "\n"), ["某市2025年政务公开工作要点", "一、总体要求",
            String(Self.full.dropFirst(2)) + Self.rest + String(repeating: "丙", count: 10) + "。", "二、重点任务"])
        XCTAssertEqual(got.properties["Title"], "测试文档")
    }

    func testTwoColumnsAreReadInOrder() throws {
        var runs = [Run(text: "两栏排版的通知", x: 80, y: 30, size: 7.7)]
        // Each column: two paragraphs of four lines (indented, full, full, short).
        for k in 0..<8 {
            let y = 50 + Double(k) * 10, indent = k % 4 == 0 ? 2.0 : 0
            let n = k % 4 == 3 ? 5 : 12 - Int(indent)
            runs.append(Run(text: String(repeating: "左", count: n), x: 25 + indent * 5.6, y: y))
            runs.append(Run(text: String(repeating: "右", count: n), x: 110 + indent * 5.6, y: y))
        }
        let lines = try text(OFDWriter(pages: [runs]).package()).components(separatedBy: "\n")
        XCTAssertEqual(lines, ["两栏排版的通知", String(repeating: "左", count: 39), String(repeating: "左", count: 39),
                               String(repeating: "右", count: 39), String(repeating: "右", count: 39)])
    }

    func testTransformsAndNestedBlocksPlaceText() throws {
        var ofd = OFDWriter(pages: [[]]).files()
        let content = """
        <ofd:Page \(OFDWriter.ns)><ofd:Content><ofd:Layer><ofd:PageBlock><ofd:PageBlock>\
        <ofd:TextObject Boundary="30 50 150 10" Size="2.8" CTM="2 0 0 2 0 0"><ofd:TextCode X="0" Y="4" DeltaX="g 3 2.8">第一条规定</ofd:TextCode></ofd:TextObject>\
        </ofd:PageBlock></ofd:PageBlock><ofd:ImageObject Boundary="0 0 10 10" ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>
        """
        ofd[ofd.count - 1].1 = Array(content.utf8)
        XCTAssertEqual(try text(OFDWriter.zip(ofd)), "第一条规定")
    }

    func testRepeatedAdvancesAreExpandedOnlyAsFarAsTheText() throws {
        var ofd = OFDWriter(pages: [[]]).files()
        ofd[ofd.count - 1].1 = Array("""
        <ofd:Page \(OFDWriter.ns)><ofd:Content><ofd:Layer><ofd:TextObject Boundary="30 50 150 10" Size="5">\
        <ofd:TextCode X="0" Y="5" DeltaX="g 2000000000 5">总则</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>
        """.utf8)
        XCTAssertEqual(try text(OFDWriter.zip(ofd)), "总则")
    }

    func testZipBombsAreRefused() throws {
        var limits = IngestSettings()
        limits.maxInflatedBytes = 1 << 20
        var files = OFDWriter(pages: [body([(2, "正文")])]).files()
        files.append(("Doc_0/Res/padding.xml", [UInt8](repeating: 0x20, count: 8 << 20)))
        files[files.count - 2].1 += [UInt8](repeating: 0x20, count: 4 << 20)   // the page content itself inflates past the budget
        XCTAssertEqual(rejection(OFDWriter.zip(files), limits), "ofd-too-large")
        // A header that declares a small size while the data inflates to much more.
        let lying = OFDWriter.zip([("OFD.xml", [UInt8](repeating: 0x20, count: 2 << 20))], declared: 100)
        XCTAssertNotNil(rejection(lying, limits))
    }

    func testEntryNamesAndReferencesOutsideThePackage() throws {
        // Entry names are only keys (nothing is written to disk): an entry named ../../x is harmless.
        var files = OFDWriter(pages: [body([(2, "正文在此。")])]).files()
        files.append(("../../etc/evil.xml", Array("<x/>".utf8)))
        XCTAssertEqual(try text(OFDWriter.zip(files)), "正文在此。")
        // A reference that climbs out of the package is damage.
        files[0].1 = Array(String(decoding: files[0].1, as: UTF8.self).replacingOccurrences(of: "Doc_0/Document.xml", with: "../../Doc_0/Document.xml").utf8)
        XCTAssertEqual(rejection(OFDWriter.zip(files)), "ofd-damaged")
    }

    func testDeepNestingIsRefused() {
        var files = OFDWriter(pages: [[]]).files()
        let depth = 100_000
        files[files.count - 1].1 = Array(("<ofd:Page \(OFDWriter.ns)><ofd:Content><ofd:Layer>" + String(repeating: "<ofd:PageBlock>", count: depth)
            + String(repeating: "</ofd:PageBlock>", count: depth) + "</ofd:Layer></ofd:Content></ofd:Page>").utf8)
        XCTAssertEqual(rejection(OFDWriter.zip(files)), "ofd-too-deep")
    }

    func testDamagedPackagesAndPagesWithoutText() {
        XCTAssertEqual(rejection([0x50, 0x4B, 0x03, 0x04] + (0..<500).map { UInt8($0 % 251) }), "ofd-damaged")
        let ok = OFDWriter(pages: [body([(2, "正文")])]).files()
        XCTAssertEqual(rejection(OFDWriter.zip(Array(ok.dropFirst()))), "ofd-damaged")                 // no OFD.xml
        XCTAssertEqual(rejection(OFDWriter.zip([ok[0], (ok[1].0, Array("<ofd:Document>".utf8))] + ok.dropFirst(2))), "ofd-damaged")
        XCTAssertEqual(rejection(OFDWriter(pages: [[], []]).package()), "no-text-layer")
        var limits = IngestSettings()
        limits.maxPages = 3
        XCTAssertEqual(rejection(OFDWriter(pages: Array(repeating: body([(2, "正文")]), count: 4)).package(), limits), "ofd-too-large")
    }

    func testTheIngesterReadsOFDByItsContent() throws {
        let bytes = OFDWriter(pages: [body([(2, "一、总体要求")])]).package()
        let read = try Ingester().ingest(bytes: bytes, path: "notice.ofd", sha256: "x")
        XCTAssertEqual(read.format, "ofd")
        XCTAssertEqual(read.text, "一、总体要求")
    }
}
