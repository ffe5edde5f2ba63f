import XCTest
@testable import GazetteCore

/// Geometry → paragraphs on pages typeset here: one test per cue the layout reads (indent,
/// short last lines, gaps, columns, furniture, masthead, tables, spacing).
final class FixedLayoutTests: XCTestCase {
    let full = Typeset.filler(25)

    func lines(_ pages: [Typeset]) -> [String] { Typeset.text(pages).components(separatedBy: "\n") }

    func testIndentAndShortLastLinesEndParagraphs() {
        var t = Typeset()
        t.lines([(2, "一、总体要求"), (2, Typeset.filler(23, "甲")), (0, Typeset.filler(25, "乙")), (0, Typeset.filler(9, "丙") + "。"),
                 (2, "（一）" + Typeset.filler(20, "丁")), (0, Typeset.filler(7, "戊") + "。")])
        XCTAssertEqual(lines([t]), ["一、总体要求", Typeset.filler(23, "甲") + Typeset.filler(25, "乙") + Typeset.filler(9, "丙") + "。",
                                   "（一）" + Typeset.filler(20, "丁") + Typeset.filler(7, "戊") + "。"])
    }

    func testWiderGapsSeparateParagraphsWithoutIndent() {
        var t = Typeset()
        // Full lines throughout, 22 pt apart inside a paragraph, 40 pt between paragraphs.
        for (k, y) in [100.0, 122, 144, 184, 206, 228, 250, 272, 294, 334, 356].enumerated() {
            t.put(Typeset.filler(25, k < 3 ? "甲" : k < 9 ? "乙" : "丙"), x: 80, y: y)
        }
        XCTAssertEqual(lines([t]), [Typeset.filler(75, "甲"), Typeset.filler(150, "乙"), Typeset.filler(50, "丙")])
    }

    func testSpacesOnlyBetweenLatinWords() {
        var t = Typeset()
        t.put(Typeset.filler(19, "甲") + "open data", x: 80, y: 100)   // wrapped at a space, short of the edge
        t.put("portal乙。", x: 80, y: 128)
        t.put("济商务字〔2025〕5 号", x: 80 + 32, y: 156)   // a number binds to the word after it
        t.put("第一条　补贴范围", x: 80 + 32, y: 184)       // an ideographic space: a gap of one character
        t.put("福建省人民政府办公厅 2016年12月28日", x: 80 + 32, y: 212)
        t.put(Typeset.filler(22, "丙") + "UR", x: 80 + 32, y: 240)      // broken inside a word at the edge
        t.put("L在此。", x: 80, y: 268)
        XCTAssertEqual(lines([t]), [Typeset.filler(19, "甲") + "open data portal乙。", "济商务字〔2025〕5号", "第一条 补贴范围",
                                   "福建省人民政府办公厅 2016年12月28日", Typeset.filler(22, "丙") + "URL在此。"])
    }

    func testTwoColumnsAreReadColumnByColumn() {
        var t = Typeset()
        t.put("两栏排版的通知", x: 224, y: 60, size: 22)
        let rows: [(Double, Int)] = [(2, 10), (0, 12), (0, 5), (2, 10), (0, 12), (0, 12)]
        for (k, row) in rows.enumerated() {
            let y = 110 + Double(k) * 28
            t.put(Typeset.filler(row.1, "左"), x: 80 + row.0 * 16, y: y)
            t.put(Typeset.filler(row.1, "右"), x: 304 + row.0 * 16, y: y)
        }
        XCTAssertEqual(lines([t]), ["两栏排版的通知", Typeset.filler(27, "左"), Typeset.filler(34, "左"),
                                   Typeset.filler(27, "右"), Typeset.filler(34, "右")])
    }

    func testPageNumbersAndRunningHeadersAreDroppedAndTextRunsOn() {
        let numbers = ["－ 1 －", "— 2 —", "-3-"]
        let pages: [Typeset] = numbers.enumerated().map { k, number in
            var t = Typeset()
            t.put("某市人民政府公报", x: 236, y: 50, size: 10.5)
            t.lines([(0, Typeset.filler(25, "甲")), (0, Typeset.filler(25, "乙"))], top: 140)
            t.put(number, x: k % 2 == 0 ? 440 : 90, y: 780, size: 14)
            return t
        }
        XCTAssertEqual(lines(pages), [String(repeating: Typeset.filler(25, "甲") + Typeset.filler(25, "乙"), count: 3)])
        for s in ["－ 3 －", "— 3 —", "-3-", "第3页 共10页", "第 3 页", "3/10", "- 12 -"] { XCTAssertTrue(PageFurniture.isPageNumber(s), s) }
        for s in ["2023年", "一、总体要求", "3.5亿元", "（一）"] { XCTAssertFalse(PageFurniture.isPageNumber(s), s) }
    }

    func testJointMastheadBecomesOneLineOfIssuers() {
        var t = Typeset()
        t.put("济南市商务局", x: 87, y: 140, size: 32, tracking: 27, red: true)
        t.put("济南市发展和改革委员会", x: 87, y: 183, size: 32, red: true)
        t.put("济南市财政局", x: 87, y: 226, size: 32, tracking: 27, red: true)
        t.put("文件", x: 440, y: 188, size: 57, red: true)
        t.put("━━━━━━━━━━━━━━━━━━━━━━━━", x: 80, y: 300, size: 16, red: true)
        t.put("济商务字〔2025〕5号", x: 225, y: 330)
        t.put("总", x: 200, y: 380)
        t.put("则", x: 260, y: 380)
        t.lines([(2, Typeset.filler(23, "甲")), (0, Typeset.filler(25, "乙")), (0, Typeset.filler(25, "丙"))], top: 420)
        XCTAssertEqual(lines([t]), ["济南市商务局 济南市发展和改革委员会 济南市财政局", "济商务字〔2025〕5号", "总则",
                                   Typeset.filler(23, "甲") + Typeset.filler(25, "乙") + Typeset.filler(25, "丙")])
    }

    func testTableRowsKeepTheirCellsAndLabels() {
        var t = Typeset()
        t.lines([(2, "二、主动公开政府信息情况"), (0, Typeset.filler(25, "乙"))], top: 72)
        t.put("信息内容", x: 90, y: 140, size: 10)
        t.put("本年新收", x: 260, y: 140, size: 10)
        t.put("本年办结", x: 380, y: 140, size: 10)
        t.put("一、本年新收申请数量", x: 90, y: 160, size: 10)
        t.put("21", x: 270, y: 160, size: 10)
        t.put("0", x: 390, y: 160, size: 10)
        t.put("三、本年度办理结果", x: 90, y: 180, size: 10)
        t.put("（一）予以公开", x: 90, y: 200, size: 10)
        t.put("4", x: 270, y: 200, size: 10)
        t.put("4", x: 390, y: 200, size: 10)
        t.put("三、收到和处理政府信息公开申请情况", x: 112, y: 240)
        t.put(Typeset.filler(20, "甲") + "。", x: 112, y: 268)
        XCTAssertEqual(lines([t]), ["二、主动公开政府信息情况", Typeset.filler(25, "乙"), "信息内容\t本年新收\t本年办结", "一、本年新收申请数量\t21\t0",
                                   "三、本年度办理结果\t", "（一）予以公开\t4\t4", "三、收到和处理政府信息公开申请情况",
                                   Typeset.filler(20, "甲") + "。"])
    }

    func testCharactersDrawnTwiceForBoldAreOne() {
        var t = Typeset()
        t.put("第一章 总则", x: 200, y: 100)
        t.put("第一章 总则", x: 200.3, y: 100)
        XCTAssertEqual(lines([t]), ["第一章 总则"])
    }

    func testCentredTitleOverTwoLinesIsOneParagraph() {
        var t = Typeset()
        t.put("关于印发《某市2025年家电以旧换新", x: 112, y: 100, size: 22)
        t.put("补贴实施细则》的通知", x: 190, y: 130, size: 22)
        t.lines([(0, "各区县商务主管部门："), (2, Typeset.filler(23, "甲")), (0, Typeset.filler(25, "乙"))], top: 180)
        XCTAssertEqual(lines([t]), ["关于印发《某市2025年家电以旧换新补贴实施细则》的通知", "各区县商务主管部门：",
                                   Typeset.filler(23, "甲") + Typeset.filler(25, "乙")])
    }
}
