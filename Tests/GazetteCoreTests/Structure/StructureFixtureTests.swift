import XCTest
@testable import GazetteCore
import GazetteModel

/// Runs the structure stage on made-up documents under Fixtures/structure/ whose expected
/// results are written inline as `#! …` lines (stripped before the stage sees the text):
///   #! clause <id> <level> <number> <label> <heading>   — the complete outline, in order
///   #! meta <field> <value|nil>                          — a metadata field
///   #! unit <clause id> <name> <role>                    — the complete unit list of a clause
///   #! deadline|target <clause id> <text>                — a deadline / target it must contain
///   #! appendix <kind> <number of Q&A pairs>             — the complete appendix list
///   #! preamble|closing <text>                           — the exact preamble / closing
final class StructureFixtureTests: XCTestCase {
    func testRegulationWithChaptersAndArticles() throws { try check("regulation") }
    func testPlanStartingAtSecondLevelWithNotesAndLabelledUnits() throws { try check("starts_at_level2") }
    func testTaskTableRows() throws { try check("task_table") }
    func testNumberedLinesThatAreNotClausesAndQAAppendix() throws { try check("false_numbers") }

    /// The same task table after a clean stage that turned TABs into single spaces.
    func testTaskTableWhoseTabsBecameSpaces() throws {
        let text = try Self.fixture("task_table").components(separatedBy: "\n").filter { !$0.hasPrefix("#! ") }
            .map { $0.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        let doc = Self.structure(text)
        XCTAssertEqual(doc.clauses.map { "\($0.id) \($0.heading)" },
                       ["s1 公开重点领域信息", "s1.t1 做好财政预算公开", "s1.t2 推进政策解读", "s2 建设公开平台", "s2.t3 优化政府网站"])
        XCTAssertEqual(doc.clauses[2].units.map { "\($0.name) \($0.role.rawValue)" }, ["市政府办公厅 lead", "市政府各部门 responsible", "各区政府 responsible"])
        XCTAssertEqual(doc.clauses[4].deadlines, ["2024年12月底前"])
    }

    static func fixture(_ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/structure/\(name).txt"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func structure(_ text: String, original: String? = nil, pageMetadata: [String: String] = [:],
                          removed: [RemovedLine] = []) -> Document {
        let normalized = NormalizedText(text: text, original: original ?? text, script: "simplified", variant: "mainland", conversion: "none")
        let source = Source(path: "Corpus/test.txt", sha256: "", format: "txt", encoding: "utf-8")
        return Structurer().structure(StructureInput(id: "test", source: source, normalized: normalized,
                                                     pageMetadata: pageMetadata, pageTitle: nil, removed: removed))
    }

    func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let raw = try Self.fixture(name)
        let all = raw.components(separatedBy: "\n")
        let expect = all.filter { $0.hasPrefix("#! ") }.map { String($0.dropFirst(3)) }
        let text = all.filter { !$0.hasPrefix("#! ") }.joined(separator: "\n")
        let doc = Self.structure(text)
        let byID = Dictionary(doc.clauses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var outline: [String] = []
        var units: [String: [String]] = [:]
        var appendices: [String] = []
        for e in expect {
            let f = e.split(separator: " ", maxSplits: 5).map(String.init)
            switch f[0] {
            case "clause": outline.append(f[1...].joined(separator: " "))
            case "meta":
                let value = f.count > 2 ? f[2...].joined(separator: " ") : ""
                XCTAssertEqual(Self.meta(doc, f[1]), value == "nil" ? nil : value, "\(name): meta \(f[1])", file: file, line: line)
            case "unit": units[f[1], default: []].append("\(f[2]) \(f[3])")
            case "deadline":
                XCTAssertTrue(byID[f[1]]?.deadlines.contains(f[2]) == true, "\(name): \(f[1]) deadlines \(byID[f[1]]?.deadlines ?? [])", file: file, line: line)
            case "target":
                XCTAssertTrue(byID[f[1]]?.targets.contains(f[2]) == true, "\(name): \(f[1]) targets \(byID[f[1]]?.targets ?? [])", file: file, line: line)
            case "appendix": appendices.append("\(f[1]) \(f[2])")
            case "preamble": XCTAssertEqual(doc.preamble, f[1...].joined(separator: " "), "\(name): preamble", file: file, line: line)
            case "closing": XCTAssertEqual(doc.closing, f[1...].joined(separator: " "), "\(name): closing", file: file, line: line)
            default: XCTFail("unknown expectation \(e)", file: file, line: line)
            }
        }
        let got = doc.clauses.map { "\($0.id) \($0.level) \($0.number) \($0.label) \($0.heading)" }
        XCTAssertEqual(got, outline, "\(name): outline", file: file, line: line)
        for (id, want) in units.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(byID[id]?.units.map { "\($0.name) \($0.role.rawValue)" } ?? [], want, "\(name): units of \(id)", file: file, line: line)
        }
        XCTAssertEqual(doc.appendices.map { "\($0.kind.rawValue) \($0.qa.count)" }, appendices, "\(name): appendices", file: file, line: line)
        for c in doc.clauses { XCTAssertNil(c.units.first(where: { $0.canonical != nil }), "canonical is the classifier's job") }
    }

    static func meta(_ d: Document, _ field: String) -> String? {
        switch field {
        case "title": return d.title
        case "plan_title": return d.planTitle
        case "doc_type": return d.docType.rawValue
        case "region": return d.region
        case "year": return d.year.map(String.init)
        case "issuer": return d.issuer
        case "doc_number": return d.docNumber
        case "issue_date": return d.issueDate
        case "publication_date": return d.publicationDate
        case "disclosure": return d.disclosure
        case "addressees": return d.addressees.joined(separator: "|")
        default: return "unknown field \(field)"
        }
    }
}

final class VerticalTableTests: XCTestCase {
    /// A table flattened one cell a line keeps its rows, units and deadlines.
    func testOneCellPerLineTable() {
        let text = ["某区2023年政务公开重点任务", "序号", "工作任务", "牵头单位", "完成时限",
                    "1", "做好预算公开。", "区财政局", "6月底前", "2", "推进政策解读。", "区政府办公室", "长期坚持",
                    "区各部门要抓好落实。"].joined(separator: "\n")
        let d = StructureFixtureTests.structure(text)
        XCTAssertEqual(d.clauses.map { "\($0.id) \($0.level) \($0.heading)" }, ["t1 1 做好预算公开", "t2 1 推进政策解读"])
        XCTAssertEqual(d.clauses.map { $0.units.map(\.name) }, [["区财政局"], ["区政府办公室"]])
        XCTAssertEqual(d.clauses.map(\.deadlines), [["6月底前"], ["长期坚持"]])
        XCTAssertEqual(d.clauses[0].text, "1\n做好预算公开。\n区财政局\n6月底前")
        XCTAssertEqual(d.clauses[1].text, "2\n推进政策解读。\n区政府办公室\n长期坚持")
        XCTAssertEqual(d.closing, "区各部门要抓好落实。")
    }
}
