import XCTest
@testable import GazetteCore
import GazetteModel

/// One test group per layout family, on text made up here, with the traps that only look
/// like labels; then the metamorphic check: one document in every layout gives one outline.
final class LayoutRecognizerTests: XCTestCase {
    /// A made-up work plan: sections, items restarting per section, 1. items, and traps
    /// (统一、权威; 一、二类; （一）（五）共五项; 第五条规定; 1.5亿元; PM2.5; a phone number).
    static let plan = """
    某市人民政府办公厅关于印发某市2024年政务公开工作要点的通知
    各区人民政府，市政府各委、办、局：
    现将《某市2024年政务公开工作要点》印发给你们，请认真贯彻执行。
    一、总体要求
    坚持统一、权威的发布机制，按照《条例》第五条规定做好公开工作，一、二类事项全部公开。
    二、重点任务
    （一）推进决策公开。完善重大行政决策程序，全年投入1.5亿元。
    （二）深化执行公开。落实（一）（五）共五项任务，PM2.5浓度按月公开。
    1.公开财政预算。市财政局负责，咨询电话0591-23165385。
    2.公开重大项目。市发展改革委负责。
    三、保障措施
    （一）加强组织领导。各区要明确责任分工。
    （二）强化考核监督。将政务公开纳入绩效考核。
    """

    static let outline = ["1 1 总体要求", "1 2 重点任务", "2 1 推进决策公开", "2 2 深化执行公开", "3 1 公开财政预算",
                          "3 2 公开重大项目", "1 3 保障措施", "2 1 加强组织领导", "2 2 强化考核监督"]

    /// Clean (repairs + layout + line rules), then structure: the outline as "level number heading".
    static func outline(of raw: String) -> [String] {
        let cleaned = Cleaner().clean(raw)
        let normalized = NormalizedText(text: cleaned.text, original: cleaned.text, script: "simplified", variant: "mainland", conversion: "none")
        var input = StructureInput(id: "t", source: Source(path: "t.txt", sha256: "", format: "txt", encoding: "utf-8"),
                                   normalized: normalized, pageMetadata: [:], pageTitle: nil, removed: cleaned.removed)
        input.layout = cleaned.layout
        return Structurer().structure(input).clauses.map { "\($0.level) \($0.number) \($0.heading)" }
    }

    static var lines: [String] { plan.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func testOriginalLayoutGivesTheOutlineAndKeepsTheTrapsInTheirSentences() {
        XCTAssertEqual(Self.outline(of: Self.plan), Self.outline)
        let laid = LayoutRecovery().recover(Self.plan)
        XCTAssertTrue(laid.families.isEmpty, "a file already one paragraph a line needs no recovery: \(laid.families)")
    }

    // MARK: metamorphic: the same document in the layouts real corpora arrive in

    func testFlattenedOntoOneLine() {
        let flat = Self.lines.joined(separator: " ")
        XCTAssertEqual(Self.outline(of: flat), Self.outline)
        XCTAssertTrue(LayoutRecovery().recover(flat).families.contains("flattened"))
    }

    func testHardWrapped() {
        for width in [20, 28, 36] {
            let wrapped = Self.lines.flatMap { Self.wrap($0, width) }.joined(separator: "\n")
            XCTAssertEqual(Self.outline(of: wrapped), Self.outline, "width \(width)")
        }
    }

    func testWrappedAfterFlattening() {
        let text = Self.wrap(Self.lines.joined(separator: " "), 36).joined(separator: "\n")
        XCTAssertEqual(Self.outline(of: text), Self.outline)
    }

    func testCRLFWithFullWidthIndentsAndBlankLineRuns() {
        let text = Self.lines.map { "\u{3000}\u{3000}" + $0 }.joined(separator: "\r\n\r\n\r\n")
        XCTAssertEqual(Self.outline(of: text), Self.outline)
    }

    func testLabelsRunIntoTheSentenceBefore() {
        // Every line that ends a sentence is glued to the next: …全部公开。二、重点任务
        var text = ""
        for l in Self.lines { text += l + (l.hasSuffix("。") ? "" : "\n") }
        XCTAssertEqual(Self.outline(of: text), Self.outline)
    }

    static func wrap(_ line: String, _ width: Int) -> [String] {
        var out: [String] = [], rest = Substring(line)
        while rest.count > width { out.append(String(rest.prefix(width))); rest = rest.dropFirst(width) }
        out.append(String(rest))
        return out
    }

    // MARK: recognizers one by one

    func testCrawlerHeaderLinesAreFieldsNotText() {
        let text = "标题: 某县2023年政府信息公开工作年度报告\n发布时间: 2024-01-10 09:00\n文号: \n发布机构: 某县人民政府办公室\n栏目: 年报\n原文链接: https://example.org/a.htm\n说明：抓取自某网站\n========== 正文 ==========\n某县2023年政府信息公开工作年度报告\n一、总体情况"
        let laid = LayoutRecovery().recover(text)
        XCTAssertEqual(laid.text, "某县2023年政府信息公开工作年度报告\n一、总体情况")
        XCTAssertEqual(laid.fields.map { "\($0.key)=\($0.value)" }, ["标题=某县2023年政府信息公开工作年度报告", "发布日期=2024-01-10 09:00",
                                                                     "发布机构=某县人民政府办公室", "url=https://example.org/a.htm"])
        XCTAssertEqual(Set(laid.fields.map(\.source)), ["crawler-header"])
    }

    func testCrawlerHeaderWithContentKey() {
        let laid = LayoutRecovery().recover("title: 某部发言人答记者问\nurl: http://example.org/1.htm\nauthor: 某部网站\ncontent: \n今天下午举行例行记者会。")
        XCTAssertEqual(laid.text, "今天下午举行例行记者会。")
        XCTAssertEqual(laid.fields.first { $0.key == "标题" }?.value, "某部发言人答记者问")
    }

    func testCrawlerHeaderFlattenedOntoALongLine() {
        let body = String(repeating: "本年度政府信息公开工作有序开展，各项任务全面完成。", count: 120)
        let laid = LayoutRecovery().recover("标题: 某县2023年政府信息公开工作年度报告 发布时间: 2024-01-10 文号: 发布机构: 某县人民政府办公室 ===== 正文 ===== " + body)
        XCTAssertEqual(laid.fields.map { "\($0.key)=\($0.value)" }, ["标题=某县2023年政府信息公开工作年度报告", "发布日期=2024-01-10", "发布机构=某县人民政府办公室"])
        XCTAssertTrue(laid.text.hasPrefix("本年度政府信息公开"))
    }

    func testFlattenedPassageHistoryKeepsEachDateWithItsLine() {
        let text = "某市居民服务条例 2016年12月26日 某市第十六届人民代表大会常务委员会第三十二次会议通过 2017年1月18日 某省第十二届人民代表大会常务委员会第二十五次会议批准 第一章 总则 第一条 为了规范居民服务，根据有关法律，结合本市实际，制定本条例。 第二条 本条例适用于本市行政区域内的居民服务活动。本条例所称居民服务，是指为居民提供的各类基本公共服务。"
        let lines = LayoutRecovery().recover(text).text.components(separatedBy: "\n")
        XCTAssertEqual(Array(lines.prefix(3)), ["某市居民服务条例", "2016年12月26日 某市第十六届人民代表大会常务委员会第三十二次会议通过",
                                                  "2017年1月18日 某省第十二届人民代表大会常务委员会第二十五次会议批准"])
    }

    func testFrontMatterAndItsFlattenedForm() {
        let md = "---\ntitle: 某省行政执法公示办法\ndate: 2021-05-21\nauthor: 某省人民政府\ncategory:\n  - 规章\n---\n\n## 第一章 总则\n\n第一条 为了规范公示行为，制定本办法。"
        let laid = LayoutRecovery().recover(md)
        XCTAssertEqual(laid.fields.map { "\($0.key)=\($0.value)" }, ["标题=某省行政执法公示办法", "发布日期=2021-05-21", "发布机构=某省人民政府"])
        XCTAssertEqual(laid.fields.first?.source, "front-matter")
        XCTAssertEqual(laid.text.components(separatedBy: "\n").filter { !$0.isEmpty }, ["第一章 总则", "第一条 为了规范公示行为，制定本办法。"])
        let flat = md.components(separatedBy: "\n").filter { !$0.isEmpty }.joined(separator: " ")
        let laidFlat = LayoutRecovery().recover(flat)
        XCTAssertEqual(laidFlat.fields.first { $0.key == "发布机构" }?.value, "某省人民政府")
        XCTAssertFalse(laidFlat.text.contains("title:"))
    }

    func testMarkdownAndInlineHTMLResidue() {
        let md = "## 第一章 总则{align=\"center\"}\n<p id=\"t1\">  <b>第一条</b>  为了规范，制定本办法。<br>\n  本办法所称公示。</p>\n<!-- INFO END -->\n::: details 目录\n[1](#t1) [2](#t2)\n:::"
        let lines = Cleaner().clean(md).text.components(separatedBy: "\n")
        XCTAssertEqual(lines, ["第一章 总则", "第一条 为了规范，制定本办法。", "本办法所称公示。", "目录", "1 2"])
    }

    func testPageNumbersAreDropped() {
        let text = "一、总体要求\n坚持公开为常态\n－ 3 －\n不公开为例外。\n— 12 —\n第 2 页 共 9 页\n二、重点任务"
        let laid = LayoutRecovery().rejoin(text)
        XCTAssertFalse(laid.text.contains("3 －"))
        XCTAssertFalse(laid.text.contains("12"))
        XCTAssertFalse(laid.text.contains("页"))
        XCTAssertEqual(PageFurnitureRecognizer.ownLine.numberOfMatches(in: "2—3年", range: NSRange(location: 0, length: 4)), 0)
    }

    func testChromeGluedToTheLastSentenceIsDropped() {
        let cleaned = Cleaner().clean("第三十二条 本办法自2019年1月1日起施行。扫一扫在手机打开当前页\n（此件公开发布）【打印】【关闭】\n微信 微博 QQ空间 全真版")
        XCTAssertEqual(cleaned.text, "第三十二条 本办法自2019年1月1日起施行。\n（此件公开发布）")
        // Prose that mentions a share platform is no chrome.
        XCTAssertNil(ChromeTailRecognizer.chromeTail("开设政务公开栏。通过政务微信发布政策解读"))
    }

    func testLetterspacedWordsCloseUp() {
        XCTAssertEqual(LetterspacingRecognizer.join("第一章 总 则"), "第一章 总则")
        XCTAssertEqual(LetterspacingRecognizer.join("工 作 任 务"), "工作任务")
        XCTAssertEqual(LetterspacingRecognizer.join("标 题： 某某通知"), "标题： 某某通知")
        XCTAssertNil(LetterspacingRecognizer.join("国务院 办公厅"))
        XCTAssertNil(LetterspacingRecognizer.join("9 月 2 日下午"))
    }

    func testNumbersOnLinesOfTheirOwnRejoin() {
        let laid = LayoutRecovery().recover("9\n月\n2\n日下午举行记者会。\n有\n11\n个国家的记者出席。")
        XCTAssertEqual(laid.text, "9月2日下午举行记者会。\n有11个国家的记者出席。")
        // Two bare numbers are not the family: a table's figures stay.
        XCTAssertEqual(LayoutRecovery().recover("产值\n12.5\n增长\n3.2").text, "产值\n12.5\n增长\n3.2")
    }

    func testHardWrapIsNotSeenInOrdinaryParagraphs() {
        XCTAssertNil(HardWrapRecognizer.wrapWidth([30, 52, 17, 88, 41, 19, 65, 33]))
        XCTAssertEqual(HardWrapRecognizer.wrapWidth([36, 36, 36, 12, 36, 36, 20, 36]), 36)
    }

    func testInlineLabelsNeedTheNumberingToContinue() {
        var state = FlattenedTextRecognizer.NumberingState()
        XCTAssertEqual(FlattenedTextRecognizer.splitAtInlineLabels("一、总体要求。坚持统一、权威的发布，一、二类事项公开。二、重点任务。", &state),
                       ["一、总体要求。坚持统一、权威的发布，一、二类事项公开。", "二、重点任务。"])
        var fresh = FlattenedTextRecognizer.NumberingState()
        // 三、 does not follow 一、: a quotation, not a new section.
        XCTAssertEqual(FlattenedTextRecognizer.splitAtInlineLabels("一、总体要求。引用三、加强协调的提法。", &fresh).count, 1)
        var cited = FlattenedTextRecognizer.NumberingState()
        XCTAssertEqual(FlattenedTextRecognizer.splitAtInlineLabels("二、主动公开情况第二十条第（一）项信息内容本年制发件数", &cited).count, 1)
    }

    func testListItemsAfterAColon() {
        var state = FlattenedTextRecognizer.NumberingState()
        let parts = FlattenedTextRecognizer.splitAtInlineLabels("六、主要问题和改进措施。我们将采取以下措施加以改进：（一）继续强化公开责任。切实贯彻条例。（二）继续完善公开机制。", &state)
        XCTAssertEqual(parts, ["六、主要问题和改进措施。我们将采取以下措施加以改进：", "（一）继续强化公开责任。切实贯彻条例。", "（二）继续完善公开机制。"])
        var listed = FlattenedTextRecognizer.NumberingState()
        // An enumeration after a colon that does not start at 1 stays in its sentence.
        XCTAssertEqual(FlattenedTextRecognizer.splitAtInlineLabels("一、总体要求。范围包括：三、四类事项在内的全部内容。", &listed).count, 1)
    }

    /// Regulations number each article's items afresh: a flattened article's list splits from its sentence.
    func testArticleItemsRestartInEveryArticle() {
        var state = FlattenedTextRecognizer.NumberingState()
        _ = FlattenedTextRecognizer.splitAtInlineLabels("第十条 下列信息应当公开：（一）机构职能；（二）规范性文件。", &state)
        let parts = FlattenedTextRecognizer.splitAtInlineLabels("第十一条 本局重点公开下列信息：（一）职责概况；（二）业务统计。", &state)
        XCTAssertEqual(parts, ["第十一条 本局重点公开下列信息：", "（一）职责概况；", "（二）业务统计。"])
    }

    func testSectionLabelRunOnAfterTableFigures() {
        var state = FlattenedTextRecognizer.NumberingState()
        let parts = FlattenedTextRecognizer.splitAtInlineLabels(
            "二、主动公开政府信息情况信息内容本年制发件数规章000行政规范性文件77132470收费金额5949.08三、收到和处理政府信息公开申请情况申请人情况自然人其他一、本年新收申请数量8", &state)
        XCTAssertEqual(parts.count, 2, "\(parts)")
        XCTAssertTrue(parts[1].hasPrefix("三、收到和处理"))
        // The table's own row label with the next number (its figures follow at once) is no section.
        var table = FlattenedTextRecognizer.NumberingState()
        let rows = FlattenedTextRecognizer.splitAtInlineLabels(
            "三、收到和处理政府信息公开申请情况总计801000081四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议110024", &table)
        XCTAssertEqual(rows.count, 2, "\(rows)")
        XCTAssertTrue(rows.last?.hasPrefix("四、政府信息公开行政复议") == true)
        // Not the next section number: a figure, then a table's own row label, stays.
        var fresh = FlattenedTextRecognizer.NumberingState()
        XCTAssertEqual(FlattenedTextRecognizer.splitAtInlineLabels("一、总体情况全年公开信息共计120五、其他事项如下说明。", &fresh).count, 1)
    }

    func testRunInHeadings() {
        XCTAssertEqual(ClauseLabel.heading(from: "主动公开方面我区切实落实国务院办公厅有关要求，坚持应公开尽公开。"), "主动公开方面")
        XCTAssertEqual(ClauseLabel.heading(from: "概述2016年，在各单位的共同努力下，我区积极推进公开。"), "概述")
        XCTAssertEqual(ClauseLabel.heading(from: "总体情况 2023年，我区坚持以人民为中心推进政务公开。"), "总体情况")
        // 情况 followed by 和: part of the heading's own words.
        XCTAssertEqual(ClauseLabel.heading(from: "及时公开工作进展情况和存在问题，接受社会监督。"), "及时公开工作进展情况和存在问题，接受社会监督")
        XCTAssertEqual(ClauseLabel.heading(from: "加强组织领导。各区要明确责任。"), "加强组织领导")
    }
}

/// The quality record the structure stage writes for editors.
final class QualityCheckTests: XCTestCase {
    static func document(_ raw: String) -> Document {
        let cleaned = Cleaner().clean(raw)
        let normalized = NormalizedText(text: cleaned.text, original: cleaned.text, script: "simplified", variant: "mainland", conversion: "none")
        var input = StructureInput(id: "t", source: Source(path: "t.txt", sha256: "", format: "txt", encoding: "utf-8"),
                                   normalized: normalized, pageMetadata: [:], pageTitle: nil, removed: cleaned.removed)
        input.layout = cleaned.layout
        return Structurer().structure(input)
    }

    func testWellFormedPlanHasNoWarningsAndFullCoverage() {
        let d = Self.document(LayoutRecognizerTests.plan)
        XCTAssertEqual(d.quality.layout, "lines")
        XCTAssertEqual(d.quality.warnings, [])
        XCTAssertGreaterThan(d.quality.clauseCoverage, 0.7)
        XCTAssertEqual(d.metadataSources["title"], "body")
    }

    func testFlattenedPlanNamesItsLayout() {
        let d = Self.document(LayoutRecognizerTests.lines.joined(separator: " "))
        XCTAssertTrue(d.quality.layout.contains("flattened"), d.quality.layout)
    }

    func testCrawlerTitleIsSourced() {
        let d = Self.document("标题: 某县2023年政府信息公开工作年度报告\n发布时间: 2024-01-10\n发布机构: 某县人民政府办公室\n========== 正文 ==========\n一、总体情况\n全年公开信息一百条。\n二、主动公开情况\n公开文件十件。")
        XCTAssertEqual(d.metadataSources["title"], "crawler-header")
        XCTAssertEqual(d.metadataSources["issuer"], "crawler-header")
        XCTAssertTrue(d.quality.layout.hasPrefix("header-fields"), d.quality.layout)
    }

    func testNumberingThatBuildsNoTreeAndAMissingTitleAreFlagged() {
        // Numbered questions are a Q&A, not clauses: numbering in the text, no tree. The first
        // line is a sentence, not a title.
        let d = Self.document("据统计，全年办理事项较多，有关问题解答如下。\n一、如何申请公开？\n通过网站提交。\n二、多久答复？\n二十个工作日内。")
        XCTAssertTrue(d.clauses.isEmpty)
        XCTAssertTrue(d.quality.warnings.contains("numbering-without-tree"), "\(d.quality.warnings)")
        XCTAssertTrue(d.quality.warnings.contains("title-not-found"), "\(d.quality.warnings)")
    }

    func testLowCoverageIsFlagged() {
        let long = String(repeating: "本段为说明性文字，不属于任何条款。", count: 20)
        let d = Self.document("某市关于开展检查的通知\n\(long)\n一、检查范围\n全市。")
        XCTAssertTrue(d.quality.warnings.contains("low-clause-coverage"), "\(d.quality.warnings) \(d.quality.clauseCoverage)")
    }
}

/// A task table flattened into text reads as the same task clauses as the table itself.
final class TaskTableLayoutTests: XCTestCase {
    static func fixture() throws -> (text: String, expect: [String]) {
        let raw = try StructureFixtureTests.fixture("task_table")
        let lines = raw.components(separatedBy: "\n")
        return (lines.filter { !$0.hasPrefix("#! ") }.joined(separator: "\n"), lines.filter { $0.hasPrefix("#! clause") || $0.hasPrefix("#! unit") })
    }

    static func summary(_ raw: String) -> [String] {
        let cleaned = Cleaner().clean(raw)
        let d = StructureFixtureTests.structure(cleaned.text)
        return d.clauses.map { "\($0.id) \($0.heading) | " + $0.units.map { "\($0.name) \($0.role.rawValue)" }.joined(separator: ", ") + " | \($0.deadlines)" }
    }

    func testFlattenedTaskTableGivesTheTableClauses() throws {
        let (text, _) = try Self.fixture()
        let table = Self.summary(text)
        XCTAssertEqual(table.count, 5, "\(table)")
        // Every cell and row separator a space, the whole table on one line after its title.
        let lines = text.components(separatedBy: "\n").filter { !$0.isEmpty }
        let flat = lines[0] + "\n" + lines.dropFirst().map { $0.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertEqual(Self.summary(flat), table)
        // With its TABs kept and only the rows run together.
        let tabs = lines[0] + "\n" + lines.dropFirst().map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\t")) }.joined(separator: "\t")
        XCTAssertEqual(Self.summary(tabs), table)
    }

    func testTextAfterTheLastRowIsText() {
        let rows = TaskTableRecognizer.relayout("任务如下 序号 工作任务 牵头单位 完成时限 1 做好预算公开 市财政局 6月底前 2 推进政策解读 市政府办公厅 长期 各单位要抓好落实。")
        XCTAssertEqual(rows, ["任务如下", "序号\t工作任务\t牵头单位\t完成时限", "1\t做好预算公开\t市财政局\t6月底前", "2\t推进政策解读\t市政府办公厅\t长期", "各单位要抓好落实。"])
        XCTAssertNil(TaskTableRecognizer.relayout("序号 说明 本表序号与正文一致"))
    }
}
