import Foundation
import XCTest
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// The classifier pinned by its recorded labels (Fixtures/golden/classify/): area, topics,
/// scores and evidence of every clause of the gold clauses of the shared samples, of the
/// samples run through the pipeline, and of generated clauses that mix cue words, overlapping
/// cues, separators, line breaks, ASCII, emoji and combining marks; and the matcher's scores
/// for `^literal` cues on generated lines. A change of one label fails and names the clause;
/// a deliberate change is re-recorded with GAZETTE_RECORD=1 and reviewed in the diff.
final class ClassifierGoldenTests: XCTestCase {
    static func golden(_ name: String) -> URL { Fixtures.of("GazetteCoreTests", "golden/classify/\(name).tsv") }

    /// One row per clause: `document/clause` → `area [topics] {scores} evidence#digest`; the
    /// evidence (long prose) is recorded as a digest, and a failure prints it in full.
    static func rows(_ docs: [Document]) -> [(key: String, value: String)] {
        docs.flatMap { d in
            d.clauses.map { c in
                let scores = c.scores.keys.sorted().map { "\($0)=\(c.scores[$0]!)" }.joined(separator: " ")
                    .replacingOccurrences(of: "area.", with: "").replacingOccurrences(of: "topic.", with: "t.")
                return ("\(d.id)/\(c.id)", "\(c.area ?? "none") [\(c.topics.joined(separator: " "))] {\(scores)} evidence#\(Golden.digest(c.evidence.joined(separator: "\n")))")
            }
        }
    }

    /// What a failure shows of the clause behind a key: its text and its evidence now.
    static func describer(_ docs: [Document]) -> (String) -> String? {
        var byKey: [String: Clause] = [:]
        for d in docs { for c in d.clauses { byKey["\(d.id)/\(c.id)"] = c } }
        return { key in
            byKey[key].map { "heading \($0.heading.debugDescription) text \(String($0.text.prefix(160)).debugDescription)\n    evidence now: \($0.evidence.joined(separator: " | "))" }
        }
    }

    func check(_ docs: [Document], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        Golden.check(rows: Self.rows(docs), against: Self.golden(name),
                     header: ["ClassifierGoldenTests: document/clause → area [topics] {area scores, t.topic scores, children.area counts} evidence digest"],
                     describe: Self.describer(docs), file: file, line: line)
    }

    func testGoldClausesOfTheSharedSamples() throws {
        let classifier = try ClassifyFixtures.repositoryClassifier()
        let url = Fixtures.of("GazetteCoreTests", "classify/gold_clauses.json")
        let gold = try JSONDecoder().decode([GoldLabelEvaluationTests.GoldDoc].self, from: Data(contentsOf: url))
        XCTAssertFalse(gold.isEmpty)
        let docs = gold.enumerated().map { k, g -> Document in
            var doc = ClassifyFixtures.document(id: "gold\(k)", region: g.region, [])
            doc.clauses = g.clauses.map { c in
                Clause(id: c.id, parent: c.parent, level: c.level, label: c.label, number: c.number, heading: c.heading, text: c.text, original: c.text)
            }
            return classifier.classify(doc)
        }
        check(docs, "gold_clauses")
    }

    func testSharedSamplesThroughThePipeline() throws {
        var config = PipelineConfig()
        config.classify = ClassifySettings()
        let processor = try DocumentProcessor.make(config: config, baseDirectory: Fixtures.root)
        let docs = try Fixtures.sampleFiles().enumerated().map { k, url -> Document in
            let ingested = try processor.ingester.ingest(bytes: [UInt8](try Data(contentsOf: url)), path: url.lastPathComponent, sha256: "\(k)")
            return processor.classifier.classify(processor.structurer.structure(try processor.prepare(ingested: ingested, id: "sample\(k)")))
        }
        XCTAssertGreaterThan(docs.map(\.clauses.count).reduce(0, +), 100)
        check(docs, "samples")
    }

    /// Generated documents of 2–19 clauses, some nested, some repeating their heading in the body.
    func testGeneratedClauses() throws {
        let classifier = try ClassifyFixtures.repositoryClassifier()
        let cues = ClassifyFixtures.cueWords(classifier.taxonomy) + ["、", "等", "公开"]
        var r = SplitMix64(seed: 42)
        let docs = (0 ..< 30).map { d -> Document in
            var clauses: [(String, String?, String, String)] = []
            for i in 0 ..< 2 + r.below(18) {
                let parent: String? = i == 0 || r.below(3) == 0 ? nil : "c\(r.below(i))"
                let heading = r.below(5) == 0 ? "" : ClassifyFixtures.cueText(&r, cues: cues, parts: 1 + r.below(4))
                var body = ClassifyFixtures.cueText(&r, cues: cues, parts: r.below(40))
                if r.below(4) == 0 { body = heading + (r.below(2) == 0 ? "。" : "") + body }
                clauses.append(("c\(i)", parent, heading, body))
            }
            return classifier.classify(ClassifyFixtures.document(id: "gen\(d)", region: nil, clauses))
        }
        check(docs, "generated")
    }

    /// `^literal` cues run as literals at line starts (after any line terminator): the scores
    /// of both codes, hit by hit, on generated lines.
    func testLineStartCues() throws {
        let yaml = """
        areas:
          general:
            name: 总体
            cues:
              any: { "re:^公开": 3, 公开: 1, "re:公开$": 2, "re:^[一二三]、": 1 }
        topics:
          economy:
            name: 经济
            cues:
              body: { 公开经济: 2, "re:^经济": 1 }
        """
        let t = try ClassifyFixtures.taxonomy(yaml)
        let matcher = Classifier(taxonomy: t).matcher
        XCTAssertEqual(CueMatcher.lineStartLiteral("公开"), nil)
        XCTAssertEqual(CueMatcher.lineStartLiteral("^公开"), "公开")
        XCTAssertNil(CueMatcher.lineStartLiteral("^[一二三]、"))
        let pieces = ["公开", "公开经济", "经济", "x公开", "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "😀", "、", "一、"]
        var r = SplitMix64(seed: 3)
        var lines: [String] = [], seen = Set<String>()
        while lines.count < 150 {
            let s = (0 ..< 1 + r.below(7)).map { _ in r.pick(pieces) }.joined()
            if seen.insert(s).inserted { lines.append(s) }
        }
        let rows = lines.enumerated().map { k, s -> (key: String, value: String) in
            let m = matcher.analyze(ClauseContext(heading: s, body: s, parentHeading: s))
            let scores = t.areas.map { matcher.score($0, m, isTopic: false) } + t.topics.map { matcher.score($0, m, isTopic: true) }
            return ("line\(k)", scores.map { "\($0.code) \($0.total): \($0.hits.map(\.description).joined(separator: ", "))" }.joined(separator: " | "))
        }
        Golden.check(rows: rows, against: Self.golden("line_start_cues"),
                     header: ["ClassifierGoldenTests.testLineStartCues: line k (as heading, body and parent heading) → code total: hits | …"],
                     describe: { key in Int(key.dropFirst(4)).map { lines[$0].debugDescription } })
    }
}
