import XCTest
@testable import GazetteCore
import GazetteModel

/// A guard against fitting the taxonomy to the five sample documents: clauses written in
/// the usual wording of other provinces' and years' work plans (labels decided before the
/// classifier was run on them), each of which must get the expected area, and the expected
/// topics where given.
final class UnseenStyleClauseTests: XCTestCase {
    struct Case { var heading: String; var body: String; var area: String; var topics: [String]? }

    static let cases: [Case] = [
        Case(heading: "指导思想", body: "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持以人民为中心的发展思想。", area: "general", topics: []),
        Case(heading: "做好乡村振兴领域信息公开", body: "及时公开高标准农田建设、农业补贴发放、农村人居环境整治等信息，主动公开涉农资金使用情况。", area: "disclosure", topics: ["rural"]),
        Case(heading: "加强教育领域信息公开", body: "做好义务教育招生入学政策、学校划片范围、招生计划等信息公开，及时发布“双减”工作进展。", area: "disclosure", topics: ["education"]),
        Case(heading: "做好财政信息公开", body: "按规定公开政府预算、决算和部门预决算，推进政府债务信息公开，做好审计查出问题整改情况公开。", area: "disclosure", topics: ["finance"]),
        Case(heading: "推进生态环境信息公开", body: "定期发布空气质量、水环境质量状况，公开重点排污单位名录和环境影响评价审批信息。", area: "disclosure", topics: ["environment"]),
        Case(heading: "做好医疗卫生信息公开", body: "公开医疗机构服务信息和医疗收费标准，做好传染病疫情信息发布。", area: "disclosure", topics: ["health"]),
        Case(heading: "加强就业和社会保障信息公开", body: "及时发布就业创业扶持政策、社会保险待遇调整、最低生活保障标准等信息。", area: "disclosure", topics: ["social_security"]),
        Case(heading: "推进公共资源交易信息公开", body: "依托公共资源交易平台，全面公开政府采购、工程建设项目招标投标、土地使用权出让等信息。", area: "disclosure", topics: ["public_resources"]),
        Case(heading: "强化政策解读", body: "坚持政策文件与解读材料同步组织、同步审签、同步部署，综合运用图表图解、音频视频等形式开展解读。", area: "interpretation", topics: []),
        Case(heading: "积极回应社会关切", body: "健全政务舆情监测研判和回应机制，对涉及群众切身利益的热点问题，及时发布权威信息，澄清不实传言。", area: "response", topics: []),
        Case(heading: "推进决策公开", body: "严格落实重大行政决策程序规定，决策草案向社会公开征求意见，重要会议邀请利益相关方列席。", area: "participation", topics: []),
        Case(heading: "做好建议提案办理结果公开", body: "对人大代表建议和政协委员提案办理复文，除涉及国家秘密等情形外，应全文公开。", area: "participation", topics: []),
        Case(heading: "规范依申请公开工作", body: "严格按照法定时限答复申请人，规范答复文书格式，加强对行政复议和行政诉讼案件的分析研判。", area: "request", topics: []),
        Case(heading: "完善政务公开制度规范", body: "动态调整主动公开基本目录，落实公开属性源头认定机制，严格信息发布保密审查。", area: "standards", topics: []),
        Case(heading: "深化基层政务公开标准化规范化", body: "对照基层政务公开标准目录，推进乡镇（街道）政务公开事项梳理，统一公开标准。", area: "standards", topics: []),
        Case(heading: "加强政府网站和政务新媒体建设", body: "推进政府网站集约化，加强政务新媒体内容保障和安全管理，清理关停不合格账号。", area: "platforms", topics: []),
        Case(heading: "办好政府公报", body: "推进政府公报数字化，建设历史公报数据库，做好公报赠阅和查阅服务。", area: "platforms", topics: []),
        Case(heading: "推进政务服务公开", body: "全面公开政务服务事项清单和办事指南，推动更多事项网上办、掌上办、一次办，规范政务服务大厅窗口服务。", area: "services", topics: []),
        Case(heading: "集中公开政策文件", body: "完善现行有效行政规范性文件库，在政府门户网站集中统一公开，做好政策文件分类和标签管理，便于查询。", area: "policy_release", topics: []),
        Case(heading: "加强组织领导", body: "各地区各部门要明确分管负责同志和工作机构，配齐配强工作人员，保障必要工作经费。", area: "assurance", topics: []),
        Case(heading: "强化考核评估", body: "将政务公开纳入绩效考核，开展第三方评估，对工作不力的单位予以通报。", area: "assurance", topics: []),
        Case(heading: "加强业务培训", body: "每年至少组织一次政务公开业务培训，提升工作人员业务能力。", area: "assurance", topics: []),
        // Sections of an annual report (政府信息公开工作年度报告) in the 2019 format.
        Case(heading: "总体情况", body: "2022年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开各项工作。", area: "general", topics: nil),
        Case(heading: "主动公开政府信息情况", body: "本年制发规章2件，现行有效规范性文件58件；行政许可处理决定1200件。", area: "disclosure", topics: nil),
        Case(heading: "收到和处理政府信息公开申请情况", body: "本年新收政府信息公开申请356件，其中自然人申请320件；予以公开120件，不予公开15件。", area: "request", topics: []),
        Case(heading: "政府信息公开行政复议、行政诉讼情况", body: "本年因政府信息公开被申请行政复议8件，提起行政诉讼5件，结果维持6件。", area: "request", topics: []),
        Case(heading: "存在的主要问题及改进情况", body: "一是部分单位公开意识有待加强；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。", area: "general", topics: []),
        Case(heading: "推进政府信息公开平台建设", body: "整合政府信息公开平台，统一栏目设置，做好与政府门户网站的数据对接。", area: "platforms", topics: []),
        Case(heading: "拓宽人民建议征集渠道", body: "完善网上征集平台，对群众提出的意见建议及时办理反馈，推动政民互动常态化。", area: "participation", topics: []),
    ]

    func testUnseenStyleClauses() throws {
        let c = try ClassifyFixtures.repositoryClassifier()
        var wrong: [String] = []
        for (i, k) in Self.cases.enumerated() {
            let doc = ClassifyFixtures.document(region: "河北省", [("s\(i)", nil, k.heading, k.body)])
            let got = c.classify(doc).clauses[0]
            if got.area != k.area || (k.topics.map { Set($0) != Set(got.topics) } ?? false) {
                wrong.append("\(k.heading): want \(k.area) \(k.topics ?? []) got \(got.area) \(got.topics) — \(got.evidence.prefix(2).joined(separator: " | "))")
            }
        }
        XCTAssertEqual(wrong, [], wrong.joined(separator: "\n"))
    }
}
