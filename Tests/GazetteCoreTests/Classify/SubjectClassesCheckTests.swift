import XCTest
@testable import GazetteCore
import GazetteModel

/// `gazette check` on a bad subject_classes.yml: one test per class of problem, each asserting
/// the diagnostic's id and line.
final class SubjectClassesCheckTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try ClassifyFixtures.temporaryDirectory()
        for f in ["taxonomy.yml", "units.yml", "overrides.yml", "subject_classes.yml"] {
            try FileManager.default.copyItem(at: ClassifyFixtures.repoRoot.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        try write("pipeline.yml", "corpus: Corpus\nclassify:\n  taxonomy: taxonomy.yml\n  subjects: subject_classes.yml\n")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        try write("Corpus/plan.txt", "2020年政务公开工作要点\n一、加强政策解读\n做好政策解读和政府网站建设。\n")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }

    /// The diagnostics about the subject class file (and pipeline.yml's naming of it).
    func check(_ severity: Diagnostic.Severity = .error) -> [Diagnostic] {
        ConfigCheck.run(configURL: dir.appendingPathComponent("pipeline.yml")).diagnostics
            .filter { $0.severity == severity && (($0.file ?? "").hasSuffix("subject_classes.yml") || $0.id == "data-file-missing") }
    }

    func testRepositoryFileHasNoProblems() {
        XCTAssertEqual(check(), [])
        XCTAssertEqual(check(.warning), [])
    }

    func testUnknownCodeInTheIssuerTable() {
        try! write("subject_classes.yml", """
        issuers:
          税务: finance.tax
          财政: finance.fiscl
        classes:
          finance:
            name: 财政、金融、审计
            sub:
              tax: { name: 税务, cues: { any: { 纳税: 3 } } }
              fiscal: { name: 财政, cues: { any: { 预算: 3 } } }
        """)
        let e = check()
        XCTAssertEqual(e.map(\.id), ["unknown-subject-code"])
        XCTAssertEqual(e.first?.line, 3)
        XCTAssertEqual(e.first?.suggestion, "did you mean 'finance.fiscal'?")
    }

    func testDuplicateSpellings() {
        try! write("subject_classes.yml", """
        classes:
          government_affairs:
            name: 综合政务
            sub:
              open_government: { name: 政务公开, spellings: [政府信息公开] }
              disclosure: { name: 信息公开, spellings: [政府 信息公开] }
          other:
            name: 其他
            spellings: [综合 政务]
        """)
        let e = check()
        XCTAssertEqual(e.map(\.id), ["duplicate-spelling", "duplicate-spelling"])
        XCTAssertEqual(e.map(\.line), [6, 7])
        XCTAssertTrue(e[0].message.contains("names both government_affairs.open_government and government_affairs.disclosure"), e[0].message)
        XCTAssertTrue(e[1].message.contains("names both government_affairs and other"), e[1].message)
    }

    func testSharedSubClassNamesAcrossFirstLevelsAreAllowed() {
        // gov.cn's 其他 under every first level, and as a first level of its own.
        try! write("subject_classes.yml", """
        classes:
          government_affairs: { name: 综合政务, sub: { other: { name: 其他 } } }
          finance: { name: 财政、金融、审计, sub: { other: { name: 其他 } } }
          other: { name: 其他 }
        """)
        XCTAssertEqual(check(), [])
    }

    func testMalformedAndDuplicateCodes() {
        try! write("subject_classes.yml", """
        classes:
          finance: { name: 财政、金融、审计 }
          Finance-2: { name: 综合政务 }
        """)
        XCTAssertEqual(check().map(\.id), ["bad-subject-code"])
        XCTAssertEqual(check().first?.line, 3)
        // A code twice is two equal keys of one mapping, which the YAML reader refuses with its line.
        try! write("subject_classes.yml", """
        classes:
          finance: { name: 财政、金融、审计 }
          finance: { name: 其他 }
        """)
        XCTAssertEqual(check().map(\.id), ["yaml-syntax"])
    }

    func testUnknownKeysPlacesAndBadValues() {
        try! write("subject_classes.yml", """
        rules: { title_wieght: 4, breadth_decay: 1.5 }
        classes:
          finance:
            name: 财政、金融、审计
            cues: { heading: { 金融: 2 }, any: { 融资: lots } }
        """)
        let e = check()
        XCTAssertEqual(e.map(\.id), ["unknown-key", "out-of-range", "unknown-key", "wrong-type"])
        XCTAssertEqual(e[0].suggestion, "did you mean 'title_weight'?")
        XCTAssertEqual(e[2].message, "unknown key 'heading' in 'finance.cues'")
    }

    func testANameOutsideGovCNsListIsAWarning() {
        try! write("subject_classes.yml", "classes:\n  finance: { name: 财政金融审计 }\n")
        XCTAssertEqual(check(), [])
        let w = check(.warning)
        XCTAssertEqual(w.map(\.id), ["subject-name-not-gov-cn"])
        XCTAssertEqual(w.first?.suggestion, "did you mean '财政、金融、审计'?")
    }

    func testAFileNamedInPipelineYmlMustExist() throws {
        try FileManager.default.removeItem(at: dir.appendingPathComponent("subject_classes.yml"))
        let e = check()
        XCTAssertEqual(e.map(\.id), ["data-file-missing"])
        XCTAssertEqual(e.first?.line, 4)
        // Not named there: the default file missing is only a warning (pages keep their values as written).
        try write("pipeline.yml", "corpus: Corpus\nclassify:\n  taxonomy: taxonomy.yml\n")
        XCTAssertEqual(check(), [])
        XCTAssertEqual(check(.warning).map(\.id), ["subject-classes-missing"])
    }

    func testAnInvalidFileStopsARun() throws {
        try write("subject_classes.yml", "classes:\n  finance: { name: 财政、金融、审计 }\nissuers: { 税务: finance.tax }\n")
        let config = try PipelineConfig.load(dir.appendingPathComponent("pipeline.yml"))
        XCTAssertThrowsError(try Classifier.load(config: config, baseDirectory: dir)) { error in
            XCTAssertEqual((error as? ConfigurationError)?.diagnostics.map(\.id), ["unknown-subject-code"])
        }
    }
}
