import XCTest
@testable import GazetteCore
import GazetteModel

/// Metadata from crawler headers, front matter, regulations' passage history, speeches,
/// bulletins and signatures. All texts are made up.
final class HeaderMetadataTests: XCTestCase {
    static func structure(_ text: String, fields: [(String, String, String)] = [], pageMetadata: [String: String] = [:]) -> Document {
        let normalized = NormalizedText(text: text, original: text, script: "simplified", variant: "mainland", conversion: "none")
        let source = Source(path: "Corpus/test.txt", sha256: "", format: "txt", encoding: "utf-8")
        var input = StructureInput(id: "test", source: source, normalized: normalized, pageMetadata: pageMetadata, pageTitle: nil, removed: [])
        input.layout.fields = fields.map { HeaderField(key: $0.0, value: $0.1, source: $0.2) }
        return Structurer().structure(input)
    }

    func testCrawlerHeaderTitleIssuerAndDateOutrankBodyGuesses() {
        let d = Self.structure("本报告由我县政府办公室编制完成。\n一、总体情况\n全年公开信息一百条。",
                               fields: [("标题", "青岭县2020年度政府信息公开工作年度报告", "crawler-header"),
                                        ("发布日期", "2021-01-20 10:00", "crawler-header"),
                                        ("发布机构", "青岭县人民政府办公室", "crawler-header")])
        XCTAssertEqual(d.title, "青岭县2020年度政府信息公开工作年度报告")
        XCTAssertEqual(d.issuer, "青岭县人民政府办公室")
        XCTAssertEqual(d.issueDate, "2021-01-20")
        XCTAssertEqual(d.region, "青岭县")
        XCTAssertEqual(d.year, 2020)
        XCTAssertEqual(d.docType, .annualReport)
    }

    func testAnnualReportCompilerWhenHeaderHasNoIssuer() {
        let d = Self.structure("根据条例要求，我区管委会办公室编制完成了本报告。\n一、总体情况\n全年公开信息一百条。",
                               fields: [("标题", "云岫新区2019年度政府信息公开工作年度报告", "crawler-header"), ("发布日期", "2020-01-15", "crawler-header")])
        XCTAssertEqual(d.region, "云岫新区")
        XCTAssertEqual(d.issuer, "云岫新区管委会办公室")
        XCTAssertEqual(d.issueDate, "2020-01-15")
    }

    func testWebSiteAuthorIsNoIssuerAndSpokespersonTitleDatesTheDocument() {
        let d = Self.structure("5月6日下午，发言人主持例行记者会。\n问：请介绍有关情况。\n答：谢谢提问。",
                               fields: [("标题", "2019年5月6日商务部新闻发言人答记者问", "crawler-header"),
                                        ("发布机构", "某某新闻网站", "crawler-header")])
        XCTAssertEqual(d.title, "2019年5月6日商务部新闻发言人答记者问")
        XCTAssertEqual(d.issuer, "商务部")
        XCTAssertEqual(d.region, "全国")
        XCTAssertEqual(d.issueDate, "2019-05-06")
        XCTAssertEqual(d.year, 2019)
    }

    func testFrontMatterTitleAuthorDateAndNoTOCTitle() {
        let d = Self.structure("目录\n章节\n第一章 总则\n第一条 为了规范档案管理，制定本办法。\n第二条 本办法适用于本省。",
                               fields: [("标题", "青川省档案查阅办法", "front-matter"), ("发布日期", "2019-08-01", "front-matter"),
                                        ("发布机构", "青川省人民政府", "front-matter")])
        XCTAssertEqual(d.title, "青川省档案查阅办法")
        XCTAssertEqual(d.issuer, "青川省人民政府")
        XCTAssertEqual(d.issueDate, "2019-08-01")
        XCTAssertEqual(d.region, "青川省")
        XCTAssertEqual(d.year, 2019)
        XCTAssertEqual(d.docType, .other)
    }

    func testPrintNoteAfterBodyOutranksFrontMatterDateButNotItsAuthor() {
        let d = Self.structure("第一条 为了规范裁量，制定本规定。\n第二条 本规定自2019年1月1日起施行。\n附件：\n- 附件1-裁量表.pdf\n青川省水利厅办公室\n2018年11月3日印发",
                               fields: [("标题", "青川省水利行政处罚裁量规定", "front-matter"), ("发布日期", "2019-01-01", "front-matter"),
                                        ("发布机构", "青川省水利厅", "front-matter")])
        XCTAssertEqual(d.issueDate, "2018-11-03")
        XCTAssertEqual(d.issuer, "青川省水利厅")
    }

    func testNoticeTitleBrokenOverShortLines() {
        let d = Self.structure("""
        国务院关于加快推进某某领域
        改革试点工作的通知
        国发〔2020〕9号
        各省、自治区、直辖市人民政府：
        现就有关事项通知如下。
        一、总体要求
        内容。
        国务院
        2020年5月6日
        """)
        XCTAssertEqual(d.title, "国务院关于加快推进某某领域改革试点工作的通知")
        XCTAssertEqual(d.issuer, "国务院")
        XCTAssertEqual(d.region, "全国")
        XCTAssertEqual(d.docNumber, "国发〔2020〕9号")
        XCTAssertEqual(d.issueDate, "2020-05-06")
        XCTAssertEqual(d.docType, .notice)
        let opinion = Self.structure("某某部办公厅关于推进\n基层某某服务标准化建设\n的指导意见\n一、总体要求\n内容。")
        XCTAssertEqual(opinion.title, "某某部办公厅关于推进基层某某服务标准化建设的指导意见")
        XCTAssertEqual(opinion.docType, .other)
    }

    func testDocTypeOfForwardingNotices() {
        XCTAssertEqual(MetadataExtractor.docType(title: "某某部关于印发某某管理暂行办法的通知", planTitle: "某某管理暂行办法", wrapped: true), .notice)
        XCTAssertEqual(MetadataExtractor.docType(title: "某某省关于印发《某某工作实施意见》的通知", planTitle: "某某工作实施意见", wrapped: true), .implementationPlan)
        XCTAssertEqual(MetadataExtractor.docType(title: "某某市2021年某某重点任务分解表", planTitle: "某某市2021年某某重点任务分解表", wrapped: false), .workPlan)
        XCTAssertEqual(MetadataExtractor.docType(title: "某某局关于某某事项的公告", planTitle: "某某局关于某某事项的公告", wrapped: false), .notice)
        XCTAssertEqual(MetadataExtractor.docType(title: "某某市养犬管理条例", planTitle: "某某市养犬管理条例", wrapped: false), .other)
    }

    func testLocalRegulationPassageHistory() {
        let d = Self.structure("""
        青州市养犬管理条例
        2018年10月20日 青州市第十六届人民代表大会常务委员会第九次会议通过
        2019年1月10日 青川省第十三届人民代表大会常务委员会第七次会议批准
        2021年6月1日 青州市第十七届人民代表大会常务委员会第三次会议通过并经2021年7月28日青川省第十三届人民代表大会常务委员会第二十次会议批准的《关于修改部分地方性法规的决定》修正
        第一条 为了规范养犬行为，制定本条例。
        第二条 本条例自2019年3月1日起施行。
        """)
        XCTAssertEqual(d.issuer, "青州市人民代表大会常务委员会")
        XCTAssertEqual(d.issueDate, "2021-07-28")
        XCTAssertEqual(d.region, "青州市")
        XCTAssertEqual(d.year, 2021)
        XCTAssertNil(d.docNumber)
    }

    func testDecreeLineGivesNumberIssuerAndDateNotTheEffectiveDate() {
        let d = Self.structure("某某事项管理规定\n2020年3月2日 国家某某管理总局令第12号公布\n2020年5月1日 施行\n第一条 为了规范某某事项，制定本规定。\n第二条 本规定适用于全国。")
        XCTAssertEqual(d.docNumber, "国家某某管理总局令第12号")
        XCTAssertEqual(d.issuer, "国家某某管理总局")
        XCTAssertEqual(d.issueDate, "2020-03-02")
        XCTAssertEqual(d.region, "全国")
        XCTAssertEqual(d.year, 2020)
    }

    func testAdoptionLineAndSpeechDate() {
        let r = Self.structure("第九届全国人民代表大会第二次会议关于某某报告的决议\n（1999年3月15日第九届全国人民代表大会第二次会议通过）\n会议听取了报告，决定批准这个报告。")
        XCTAssertEqual(r.issuer, "第九届全国人民代表大会第二次会议")
        XCTAssertEqual(r.issueDate, "1999-03-15")
        XCTAssertEqual(r.region, "全国")
        XCTAssertEqual(r.year, 1999)
        let s = Self.structure("政府工作报告\n——2019年1月15日在青州市第十五届人民代表大会第四次会议上\n青州市市长\n王某\n各位代表：\n现在报告工作。\n一、过去一年\n内容。")
        XCTAssertEqual(s.issueDate, "2019-01-15")
        XCTAssertEqual(s.issuer, "青州市人民政府")
        let n = Self.structure("政府工作报告\n——2020年3月1日在全国某某会议上\n国务院总理\n某某\n各位代表：\n现在报告工作。\n一、过去一年\n内容。")
        XCTAssertEqual(n.issuer, "国务院")
        XCTAssertEqual(n.region, "全国")
    }

    func testSignatureDateVariants() {
        // Zero written as a Latin capital O, the date run into the last sentence.
        let glued = Self.structure("第一条 为了规范信息公开，制定本办法。\n第二条 本办法自发布之日起施行。二O一九年三月五日\n附件下载")
        XCTAssertEqual(glued.issueDate, "2019-03-05")
        XCTAssertEqual(MetadataExtractor.dateOf("二○一八年一月十日"), "2018-01-10")
        XCTAssertEqual(MetadataExtractor.dateOf("二零一七年十二月三十日"), "2017-12-30")
        XCTAssertEqual(MetadataExtractor.dateOf("二〇二〇年二月一日"), "2020-02-01")
        // A date alone after the body, no issuer line above it.
        let alone = Self.structure("一、概述\n全年公开信息。\n二、存在问题\n力量不足。\n二○一五年一月八日\n统计表\n指标 数量")
        XCTAssertEqual(alone.issueDate, "2015-01-08")
    }

    func testJointSignatureStackedOnLines() {
        let d = Self.structure("各区县：\n现将方案印发给你们。\n中共青州市委办公室\n青州市人民政府办公室 2020年2月3日\n青州市某某工作实施方案\n一、目标\n内容。")
        XCTAssertEqual(d.issuer, "中共青州市委办公室、青州市人民政府办公室")
        XCTAssertEqual(d.issueDate, "2020-02-03")
        XCTAssertEqual(d.region, "青州市")
        XCTAssertEqual(d.docType, .implementationPlan)
        let t = MetadataExtractor.issuerFromTitle("中共青川省委办公厅 青川省人民政府办公厅关于印发《某某实施意见》的通知")
        XCTAssertEqual(t, "中共青川省委办公厅、青川省人民政府办公厅")
    }

    func testBulletinJointIssuerLineTableOnSplitLinesAndClosingOrganisation() {
        let d = Self.structure("""
        发布机构：
        青岭县统计局
        生成日期：
        2020-03-25
        青岭县2019年国民经济和社会发展统计公报
        青岭县统计局 国家统计局青岭调查队
        （2020年3月20日）
        2019年，全县经济平稳。
        一、综合
        内容。
        """)
        XCTAssertEqual(d.title, "青岭县2019年国民经济和社会发展统计公报")
        XCTAssertEqual(d.issuer, "青岭县统计局、国家统计局青岭调查队")
        XCTAssertEqual(d.issueDate, "2020-03-20")
        XCTAssertEqual(d.region, "青岭县")
        XCTAssertEqual(d.year, 2019)
        let month = Self.structure("生成日期：\n2020-03-25\n青岭县2019年统计公报\n青岭县统计局 国家统计局青岭调查队\n（2020年3月）\n2019年，全县经济平稳。\n一、综合\n内容。")
        XCTAssertEqual(month.issueDate, "2020-03-25")
        let closing = Self.structure("青岭县2018年统计公报\n2018年，全县经济平稳。\n一、综合\n内容。\n（青岭县统计局）")
        XCTAssertEqual(closing.issuer, "青岭县统计局")
    }

    func testSignatureRunIntoThePlanTitleWhenLineBreaksWereLost() {
        let d = Self.structure("各区县人民政府：\n现将《2022年青州市某某工作要点》印发给你们。\n青州市人民政府办公厅 2022年4月8日 2022年青州市某某工作要点 2022年是关键之年。\n一、总体要求\n内容。")
        XCTAssertEqual(d.issuer, "青州市人民政府办公厅")
        XCTAssertEqual(d.issueDate, "2022-04-08")
        XCTAssertEqual(d.title, "2022年青州市某某工作要点")
        XCTAssertEqual(d.docType, .workPlan)
    }

    func testForwardedDocumentNamesTheTitleWhenNoLineDoes() {
        let d = Self.structure("点击:12 各区人民政府,市政府各部门: 《2021年青州市某某工作要点》已经市政府同意,现印发给你们,请认真贯彻落实。\n一、总体要求\n内容。")
        XCTAssertEqual(d.title, "2021年青州市某某工作要点")
        XCTAssertEqual(d.docType, .workPlan)
        XCTAssertEqual(MetadataExtractor.forwardedTitle("现将《某某实施方案》印发给你们，请认真执行。"), "某某实施方案")
    }

    func testEmptyFieldRunIntoTheNextKeyHasNoValue() {
        let d = Self.structure("青岭县某某工作规定\n第一条 为了规范工作，制定本规定。\n第二条 本规定自发布之日起施行。",
                               fields: [("发文字号", "发布机构: 青岭县公安局", "crawler-header"), ("发布机构", "青岭县公安局", "crawler-header")],
                               pageMetadata: ["文号": "发布机构: 青岭县公安局"])
        XCTAssertNil(d.docNumber)
        XCTAssertEqual(d.issuer, "青岭县公安局")
        XCTAssertEqual(d.region, "青岭县")
    }

    func testRegions() {
        XCTAssertEqual(MetadataExtractor.region(issuer: "中共青川省委办公厅、青川省人民政府办公厅", titles: []), "青川省")
        XCTAssertEqual(MetadataExtractor.region(issuer: "云岫新区管委会办公室", titles: []), "云岫新区")
        XCTAssertEqual(MetadataExtractor.region(issuer: "青岭县公安局", titles: []), "青岭县")
        XCTAssertEqual(MetadataExtractor.region(issuer: "国家某某管理总局", titles: []), "全国")
        XCTAssertEqual(MetadataExtractor.region(issuer: "最高人民法院", titles: []), "全国")
        XCTAssertEqual(MetadataExtractor.region(issuer: "财政部", titles: []), "全国")
        XCTAssertNotEqual(MetadataExtractor.region(issuer: "国家税务总局青州市税务局", titles: []), "全国")
        XCTAssertEqual(MetadataExtractor.region(issuer: nil, titles: ["国务院关于某某工作的意见"]), "全国")
    }
}
