import XCTest
import Foundation
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// The byte-level scanners of the clean stage against the regular expressions they stand
/// in for: same matches, same output, same removed records, on hand-picked and random text.
final class CleanFastPathTests: XCTestCase {
    static func regexRanges(_ re: NSRegularExpression, _ s: String) -> [String] {
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    static func byteRanges(_ f: (UnsafeBufferPointer<UInt8>) -> [Range<Int>], _ s: String) -> [String] {
        var s = s
        return s.withUTF8 { b in f(b).map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) } }
    }

    /// Random strings over `alphabet`.
    static func fuzz(_ alphabet: [String], count: Int, length: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<Int(rng.next() % UInt64(length))).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined() }
    }

    func testEntityScannerMatchesPattern() {
        let fixed = ["&nbsp;", "&nbsp", "&nbspx", "&amp;lt;", "&#8220;", "&#x201C;", "&#X1f600", "&#x;", "&#;", "&#1234567890;",
                     "&9826;", "&1;", "&12345678;", "&abcdefghi;", "&ab;", "&a;", "&quot", "&quote", "&ensp&emsp", "&&lt;", "&", "x&",
                     "&#xABCDEFG;", "&#x12345678;", "政务&nbsp;公开&gt;", "&LT;", "&Amp", "&ltx&gt1"]
        let random = Self.fuzz(["&", "#", "x", "X", "1", "2", "9", "a", "f", "g", ";", "n", "b", "s", "p", "m", "l", "t", "q", "u", "o", "e", "政", " "],
                               count: 3000, length: 24, seed: 1)
        for s in fixed + random {
            XCTAssertEqual(Self.byteRanges(TextRepair.entityMatches, s), Self.regexRanges(TextRepair.entity, s), s)
        }
    }

    func testLostSpaceScannerMatchesPattern() {
        let fixed = ["2023年3月31日? ?", "??", "?", "a ? b", " ?  ? ", "? x ??", "?? ??", "政?？?", "a??b ?c? ?"]
        let random = Self.fuzz(["?", " ", "a", "政", "？", "\n"], count: 3000, length: 20, seed: 2)
        for s in fixed + random {
            XCTAssertEqual(Self.byteRanges(TextRepair.lostSpaceMatches, s), Self.regexRanges(TextRepair.lostSpace, s), s)
        }
    }

    func testPinyinRangesGiveWholeTextResult() {
        let fixed = ["政务(zhèng wù)公开", "政务（ zheng4 wu4 ）", "公开(gōng kāi)", "事项(shì xiàng)(shi xiang)",
                     "政(zheng)务(wu)", "政　(zheng)", "政 （wu）（gong kai）x", "平台(app)使用", "政(zhèng\nwù)", "㐀(ni hao)", "⺀(a)"]
        let random = Self.fuzz(["政", "务", "(", ")", "（", "）", " ", "\n", "\u{3000}", "zh", "eng", "wù", "ā", "4", "’", "-", "'", "x", "A", "。"],
                               count: 4000, length: 18, seed: 3)
        for s in fixed + random {
            var fast: [RemovedLine] = [], slow: [RemovedLine] = []
            let a = TextRepair.removePinyin(s, removed: &fast)
            let b = TextRepair.mayHavePinyin(s) ? TextRepair.replace(TextRepair.pinyinGroup, in: s) { TextRepair.judgePinyin($0, removed: &slow) } : s
            XCTAssertEqual(a, b, s)
            XCTAssertEqual(fast, slow, s)
        }
        var r: [RemovedLine] = []
        XCTAssertEqual(TextRepair.removePinyin("政务(zhèng wù)公开，事项(shì xiàng)", removed: &r), "政务公开，事项")
        XCTAssertEqual(r.count, 2)
    }

    func testKeyTableAdmitsLikeKeys() {
        let keys = ChromeRules.lineKeys + ChromeRules.tokenKeys + [ChromeRules.menuKeys]
        var alphabet = Set<String>()
        for k in keys { for u in k.first.union(k.any) { alphabet.insert(String(u)) } }
        let lines = Self.fuzz(Array(alphabet).sorted() + ["政", "。", "a", " ", "𠀀", "|"], count: 3000, length: 12, seed: 4)
            + ["首页 > 政务公开", "来源：北京市人民政府", "", "Copyright © 2018", "𠀀𠀁。", "豈\u{302A}é\r\n", "𠀀𝐀", "\u{FF9E}（）"]
        for line in lines {
            let scan = ChromeRules.keyTable.scan(line)
            var copy = line
            XCTAssertEqual(copy.withUTF8 { ChromeRules.keyTable.scanLine($0).simple }, SimpleText.isSimple(line), line)
            XCTAssertEqual(scan.utf16, line.utf16.count, line)
            XCTAssertEqual(scan.fullStop, line.unicodeScalars.contains("。"), line)
            for (k, key) in keys.enumerated() {
                XCTAssertEqual(scan.admitted & (1 << UInt32(k)) != 0, key.admit(line), "\(line) rule \(k)")
            }
        }
    }

    func testFoldSkipsCJKButFoldsTheRest() {
        var r: [RemovedLine] = []
        // U+3000 and U+E000 (private use) sit at the edges of the skipped lead bytes.
        XCTAssertEqual(TextRepair.fold("政务\u{3000}公开\u{E000}䀀\u{D7FF}\u{FF21}", removed: &r), "政务 公开䀀\u{D7FF}A")
        XCTAssertEqual(r.map(\.rule), ["watermark-characters"])
    }

    func testByteLineRulesMatchStringLineRules() {
        let pieces = ["首页 > 政务公开 > 通知公告", "来源：北京市人民政府 发布时间：2018-03-01", "版权所有：北京市人民政府办公厅",
                      "一、总体要求", "全面推进决策、执行、管理、服务、结果公开。", "相关链接", "国务院办公厅", "声明：",
                      "① 本网站所有原创内容", "政务公开工作要点全文如下", "政务公开工作要点全文如下", "  多个   空格\t表格 \t 单元 ",
                      "\t \t", "", "   ", "【我要纠错】 【打印本页】", "豈豈豈豈豈豈豈豈豈豈", "\u{8C48}\u{8C48}\u{8C48}\u{8C48}\u{8C48}\u{8C48}\u{8C48}\u{8C48}\u{8C48}\u{8C48}",
                      "\u{F900}\u{F900}\u{F900}\u{F900}\u{F900}\u{F900}\u{F900}\u{F900}\u{F900}\u{F900}", "English | 繁体 | 无障碍", "短行", "短行"]
        var rng = SplitMix64(seed: 6)
        var texts: [String] = (0..<1500).map { _ in (0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: "\n") }
        texts += ["", "\n\n", "一、总体要求\n一、总体要求\n"]
        for text in texts {
            let fast = Cleaner.lineRules(text), slow = Cleaner.lineRulesByString(text)
            XCTAssertEqual(fast.0, slow.0, text)
            XCTAssertEqual(fast.1, slow.1, text)
        }
    }

    func testPinyinPrefilterMatchesScalarDefinition() {
        let random = Self.fuzz(["政", "(", "（", ")", " ", "\u{3000}", "a", "ā", "1", "x", "⺀", "。", "\n", "Z"], count: 5000, length: 10, seed: 14)
        for s in random + ["", "(a", "政(a", "政（ \u{3000}ā", "政((a", "政（\u{3000}（a"] {
            XCTAssertEqual(TextRepair.mayHavePinyin(s), TextRepair.referenceMayHavePinyin(s), s)
        }
    }

    func testFoldMatchesScalarDefinition() {
        let alphabet = ["政", "a", "\u{3000}", "\u{FF21}", "\u{FF11}", "\u{200B}", "\u{E000}", "\u{FE0F}", "\r", "\u{0B}", "\u{85}",
                        "\u{A0}", "\u{2028}", "\u{7}", "\u{7F}", "\t", "\n", "é", "𠀀", "\u{D7FF}", "\u{4000}", "\u{2E80}"]
        for s in Self.fuzz(alphabet, count: 4000, length: 16, seed: 15) {
            var expected = String.UnicodeScalarView(), marks = 0
            for u in s.unicodeScalars {
                if let r = TextRepair.foldScalar(u.value) {
                    if r == 0 { marks += 1 } else { expected.append(Unicode.Scalar(r)) }
                } else { expected.append(u) }
            }
            var removed: [RemovedLine] = []
            XCTAssertEqual(TextRepair.fold(s, removed: &removed), String(expected), s.debugDescription)
            XCTAssertEqual(removed.count, marks > 0 ? 1 : 0)
        }
    }
}
