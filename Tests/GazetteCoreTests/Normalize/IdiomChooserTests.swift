import XCTest
@testable import GazetteCore

/// `IdiomChooser` on small made-up statistics (data/idiom_choices.tsv's format), then on the shipped ones.
final class IdiomChooserTests: XCTestCase {
    let stats = """
    # form, candidates; contexts
    F\t资料\t资料:9021,数据:5232
    F\t执行\t执行:14504,运行:3393
    F\t许可权\t权限:586
    C\t资料来源\t0\t资料\t数据\t40
    C\t资料来源\t0\t资料\t资料\t10
    C\t资料室\t0\t资料\t资料\t30
    C\t统计资料\t2\t资料\t数据\t50
    C\t平稳执行\t2\t执行\t运行\t20
    C\t稳执行器\t1\t执行\t运行\t5
    """

    func testContextWordDecides() {
        let c = IdiomChooser(source: stats)
        let (text, choices) = c.choose("本报告统计资料来自市统计局，资料室另存纸质资料。")
        XCTAssertEqual(text, "本报告统计数据来自市统计局，资料室另存纸质资料。")
        XCTAssertEqual(choices.map(\.chosen), ["数据", "资料", "资料"])
        XCTAssertTrue(choices[0].reason.hasPrefix("context 统计资料←数据 50"), choices[0].reason)
        XCTAssertTrue(choices[1].reason.hasPrefix("context 资料室←资料 30"), choices[1].reason)
        XCTAssertTrue(choices[2].reason.hasPrefix("frequency"), choices[2].reason)
        XCTAssertEqual(choices[0].candidates, ["资料", "数据"])
    }

    func testLongestContextWinsThenNeighbours() {
        let c = IdiomChooser(source: stats)
        XCTAssertEqual(c.choose("经济平稳执行。").text, "经济平稳运行。")
        // No context word covers 稳执行 here; the neighbour 稳 occurs before 运行's contexts only,
        // but in two rare words (25 in all), too little against 执行's frequency.
        let (text, choices) = c.choose("保持稳执行，")
        XCTAssertEqual(text, "保持稳执行，")
        XCTAssertTrue(choices[0].reason.hasPrefix("frequency"), choices[0].reason)
        // Without evidence the form itself stays unless another candidate is keepFactor times as frequent.
        XCTAssertEqual(c.choose("严格执行。").text, "严格执行。")
    }

    /// Neighbours weigh against the prior: a neighbour met in one rare word does not overturn
    /// the candidates' frequencies; many meetings do.
    func testNeighboursWeighAgainstThePrior() {
        let c = IdiomChooser(source: """
        F\t开启\t打开:4537,开启:799
        C\t手机开启器\t2\t开启\t开启\t12
        C\t新开启时代\t1\t开启\t开启\t\(IdiomChooser.priorWeight * 2)
        """)
        let weak = c.choose("用手机开启应用")
        XCTAssertEqual(weak.text, "用手机打开应用")
        XCTAssertTrue(weak.choices[0].reason.hasPrefix("frequency"), weak.choices[0].reason)
        // A context word one character longer than the form weighs the same way.
        let short = IdiomChooser(source: "F\t建立\t建立:19460,创建:5675\nC\t建立一\t0\t建立\t创建\t200\nC\t建立全国文明\t0\t建立\t创建\t200\n")
        XCTAssertEqual(short.choose("建立一库一档。").text, "建立一库一档。")
        XCTAssertEqual(short.choose("建立全国文明城市。").text, "创建全国文明城市。")
        let strong = c.choose("全面新开启。")
        XCTAssertEqual(strong.text, "全面新开启。")
        XCTAssertTrue(strong.choices[0].reason.hasPrefix("neighbours 新_"), strong.choices[0].reason)
        // Smoothing: the neighbour mass plus the prior's pseudo-counts, shared by frequency.
        let m = IdiomChooser.smoothed(["开启": 12], prior: ["打开": 3, "开启": 1])
        XCTAssertGreaterThan(m["打开"]!, m["开启"]!)
        let n = IdiomChooser.smoothed(["开启": IdiomChooser.priorWeight], prior: ["打开": 3, "开启": 1])
        XCTAssertGreaterThan(n["开启"]!, n["打开"]!)
    }

    func testSingleCandidateAndProtectedSpans() {
        let c = IdiomChooser(source: stats)
        XCTAssertEqual(c.choose("依照许可权办理").text, "依照权限办理")
        let (text, choices) = c.choose("资料来源：统计资料", protected: [0..<4])
        XCTAssertEqual(text, "资料来源：统计数据")
        XCTAssertEqual(choices.count, 1)
    }

    func testShippedStatisticsHoldTheIssuesWords() {
        let c = IdiomChooser.shared
        XCTAssertGreaterThan(c.formCount, 500)
        for (form, mainland) in [("资料", "数据"), ("执行", "运行"), ("开启", "打开"), ("装置", "设备"), ("介面", "接口"),
                                 ("呼叫", "调用"), ("许可权", "权限"), ("扩充套件", "扩展"), ("连结", "链接")] {
            XCTAssertTrue(c.candidates(of: form).contains(mainland), "\(form): \(c.candidates(of: form))")
        }
    }

    /// Mainland text and s2hk output are never read by the chooser: the Taiwan-idiom gate.
    func testMainlandAndHongKongTextUntouched() throws {
        let n = try XCTUnwrap(NormalizeTestSupport.normalizer, "OpenCC dictionaries not found (run make build-debug)")
        let mainland = "平台运行数据在线公开，打开链接即可查看设备接口和用户权限。"
        let r = try n.normalize(mainland)
        XCTAssertEqual(r.text, mainland)
        XCTAssertTrue(r.choices.isEmpty)
        // s2hk output: 衞 and other Hong Kong forms are not Taiwan-idiom evidence.
        let hk = try n.normalize("保衞工作平台運行數據在線公開，衞生部門打開鏈接查看設備接口和用戶權限。衞生健康委")
        XCTAssertEqual(hk.variant, "mainland")
        XCTAssertTrue(hk.choices.isEmpty)
    }
}
