import Foundation
import XCTest
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// The task facts (responsible units and their roles, deadlines, targets) pinned by recorded
/// golden files (Fixtures/golden/tasks/) on real lines and clauses, the unit tests' inputs,
/// generated strings, mutated real clauses and notes around the 200-scalar limit. A change of
/// one fact fails and shows the input; a deliberate change is re-recorded with GAZETTE_RECORD=1.
final class TaskExtractorGoldenTests: XCTestCase {
    /// The facts of one text in one line: `U name/role … | D deadline … | T target …`, `-` for none.
    static func facts(_ text: String) -> String {
        let f = TaskExtractor().extract(text)
        var parts: [String] = []
        if !f.units.isEmpty { parts.append("U " + f.units.map { "\($0.name)/\($0.role.rawValue)" }.joined(separator: " ")) }
        if !f.deadlines.isEmpty { parts.append("D " + f.deadlines.joined(separator: " ")) }
        if !f.targets.isEmpty { parts.append("T " + f.targets.joined(separator: " ")) }
        return parts.isEmpty ? "-" : parts.joined(separator: " | ")
    }

    /// Checks the facts of `texts` (rows `name<k>`) against golden/tasks/`name`.tsv; returns how
    /// many texts gave units, deadlines and targets, so a test can check its inputs exercise each pattern.
    @discardableResult
    func check(_ texts: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line) -> (units: Int, deadlines: Int, targets: Int) {
        let rows = texts.enumerated().map { (key: "\(name)\($0.offset)", value: Self.facts($0.element)) }
        Golden.check(rows: rows, against: Fixtures.of("GazetteCoreTests", "golden/tasks/\(name).tsv"),
                     header: ["TaskExtractorGoldenTests: text → U units/roles | D deadlines | T targets"],
                     describe: { key in Int(key.dropFirst(name.count)).map { texts[$0].debugDescription } }, file: file, line: line)
        return (rows.filter { $0.value.contains("U ") }.count, rows.filter { $0.value.contains("D ") }.count, rows.filter { $0.value.contains("T ") }.count)
    }

    /// The samples' lines, as written and simplified, and the texts of the gold clauses
    /// (whole clauses of several lines), each once.
    static func realTexts() throws -> [String] {
        var texts: [String] = []
        let normalizer = try SampleCorpus.normalizer()
        for url in try Fixtures.sampleFiles() {
            let raw = try SampleCorpus.text(url)
            texts += raw.components(separatedBy: "\n") + (try normalizer.normalize(raw).text).components(separatedBy: "\n")
        }
        let gold = try JSONDecoder().decode([GoldLabelEvaluationTests.GoldDoc].self,
                                            from: Data(contentsOf: Fixtures.of("GazetteCoreTests", "classify/gold_clauses.json")))
        texts += gold.flatMap { $0.clauses.map(\.text) }
        var seen = Set<String>()
        return texts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && seen.insert($0).inserted }
    }

    func testRealClauses() throws {
        let texts = try Self.realTexts()
        XCTAssertGreaterThan(texts.count, 300)
        XCTAssertGreaterThan(check(texts, "real").units, 10)
    }

    func testUnitTestInputs() {
        check(["推进信息公开。（市发展改革委、市财政局分别负责落实）", "公开目录。(市政府办公厅牵头,各区政府、市政府各部门负责落实)",
               "做好公开。(市规划国土委、市园林绿化局等相关部门、通州区政府分别负责落实)", "推进创新。(中关村管委会、北京经济技术开发区管委会负责落实)",
               "统一考核。（市统计局会同市财政局负责）", "做好公示(以下简称“双公示”)。", "牵头单位：市政府办公厅\n责任单位：各区政府、市大数据局\n配合单位：市财政局",
               "完善平台。牵头单位：市数据局；责任单位：各区政府。", "市市场监管局作为标准化工作主管部门，要加强指导。",
               "标准化主管部门要发挥专业优势。市政府办公厅会同有关部门加强督查考核。", "聚焦市委、市政府重点任务。市政府门户网站年内完成改造。经市政府同意，各区要及时发布。",
               "市财政局要公开预算。（市财政局负责落实）", "推进公开。（牵头单位：市政府办公厅；责任单位：市发展改革委、市财政局）做好解读。",
               "各单位要在6月30日前建立制度，于3月31日前公开目录，2023年年底前完成，发布后20个工作日内分解任务，年内开展不少于2次活动，比例不得低于50%，每年至少召开1次会议。完成时限：长期坚持",
               "", "。", "（）", "牵头单位：", "完成时限：", "责任单位：市财政局\u{2028}。", "责任单位：市财政局\n"], "unit")
    }

    func testGeneratedStrings() {
        let found = check(TaskInputs.generated(350, seed: 42), "generated")
        for n in [found.units, found.deadlines, found.targets] { XCTAssertGreaterThan(n, 80) }
    }

    /// Real texts with fragments inserted, deleted and replaced.
    func testMutatedClauses() throws {
        var r = SplitMix64(seed: 7)
        let real = try Self.realTexts()
        let texts = (0..<500).map { _ -> String in
            var s = Array(r.pick(real).unicodeScalars)
            for _ in 0..<(1 + r.below(4)) {
                let at = r.below(s.count + 1)
                switch r.below(3) {
                case 0: s.insert(contentsOf: r.pick(TaskInputs.fragments).unicodeScalars, at: at)
                case 1: s.removeSubrange(at..<min(s.count, at + 1 + r.below(8)))
                default: s.replaceSubrange(at..<min(s.count, at + 2), with: r.pick(TaskInputs.fragments).unicodeScalars)
                }
            }
            var u = String.UnicodeScalarView(); u.append(contentsOf: s)
            return String(u)
        }
        let found = check(texts, "mutated")
        for n in [found.units, found.deadlines, found.targets] { XCTAssertGreaterThan(n, 20) }
    }

    /// Long notes around the 200-scalar limit of the note pattern.
    func testLongNotes() {
        let body = String(repeating: "推进政务公开", count: 40)
        check((190...210).flatMap { n -> [String] in
            let b = String(body.prefix(n))
            return ["做好。（\(b)市财政局负责）", "做好。(\(b)落实)", "（（\(b)配合）)", "（\(b)😀推进）"]
        }, "long")
    }
}
