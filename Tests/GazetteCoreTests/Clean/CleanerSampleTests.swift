import XCTest
import GazetteModel
@testable import GazetteCore

/// Over the five samples, only chrome is removed. The expected removals per sample were
/// listed and checked by eye (every other line is prose, headings or the signature block);
/// the test fails on any removal not in this list, and on a listed one that goes missing.
final class CleanerSampleTests: XCTestCase {
    /// sample file prefix → the removed lines (rule: text), in order.
    static let expected: [String: [String]] = [
        "000": ["lost-space-mojibake: ? ?"],
        "001": ["site-header: EN", "url-line: https://www.gov.cn/", "source-line: 2020-03-27 17:37 來源: 上海市人民政府網站",
                "font-size-controls: 字號: 默認 超大 | 打印 |", "repeated-line: 上海市人民政府辦公廳關於印發《2020年上海市政務公開工作要點》的通知",
                "report-error: 【我要糾錯】 責任編輯:李潤發", "qr-code: 掃一掃在手機打開當前頁"],
        "002": ["source-line: 来源: 北京市人民政府 更新时间:2018-09-10 点击:1165", "site-disclaimer: 声明:",
                "site-disclaimer: ① 本网站所有原创/整理的文章、图表、数据、资料,版权均为食安通(www.eshian.com)所有,如需转载,须注明“来源:食安通(www.eshian.com)”,",
                "site-disclaimer: ② 本网站转载其他网站、媒体的文章、图表等内容,目的在于传递更多信息,并不代表赞同其观点或对其真实性负责。如需转载,需保留 “来源:XXX” (非食"],
        "003": [],
        "004": ["related-links: 相關詞條", "related-links: 熱門詞條", "related-links: 聯絡我們"],
    ]

    func testOnlyChromeIsRemovedFromSamples() throws {
        for f in try SampleCorpus.files() {
            let key = String(f.lastPathComponent.prefix(3))
            guard let want = Self.expected[key] else { continue }
            let cleaned = Cleaner().clean(try SampleCorpus.text(f))
            let got = cleaned.removed.map { "\($0.rule): \($0.text)" }
            print("removed from \(f.lastPathComponent):\n" + got.map { "  " + $0 }.joined(separator: "\n"))
            // Compare by prefix: a disclaimer line is long; its start identifies it.
            XCTAssertEqual(got.count, want.count, "\(key): \(got)")
            for (g, w) in zip(got, want) { XCTAssertTrue(g.hasPrefix(String(w.prefix(60))), "\(key): removed \(g), expected \(w)") }
        }
    }

    /// Nothing but recorded removals and whitespace goes: every Chinese character of the
    /// input is in the output or in a removed line.
    func testNoUnrecordedTextLossOnSamples() throws {
        for f in try SampleCorpus.files() {
            let input = try SampleCorpus.text(f)
            let cleaned = Cleaner().clean(input)
            XCTAssertEqual(CleanerInvariants.hanCount(input),
                           CleanerInvariants.hanCount(cleaned.text) + cleaned.removed.map { CleanerInvariants.hanCount($0.text) }.reduce(0, +),
                           f.lastPathComponent)
            XCTAssertEqual(Cleaner().clean(cleaned.text).text, cleaned.text, "idempotent on \(f.lastPathComponent)")
        }
    }
}

enum CleanerInvariants {
    static func hanCount(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x4E00 && $1.value <= 0x9FFF) ? 1 : 0) }
    }
}
