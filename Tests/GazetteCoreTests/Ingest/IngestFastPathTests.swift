import XCTest
#if canImport(Glibc)
import Glibc
#endif
import CLibXML2
@testable import GazetteCore
import GazetteTestSupport

/// The byte-level helpers of the ingest stage against the String definitions they replace.
final class IngestFastPathTests: XCTestCase {
    static let samples = ["", "a", "政务公开", "ＡＢ１２ café Ωmega 𠀀𠀁 㐀 \u{FFFD}\u{E000}", "各区人民政府，市政府各委、办、局：现将《2020年政务公开工作要点》印发给你们。",
                          "a\r\nb\rc\nd", String(repeating: "政务公开", count: 6000), "İSTANBUL Kelvin \u{212A} ΣΑΣ <HTML>", "<!DOCTYPE HTML><Html><BODY>政务</BODY>"]

    /// The definition `ChineseTextScore.score` had: over `unicodeScalars.prefix(20000)`.
    static func referenceScore(_ s: String) -> Double {
        var cjk = 0, hit = 0, odd = 0, total = 0
        for u in s.unicodeScalars.prefix(20000) {
            total += 1
            let v = u.value
            if v >= 0x4E00 && v <= 0x9FFF {
                cjk += 1
                if ChineseTextScore.common.contains(u) { hit += 1 }
            } else if v == 0xFFFD || (v >= 0xE000 && v <= 0xF8FF) || (v >= 0x3400 && v <= 0x4DBF) || v >= 0x20000 {
                odd += 1
            }
        }
        guard total > 0 else { return 0 }
        if cjk == 0 { return odd == 0 ? 0.3 : 0 }
        return Double(hit) / Double(cjk) - Double(odd) / Double(total) * 2
    }

    func testScoreMatchesScalarDefinition() {
        for s in Self.samples { XCTAssertEqual(ChineseTextScore.score(s), Self.referenceScore(s), s.prefix(20).description) }
    }

    func testValidatingUTF8MatchesDecoder() {
        var rng = SplitMix64(seed: 5)
        var inputs: [[UInt8]] = Self.samples.map { Array($0.utf8) }
        inputs += [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE6, 0x94], [0xFF], [0xEF, 0xBB, 0xBF, 0x41]]
        inputs += (0..<2000).map { _ in (0..<Int(rng.next() % 12)).map { _ in [0x41, 0xE6, 0x94, 0xBF, 0x80, 0xC3, 0xF0, 0x9F, 0xED, 0xA0][Int(rng.next() % 10)] } }
        for bytes in inputs {
            var it = bytes.makeIterator()
            var d = UTF8()
            var valid = true
            loop: while true {
                switch d.decode(&it) {
                case .scalarValue: continue
                case .emptyInput: break loop
                case .error: valid = false; break loop
                }
            }
            let s = String(validatingUTF8Bytes: bytes)
            XCTAssertEqual(s != nil, valid, "\(bytes)")
            if let s { XCTAssertEqual(Array(s.utf8), bytes) }
        }
    }

    /// Stopping the count once a legacy encoding is certain gives the full count's verdict:
    /// on GB18030 and Big5 text, on UTF-8 with a few or many damaged places, and truncated.
    func testEarlyStoppingStatsGiveTheSameVerdict() throws {
        let text = String(repeating: "各区人民政府，市政府各委、办、局：现将《2020年政务公开工作要点》印发给你们。\n", count: 40)
        var inputs: [[UInt8]] = [Array(text.utf8), Array(text.utf8.dropLast(1)), Array("abc".utf8) + [0xE6]]
        for name in ["GB18030", "BIG5-HKSCS"] {
            let cd = iconv_open(name, "UTF-8")
            XCTAssertNotEqual(cd, iconv_t(bitPattern: -1))
            var input = Array(text.utf8), out = [UInt8](repeating: 0, count: input.count * 2)
            let produced: Int = input.withUnsafeMutableBufferPointer { ib in
                out.withUnsafeMutableBufferPointer { ob in
                    var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var inLeft = ib.count, outLeft = ob.count
                    _ = iconv(cd, &ip, &inLeft, &op, &outLeft)
                    return ob.count - outLeft
                }
            }
            iconv_close(cd)
            inputs.append(Array(out.prefix(produced)))
        }
        for damage in [1, 3, 20, 200, 2000] {
            var b = Array(text.utf8)
            for k in stride(from: 7, to: b.count, by: max(1, b.count / damage)) { b[k] = 0xFF }
            inputs.append(b)
        }
        for b in inputs {
            XCTAssertEqual(UTF8Stats(b, stopOnceLegacy: true).looksLikeDamagedUTF8, UTF8Stats(b).looksLikeDamagedUTF8, "\(b.count) bytes")
        }
        // The inputs cover both verdicts.
        XCTAssertEqual(Set(inputs.map { UTF8Stats($0).looksLikeDamagedUTF8 }), [true, false])
    }

    func testLongestLineCountsScalars() {
        for s in Self.samples {
            var run = 0, worst = 0
            for u in s.unicodeScalars { if u == "\n" || u == "\r" { run = 0; continue }; run += 1; worst = max(worst, run) }
            XCTAssertEqual(Ingester.longestLine(s, over: 3), worst > 3 ? worst : nil)
        }
    }

    func testLowercasedHeadMatchesLowercased() {
        for s in Self.samples { for n in [0, 1, 5, 1024] { XCTAssertEqual(Ingester.lowercasedHead(s, n), s.prefix(n).lowercased()) } }
        XCTAssertTrue(Ingester.sniffHTML("<!DOCTYPE HTML>\n<Html>"))
        XCTAssertFalse(Ingester.sniffHTML("政务公开工作要点"))
    }

    func testPlausibleTextCountsPrefix() {
        XCTAssertTrue(TextDecoder.plausibleText("政务公开 text\n"))
        XCTAssertFalse(TextDecoder.plausibleText(String(repeating: "\u{0100}\u{1234}\u{E123}", count: 10)))
        XCTAssertFalse(TextDecoder.plausibleText(""))
        // Only the first 20,000 scalars count.
        XCTAssertTrue(TextDecoder.plausibleText(String(repeating: "政", count: 20_000) + String(repeating: "\u{1234}", count: 5000)))
    }

    func testCJKCountOnLibxmlBytes() {
        for s in Self.samples {
            let n = s.withCString { p in p.withMemoryRebound(to: xmlChar.self, capacity: s.utf8.count + 1) { HTMLExtractor.cjkCount(cString: $0) } }
            XCTAssertEqual(n, HTMLExtractor.cjkCount(s))
        }
        XCTAssertEqual("一一龥鿿䷿".withCString { p in p.withMemoryRebound(to: xmlChar.self, capacity: 16) { HTMLExtractor.cjkCount(cString: $0) } }, 4)
    }

    func testMetadataKeysFoundAfterPrecheck() throws {
        let html = """
        <html><head><title>T</title></head><body>
        <table><tr><td>  发文机关：</td><td>北京市人民政府</td></tr><tr><td>\u{3000}成文日期：2020-01-02</td></tr></table>
        <p>\u{200B} 索引号：000014349/2020-00001</p><span>政务公开</span><li>发布日期 2020年1月3日</li>
        <div id="content"><p>各区人民政府，市政府各委、办、局：现将《2020年政务公开工作要点》印发给你们，请认真贯彻执行。</p></div>
        </body></html>
        """
        let page = try HTMLExtractor.extract(html)
        XCTAssertEqual(page.metadata["发文机关"], "北京市人民政府")
        XCTAssertEqual(page.metadata["成文日期"], "2020-01-02")
        XCTAssertEqual(page.metadata["索引号"], "000014349/2020-00001")
        XCTAssertEqual(page.metadata["发布日期"], "2020年1月3日")
        XCTAssertEqual(page.metadata.count, 4)
    }

    func testCollapseMatchesScalarDefinition() {
        let spaces = ["\u{20}", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}",
                      "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "政", "a", "é", "\u{E1}", "\u{2010}", "𠀀"]
        var rng = SplitMix64(seed: 8)
        for _ in 0..<3000 {
            let s = (0..<Int(rng.next() % 12)).map { _ in spaces[Int(rng.next() % UInt64(spaces.count))] }.joined()
            XCTAssertEqual(HTMLExtractor.collapse(s), HTMLExtractor.referenceCollapse(s), s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    func testSniffOnBytesMatchesLowercasedHead() {
        let pieces = ["<", "!", "doctype", "DOCTYPE", " ", "html", "HTML", "<body", "<BODY>", "</", "政务", "\r\n", "é", "Ⅰ", "\n", "x"]
        var rng = SplitMix64(seed: 9)
        var inputs = (0..<3000).map { _ in (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() }
        inputs.append(String(repeating: "政", count: 1020) + "<html>")   // straddles the 1,024-character head
        inputs.append(String(repeating: "政", count: 1030) + "<html>")
        for s in inputs {
            let head = s.prefix(1024).lowercased()
            let slow = SimpleText.contains(head, "<!doctype html") || SimpleText.contains(head, "<html")
                || (SimpleText.contains(head, "<body") && SimpleText.contains(head, "</"))
            XCTAssertEqual(Ingester.sniffHTML(s), slow, s)
            if let fast = Ingester.sniffHTMLBytes(s, 1024) { XCTAssertEqual(fast, slow, s) }
        }
    }

    func testUTF16CandidateStopsOnlyWhenRejected() throws {
        var rng = SplitMix64(seed: 10)
        for _ in 0..<300 {
            let bytes = (0..<Int(rng.next() % 400) * 2).map { _ in UInt8(truncatingIfNeeded: rng.next() % 4 == 0 ? 0xD8 : rng.next()) }
            for little in [true, false] {
                let full = try? TextDecoder.utf16(bytes, little: little, name: "utf-16")
                let early = try? TextDecoder.utf16(bytes, little: little, name: "utf-16", stopEarly: true)
                XCTAssertEqual(full?.text, early?.text)
            }
        }
    }

    func testLongestLineWithShortText() {
        XCTAssertNil(Ingester.longestLine("abc", over: 3))
        XCTAssertEqual(Ingester.longestLine("abcd\nab", over: 3), 4)
        XCTAssertEqual(Ingester.longestLine("政务公开", over: 3), 4)   // 12 bytes, 4 scalars
    }
}
