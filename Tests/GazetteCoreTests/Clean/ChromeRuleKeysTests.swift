import XCTest
import Foundation
@testable import GazetteCore
import GazetteModel

/// The prefilters of the chrome rules must never reject a line the rule's regular
/// expression could match: every literal alternative of a rule holds one of its keys.
final class ChromeRuleKeysTests: XCTestCase {
    /// The first group of plain literal alternatives in a pattern (`(来源|來源|…)`).
    static func alternatives(_ pattern: String) -> [String]? {
        let group = try! NSRegularExpression(pattern: #"\(([^()\\\[\]?*+{}.^$|]+(?:\|[^()\\\[\]?*+{}.^$|]+)+)\)"#)
        let ns = pattern as NSString
        guard let m = group.firstMatch(in: pattern, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: m.range(at: 1)).components(separatedBy: "|")
    }

    func check(_ re: NSRegularExpression, _ keys: ChromeRules.Keys, _ rule: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let alts = Self.alternatives(re.pattern) else { return }
        for a in alts {
            if !keys.first.isEmpty {
                XCTAssertTrue(re.pattern.hasPrefix("^"), "\(rule): a first-character key needs an anchored rule", file: file, line: line)
                XCTAssertTrue(keys.first.contains(a.unicodeScalars.first!), "\(rule): 「\(a)」 starts with no key", file: file, line: line)
            }
            if !keys.any.isEmpty {
                XCTAssertTrue(a.unicodeScalars.contains { keys.any.contains($0) }, "\(rule): 「\(a)」 holds no key", file: file, line: line)
            }
        }
    }

    func testEveryAlternativeHoldsAKey() {
        XCTAssertEqual(ChromeRules.lines.count, ChromeRules.lineKeys.count)
        XCTAssertEqual(ChromeRules.tokens.count, ChromeRules.tokenKeys.count)
        var checked = 0
        for (k, (rule, re)) in ChromeRules.lines.enumerated() { check(re, ChromeRules.lineKeys[k], rule); checked += Self.alternatives(re.pattern) == nil ? 0 : 1 }
        for (k, (rule, re)) in ChromeRules.tokens.enumerated() { check(re, ChromeRules.tokenKeys[k], rule); checked += 1 }
        check(ChromeRules.relatedHeader, Cleaner.relatedKeys, "related-links")
        check(ChromeRules.disclaimerHeader, Cleaner.disclaimerKeys, "site-disclaimer")
        XCTAssertGreaterThanOrEqual(checked, 12)   // every rule but url-line has a literal group
    }

    func testChromeLinesStillGo() {
        let text = ["首页 > 政务公开 > 通知公告", "来源：北京市人民政府 发布时间：2018-03-01", "版权所有：北京市人民政府办公厅",
                    "Copyright © 2018 www.beijing.gov.cn", "http://www.beijing.gov.cn/zhengce/", "上一篇：关于印发工作要点的通知",
                    "【我要纠错】 【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页", "责任编辑：王五", "浏览次数：123",
                    "English | 繁体 | 无障碍", "首页 | 政务公开 | 互动交流", "一、总体要求", "全面推进决策、执行、管理、服务、结果公开。"]
            .joined(separator: "\n")
        XCTAssertEqual(Cleaner().clean(text).text, "一、总体要求\n全面推进决策、执行、管理、服务、结果公开。")
    }

    func testFoldByScalar() {
        var r: [RemovedLine] = []
        XCTAssertEqual(TextRepair.fold("ＡＢ１２\u{3000}政务\u{200B}公开\r\n\u{7}x\u{A0}y\u{FEFF}", removed: &r), "AB12 政务公开\n\nx y")
        XCTAssertEqual(r.map(\.rule), ["watermark-characters"])
        var none: [RemovedLine] = []
        XCTAssertEqual(TextRepair.fold("已是干净的文本 plain\ttext", removed: &none), "已是干净的文本 plain\ttext")
        XCTAssertEqual(none, [])
    }
}

/// The test run before the pinyin regular expression.
final class PinyinPrefilterTests: XCTestCase {
    func testPrefilterAdmitsEveryPinyinGroup() {
        for s in ["政务(zhèng wù)公开", "政务（ zheng4 wu4 ）", "公开(gōng kāi)", "事项(shì xiàng)(shi xiang)"] {
            XCTAssertTrue(TextRepair.mayHavePinyin(s), s)
            var r: [RemovedLine] = []
            XCTAssertNotEqual(TextRepair.removePinyin(s, removed: &r), s, s)
        }
        for s in ["政务公开（一）", "工作要点(第一批)", "PPP(PPP)", "没有括号"] { XCTAssertFalse(TextRepair.mayHavePinyin(s), s) }
    }
}
