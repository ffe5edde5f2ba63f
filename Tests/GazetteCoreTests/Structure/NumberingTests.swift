import XCTest
@testable import GazetteCore

final class NumberingTests: XCTestCase {
    func testChineseNumeralValues() {
        let cases: [(String, Int)] = [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("三十一", 31), ("四十", 40),
                                      ("九十九", 99), ("一百", 100), ("一百零五", 105), ("一百二十三", 123), ("两", 2), ("12", 12)]
        for (s, v) in cases { XCTAssertEqual(ChineseNumeral.value(s), v, s) }
        XCTAssertNil(ChineseNumeral.value("是"))
        XCTAssertEqual(ChineseNumeral.circledValue("③"), 3)
    }

    func testLabelStylesAndLevels() {
        let cases: [(String, NumberingStyle, String, Int, String)] = [
            ("一、总体要求", .chineseComma, "一、", 1, "总体要求"),
            ("三十一、强化指导培训。加强培训。", .chineseComma, "三十一、", 31, "强化指导培训"),
            ("（三）落实重大行政决策公众参与程序。各区…", .parenChinese, "（三）", 3, "落实重大行政决策公众参与程序"),
            ("(十二)财政和审计整改信息公开", .parenChinese, "(十二)", 12, "财政和审计整改信息公开"),
            ("1.做好权责清单调整和公开。2018年…", .arabicDot, "1.", 1, "做好权责清单调整和公开"),
            ("2、政务新媒体。关注…", .arabicDot, "2、", 2, "政务新媒体"),
            ("3．集中发布重大建设项目信息。", .arabicDot, "3．", 3, "集中发布重大建设项目信息"),
            ("（1）按部门公开。", .parenArabic, "（1）", 1, "按部门公开"),
            ("第十二条 本办法自发布之日起施行。", .article, "第十二条", 12, "本办法自发布之日起施行"),
            ("第一章　总则", .chapter, "第一章", 1, "总则"),
            ("2.做好信用信息公示(以下简称“双公示”)。健全机制。", .arabicDot, "2.", 2, "做好信用信息公示(以下简称“双公示”)"),
        ]
        for (line, style, label, n, heading) in cases {
            guard let l = ClauseLabel.recognize(line) else { XCTFail("not recognised: \(line)"); continue }
            XCTAssertEqual(l.style, style, line); XCTAssertEqual(l.label, label, line); XCTAssertEqual(l.number, n, line)
            XCTAssertEqual(ClauseLabel.heading(from: l.rest), heading, line)
        }
        XCTAssertEqual(NumberingStyle.chineseComma.styleLevel, 1)
        XCTAssertEqual(NumberingStyle.parenChinese.styleLevel, 2)
        XCTAssertEqual(NumberingStyle.arabicDot.styleLevel, 3)
        XCTAssertEqual(NumberingStyle.parenArabic.styleLevel, 4)
    }

    func testProseIsNotALabel() {
        for line in ["1.5亿元用于建设", "2023.3.31发布", "3.5%的事项", "2018年全市政务公开", "一是建设主动公开公文库",
                     "①按月公开", "第五条规定的信息除外", "(此件公开发布)", "（以下简称《规定》）出台后", "一、二、三等奖获得者",
                     "12345热线", "（联系人:市政府办公厅）"] {
            XCTAssertNil(ClauseLabel.recognize(line), line)
        }
    }

    /// 一、 … 三十二、 each with a （N） child numbered on across sections (no restart).
    func testNumeralsPastThirtyAndNumberingThatRunsOn() {
        let cn = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        func chinese(_ n: Int) -> String { n < 10 ? cn[n] : (n / 10 == 1 ? "" : cn[n / 10]) + "十" + cn[n % 10] }
        var lines = ["某市2021年政务公开工作要点"]
        for n in 1...32 { lines.append("\(chinese(n))、第\(n)部分"); lines.append("（\(chinese(n))）第\(n)项任务。内容。") }
        let doc = StructureFixtureTests.structure(lines.joined(separator: "\n"))
        XCTAssertEqual(doc.clauses.count, 64)
        let s31 = doc.clauses.first { $0.id == "s31" }
        XCTAssertEqual(s31?.label, "三十一、"); XCTAssertEqual(s31?.number, 31); XCTAssertEqual(s31?.heading, "第31部分")
        let c32 = doc.clauses.last
        XCTAssertEqual(c32?.id, "s32.c32"); XCTAssertEqual(c32?.parent, "s32"); XCTAssertEqual(c32?.level, 2); XCTAssertEqual(c32?.number, 32)
    }

    /// Normalized and original texts have the same lines: each clause's original is the same span.
    func testOriginalIsTheSameSpanInSourceScript() {
        let simplified = "2023年某市政务公开工作要点\n一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导。\n（二）工作目标\n到2023年底，全面提升。"
        let traditional = "2023年某市政務公開工作要點\n一、總體要求\n（一）指導思想\n以習近平新時代中國特色社會主義思想為指導。\n（二）工作目標\n到2023年底，全面提升。"
        let doc = StructureFixtureTests.structure(simplified, original: traditional)
        XCTAssertEqual(doc.clauses.map(\.original), ["一、總體要求", "（一）指導思想\n以習近平新時代中國特色社會主義思想為指導。", "（二）工作目標\n到2023年底，全面提升。"])
        XCTAssertEqual(doc.clauses.map(\.text), ["一、总体要求", "（一）指导思想\n以习近平新时代中国特色社会主义思想为指导。", "（二）工作目标\n到2023年底，全面提升。"])
    }
}

final class FlattenedTableTests: XCTestCase {
    /// An annual report's statistics table whose TABs were lost is not a run of clauses.
    func testStatisticsRowsWithLostTabsAreNotClauses() {
        let text = ["某市2020年政府信息公开工作年度报告", "一、总体情况", "全年公开信息。", "二、收到和处理政府信息公开申请情况",
                    "一、本年新收政府信息公开申请数 5 0 0 2", "二、上年结转政府信息公开申请数 0 0 0 0", "三、存在的主要问题及改进情况", "继续改进。"].joined(separator: "\n")
        let d = StructureFixtureTests.structure(text)
        XCTAssertEqual(d.clauses.map(\.heading), ["总体情况", "收到和处理政府信息公开申请情况", "存在的主要问题及改进情况"])
        XCTAssertEqual(d.docType, .annualReport)
    }
}

final class GeneralRuleTests: XCTestCase {
    func testArticleTitlesInParenthesesAndCitedItems() {
        XCTAssertEqual(ClauseLabel.recognize("第一条（目的和依据）为了规范政府信息公开，制定本规定。")?.style, .article)
        XCTAssertNil(ClauseLabel.recognize("第五条（一）项规定的信息除外。"))
    }

    func testUnmarkedQuestionsStayOutOfTheTree() {
        let d = StructureFixtureTests.structure(["2023年海淀区政务公开工作要点", "一、总体要求", "做好工作。", "二、主要任务", "推进公开。",
                                                 "《2023年海淀区政务公开工作要点》政策解读", "一、为什么制定要点？", "为了推进工作。"].joined(separator: "\n"))
        XCTAssertEqual(d.clauses.map(\.heading), ["总体要求", "主要任务"])
        XCTAssertEqual(d.appendices.map(\.kind), [.interpretation])
        XCTAssertEqual(d.appendices.first?.qa.count, 1)
        XCTAssertEqual(d.region, "海淀区")
        let noMarker = StructureFixtureTests.structure(["某市2023年政务公开工作要点", "一、总体要求", "做好工作。", "一、为什么制定要点？", "为了推进工作。"].joined(separator: "\n"))
        XCTAssertEqual(noMarker.clauses.map(\.heading), ["总体要求"])
    }

    func testDecreeNumber() {
        let d = StructureFixtureTests.structure(["上海市人民政府令", "上海市人民政府令第26号", "上海市政府信息公开规定", "第一条 为了规范工作，制定本规定。", "第二条 本规定自2020年起施行。"].joined(separator: "\n"))
        XCTAssertEqual(d.docNumber, "上海市人民政府令第26号")
        XCTAssertEqual(d.title, "上海市政府信息公开规定")
        XCTAssertEqual(d.clauses.map { "\($0.level) \($0.number)" }, ["1 1", "1 2"])
    }
}

final class TableOfContentsTests: XCTestCase {
    func testContentsListIsNotPartOfTheTree() {
        let text = ["某市2022年政务公开工作方案", "目录", "一、总体要求", "二、重点任务", "三、保障措施",
                    "一、总体要求", "做好工作。", "二、重点任务", "（一）公开财政信息。", "三、保障措施", "加强领导。"].joined(separator: "\n")
        let d = StructureFixtureTests.structure(text)
        XCTAssertEqual(d.clauses.map(\.id), ["s1", "s2", "s2.c1", "s3"])
        XCTAssertTrue(d.preamble.contains("目录"))
    }
}

final class PreambleListTests: XCTestCase {
    func testNoticeListBeforeTheFirstSectionStaysInThePreamble() {
        let text = ["某市人民政府办公室关于印发《某市2022年政务公开工作要点》的通知", "各区人民政府：", "请做好以下工作：",
                    "（一）认真学习。", "（二）抓好落实。", "某市2022年政务公开工作要点", "一、总体要求", "（一）指导思想。做好工作。"].joined(separator: "\n")
        let d = StructureFixtureTests.structure(text)
        XCTAssertEqual(d.clauses.map(\.id), ["s1", "s1.c1"])
        XCTAssertTrue(d.preamble.contains("（二）抓好落实。"))
        XCTAssertEqual(d.planTitle, "某市2022年政务公开工作要点")
    }
}
