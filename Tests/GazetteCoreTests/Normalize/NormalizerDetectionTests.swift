import XCTest
@testable import GazetteCore

/// Detector decisions on short made-up texts in each script and variant.
final class NormalizerDetectionTests: XCTestCase {
    private func normalizer() throws -> Normalizer {
        try XCTUnwrap(NormalizeTestSupport.normalizer, "OpenCC dictionaries not found (run make build-debug)")
    }

    func testSimplifiedMainlandPassesThroughUnchanged() throws {
        let text = "各区人民政府要建立健全政务公开制度，认真执行有关规定，及时发布政策文件，加强政民互动。\n"
        let r = try normalizer().normalize(text)
        XCTAssertEqual(r.text, text)
        XCTAssertEqual(r.script, "simplified")
        XCTAssertEqual(r.variant, "mainland")
        XCTAssertEqual(r.conversion, "none")
    }

    func testStandardTraditionalMainlandIdiomUsesT2SAndKeepsMainlandWords() throws {
        let r = try normalizer().normalize("各區人民政府要建立健全政務公開制度，認真執行有關規定，及時發布政策文件，加強政民互動。")
        XCTAssertEqual(r.text, "各区人民政府要建立健全政务公开制度，认真执行有关规定，及时发布政策文件，加强政民互动。")
        XCTAssertEqual(r.script, "traditional")
        XCTAssertEqual(r.variant, "mainland")
        XCTAssertTrue(r.conversion.hasPrefix("t2s"), r.conversion)
    }

    func testTaiwanIdiomIsDetectedAndReversed() throws {
        let r = try normalizer().normalize("市政府透過入口網站釋出資訊，並持續最佳化資料庫與網路服務，簡化辦事程式。民眾可在視窗列印表單。")
        XCTAssertEqual(r.text, "市政府通过门户网站发布信息，并持续优化数据库与网络服务，简化办事程序。民众可在窗口打印表单。")
        XCTAssertEqual(r.variant, "taiwan")
        XCTAssertTrue(r.conversion.hasSuffix("+tw-phrases"), r.conversion)
    }

    func testTaiwanZheChoosesTW2S() throws {
        let r = try normalizer().normalize("這裡要著力推進政務公開，顯著提升服務水準。")
        XCTAssertEqual(r.text, "这里要着力推进政务公开，显著提升服务水准。")
        XCTAssertTrue(r.conversion.hasPrefix("tw2s"), r.conversion)
        XCTAssertEqual(r.variant, "mainland", "Taiwan characters without Taiwan idiom")
    }

    func testHongKongFormsAreMappedAndHongKongIdiomIsDetected() throws {
        let r = try normalizer().normalize("特區政府衞生署與立法會議員會面，行政長官説明綫上服務安排，區議會亦有參與。")
        XCTAssertEqual(r.text, "特区政府卫生署与立法会议员会面，行政长官说明线上服务安排，区议会亦有参与。")
        XCTAssertEqual(r.conversion, "t2s+hk-forms+phrases")
        XCTAssertEqual(r.variant, "hongkong")
    }

    func testStandardZheKeepsT2S() throws {
        let r = try normalizer().normalize("這裏要着力推進政務公開，顯著提升服務水準。")
        XCTAssertEqual(r.text, "这里要着力推进政务公开，显著提升服务水准。")
        XCTAssertTrue(r.conversion.hasPrefix("t2s"), r.conversion)
    }

    func testMixedScriptIsConverted() throws {
        let r = try normalizer().normalize("政务公开工作要点。政务公开工作要点。政務公開工作要點。")
        XCTAssertEqual(r.script, "mixed")
        XCTAssertEqual(r.text, "政务公开工作要点。政务公开工作要点。政务公开工作要点。")
    }

    func testAFewTaiwanWordsInALongMainlandTextDoNotSwitchIdiom() throws {
        let body = String(repeating: "各區人民政府要建立健全政務公開制度，認真執行有關規定，及時發布政策文件。", count: 600)
        let r = try normalizer().normalize(body + "詳見超鏈結。資訊。資訊。資訊。")
        XCTAssertEqual(r.variant, "mainland")
        XCTAssertTrue(r.text.contains("详见超链接"), "common-tier words are fixed in any converted text")
        XCTAssertTrue(r.text.hasSuffix("资讯。资讯。资讯。"), "Taiwan-tier words stay without Taiwan idiom")
    }

    func testScriptProfileCountsOverUTF8() {
        let p = ScriptProfile("這裡abc这里衞")
        XCTAssertEqual(p.traditional, 2)   // 這 裡 (衞 is only a Hong Kong form)
        XCTAssertEqual(p.simplified, 1)    // 这
        XCTAssertEqual(p.taiwanForms, 1)
        XCTAssertEqual(p.hongKongForms, 1)
        XCTAssertEqual(p.ideographs, 5)
    }
}
