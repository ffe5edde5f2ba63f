import XCTest
@testable import GazetteCore
import GazetteModel

/// `gazette check` on bad files made in a temporary folder: one test per class of error,
/// each asserting the diagnostic's id, file and line.
final class ConfigCheckTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try ClassifyFixtures.temporaryDirectory()
        // A valid starting point: the repository's data files and a one-document corpus.
        for f in ["taxonomy.yml", "units.yml", "overrides.yml", "subject_classes.yml"] {
            try FileManager.default.copyItem(at: ClassifyFixtures.repoRoot.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        try write("pipeline.yml", "corpus: Corpus\noutput: Output\nclassify:\n  taxonomy: taxonomy.yml\n  units: units.yml\n  overrides: overrides.yml\n")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        try write("Corpus/plan.txt", "2020年政务公开工作要点\n一、加强政策解读\n做好政策解读和政府网站建设，公开预算信息。\n")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    func check() -> ConfigCheck.Result { ConfigCheck.run(configURL: dir.appendingPathComponent("pipeline.yml")) }

    func errors(_ r: ConfigCheck.Result) -> [Diagnostic] { r.diagnostics.filter { $0.severity == .error } }

    func testRepositoryFilesHaveNoErrors() throws {
        let r = check()
        XCTAssertEqual(errors(r), [], errors(r).map(\.description).joined(separator: "\n"))
        XCTAssertEqual(r.documents, 1)
    }

    func testUnknownKeyInPipelineYml() throws {
        try write("pipeline.yml", "corpus: Corpus\nclasify:\n  taxonomy: taxonomy.yml\n")
        let e = errors(check())
        XCTAssertEqual(e.map(\.id), ["unknown-key"])
        XCTAssertEqual(e[0].line, 2)
        XCTAssertTrue(e[0].file!.hasSuffix("pipeline.yml"))
        XCTAssertEqual(e[0].suggestion, "did you mean 'classify'?")
    }

    func testUnknownAreaAndTopicCodesInTaxonomy() throws {
        try write("taxonomy.yml", """
        areas:
          general: { name: 总体要求 }
          disclosre: { name: 公开, cues: { any: { 公开: 1 } } }
        topics:
          finance: { name: 财政, cues: { any: { 预算: 1 } } }
          space: { name: 航天, cues: { any: { 火箭: 1 } } }
        """)
        let e = errors(check())
        XCTAssertEqual(e.map(\.id), ["unknown-area", "unknown-topic"])
        XCTAssertEqual(e.map(\.line), [3, 6])
        XCTAssertEqual(e[0].suggestion, "did you mean 'disclosure'?")
        XCTAssertTrue(e[0].file!.hasSuffix("taxonomy.yml"))
    }

    func testUnknownCodeInOverrides() throws {
        try write("overrides.yml", """
        overrides:
          - { document: plan, clause: s1, area: platfroms }
          - document: plan
            clause: s2
            topics: [finance, budget]
        """)
        let e = errors(check())
        XCTAssertEqual(e.map(\.id), ["unknown-area", "unknown-topic"])
        XCTAssertEqual(e.map(\.line), [2, 5])
    }

    func testDuplicateAliasInRegistry() throws {
        try write("units.yml", """
        regions: { 北京市: { level: provincial } }
        units:
          - { name: "{city}财政局", aliases: [市财政局] }
          - { name: "{city}财务局", aliases: [市财政局] }
        """)
        let e = errors(check())
        XCTAssertEqual(e.map(\.id), ["duplicate-alias"])
        XCTAssertEqual(e[0].line, 4)
        XCTAssertTrue(e[0].file!.hasSuffix("units.yml"))
    }

    func testRenameCycleInRegistry() throws {
        try write("units.yml", """
        units:
          - name: 甲局
            renamed: { to: 乙局, date: 2018 }
          - name: 乙局
            renamed: { to: 甲局, date: 2019 }
        """)
        let e = errors(check())
        XCTAssertEqual(e.map(\.id), ["rename-cycle", "rename-cycle"])
        XCTAssertEqual(e.map(\.line), [3, 5])
    }

    func testUnknownLevelAndKeyInRegistry() throws {
        try write("units.yml", """
        units:
          - { name: 国务院, level: nation }
          - { name: 财政部, alias: [财政] }
        """)
        let e = errors(check())
        XCTAssertEqual(e.map(\.id), ["unknown-level", "unknown-key"])
        XCTAssertEqual(e.map(\.line), [2, 3])
        XCTAssertEqual(e[0].suggestion, "did you mean 'national'?")
    }

    func testCueMatchingNothingInTheCorpusIsAWarning() throws {
        try write("taxonomy.yml", """
        areas:
          general: { name: 总体要求 }
          interpretation: { name: 解读, cues: { any: { 解读: 1, 政策吹风会: 1 } } }
        """)
        let r = check()
        XCTAssertEqual(errors(r), [])
        let w = r.diagnostics.filter { $0.id == "cue-unmatched" }
        XCTAssertEqual(w.count, 1)
        XCTAssertEqual(w.first?.line, 3)
        XCTAssertTrue(w.first?.message.contains("政策吹风会") ?? false)
        XCTAssertEqual(w.first?.severity, .warning)
    }

    /// Files are read on several threads: what each holds is pooled over the whole corpus,
    /// literal and regular-expression cues alike, and a unit's first place is the first file.
    func testCuesAndUnitsArePooledOverTheCorpus() throws {
        try write("taxonomy.yml", """
        areas:
          general: { name: 总体要求 }
          interpretation: { name: 解读, cues: { any: { 解读: 1, 政策吹风会: 1, "re:^做好": 1, "re:预算[信资]": 1, "re:决算[信资]": 1, 新闻发布会: 1 } } }
        """)
        try write("Corpus/plan2.txt", "2021年政务公开工作要点\n一、加强政策发布\n举办政策吹风会。（责任单位：市星际办）\n")
        try write("Corpus/plan3.txt", "2022年政务公开工作要点\n一、加强政策发布\n组织政策吹风会。（责任单位：市星际办）\n")
        let r = check()
        XCTAssertEqual(r.documents, 3)
        let unmatched = r.diagnostics.filter { $0.id == "cue-unmatched" }.map(\.message)
        // 解读 and ^做好 and 预算[信资] are in plan.txt, 政策吹风会 only in plan2/plan3.
        XCTAssertEqual(unmatched.count, 2, "\(unmatched)")
        XCTAssertTrue(unmatched.contains { $0.contains("决算[信资]") }, "\(unmatched)")
        XCTAssertTrue(unmatched.contains { $0.contains("新闻发布会") }, "\(unmatched)")
        XCTAssertTrue(unmatched.allSatisfy { $0.contains("(3 documents)") }, "\(unmatched)")
        let units = r.diagnostics.filter { $0.id == "unit-unresolved" && $0.message.contains("市星际办") }
        XCTAssertEqual(units.count, 1, "\(r.diagnostics.map(\.message))")
        XCTAssertTrue(units.first?.message.contains(": 2× in ") ?? false, units.first?.message ?? "")
        XCTAssertTrue(units.first?.message.contains("(Corpus/plan2.txt") ?? false, units.first?.message ?? "")
    }

    func testUnknownUnitsAreListed() throws {
        let c = try ClassifyFixtures.repositoryClassifier()
        var doc = ClassifyFixtures.document(region: "北京市", [("s1", nil, "工作", "")])
        doc.clauses[0].units = [UnitMention(name: "市发展改革委", role: .lead), UnitMention(name: "市星际办", role: .responsible)]
        let d = ConfigCheck.unresolvedUnits(in: [c.classify(doc)], registryFile: "units.yml")
        XCTAssertEqual(d.map(\.id), ["unit-unresolved"])
        XCTAssertTrue(d[0].message.contains("市星际办"), d[0].message)
        XCTAssertTrue(d[0].message.contains("Corpus/test.txt"), d[0].message)
    }

    func testMissingTaxonomyIsAnError() throws {
        try FileManager.default.removeItem(at: dir.appendingPathComponent("taxonomy.yml"))
        // Reported once, at the line of pipeline.yml that names it.
        let e = errors(check())
        XCTAssertEqual(e.map(\.id), ["data-file-missing"])
        XCTAssertTrue(e[0].file?.hasSuffix("pipeline.yml") ?? false, "\(e)")
        XCTAssertNotNil(e[0].line)
    }
}
