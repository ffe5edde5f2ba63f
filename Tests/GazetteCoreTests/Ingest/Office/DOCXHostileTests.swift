import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// Hostile DOCX files, built here: each is rejected with its own reason (never a crash, a
/// hang or memory past the inflate cap), and what is harmless is simply ignored.
final class DOCXHostileTests: XCTestCase {
    typealias X = OOXMLPackage
    let good = X.document(X.p("一、总体要求") + X.p("做好政务公开工作。"))

    func code(_ bytes: [UInt8], limits: IngestSettings = IngestSettings(), file: StaticString = #filePath, line: UInt = #line) -> String? {
        DOCX.rejection(bytes, limits: limits)?.code
    }

    func testZipBombsAreRefusedWithinTheCap() {
        var limits = IngestSettings()
        limits.maxInflatedBytes = 1 << 20
        // 8 MiB of white space in one paragraph: deflates to a few kilobytes.
        let huge = Array(X.document("<w:p><w:r><w:t>" + String(repeating: " ", count: 8 << 20) + "</w:t></w:r></w:p>").utf8)
        let honest = X.zip([.init("word/document.xml", huge)], deflate: DOCX.deflate)
        XCTAssertLessThan(honest.count, 64 << 10)
        XCTAssertEqual(code(honest, limits: limits), "docx-too-large")
        // The same stream declaring a tiny size: inflation stops at the declared size.
        let lying = X.zip([.init("word/document.xml", huge, declaredSize: 4096)], deflate: DOCX.deflate)
        XCTAssertEqual(code(lying, limits: limits), "docx-too-large")
        // Parts that each fit but together do not.
        let half = Array(X.document("<w:p><w:r><w:t>" + String(repeating: " ", count: 600 << 10) + "</w:t></w:r></w:p>").utf8)
        let split = X.zip([.init("word/styles.xml", half), .init("word/numbering.xml", half), .init("word/document.xml", Array(good.utf8))],
                          deflate: DOCX.deflate)
        XCTAssertEqual(code(split, limits: limits), "docx-too-large")
        // A declared ratio no deflate stream can reach.
        let impossible = X.zip([.init("word/document.xml", Array(good.utf8), declaredSize: 900 << 20)], deflate: DOCX.deflate)
        XCTAssertEqual(DOCX.rejection(impossible)?.code, "docx-too-large")
    }

    func testDamagedContainers() {
        let valid = X.docx(good, deflate: DOCX.deflate)
        XCTAssertNil(DOCX.rejection(valid))
        XCTAssertEqual(code(Array(valid.prefix(valid.count - 30))), "docx-damaged", "cut inside the end record")
        XCTAssertEqual(code([0x50, 0x4B, 0x03, 0x04] + (0..<2000).map { UInt8(($0 * 37) % 256) }), "docx-damaged", "not a ZIP after its magic")
        // A deflate stream that ends before its last block (a stored block claiming more bytes than follow).
        var stream = DOCX.deflate(Array(good.utf8))
        stream = [0x00, 0xFF, 0xFF, 0x00, 0x00] + stream.dropFirst(5)
        XCTAssertEqual(code(X.zip([.init("word/document.xml", Array(good.utf8))], deflate: { _ in stream })), "docx-damaged")
        // A flipped byte in the data: the checksum (or zlib) catches it.
        var flipped = X.zip([.init("word/document.xml", Array(good.utf8))])
        flipped[60] ^= 0x20   // inside the data (after the 30-byte header and the 17-byte name)
        XCTAssertEqual(code(flipped), "docx-damaged")
        XCTAssertEqual(code(X.zip([.init("word/document.xml", Array(good.utf8), encrypted: true)])), "docx-encrypted")
    }

    func testMissingAndMalformedParts() {
        XCTAssertEqual(code(X.zip([.init("word/other.xml", good)])), "docx-damaged")
        XCTAssertEqual(DOCX.rejection(X.zip([.init("word/other.xml", good)]))?.detail.contains("word/document.xml"), true)
        XCTAssertEqual(code(X.zip([.init("word/document.xml", String(good.dropLast(40)))])), "docx-damaged")
        XCTAssertEqual(code(X.zip([.init("word/document.xml", "<w:document><w:body><w:p></w:body></w:document>")])), "docx-damaged")
        XCTAssertEqual(code(X.docx(good, parts: ["word/numbering.xml": "<w:numbering xmlns:w=\"\(X.w)\"><w:num>"])), "docx-damaged")
        // An entity bomb needs a DTD, which office XML never has.
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            + "<w:document xmlns:w=\"\(X.w)\"><w:body><w:p><w:r><w:t>&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>"
        XCTAssertEqual(code(X.zip([.init("word/document.xml", bomb)])), "docx-damaged")
        // Unreadable properties or relationships do not cost the text.
        XCTAssertNil(DOCX.rejection(X.docx(good, parts: ["docProps/core.xml": "<cp:coreProperties"])))
        XCTAssertNil(DOCX.rejection(X.zip([.init("_rels/.rels", "<Relationships"), .init("word/document.xml", good)])))
    }

    /// 100,000 levels of nesting: libxml2 stops at 256 (no XML_PARSE_HUGE), nothing recurses.
    func testDeepNestingIsRefused() {
        let depth = 100_000
        let deep = "<?xml version=\"1.0\"?><w:document xmlns:w=\"\(X.w)\"><w:body>" + String(repeating: "<w:sdt><w:sdtContent>", count: depth / 2)
            + X.p("一、深处") + String(repeating: "</w:sdtContent></w:sdt>", count: depth / 2) + "</w:body></w:document>"
        XCTAssertEqual(code(X.zip([.init("word/document.xml", deep)], deflate: DOCX.deflate)), "docx-too-deep")
        let styles = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(X.w)\">" + String(repeating: "<w:style>", count: depth) + String(repeating: "</w:style>", count: depth) + "</w:styles>"
        XCTAssertEqual(code(X.docx(good, parts: ["word/styles.xml": styles], deflate: DOCX.deflate)), "docx-too-deep")
        // Deep but legal: tables nested past the reader's own limit are read as paragraphs.
        let tables = String(repeating: "<w:tbl><w:tr><w:tc>", count: 30) + X.p("内层文字") + String(repeating: "</w:tc></w:tr></w:tbl><w:p/>", count: 30)
        XCTAssertEqual(DOCX.lines(tables), ["内层文字"])
    }

    /// Entry names that would escape a folder are only names: nothing is extracted to disk,
    /// only known parts are looked up, and a relationship cannot point outside the package.
    func testTraversalNamesAreIgnored() throws {
        let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"../../../word/document.xml\"/></Relationships>"
        let bytes = X.zip([.init("_rels/.rels", rels), .init("../../../../tmp/gazette-evil.xml", "x"), .init("/etc/cron.d/evil", "x"),
                           .init("word\\..\\..\\evil.xml", "x"), .init("word/document.xml", good), .init("word/document.xml", X.document(X.p("重复的条目")))])
        XCTAssertEqual(try DOCX.read(bytes).text, "一、总体要求\n做好政务公开工作。")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/gazette-evil.xml"))
    }

    /// A password-protected DOCX is an OLE2 file holding an EncryptedPackage stream, whatever it is named.
    func testEncryptedDocumentsAreNamedAsSuch() {
        var ole = [UInt8](repeating: 0, count: 4096)
        ole.replaceSubrange(0..<8, with: OfficeFormat.oleMagic)
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        ole.replaceSubrange(640..<(640 + name.count), with: name)
        ole[640 + 64] = 34
        XCTAssertEqual(OfficeFormat.detect(ole, path: "report.docx"), .docx)
        XCTAssertEqual(OfficeFormat.detect(ole, path: "report.doc"), .docx)
        XCTAssertEqual(DOCX.rejection(ole, name: "report.docx")?.code, "docx-encrypted")
        var plain = ole
        plain[640] = 0x46   // "FncryptedPackage": an ordinary compound file
        XCTAssertEqual(OfficeFormat.detect(plain, path: "report.doc"), .doc)
        XCTAssertEqual(DOCX.rejection(plain, name: "report.docx")?.code, "doc-damaged", "a .doc named .docx goes to the .doc reader")
    }

    func testDocumentWithoutTextIsBlank() {
        let empty = X.document(X.p("") + X.p("   ") + X.table([["<w:p/>"]]) + "<w:p><w:r><w:t>\u{3000}</w:t></w:r></w:p>")
        XCTAssertEqual(code(X.docx(empty)), "blank")
    }

    /// Random damage to a real-shaped DOCX — flipped bytes, cuts, spliced ranges — in the
    /// container, and in the XML before it is packed (so the checksums hold and the damage
    /// reaches the parser and the reader): read, or rejected with a docx code or blank, never a crash.
    func testRandomDamageNeverCrashes() {
        let numbering = DOCX.numbering([0: DOCX.officialLevels], nums: [(1, 0, "")])
        let body = X.document([X.p("总体要求", num: 1), X.p("指导思想", num: 1, level: 1),
                               X.table([[X.p("序号"), X.p("工作任务")], [X.p("1"), X.p("做好公开。")]]),
                               "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"].joined())
        let sources = [X.docx(body, parts: ["word/numbering.xml": numbering]), X.docx(body, parts: ["word/numbering.xml": numbering], deflate: DOCX.deflate)]
        var r = SplitMix64(seed: 23)
        var codes: [String: Int] = [:]
        for k in 0..<3000 {
            var b = sources[k % 2]
            if k % 3 == 2 {
                var xml = Array(body.utf8), num = Array(numbering.utf8)
                for _ in 0..<(1 + r.below(6)) {
                    let i = r.below(xml.count), j = r.below(xml.count)
                    switch r.below(4) {
                    case 0: xml[i] = xml[j]
                    case 1: xml.removeSubrange(min(i, j)..<min(max(i, j), min(i, j) + 40))
                    case 2: xml.insert(contentsOf: xml[min(i, j)..<min(max(i, j), min(i, j) + 60)], at: r.below(xml.count))
                    default: num[r.below(num.count)] = xml[i]
                    }
                }
                let packed = X.zip([.init("word/document.xml", xml), .init("word/numbering.xml", num)])
                let c = DOCX.rejection(packed)?.code ?? "read"
                codes["xml " + c, default: 0] += 1
                XCTAssertTrue(c == "read" || c == "blank" || c.hasPrefix("docx-"), "xml damage \(k): \(c)")
                continue
            }
            for _ in 0..<(1 + r.below(4)) {
                switch r.below(4) {
                case 0: b[r.below(b.count)] ^= UInt8(1 << r.below(8))
                case 1: b = Array(b.prefix(r.below(b.count)))
                case 2: let i = r.below(b.count), j = r.below(b.count); b[min(i, j)] = b[max(i, j)]
                default: b[r.below(b.count)] = UInt8(r.below(256))
                }
                if b.count < 4 { break }
            }
            let c = DOCX.rejection(b)?.code ?? "read"
            codes[c, default: 0] += 1
            XCTAssertTrue(c == "read" || c == "blank" || c.hasPrefix("docx-") || c == "binary" || c == "no-chinese-text"
                          || ["empty", "undecodable", "invalid-utf8", "truncated-utf8", "unsupported-type"].contains(c), "damage \(k): \(c)")
        }
        XCTAssertGreaterThan(codes["docx-damaged"] ?? 0, 100, "\(codes)")
        XCTAssertGreaterThan(codes["xml read"] ?? 0, 50, "damaged XML that still parses is read: \(codes)")
    }

    /// Pathological but well-formed markup stays linear: many open fields, many runs.
    func testManyOpenFieldsStayLinear() throws {
        let begins = String(repeating: "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>", count: 20_000)
        let runs = String(repeating: "<w:r><w:t>字</w:t></w:r>", count: 20_000)
        let started = Date()
        XCTAssertEqual(code(X.docx(X.document("<w:p>" + begins + runs + "</w:p>"), deflate: DOCX.deflate)), "blank")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }
}
