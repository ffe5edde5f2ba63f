import XCTest
@testable import GazetteCore
import GazetteModel

/// The subject code list (subject_classes.yml): reading a page's 主题分类 value in every form
/// pages write it, and keeping a value the list does not know.
final class SubjectClassesTests: XCTestCase {
    static let classes: SubjectClasses = {
        var d: [Diagnostic] = []
        let url = ClassifyFixtures.repoRoot.appendingPathComponent("subject_classes.yml")
        return SubjectClassesLoader.load(url, diagnostics: &d)!
    }()
    var classes: SubjectClasses { Self.classes }

    func code(_ value: String) -> String? { classes.resolve(value)?.code }

    func testRepositoryFileLoadsWithoutProblems() throws {
        var d: [Diagnostic] = []
        let url = ClassifyFixtures.repoRoot.appendingPathComponent("subject_classes.yml")
        let c = try XCTUnwrap(SubjectClassesLoader.load(url, diagnostics: &d))
        XCTAssertEqual(d, [], d.map(\.description).joined(separator: "\n"))
        // gov.cn's 22 first-level classes, in its order, each with its own name.
        XCTAssertEqual(c.classes.map(\.name), SubjectClassesLoader.govCNFirstLevel)
        XCTAssertTrue(c.classes.allSatisfy { $0.name == "其他" || !$0.subs.isEmpty })
        // Every class and sub-class resolves from its full name, and every class that is not 其他 has cues.
        for e in c.classes {
            XCTAssertEqual(c.resolve(e.name)?.code, e.code)
            for s in e.subs { XCTAssertEqual(c.resolve(e.name + "\\" + s.name)?.code, s.code, s.code) }
            if e.code != "other" { XCTAssertFalse(e.cues.isEmpty && e.subs.allSatisfy { $0.cues.isEmpty }, e.code) }
        }
    }

    func testEverySeparatorForm() {
        for v in ["综合政务\\政务公开", "综合政务/政务公开", "综合政务>政务公开", "综合政务－政务公开", "综合政务＼政务公开",
                  "综合政务／政务公开", "综合政务＞政务公开", "综合政务-政务公开", "综合政务—政务公开", "综合政务|政务公开",
                  "综合政务 \\ 政务公开", " 综合政务 > 政务公开 ", "综合政务>>政务公开", "综合政务 政务公开", "综合政务\u{3000}政务公开"] {
            XCTAssertEqual(code(v), "government_affairs.open_government", v)
            XCTAssertEqual(classes.resolve(v)?.unread, [], v)
        }
        XCTAssertEqual(code("财政、金融、审计/税务"), "finance.tax")
        XCTAssertEqual(code("财政、金融、审计 > 税务"), "finance.tax")
        // A space inside a first-level name is folded away, not read as a separator.
        XCTAssertEqual(code("财政、 金融、审计\\税务"), "finance.tax")
    }

    func testSubClassAloneAndFirstLevelAlone() {
        XCTAssertEqual(code("政务公开"), "government_affairs.open_government")
        XCTAssertEqual(code("税务"), "finance.tax")
        XCTAssertEqual(code("知识产权"), "sci_edu.ip")
        XCTAssertEqual(code("医药管理"), "health_sports.medicine")
        XCTAssertEqual(code("综合政务"), "government_affairs")
        XCTAssertEqual(code("卫生、体育"), "health_sports")
        // 其他 alone is the first-level class 其他; with a first level, that class's 其他.
        XCTAssertEqual(code("其他"), "other")
        XCTAssertEqual(code("综合政务\\其他"), "government_affairs.other")
        // Other spellings, ASCII brackets and commas.
        XCTAssertEqual(code("政府信息公开"), "government_affairs.open_government")
        XCTAssertEqual(code("货币(含外汇)"), "finance.currency")
        XCTAssertEqual(code("工业、交通\\信息产业(含电信)"), "industry_transport.information")
        XCTAssertEqual(code("农业，畜牧业，渔业"), "agriculture.farming")
        // No first level named: the part that is a sub-class.
        XCTAssertEqual(code("主题\\政务公开"), "government_affairs.open_government")
    }

    func testUnknownValues() {
        XCTAssertNil(classes.resolve("政府工作"))
        XCTAssertNil(classes.resolve(""))
        XCTAssertNil(classes.resolve("\\ /"))
        XCTAssertNil(classes.resolve("不存在的分类\\也不存在"))
        // A sub-class the first level does not have: the first level, the rest unread.
        XCTAssertEqual(classes.resolve("综合政务\\财务管理"), SubjectClasses.Resolution(code: "government_affairs", unread: ["财务管理"]))
        // A sub-class of another first level is not read as this one's.
        XCTAssertEqual(classes.resolve("综合政务\\税务"), SubjectClasses.Resolution(code: "government_affairs", unread: ["税务"]))
    }

    func testFullNames() {
        XCTAssertEqual(classes.fullName("finance.tax"), "财政、金融、审计\\税务")
        XCTAssertEqual(classes.fullName("finance"), "财政、金融、审计")
        XCTAssertNil(classes.fullName("finance.nothing"))
    }

    // MARK: the page's value in the classify stage

    func pageDocument(_ value: String) -> Document {
        var d = Document(id: "p", title: "关于做好某项工作的通知", source: ClassifyFixtures.source(), text: "关于做好某项工作的通知\n请认真贯彻执行。")
        d.subject = DocumentSubject(code: nil, name: value, source: .page, raw: value, evidence: ["page-table: 主题分类 \(value)"])
        return d
    }

    func testPageValueIsNormalisedToTheCodeList() {
        let d = SubjectClassifier(classes: classes).assign(pageDocument("财政、金融、审计/税务"))
        XCTAssertEqual(d.subject?.code, "finance.tax")
        XCTAssertEqual(d.subject?.name, "财政、金融、审计\\税务")
        XCTAssertEqual(d.subject?.source, .page)
        XCTAssertEqual(d.subject?.raw, "财政、金融、审计/税务")
        XCTAssertNil(d.subject?.score)
        XCTAssertEqual(d.subject?.evidence, ["page-table: 主题分类 财政、金融、审计/税务"])
        XCTAssertEqual(d.quality.warnings, [])
    }

    func testUnknownPageValueIsKeptRawWithAFlag() {
        let d = SubjectClassifier(classes: classes).assign(pageDocument("政府工作"))
        XCTAssertNil(d.subject?.code)
        XCTAssertEqual(d.subject?.name, "政府工作")
        XCTAssertEqual(d.subject?.raw, "政府工作")
        XCTAssertEqual(d.subject?.source, .page)
        XCTAssertTrue(d.subject?.evidence.contains { $0.hasPrefix("not in the code list (subject_classes.yml)") } ?? false, "\(d.subject!)")
        XCTAssertEqual(d.quality.warnings, [SubjectClassifier.unrecognisedWarning])
    }

    func testPartlyReadPageValueKeepsTheFirstLevelAndWarns() {
        let d = SubjectClassifier(classes: classes).assign(pageDocument("综合政务\\财务管理"))
        XCTAssertEqual(d.subject?.code, "government_affairs")
        XCTAssertEqual(d.subject?.name, "综合政务")
        XCTAssertEqual(d.subject?.raw, "综合政务\\财务管理")
        XCTAssertEqual(d.quality.warnings, [SubjectClassifier.unrecognisedWarning])
    }

    func testAssigningTwiceGivesTheSame() {
        let c = SubjectClassifier(classes: classes)
        for v in ["综合政务\\政务公开", "政府工作", "综合政务\\财务管理"] {
            let once = c.assign(pageDocument(v))
            XCTAssertEqual(c.assign(once), once, v)
        }
        var predicted = pageDocument("x")
        predicted.subject = nil
        predicted.title = "关于加强药品监管的通知"
        let once = c.assign(predicted)
        XCTAssertEqual(once.subject?.source, .predicted)
        XCTAssertEqual(c.assign(once), once)
    }

    func testWithoutACodeListThePageValueStaysUnrecognised() {
        let d = SubjectClassifier().assign(pageDocument("综合政务\\政务公开"))
        XCTAssertNil(d.subject?.code)
        XCTAssertEqual(d.subject?.name, "综合政务\\政务公开")
    }
}
