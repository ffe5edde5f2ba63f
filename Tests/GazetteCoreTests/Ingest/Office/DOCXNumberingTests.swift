import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// Word's automatic numbering written out as the labels a reader sees: formats, levels and
/// their restarts, overrides, shared lists, numbering inherited from paragraph styles.
final class DOCXNumberingTests: XCTestCase {
    typealias X = OOXMLPackage

    func testNumberFormats() {
        let f = DOCXNumberFormat.render
        XCTAssertEqual([1, 9, 10, 11, 20, 21, 99].map { f($0, "chineseCounting", nil) }, ["一", "九", "十", "十一", "二十", "二十一", "九十九"])
        XCTAssertEqual(f(101, "chineseCounting", nil), "一〇一")
        XCTAssertEqual([10, 101, 110, 1000, 1010, 10010].map { f($0, "chineseCountingThousand", nil) },
                       ["十", "一百零一", "一百一十", "一千", "一千零一十", "一万零一十"])
        XCTAssertEqual([3, 12].map { f($0, "japaneseCounting", nil) }, ["三", "十二"])
        XCTAssertEqual([1, 10, 11].map { f($0, "ideographTraditional", nil) }, ["甲", "癸", "11"])
        XCTAssertEqual([1, 12].map { f($0, "ideographZodiac", nil) }, ["子", "亥"])
        XCTAssertEqual([12, 105].map { f($0, "ideographDigital", nil) }, ["一二", "一〇五"])
        XCTAssertEqual([12, 105].map { f($0, "chineseLegalSimplified", nil) }, ["壹拾贰", "壹佰零伍"])
        XCTAssertEqual([1, 26, 27, 28].map { f($0, "upperLetter", nil) }, ["A", "Z", "AA", "BB"])
        XCTAssertEqual(f(3, "lowerLetter", nil), "c")
        XCTAssertEqual([4, 9, 14, 1994].map { f($0, "upperRoman", nil) }, ["IV", "IX", "XIV", "MCMXCIV"])
        XCTAssertEqual(f(7, "lowerRoman", nil), "vii")
        XCTAssertEqual([1, 20, 21].map { f($0, "decimalEnclosedCircle", nil) }, ["①", "⑳", "21"])
        XCTAssertEqual([f(3, "decimalEnclosedParen", nil), f(3, "decimalEnclosedFullstop", nil)], ["⑶", "⒊"])
        XCTAssertEqual([f(7, "decimalZero", nil), f(12, "decimalFullWidth", nil), f(2, "ordinal", nil)], ["07", "１２", "2nd"])
        XCTAssertEqual(f(7, "custom", "001, 002, 003, ..."), "007")
        XCTAssertEqual([f(5, "none", nil), f(5, "someFutureFormat", nil)], ["", "5"])
    }

    /// The official four levels in one multi-level list: deeper levels restart under a new parent.
    func testLevelsRestartUnderTheirParent() {
        let numbering = DOCX.numbering([0: DOCX.officialLevels], nums: [(1, 0, "")])
        let body = [X.p("总体要求", num: 1), X.p("指导思想", num: 1, level: 1), X.p("工作目标", num: 1, level: 1),
                    X.p("目标一", num: 1, level: 2), X.p("细项", num: 1, level: 3), X.p("目标二", num: 1, level: 2),
                    X.p("重点任务", num: 1), X.p("推进决策公开", num: 1, level: 1), X.p("细项", num: 1, level: 3)].joined()
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": numbering]),
                       ["一、总体要求", "（一）指导思想", "（二）工作目标", "1. 目标一", "（1）细项", "2. 目标二",
                        "二、重点任务", "（一）推进决策公开", "（1）细项"])
    }

    func testLevelRestartZeroKeepsCountingAcrossParents() {
        let levels = [DOCX.lvl(0, "chineseCounting", "%1、", extra: "<w:suff w:val=\"nothing\"/>"),
                      DOCX.lvl(1, "decimal", "%2.", extra: "<w:lvlRestart w:val=\"0\"/>")]
        let body = [X.p("甲", num: 1), X.p("子", num: 1, level: 1), X.p("乙", num: 1), X.p("丑", num: 1, level: 1)].joined()
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": DOCX.numbering([0: levels], nums: [(1, 0, "")])]),
                       ["一、甲", "1. 子", "二、乙", "2. 丑"])
    }

    /// Two nums of one abstract numbering share its counters; a startOverride starts a list of its own.
    func testSharedListsAndStartOverride() {
        let levels = [DOCX.lvl(0, "decimal", "（%1）", extra: "<w:suff w:val=\"nothing\"/>")]
        let numbering = DOCX.numbering([0: levels], nums: [(1, 0, ""), (2, 0, ""),
                                                          (3, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride>")])
        let body = [X.p("a", num: 1), X.p("b", num: 2), X.p("c", num: 1), X.p("d", num: 3), X.p("e", num: 3), X.p("f", num: 2)].joined()
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": numbering]), ["（1）a", "（2）b", "（3）c", "（5）d", "（6）e", "（4）f"])
    }

    /// A num may replace a whole level of its abstract numbering (w:lvlOverride holding a w:lvl).
    func testLevelOverrideReplacesTheLevel() {
        let numbering = DOCX.numbering([0: [DOCX.lvl(0, "decimal", "%1.")]],
                                       nums: [(1, 0, ""), (2, 0, "<w:lvlOverride w:ilvl=\"0\">" + DOCX.lvl(0, "upperLetter", "%1)", start: 2) + "</w:lvlOverride>")])
        let body = [X.p("甲", num: 1), X.p("乙", num: 2), X.p("丙", num: 2), X.p("丁", num: 1)].joined()
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": numbering]), ["1. 甲", "B) 乙", "C) 丙", "2. 丁"])
    }

    /// f005's case: a single-level list starting at 3, its label not in document.xml.
    func testStartValueAndChineseCountingInBrackets() {
        let numbering = DOCX.numbering([1: [DOCX.lvl(0, "chineseCounting", "（%1）", start: 3, extra: "<w:suff w:val=\"nothing\"/>")]],
                                       nums: [(2, 1, "")])
        XCTAssertEqual(DOCX.lines(X.p("补贴审核", num: 2), parts: ["word/numbering.xml": numbering]), ["（三）补贴审核"])
    }

    func testLegalNumberingBulletsAndNoNumbering() {
        let levels = [DOCX.lvl(0, "upperRoman", "%1."), DOCX.lvl(1, "decimal", "%1.%2", extra: "<w:isLgl/>")]
        let bullets = [DOCX.lvl(0, "bullet", "\u{F0B7}")]
        let numbering = DOCX.numbering([0: levels, 1: bullets], nums: [(1, 0, ""), (2, 1, "")])
        let body = [X.p("总则", num: 1), X.p("适用范围", num: 1, level: 1), X.p("要点", num: 2), X.p("不编号", num: 0), X.p("未定义", num: 9)].joined()
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": numbering]), ["I. 总则", "1.1 适用范围", "要点", "不编号", "未定义"])
    }

    /// The tab (Word's default) or space after a label is a space; a WPS 'nothing' joins them.
    func testSuffixes() {
        let levels = [DOCX.lvl(0, "chineseCounting", "第%1条"), DOCX.lvl(1, "decimal", "%2、", extra: "<w:suff w:val=\"space\"/>"),
                      DOCX.lvl(2, "decimal", "(%3)", extra: "<w:suff w:val=\"nothing\"/>")]
        let body = [X.p("为了规范…", num: 1), X.p("甲", num: 1, level: 1), X.p("乙", num: 1, level: 2)].joined()
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": DOCX.numbering([0: levels], nums: [(1, 0, "")])]),
                       ["第一条 为了规范…", "1、 甲", "(1)乙"])
    }

    /// Numbering from the paragraph style (through basedOn), the level from the paragraph, from
    /// the style, or from the list level linked to the style (w:pStyle in w:lvl).
    func testNumberingInheritedFromParagraphStyles() {
        let levels = [DOCX.lvl(0, "chineseCounting", "%1、", extra: "<w:pStyle w:val=\"H1\"/><w:suff w:val=\"nothing\"/>"),
                      DOCX.lvl(1, "chineseCounting", "（%2）", extra: "<w:pStyle w:val=\"H2\"/><w:suff w:val=\"nothing\"/>")]
        let numbering = DOCX.numbering([0: levels], nums: [(4, 0, "")])
        let styles = DOCX.styles([("H1", nil, "<w:numPr><w:numId w:val=\"4\"/></w:numPr>"),
                                  ("H2", nil, "<w:numPr><w:numId w:val=\"4\"/></w:numPr>"),
                                  ("H2Red", "H2", "<w:jc w:val=\"left\"/>"),
                                  ("Lvl1", nil, "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"4\"/></w:numPr>")])
        let body = [X.p("总体要求", pPr: "<w:pStyle w:val=\"H1\"/>"), X.p("指导思想", pPr: "<w:pStyle w:val=\"H2Red\"/>"),
                    X.p("工作目标", pPr: "<w:pStyle w:val=\"Lvl1\"/>"), X.p("重点任务", pPr: "<w:pStyle w:val=\"H2\"/><w:numPr><w:ilvl w:val=\"0\"/></w:numPr>"),
                    X.p("正文", pPr: "<w:pStyle w:val=\"Normal\"/>"),
                    X.p("不编号", pPr: "<w:pStyle w:val=\"H1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>")].joined()
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": numbering, "word/styles.xml": styles]),
                       ["一、总体要求", "（一）指导思想", "（二）工作目标", "二、重点任务", "正文", "不编号"])
    }

    /// Numbered paragraphs inside table cells count in document order too.
    func testNumberingInTableCells() {
        let numbering = DOCX.numbering([0: [DOCX.lvl(0, "decimal", "%1", extra: "<w:suff w:val=\"nothing\"/>")]], nums: [(1, 0, "")])
        let body = X.table([[X.p("序号"), X.p("工作任务"), X.p("责任单位")],
                            [X.p("", num: 1), X.p("做好预算公开。"), X.p("市财政局")],
                            [X.p("", num: 1), X.p("做好决算公开。"), X.p("市审计局")]])
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": numbering]),
                       ["序号\t工作任务\t责任单位", "1\t做好预算公开。\t市财政局", "2\t做好决算公开。\t市审计局"])
    }
}
