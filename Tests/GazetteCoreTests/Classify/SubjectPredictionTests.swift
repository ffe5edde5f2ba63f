import XCTest
@testable import GazetteCore
import GazetteModel

/// Predicting the subject class of a document without a page value, on documents made up
/// for the purpose — one per field, in the words such documents use — and on the rules of
/// the prediction: the title outweighs the text, longer phrases hide the words inside them,
/// the issuer's kind counts, and nothing is predicted without a cue.
final class SubjectPredictionTests: XCTestCase {
    var predictor: SubjectClassifier { SubjectClassifier(classes: SubjectClassesTests.classes) }

    func predict(_ title: String, _ body: String, issuer: String? = nil) -> DocumentSubject? {
        predictor.predict(title: title, issuer: issuer, text: title + "\n" + body)
    }

    func assertPredicts(_ code: String, _ title: String, _ body: String, issuer: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let s = predict(title, body, issuer: issuer)
        XCTAssertEqual(s?.code, code, "\(title): \(s?.evidence ?? [])", file: file, line: line)
        XCTAssertEqual(s?.source, .predicted, file: file, line: line)
    }

    func testDocumentsOfSeveralFields() {
        assertPredicts("finance.tax", "某省税务局关于落实小型微利企业所得税优惠政策的公告",
                       "为贯彻落实减税降费政策，现就小型微利企业所得税优惠有关事项公告如下：一、对小型微利企业年应纳税所得额不超过100万元的部分，减按25%计入应纳税所得额。二、纳税人可在季度预缴时享受优惠。")
        assertPredicts("health_sports.medicine", "关于加强基层医疗机构药品配备使用管理的通知",
                       "各地要完善基本药物目录，规范处方管理，保障短缺药品供应，加强药品质量监管，推动药师队伍建设。")
        assertPredicts("sci_edu.ip", "某市关于强化商标品牌保护的实施意见",
                       "加强注册商标专用权保护，严厉打击侵权假冒行为，完善地理标志保护体系，推动专利转化运用，提升知识产权公共服务水平。")
        assertPredicts("government_affairs.open_government", "某区2024年政务公开工作要点",
                       "一、加强政策解读。二、规范政府网站和政务新媒体管理。三、做好依申请公开工作，提高主动公开质量。四、办好政府开放日活动。")
        assertPredicts("sci_edu.education", "关于进一步减轻义务教育阶段学生作业负担的意见",
                       "学校要科学设计作业，教师要精准分析学情，严控书面作业总量，加强课后服务，规范校外培训机构。")
        assertPredicts("urban_environment.environment", "某市大气污染防治三年行动方案",
                       "持续推进工业污染源治理，加强扬尘管控和挥发性有机物综合治理，实施排污许可管理，改善环境空气质量。")
        assertPredicts("industry_transport.roads", "关于加快农村公路高质量发展的实施意见",
                       "推进农村公路建设和养护，完善农村客运服务，加强道路运输安全管理，推动城乡交通运输一体化。")
        assertPredicts("agriculture.farming", "关于做好今年春季粮食生产工作的通知",
                       "稳定粮食播种面积，落实耕地地力保护补贴，做好种子和化肥农药等农资供应，加强病虫害防控，推进农机作业。")
        assertPredicts("public_security_justice.police", "关于进一步推进户籍制度改革的实施意见",
                       "放宽城镇落户条件，全面实施居住证制度，完善户口迁移政策，公安机关要优化户籍管理服务。")
        assertPredicts("civil_affairs.welfare", "关于推进居家和社区养老服务发展的意见",
                       "完善养老服务体系，支持社区养老服务设施建设，发展老年人助餐服务，加强养老机构监管，落实特困人员供养。")
        assertPredicts("foreign_affairs.diplomacy", "外交部发言人答记者问",
                       "问：两国领导人会谈的主要成果是什么？答：双方就双边关系和共同关心的国际地区问题交换了意见。")
        assertPredicts("labour_personnel.employment", "关于做好高校毕业生等青年就业创业工作的通知",
                       "拓宽就业渠道，支持自主创业，开展职业技能培训，落实就业补贴，保障劳动者权益。")
        assertPredicts("economy.statistics", "某县2023年国民经济和社会发展统计公报",
                       "全年地区生产总值比上年增长5.2%。规模以上工业增加值增长6.1%。社会消费品零售总额同比增长7.0%。")
    }

    func testTheTitleOutweighsTheFieldsTheTextTouches() {
        // A tax rule whose text mentions education, housing and medical costs, the things it deducts.
        let s = predict("个人所得税若干扣除项目管理办法",
                        "纳税人的子女接受学前教育和学历教育的相关支出，以及住房租金、大病医疗支出，可以按照规定在计算应纳税所得额时扣除。教育、住房、医疗支出应当留存凭证。",
                        issuer: "某省人民政府")
        XCTAssertEqual(s?.firstLevel, "finance")
        XCTAssertTrue(s?.evidence.first?.contains("title 个人所得税") ?? false, "\(s?.evidence ?? [])")
    }

    func testLongerPhrasesHideTheWordsInside() {
        // 养老保险 is social security, not the insurance industry; 人民政府 holds 民政 but is no civil-affairs office.
        let s = predict("关于调整退休人员基本养老金的通知", "各市人民政府：经研究，调整企业和机关事业单位退休人员基本养老保险待遇，养老保险基金按时足额发放。")
        XCTAssertEqual(s?.code, "labour_personnel.social_security", "\(s?.evidence ?? [])")
        XCTAssertFalse(s?.evidence.joined().contains("保险业") ?? true)
        XCTAssertFalse(s?.evidence.joined().contains("text 民政") ?? true)
        // 中华民族 is neutral: no ethnic-affairs cue.
        XCTAssertNil(predict("通知", "为实现中华民族伟大复兴而奋斗。"))
        // 市政府 holds 市政 (municipal works), 人民政府 holds 民政: neither counts, in the title, text or issuer.
        XCTAssertNil(predictor.predict(title: "各区县人民政府，市政府各部门：", issuer: "某市人民政府办公厅", text: "市政府各部门要认真执行。"))
    }

    func testTheIssuersKindCounts() {
        let plain = predict("关于做好有关工作的通知", "请各单位认真组织，按时报送。")
        XCTAssertNil(plain)
        let s = predict("关于做好有关工作的通知", "请各单位认真组织，按时报送。", issuer: "国家税务总局")
        XCTAssertEqual(s?.code, "finance.tax")
        XCTAssertTrue(s?.evidence.first?.contains("issuer 国家税务总局 (税务) +4") ?? false, "\(s?.evidence ?? [])")
        // The longest fragment of each issuer named: 国家市场监督管理总局 is market regulation, not 监督.
        XCTAssertEqual(predict("关于做好有关工作的通知", "请认真执行。", issuer: "国家市场监督管理总局")?.firstLevel, "market_safety")
    }

    func testEvidenceNamesTheCuesAndTheRunnerUp() throws {
        let s = try XCTUnwrap(predict("关于加强药品安全监管的意见", "加强药品生产经营监管，严厉打击食品药品违法行为，保障人民群众用药安全。"))
        XCTAssertEqual(s.firstLevel, "health_sports")
        XCTAssertTrue(s.evidence[0].hasPrefix("health_sports.medicine 卫生、体育\\医药管理 "), s.evidence[0])
        XCTAssertTrue(s.evidence[0].contains("title 药品 +"), s.evidence[0])
        XCTAssertTrue(s.evidence.count == 2 && s.evidence[1].hasPrefix("runner-up "), "\(s.evidence)")
        XCTAssertNotNil(s.score)
        XCTAssertNil(s.raw)
    }

    func testNoCueNoPrediction() {
        XCTAssertNil(predict("通知", "请认真贯彻执行。"))
        XCTAssertNil(predictor.predict(title: "", issuer: nil, text: ""))
        // A weak cue alone does not reach min_score.
        XCTAssertNil(predictor.predict(title: "", issuer: nil, text: "做好相关协调。"))
    }

    func testAFirstLevelWithoutASubClassOfItsOwnIsCodedAtTheFirstLevel() throws {
        let yaml = """
        rules: { min_score: 1, sub_class_min_score: 5 }
        classes:
          finance:
            name: 财政、金融、审计
            cues: { any: { 金融: 3 } }
            sub:
              tax: { name: 税务, cues: { any: { 纳税: 2 } } }
        """
        var d: [Diagnostic] = []
        let c = try XCTUnwrap(SubjectClassesLoader.parse(yaml, file: "s.yml", diagnostics: &d))
        let p = SubjectClassifier(classes: c)
        XCTAssertEqual(p.predict(title: "", issuer: nil, text: "金融 金融 纳税")?.code, "finance")
        XCTAssertEqual(p.predict(title: "纳税", issuer: nil, text: "")?.code, "finance.tax")
    }

    func testThePipelineAssignsTheSubjectInTheClassifyStage() throws {
        let classifier = try ClassifyFixtures.repositoryClassifier()
        var doc = Document(id: "d", title: "某市2024年政务公开工作要点", source: ClassifyFixtures.source(),
                           text: "某市2024年政务公开工作要点\n一、加强政策解读和政府信息主动公开。")
        doc = classifier.classify(doc)
        XCTAssertEqual(doc.subject?.code, "government_affairs.open_government")
        XCTAssertEqual(doc.subject?.source, .predicted)
    }
}
