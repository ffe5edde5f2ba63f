import Foundation
import XCTest
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// Pins the one-pass cue matcher (Aho–Corasick, integer ids) to the matcher it replaced
/// (Legacy/, copied verbatim): the same scores, hits and explanations for every code, and the
/// same labels, evidence and scores for whole documents — on the gold clauses of the shared
/// samples, on the shared samples run through the pipeline, and on generated clauses that mix
/// cue words, overlapping cues, separators, line breaks, ASCII, emoji and combining marks.
final class CueMatcherEquivalenceTests: XCTestCase {
    /// Score-level comparison of one clause context under every code of the taxonomy.
    func assertSameScores(_ new: Classifier, _ old: LegacyClassifier, _ ctx: ClauseContext, file: StaticString = #filePath, line: UInt = #line) {
        let m = new.matcher.analyze(ctx), lm = old.matcher.analyze(ctx)
        XCTAssertEqual(m.bodyLength, lm.bodyLength, file: file, line: line)
        XCTAssertEqual(m.bodyCharacters, lm.bodyCharacters, file: file, line: line)
        for (code, isTopic) in new.taxonomy.areas.map({ ($0, false) }) + new.taxonomy.topics.map({ ($0, true) }) {
            let s = new.matcher.score(code, m, isTopic: isTopic), l = old.matcher.score(code, lm, isTopic: isTopic)
            let same = s.code == l.code && s.total == l.total && s.hits.count == l.hits.count
                && zip(s.hits, l.hits).allSatisfy { $0.cue == $1.cue && $0.place == $1.place && $0.count == $1.count && $0.points == $1.points }
                && s.explanation == l.explanation && s.headingPoints == l.headingPoints
            if !same {
                XCTFail("\(code.code) on \(ctx): new \(s.total) [\(s.explanation)] vs old \(l.total) [\(l.explanation)]", file: file, line: line)
            }
        }
        // The batch entry points give the same scores as the per-code one.
        XCTAssertEqual(new.matcher.scoreAreas(m), new.taxonomy.areas.map { new.matcher.score($0, m, isTopic: false) }, file: file, line: line)
        XCTAssertEqual(new.matcher.scoreTopics(m), new.taxonomy.topics.map { new.matcher.score($0, m, isTopic: true) }, file: file, line: line)
    }

    func assertSameDocument(_ new: Classifier, _ old: LegacyClassifier, _ doc: Document, file: StaticString = #filePath, line: UInt = #line) {
        let a = new.classify(doc), b = old.classify(doc)
        XCTAssertEqual(a.clauses.count, b.clauses.count, file: file, line: line)
        for (x, y) in zip(a.clauses, b.clauses) {
            XCTAssertEqual(x.area, y.area, x.id, file: file, line: line)
            XCTAssertEqual(x.topics, y.topics, x.id, file: file, line: line)
            XCTAssertEqual(x.evidence, y.evidence, x.id, file: file, line: line)
            XCTAssertEqual(x.scores, y.scores, x.id, file: file, line: line)
        }
        XCTAssertTrue(a == b, "\(doc.id): the classified documents differ", file: file, line: line)
    }

    func pair() throws -> (Classifier, LegacyClassifier) {
        let new = try ClassifyFixtures.repositoryClassifier()
        return (new, LegacyClassifier(taxonomy: new.taxonomy, registry: new.registry, overrides: new.overrides, dataHash: new.dataHash))
    }

    func contexts(_ doc: Document) -> [ClauseContext] {
        let headings = Dictionary(doc.clauses.map { ($0.id, $0.heading) }, uniquingKeysWith: { a, _ in a })
        return doc.clauses.flatMap { c -> [ClauseContext] in
            let ctx = ClauseContext(heading: c.heading, body: Classifier.body(of: c), parentHeading: c.parent.flatMap { headings[$0] } ?? "")
            return [ctx, ClauseContext(heading: c.heading, body: "", parentHeading: "")]
        }
    }

    func testGoldClausesOfTheSharedSamples() throws {
        let (new, old) = try pair()
        let url = ClassifyFixtures.repoRoot.appendingPathComponent("Tests/GazetteCoreTests/Fixtures/classify/gold_clauses.json")
        let docs = try JSONDecoder().decode([GoldLabelEvaluationTests.GoldDoc].self, from: Data(contentsOf: url))
        XCTAssertFalse(docs.isEmpty)
        for (k, g) in docs.enumerated() {
            var doc = ClassifyFixtures.document(id: "gold\(k)", region: g.region, [])
            doc.clauses = g.clauses.map { c in
                Clause(id: c.id, parent: c.parent, level: c.level, label: c.label, number: c.number, heading: c.heading, text: c.text, original: c.text)
            }
            for ctx in contexts(doc) { assertSameScores(new, old, ctx) }
            assertSameDocument(new, old, doc)
        }
    }

    func testSharedSamplesThroughThePipeline() throws {
        let files = try SampleCorpus.files()
        var config = PipelineConfig()
        config.classify = ClassifySettings()
        let processor = try DocumentProcessor.make(config: config, baseDirectory: ClassifyFixtures.repoRoot)
        let old = LegacyClassifier(taxonomy: processor.classifier.taxonomy, registry: processor.classifier.registry,
                                   overrides: processor.classifier.overrides)
        var clauses = 0
        for (k, url) in files.enumerated() {
            let bytes = [UInt8](try Data(contentsOf: url))
            let ingested = try processor.ingester.ingest(bytes: bytes, path: url.lastPathComponent, sha256: "\(k)")
            let doc = processor.structurer.structure(try processor.prepare(ingested: ingested, id: "sample\(k)"))
            clauses += doc.clauses.count
            for ctx in contexts(doc) { assertSameScores(processor.classifier, old, ctx) }
            assertSameDocument(processor.classifier, old, doc)
        }
        XCTAssertGreaterThan(clauses, 100)
    }

    /// Deterministic pseudo-random numbers (SplitMix64).
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// A text of cue words, pieces of cue words, overlapping pairs and noise.
    static func text(_ r: inout Mix, cues: [String], parts: Int) -> String {
        let noise = ["、", "。", "；", ";", "，", ",", "：", ":", "\n", "！", "？", "\r\n", "\r", "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}",
                     "等", "和", "工作", " ", "abc", "A1", "😀", "👩‍👩‍👧", "e\u{301}", "\u{301}", "（一）", "1.", "第二条", "年", "的",
                     "\u{FEFF}", "\t", "公", "开", "信息", "政务"]
        var s = ""
        for _ in 0 ..< parts {
            switch r.below(10) {
            case 0, 1, 2: s += cues[r.below(cues.count)]
            case 3:
                // Two cues overlapping: the first's tail is the second's head when they share one.
                let a = cues[r.below(cues.count)], b = cues[r.below(cues.count)]
                let cut = b.isEmpty ? 0 : r.below(b.count)
                s += a.hasSuffix(String(b.prefix(cut))) ? a + b.dropFirst(cut) : a + b
            case 4:
                let c = cues[r.below(cues.count)]
                s += String(c.prefix(max(1, c.count - 1)))
            case 5:
                let c = cues[r.below(cues.count)]
                s += String(c.dropFirst())
            default: s += noise[r.below(noise.count)]
            }
        }
        return s
    }

    func testGeneratedClauses() throws {
        let (new, old) = try pair()
        var cues: [String] = []
        for c in new.taxonomy.areas + new.taxonomy.topics { cues += c.cues.map { $0.isRegex ? String($0.label.drop { $0 == "^" }) : $0.pattern } }
        cues += ["、", "等", "公开"]
        var r = Mix(state: 42)
        var docs = 0
        for d in 0 ..< 150 {
            var clauses: [(String, String?, String, String)] = []
            let n = 2 + r.below(18)
            for i in 0 ..< n {
                let parent: String? = i == 0 || r.below(3) == 0 ? nil : "c\(r.below(i))"
                let heading = r.below(5) == 0 ? "" : Self.text(&r, cues: cues, parts: 1 + r.below(4))
                var body = Self.text(&r, cues: cues, parts: r.below(40))
                if r.below(4) == 0 { body = heading + (r.below(2) == 0 ? "。" : "") + body }
                clauses.append(("c\(i)", parent, heading, body))
            }
            var doc = ClassifyFixtures.document(id: "gen\(d)", region: nil, clauses)
            // Parents point to earlier clauses: mark levels so parents come first.
            for i in doc.clauses.indices { doc.clauses[i].level = doc.clauses[i].parent == nil ? 1 : 2 }
            for ctx in contexts(doc) { assertSameScores(new, old, ctx) }
            assertSameDocument(new, old, doc)
            docs += 1
        }
        XCTAssertEqual(docs, 150)
    }

    /// The automaton finds what a left-to-right search for each cue alone finds (the
    /// line-start entries only after a line terminator or at the start).
    func testAutomatonAgreesWithPerCueSearch() throws {
        let (new, _) = try pair()
        var cues: [(id: Int32, text: String, atLineStart: Bool)] = []
        var words: [String] = []
        for c in new.taxonomy.areas + new.taxonomy.topics {
            for cue in c.cues where !cue.isRegex { cues.append((Int32(cues.count), cue.pattern, cues.count % 7 == 0)); words.append(cue.pattern) }
        }
        let automaton = CueAutomaton(cues: cues)
        let terminators: Set<UInt16> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        var r = Mix(state: 11)
        var found = 0
        for _ in 0 ..< 800 {
            let t = Self.text(&r, cues: words, parts: r.below(30))
            let u = Array(t.utf16)
            var expected: [CueMatch] = []
            for (id, text, atLineStart) in cues {
                let p = Array(text.utf16)
                var i = 0
                while i + p.count <= u.count {
                    if Array(u[i ..< i + p.count]) == p && (!atLineStart || i == 0 || terminators.contains(u[i - 1])) {
                        expected.append(CueMatch(id: id, location: Int32(i), length: Int32(p.count))); i += p.count
                    } else { i += 1 }
                }
            }
            var got: [CueMatch] = []
            let size = automaton.scan(t, into: &got)
            func order(_ a: CueMatch, _ b: CueMatch) -> Bool { a.id != b.id ? a.id < b.id : a.location < b.location }
            XCTAssertEqual(got.sorted(by: order), expected.sorted(by: order), t.debugDescription)
            XCTAssertEqual(size.utf16, u.count)
            XCTAssertEqual(size.simple ? size.scalars : t.count, SimpleText.count(t))
            found += got.count
        }
        XCTAssertGreaterThan(found, 1000)
    }

    /// The clause body without its heading: the scalar search answers like Foundation's.
    func testBodyWithoutHeading() {
        var r = Mix(state: 7)
        let pieces = ["信息公开", "一、", "（二）", "：", "。", " ", "\n", "e\u{301}", "\u{E9}", "😀", "abc", "公开", "\u{3099}", "か", "が", "Å", "A\u{30A}", "\r\n"]
        for _ in 0 ..< 3000 {
            var heading = "", text = ""
            for _ in 0 ..< r.below(4) { heading += pieces[r.below(pieces.count)] }
            for _ in 0 ..< r.below(3) { text += pieces[r.below(pieces.count)] }
            if r.below(3) > 0 { text += heading }
            for _ in 0 ..< r.below(6) { text += pieces[r.below(pieces.count)] }
            let label = r.below(2) == 0 ? "" : "一"
            let c = Clause(id: "x", parent: nil, level: 1, label: label, number: 1, heading: heading, text: text, original: text)
            XCTAssertEqual(Classifier.body(of: c), LegacyClassifier.body(of: c), "\(heading.debugDescription) in \(text.debugDescription)")
        }
    }

    /// `^literal` cues run as literals at line starts: the same matches as the regular expression.
    func testLineStartRegexCue() throws {
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
        let new = Classifier(taxonomy: t), old = LegacyClassifier(taxonomy: t)
        XCTAssertEqual(CueMatcher.lineStartLiteral("公开"), nil)
        XCTAssertEqual(CueMatcher.lineStartLiteral("^公开"), "公开")
        XCTAssertNil(CueMatcher.lineStartLiteral("^[一二三]、"))
        let lines = ["公开", "公开经济", "经济", "x公开", "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "😀", "、", "一、"]
        var r = Mix(state: 3)
        for _ in 0 ..< 2000 {
            var s = ""
            for _ in 0 ..< r.below(8) { s += lines[r.below(lines.count)] }
            assertSameScores(new, old, ClauseContext(heading: s, body: s, parentHeading: s))
        }
    }
}
