import XCTest
import Foundation
@testable import GazetteCore
import GazetteModel

/// The structure stage's fast text helpers give what the Foundation calls they replace give,
/// the task patterns' cues never hide a match, and a very long document stays linear.
final class FastTextTests: XCTestCase {
    let samples = ["", " ", "\u{3000}一、总体要求\u{3000}", "\t牵头单位：市财政局 ", " \u{0301}x ", "\u{200B}a\u{00A0}",
                   "\u{2003}\u{202F}\u{205F}", "a\r\nb\n\nc\n", "\n", "第五条\u{3000}", "\u{FEFF} x"]

    func testTrimAndBlankMatchFoundation() {
        for s in samples {
            XCTAssertEqual(FastText.trim(s), s.trimmingCharacters(in: .whitespaces), "trim of \(s.debugDescription)")
            XCTAssertEqual(FastText.isBlank(s), s.trimmingCharacters(in: .whitespaces).isEmpty, "blank \(s.debugDescription)")
            XCTAssertEqual(s.dropFirst().wsTrimmed, String(s.dropFirst()).trimmingCharacters(in: .whitespaces))
        }
        for v in 0..<0x3100 {
            guard let u = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(FastText.isWhitespace(u.value), CharacterSet.whitespaces.contains(u), "U+\(String(v, radix: 16))")
        }
    }

    func testLinesMatchComponents() {
        for s in samples + ["一\n二\r\n三", "无换行"] {
            XCTAssertEqual(FastText.lines(s), s.components(separatedBy: "\n"), s.debugDescription)
        }
    }

    func testCuesAreSetWhereThePatternsMatch() {
        let texts = ["推进公开（市发展改革委、市财政局分别负责落实）。", "牵头单位：市政府办公厅\n完成时限：2023年6月底前",
                     "市市场监管局要加强监管，10个工作日内办结。", "公开率不低于95%，年内完成。", "2023年底完成。"]
        for t in texts {
            let c = Cues(t)
            let r = NSRange(location: 0, length: (t as NSString).length)
            if TaskExtractor.note.firstMatch(in: t, range: r) != nil { XCTAssertTrue(c.note, t) }
            if TaskExtractor.labelled.firstMatch(in: t, range: r) != nil { XCTAssertTrue(c.labelled, t) }
            if TaskExtractor.subject.firstMatch(in: t, range: r) != nil { XCTAssertTrue(c.subject, t) }
            if TaskExtractor.labelledDeadline.firstMatch(in: t, range: r) != nil { XCTAssertTrue(c.labelledDeadline, t) }
            if TaskExtractor.deadline.firstMatch(in: t, range: r) != nil { XCTAssertTrue(c.deadline, t) }
            if TaskExtractor.target.firstMatch(in: t, range: r) != nil { XCTAssertTrue(c.target, t) }
        }
        let facts = TaskExtractor().extract(texts[0..<4].joined(separator: "\n"))
        XCTAssertEqual(facts.units.map(\.name), ["市发展改革委", "市财政局", "市政府办公厅", "市市场监管局"])
        for d in ["2023年6月底前", "10个工作日内", "年内"] { XCTAssertTrue(facts.deadlines.contains(d), d) }
        XCTAssertEqual(facts.targets, ["公开率不低于95%"])
        let none = Cues("做好政务公开工作。")
        XCTAssertFalse(none.note || none.labelled || none.subject || none.labelledDeadline || none.deadline || none.target)
    }

    /// The subject pattern run on each cued sentence finds what it finds on the whole text.
    func testSubjectSentencesGiveTheWholeTextMatches() {
        let texts = ["市财政局负责资金保障；市审计局要加强监督。由市发展改革委、市统计局会同各区政府做好统计\n市政府办公厅牵头",
                     "各区政府要按照要求推进。市场监管部门应当依法公开？区县政府将定期发布", "加强公开。。；市委网信办组织开展", "无主语的句子。"]
        for t in texts {
            let ns = t as NSString
            let whole = TaskExtractor.subject.matches(in: t, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
            let bySentence = TaskScan.subjectSentences(t).compactMap { s -> String? in
                let sns = s as NSString
                return TaskExtractor.subject.firstMatch(in: s, options: .anchored, range: NSRange(location: 0, length: sns.length))
                    .map { sns.substring(with: $0.range(at: 1)) }
            }
            XCTAssertEqual(bySentence, whole, t)
        }
        XCTAssertEqual(TaskScan.subjectSentences("市财政局负责资金。做好工作。"), ["市财政局负责资金"])
    }

    /// 10,100 labels alone on their lines (heading on the next line): one pass, not one per label.
    func testTenThousandClausesStayLinear() {
        func chinese(_ n: Int) -> String {   // 1...99 as 一 … 九十九
            let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
            return n < 10 ? d[n] : (n / 10 == 1 ? "" : d[n / 10]) + "十" + d[n % 10]
        }
        var lines = ["某市2023年政务公开工作要点"]
        for s in 1...100 {
            lines.append(s == 100 ? "一百、" : "\(chinese(s))、"); lines.append("第\(s)部分。")
            for i in 1...99 { lines.append("（\(chinese(i))）"); lines.append("第\(s)-\(i)项工作要做好。") }
        }
        let text = lines.joined(separator: "\n")
        let normalized = NormalizedText(text: text, original: text, script: "simplified", variant: "mainland", conversion: "none")
        let source = Source(path: "Corpus/long.txt", sha256: "", format: "txt", encoding: "utf-8")
        let start = Date()
        let d = Structurer().structure(StructureInput(id: "long", source: source, normalized: normalized,
                                                       pageMetadata: [:], pageTitle: nil, removed: []))
        XCTAssertEqual(d.clauses.count, 100 * 100)
        XCTAssertEqual(d.clauses.last?.id, "s100.c99")
        XCTAssertEqual(d.clauses.last?.heading, "第100-99项工作要做好")
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "structure of 10,000 clauses should take seconds")
    }
}
