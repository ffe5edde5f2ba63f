import Foundation
import XCTest
@testable import GazettePublish
@testable import GazetteOutput

/// The scalar paragraph splitter and the escaper's fast path, pinned against the slow
/// Foundation/Character versions they replace.
final class TextParagraphsTests: XCTestCase {
    static let samples: [String] = [
        "", "\n", "一段\n二段", "  前后空格  \n\t制表\t\n\u{3000}全角空格\u{3000}", "\r\n\r\nCRLF\r\n行\r尾\n",
        "\u{2028}分\u{2029}隔\u{85}符\u{0B}垂直\u{0C}换页", "\u{A0}不换行\u{202F}窄\u{205F}数学\u{1680}欧甘\u{2000}\u{200A}",
        " \u{301}组合\n e\u{301} \n\u{301}", "😀 emoji 👩‍👩‍👧\n🇨🇳", "\u{200B}零宽\u{FEFF}", "\u{0}空\u{1F}控制",
        "（一）落实重大行政决策公众参与程序。\n\n  （二）做好政策解读。  \n", String(repeating: "文 \n", count: 50),
    ]

    func testSplitMatchesFoundation() {
        for s in Self.samples {
            let slow = s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            XCTAssertEqual(TextParagraphs.split(s), slow, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testEscapeMatchesReplacement() {
        // Each special byte at every offset of an eight-byte word, after Chinese and ASCII text.
        let offsets = ["&", "<", ">", "\"", "'", "\u{0}", "=", "?"].flatMap { c in
            (0..<17).map { k in String(repeating: "政", count: k / 3) + String(repeating: "a", count: k % 3) + c + "务务务务务务 tail" }
        }
        let hostile = Self.samples + offsets + ["<b>&amp;</b>", "\"'<>&", "a\u{0}b", "引号\"单引号'", "plain 文本"]
        for s in hostile {
            for quotes in [false, true] {
                var expected = ""
                for ch in s.unicodeScalars {
                    switch ch {
                    case "&": expected += "&amp;"
                    case "<": expected += "&lt;"
                    case ">": expected += "&gt;"
                    case "\"" where quotes: expected += "&quot;"
                    case "'" where quotes: expected += "&#39;"
                    case "\u{0}": expected += "\u{FFFD}"
                    default: expected.unicodeScalars.append(ch)
                    }
                }
                var out = "前缀"
                HTMLEscape.escape(s, quotes: quotes, into: &out)
                XCTAssertEqual(out, "前缀" + expected)
                var bytes = Array("前缀".utf8)
                HTMLEscape.escape(s, quotes: quotes, into: &bytes)
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "前缀" + expected)
            }
        }
    }
}
