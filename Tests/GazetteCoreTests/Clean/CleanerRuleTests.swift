import XCTest
import GazetteModel
@testable import GazetteCore

/// Each clean rule on a line it must remove, and on prose it must leave alone.
final class CleanerRuleTests: XCTestCase {
    func rules(_ s: String) -> [String] { Cleaner().clean(s).removed.map(\.rule) }
    func kept(_ s: String, file: StaticString = #filePath, line: UInt = #line) {
        let c = Cleaner().clean(s)
        XCTAssertEqual(c.removed, [], "must keep: \(s)", file: file, line: line)
        XCTAssertEqual(c.text, s, file: file, line: line)
    }

    func testChromeLinesAreRemoved() {
        let chrome: [(String, String)] = [
            ("字号 默认 超大 | 打印", "font-size-controls"), ("【字体：大 中 小】", "font-size-controls"),
            ("扫一扫在手机打开当前页", "qr-code"), ("【我要纠错】", "report-error"), ("【打印本页】 【关闭窗口】", "print-controls"),
            ("责任编辑：王小明", "editor-credit"), ("（责任编辑：李四）", "editor-credit"),
            ("版权所有：上海市人民政府办公厅 沪ICP备05003086号", "copyright"), ("主办单位：北京市人民政府办公厅", "copyright"),
            ("Copyright © 2020 www.gov.cn All Rights Reserved", "copyright"),
            ("当前位置：首页 > 政务公开 > 政策文件", "navigation"), ("首页 > 政府信息公开", "navigation"),
            ("上一篇：关于印发2019年工作要点的通知", "page-nav"), ("分享到：微博 微信", "print-controls"),
            ("无障碍 | 长者模式 | 登录", "site-header"), ("浏览次数：1024", "view-count"),
            ("发布时间：2020-03-27 来源：市政府办公厅", "source-line"),
            ("首页 | 政务公开 | 互动交流 | 办事服务", "navigation"), ("机构概况｜政策文件｜新闻动态", "navigation"),
        ]
        for (line, rule) in chrome {
            XCTAssertEqual(rules("一、总体要求\n" + line + "\n加强政策解读。"), [rule], line)
        }
    }

    func testProseMentioningChromeWordsIsKept() {
        kept("(三)推广自助打印服务,方便企业群众办事。")
        kept("(二)推广二维码应用")
        kept("各主办单位要按照要求做好信息公开工作")
        kept("七、如何报名参加“政府开放月”活动?")      // a real question mark
        kept("推进政府和社会资本合作(PPP)项目信息公开。")   // an abbreviation, not pinyin
        kept("关于收藏文物的管理办法")
        kept("编辑出版政府公报")
        kept("2023年3月31日")
        kept("相关部门要加强协作")
        kept("1.门户网站。登陆“中国上海”门户网站政府开放专栏")
    }

    func testLostSpaceMojibake() {
        let c = Cleaner().clean("上海市人民政府办公厅\n2023年3月31日? ?\n各区政府?? 各部门")
        XCTAssertEqual(c.text, "上海市人民政府办公厅\n2023年3月31日\n各区政府 各部门")
        XCTAssertEqual(c.removed.map(\.rule), ["lost-space-mojibake", "lost-space-mojibake"])
    }

    func testFoldingAndNoise() {
        let c = Cleaner().clean("推进政务(zhèng wù)公开（gōng kāi）工作\u{200B}，２０２３年完成ＡＢＣ认证&nbsp;共&9826;计&#12288;３项")
        XCTAssertEqual(c.text, "推进政务公开工作，2023年完成ABC认证 共计 3项")
        XCTAssertEqual(Set(c.removed.map(\.rule)), ["pinyin-noise", "watermark-characters", "html-entity"])
        XCTAssertEqual(Cleaner().clean("做好政务公开(zheng4 wu4)").text, "做好政务公开")
    }

    func testEntitiesDecodedToAFixedPoint() {
        XCTAssertEqual(Cleaner().clean("甲&amp;lt;乙&ldquo;丙&rdquo;").text, "甲<乙“丙”")
        XCTAssertEqual(Cleaner().clean("R&D研发&unknown;").text, "R&D研发&unknown;")
    }

    func testRelatedLinksBlockStopsAtProse() {
        let c = Cleaner().clean("正文最后一段。\n相关链接\n关于政务公开的通知\n政务公开解读\n附件:任务分工表")
        XCTAssertEqual(c.removed.map(\.rule), ["related-links", "related-links", "related-links", "related-links"])
        let d = Cleaner().clean("相关链接:\n一、总体要求\n全面推进政务公开。")
        XCTAssertEqual(d.text, "一、总体要求\n全面推进政务公开。", "a numbered heading ends a link block")
    }

    func testBlankLinesAndSpacingAreLayout() {
        XCTAssertEqual(Cleaner().clean("  一、总体要求  \n\n\n\u{3000}\u{3000}坚持   公开为常态\r\n").text, "一、总体要求\n坚持 公开为常态")
    }

    func testRepeatedTitleEchoIsDropped() {
        let c = Cleaner().clean("关于印发政务公开工作要点的通知\n\n关于印发政务公开工作要点的通知\n正文。")
        XCTAssertEqual(c.text, "关于印发政务公开工作要点的通知\n正文。")
        XCTAssertEqual(c.removed.map(\.rule), ["repeated-line"])
    }
}

/// Table rows arrive as TAB-separated cells; the structure stage reads task tables from them.
final class CleanerTableTests: XCTestCase {
    func testTableRowsKeepTheirCells() throws {
        let html = """
        <html><body><div class="article"><p>附件：2023年政务公开重点工作任务分工</p>
        <table><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>
        <tr><td>1</td><td>推进决策公开，
            完善公众参与机制</td><td> 市发展改革委 </td></tr>
        <tr><td>2</td><td></td><td>市财政局</td></tr></table></div></body></html>
        """
        let ingested = try Ingester().ingest(bytes: Array(html.utf8), path: "t.html", sha256: "")
        let cleaned = Cleaner().clean(ingested.text)
        XCTAssertEqual(cleaned.text, "附件：2023年政务公开重点工作任务分工\n序号\t工作任务\t责任单位\n1\t推进决策公开，完善公众参与机制\t市发展改革委\n2\t\t市财政局")
        XCTAssertEqual(Cleaner().clean(cleaned.text).text, cleaned.text)
    }
}
