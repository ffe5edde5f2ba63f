import XCTest
import Foundation
@testable import GazetteCore

/// The byte-level helpers give what the String and Foundation calls they replace give, on
/// simple text (the fast way) and on text with CR, combining marks or compatibility
/// ideographs (the slow way).
final class SimpleTextTests: XCTestCase {
    let texts = ["", "牵头单位：市财政局", "市发展改革委会同市财政局负责", "a\r\nb\nc", "e\u{301}会同x", "\u{F92D}源会同",
                 "（市网信办牵头，各区政府负责落实）（市网信办牵头，各区政府负责落实）", "政府\n", "\u{1}\n\t 。", "ab\u{200D}c"]
    let needles = ["会同", "\n", "牵头", "e", "來源", "（市网信办牵头，各区政府负责落实）", "。", "b", ""]

    func testSearchAndReplaceMatchFoundation() {
        for t in texts {
            for n in needles {
                let expected = n.isEmpty ? nil : t.range(of: n)
                XCTAssertEqual(SimpleText.range(of: n, in: t), expected, "\(t.debugDescription) / \(n.debugDescription)")
                XCTAssertEqual(SimpleText.replacingAll(t, n, with: "。"), t.replacingOccurrences(of: n, with: "。"), t.debugDescription)
                XCTAssertEqual(SimpleText.hasSuffix(t, n), t.hasSuffix(n), t.debugDescription)
                XCTAssertEqual(SimpleText.droppingSuffix(t, n), t.hasSuffix(n) ? String(t.dropLast(n.count)) : nil)
            }
            XCTAssertEqual(SimpleText.count(t), t.count, t.debugDescription)
            for n in [0, 1, 2, 3, 5, 8, 40] {
                XCTAssertEqual(SimpleText.hasAtMost(t, n), t.count <= n, "\(t.debugDescription) / \(n)")
            }
            // Copied without validation: the same String, and its lines the same lines.
            XCTAssertEqual(String(knownValidUTF8: Array(t.utf8)), t, t.debugDescription)
            XCTAssertEqual(String(knownValidUTF8: Array(t.utf8)).utf8.count, t.utf8.count, t.debugDescription)
            XCTAssertEqual(SimpleText.scalarCount(t), t.unicodeScalars.count, t.debugDescription)
            XCTAssertEqual(SimpleText.scalarCount(t + "😀\u{10FFFF}é"), t.unicodeScalars.count + 3, t.debugDescription)
            XCTAssertEqual(SimpleText.split(t, separators: Set("，,；;\n".unicodeScalars)).map(String.init),
                           t.split(whereSeparator: { "，,；;\n".contains($0) }).map(String.init), t.debugDescription)
        }
    }

    func testLineHelpersMatchFoundation() {
        for t in texts + ["x\n", "x\r\n", "\n", "a\tb\t"] {
            XCTAssertEqual(FastText.replacingLineFeeds(t, with: "\u{1}"), t.replacingOccurrences(of: "\n", with: "\u{1}"), t.debugDescription)
            XCTAssertEqual(FastText.endsWithLineFeed(t), t.hasSuffix("\n"), t.debugDescription)
            XCTAssertEqual(FastText.containsByte(t, 0x01), t.contains("\u{1}"), t.debugDescription)
            let set = Set("【】[]:：“”\"".unicodeScalars)
            let marked = "【" + t + "】："
            XCTAssertEqual(FastText.trim(marked, set), marked.trimmingCharacters(in: CharacterSet(charactersIn: "【】[]:：“”\"")))
        }
        for v in 0..<0x3100 {
            guard let u = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(FastText.isUnicodeWhitespace(u.value), u.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    func testSimpleTextIsEveryScalarSimple() {
        for t in texts + ["䷀卦", "政务\u{4DBF}\u{4DC0}", "\u{9FFF}\u{A000}", "鿿\u{0301}", "丂丅\u{3099}"] {
            XCTAssertEqual(SimpleText.isSimple(t), t.unicodeScalars.allSatisfy { SimpleText.isSimpleScalar($0.value) }, t.debugDescription)
        }
    }

    func testSimpleScalarsAreCharactersWithoutDecomposition() {
        for v in UInt32(0)..<0x30000 {
            guard let u = Unicode.Scalar(v), SimpleText.isSimpleScalar(v) else { continue }
            let s = String(u)
            XCTAssertEqual(u.properties.canonicalCombiningClass, .notReordered, "U+\(String(v, radix: 16))")
            XCTAssertEqual(Array(s.decomposedStringWithCanonicalMapping.unicodeScalars), [u], "U+\(String(v, radix: 16))")
            XCTAssertEqual((s + s).count, 2, "U+\(String(v, radix: 16)) joins its neighbour")
        }
    }
}
