import XCTest
@testable import GazetteCore
import GazetteModel

/// The evaluation harness: the 166 hand-labelled clauses of ../shared/gold/labels, cut out
/// of the normalized sample documents by `Fixtures/classify/make_gold_clauses.py` (the
/// structure stage is built in parallel), classified with the repository's taxonomy.yml,
/// and scored like score.py's `check_labels`: area accuracy, area macro-F1, topic micro-F1.
///
/// The expected labels are used only to score, never to classify. Set GAZETTE_LABELS_VERBOSE=1
/// to print every miss with its evidence.
final class GoldLabelEvaluationTests: XCTestCase {
    struct GoldDoc: Decodable {
        var source: String
        var region: String?
        var clauses: [GoldClause]
    }
    struct GoldClause: Decodable {
        var id: String
        var parent: String?
        var level: Int
        var number: Int
        var label: String
        var heading: String
        var text: String
        var area: String
        var topics: [String]
    }

    struct Metrics {
        var accuracy: Double, macroF1: Double, topicF1: Double, count: Int
    }

    static func score(_ pairs: [(gold: GoldClause, got: Clause)]) -> Metrics {
        func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        let n = Double(pairs.count)
        let acc = Double(pairs.filter { $0.gold.area == $0.got.area }.count) / n
        let areas = Set(pairs.map(\.gold.area)).sorted()
        var f1s: [Double] = []
        for a in areas {
            let tp = Double(pairs.filter { $0.gold.area == a && $0.got.area == a }.count)
            let fp = Double(pairs.filter { $0.gold.area != a && $0.got.area == a }.count)
            let fn = Double(pairs.filter { $0.gold.area == a && $0.got.area != a }.count)
            f1s.append(f1(tp + fp > 0 ? tp / (tp + fp) : 0, tp + fn > 0 ? tp / (tp + fn) : 0))
        }
        var tp = 0.0, fp = 0.0, fn = 0.0
        for p in pairs {
            let g = Set(p.gold.topics), o = Set(p.got.topics)
            tp += Double(g.intersection(o).count); fp += Double(o.subtracting(g).count); fn += Double(g.subtracting(o).count)
        }
        let topicF1 = f1(tp + fp > 0 ? tp / (tp + fp) : 0, tp + fn > 0 ? tp / (tp + fn) : 0)
        return Metrics(accuracy: acc, macroF1: f1s.reduce(0, +) / Double(f1s.count), topicF1: topicF1, count: pairs.count)
    }

    /// Standard error is unbuffered, so the figures show even when the test passes.
    func say(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

    func testGoldLabels() throws {
        let url = ClassifyFixtures.repoRoot.appendingPathComponent("Tests/GazetteCoreTests/Fixtures/classify/gold_clauses.json")
        let docs = try JSONDecoder().decode([GoldDoc].self, from: Data(contentsOf: url))
        let classifier = try ClassifyFixtures.repositoryClassifier()
        let verbose = ProcessInfo.processInfo.environment["GAZETTE_LABELS_VERBOSE"] != nil
        var pairs: [(gold: GoldClause, got: Clause)] = []
        for g in docs {
            let clauses = g.clauses.map {
                Clause(id: $0.id, parent: $0.parent, level: $0.level, label: $0.label, number: $0.number,
                       heading: $0.heading, text: $0.text, original: $0.text)
            }
            var doc = Document(id: String(g.source.prefix { $0 != "." }), region: g.region, source: ClassifyFixtures.source(), clauses: clauses)
            doc.text = clauses.map(\.text).joined(separator: "\n")   // the scope rule reads the text
            let out = classifier.classify(doc)
            let docPairs = Array(zip(g.clauses, out.clauses))
            pairs += docPairs.map { (gold: $0.0, got: $0.1) }
            let m = Self.score(docPairs.map { (gold: $0.0, got: $0.1) })
            say(String(format: "labels %@: area %.3f, topic F1 %.3f over %d", g.source, m.accuracy, m.topicF1, m.count))
            if verbose {
                for (x, o) in docPairs where x.area != o.area || Set(x.topics) != Set(o.topics) {
                    say("  \(x.id) \(x.heading.prefix(24)): gold \(x.area) \(x.topics) got \(o.area) \(o.topics)")
                    for e in o.evidence.prefix(3) { say("      \(e)") }
                }
            }
        }
        let m = Self.score(pairs)
        say(String(format: "labels (harness): area accuracy %.3f macro-F1 %.3f; topic micro-F1 %.3f over %d clauses",
                     m.accuracy, m.macroF1, m.topicF1, m.count))
        XCTAssertEqual(m.count, 166)
        XCTAssertGreaterThanOrEqual(m.accuracy, 0.90)
        XCTAssertGreaterThanOrEqual(m.topicF1, 0.75)
    }

    /// The scorer itself, on a hand-computed case.
    func testScoreMatchesScorePyDefinitions() {
        func g(_ a: String, _ t: [String]) -> GoldClause { GoldClause(id: "x", parent: nil, level: 1, number: 1, label: "", heading: "", text: "", area: a, topics: t) }
        func c(_ a: String, _ t: [String]) -> Clause { Clause(id: "x", parent: nil, level: 1, label: "", number: 1, heading: "", text: "", original: "", area: a, topics: t) }
        let m = Self.score([(g("a", ["x"]), c("a", ["x", "y"])), (g("a", []), c("b", [])), (g("b", ["z"]), c("b", []))])
        XCTAssertEqual(m.accuracy, 2.0 / 3, accuracy: 1e-9)
        // a: P 1/1 R 1/2 → 2/3; b: P 1/2 R 1/1 → 2/3
        XCTAssertEqual(m.macroF1, 2.0 / 3, accuracy: 1e-9)
        // topics: tp 1, fp 1, fn 1 → P 0.5 R 0.5
        XCTAssertEqual(m.topicF1, 0.5, accuracy: 1e-9)
    }
}
