import XCTest
@testable import GazetteCore

/// Encoding detection edge cases, each with the reason a bad input is rejected for.
final class TextDecoderTests: XCTestCase {
    let text = "各区人民政府，市政府各委、办、局：现将《2020年政务公开工作要点》印发给你们，请认真贯彻执行。一、总体要求\n"

    func reason(_ bytes: [UInt8]) -> String? {
        do { _ = try TextDecoder.decode(bytes); return nil } catch let r as RejectReason { return r.code } catch { return "\(error)" }
    }

    func testUTF16WithoutBOMOrASCII() throws {
        // Pure CJK: no NUL bytes at all, both byte orders.
        let cjk = String(repeating: "政务公开工作要点全面推进决策执行管理服务结果公开", count: 4)
        for little in [true, false] {
            let d = try TextDecoder.decode(SampleCorpus.utf16(cjk, little: little, bom: false))
            XCTAssertEqual(d.encoding, "utf-16"); XCTAssertEqual(d.text, cjk)
        }
    }

    func testLegacyEncodingsAreToldApart() throws {
        let gb = try XCTUnwrap(SampleCorpus.encode(text, to: "GB18030"))
        XCTAssertEqual(try TextDecoder.decode(gb).encoding, "gb18030")
        XCTAssertEqual(try TextDecoder.decode(gb).text, text)
        let trad = "各區人民政府，市政府各委、辦、局：現將《2020年政務公開工作要點》印發給你們，請認真貫徹執行。一、總體要求\n"
        let big5 = try XCTUnwrap(SampleCorpus.encode(trad, to: "BIG5"))
        XCTAssertEqual(try TextDecoder.decode(big5).encoding, "big5")
        XCTAssertEqual(try TextDecoder.decode(big5).text, trad)
    }

    func testAStrayByteInGB18030IsTolerated() throws {
        var gb = try XCTUnwrap(SampleCorpus.encode(String(repeating: text, count: 20), to: "GB18030"))
        gb.insert(0xFF, at: gb.count / 2)
        let d = try TextDecoder.decode(gb)
        XCTAssertEqual(d.encoding, "gb18030")
        XCTAssertEqual(d.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count, 1)
    }

    func testDamagedUTF8IsRejectedByName() {
        let utf8 = Array(String(repeating: text, count: 5).utf8)
        XCTAssertEqual(reason(Array(utf8.dropLast(2))), "truncated-utf8")
        var bad = utf8; bad[30] = 0xC0; bad[300] = 0xFF
        XCTAssertEqual(reason(bad), "invalid-utf8")
        XCTAssertEqual(reason([0xEF, 0xBB, 0xBF] + Array(utf8.dropLast(2))), "truncated-utf8")
    }

    func testBinaryAndEmpty() {
        XCTAssertEqual(reason([]), "empty")
        XCTAssertEqual(reason([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "binary")
        XCTAssertEqual(reason((0..<3000).map { UInt8(($0 * 131) % 256) }), "binary")
        XCTAssertEqual(reason([0x80, 0x81, 0xFE, 0xFF, 0x80, 0xA0]), "undecodable")
    }

    func testGzipFailuresHaveReasons() {
        let ingester = Ingester(settings: { var s = IngestSettings(); s.maxInflatedBytes = 1 << 16; return s }())
        func code(_ b: [UInt8], _ name: String) -> String? {
            do { _ = try ingester.ingest(bytes: b, path: name, sha256: ""); return nil } catch let r as RejectReason { return r.code } catch { return "\(error)" }
        }
        let gz = Gzip.deflate(Array(String(repeating: text, count: 10).utf8))
        XCTAssertNil(code(gz, "a.txt.gz"))
        XCTAssertEqual(code(Array(gz.prefix(gz.count / 2)), "a.txt.gz"), "gzip-truncated")
        var corrupt = gz; for i in 12..<min(40, corrupt.count) { corrupt[i] ^= 0x5A }
        XCTAssertEqual(code(corrupt, "a.txt.gz"), "gzip-invalid")
        XCTAssertEqual(code(Array(text.utf8), "a.txt.gz"), "gzip-invalid")
        XCTAssertEqual(code(Gzip.deflate([UInt8](repeating: 0x41, count: 1 << 20)), "a.txt.gz"), "gzip-too-large")
        XCTAssertEqual(code(Gzip.deflate(Gzip.deflate(Array(text.utf8))), "a.txt.gz"), "binary")
    }

    func testHTMLWithoutTextAndTooDeep() {
        func code(_ html: String) -> String? {
            do { _ = try HTMLExtractor.extract(html); return nil } catch let r as RejectReason { return r.code } catch { return "\(error)" }
        }
        XCTAssertEqual(code("<html><body><nav>首页 政务公开</nav><script>很多很多很多很多很多很多很多的字</script></body></html>"), "html-no-text")
        XCTAssertEqual(code("<html><body>" + String(repeating: "<div>", count: 2000) + text + "</body></html>"), "html-too-deep")
        XCTAssertNil(code("<html><body>" + String(repeating: "<div>", count: 200) + text + "</body></html>"))
    }
}

/// The page's own title heading, but never a site banner, leads the extracted text.
final class HTMLTitleTests: XCTestCase {
    let body = "<p>各区人民政府，市政府各委、办、局：现将工作要点印发给你们，请认真贯彻执行。</p>"

    func testContentHeadingIsPrependedBannerIsNot() throws {
        let page = try HTMLExtractor.extract("""
        <html><body><div class="header"><h1>某市人民政府门户网站</h1></div>
        <h1>某市人民政府办公厅关于印发工作要点的通知</h1><div class="article">\(body)</div></body></html>
        """)
        XCTAssertEqual(page.text.split(separator: "\n").first, "某市人民政府办公厅关于印发工作要点的通知")
        XCTAssertFalse(page.text.contains("门户网站"))
        let banner = try HTMLExtractor.extract("<html><body><div class=\"banner\"><h1>某市人民政府门户网站</h1></div><div>\(body)</div></body></html>")
        XCTAssertFalse(banner.text.contains("门户网站"))
    }
}
