import Foundation
import XCTest
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// The pruned and shared computations of the research pages give exactly what the
/// straightforward ones (`ReferenceAligner`, `ReferenceTopicSimilarity`, `ReferenceCoverage`)
/// gave, on generated documents: random clauses from a pool of plan phrases, and a later
/// year made by deleting, inserting, rewording, moving, merging and splitting them.
final class PruningTests: XCTestCase {
    static let phrases = [
        "全面推进政务公开标准化规范化建设", "完善依申请公开办理工作机制", "加强政策解读和回应关切", "提高政府网站集约化水平",
        "做好建议提案办理结果公开", "深化重点领域信息公开", "推进基层政务公开", "强化政务新媒体管理", "规范政府信息公开申请登记审核",
        "编制主动公开基本目录", "加大财政预决算公开力度", "推动重大行政决策预公开", "由市环保局负责", "市国土资源局牵头落实",
        "各区人民政府配合", "严格落实保密审查要求", "健全政务舆情监测机制", "优化政务服务事项办理流程", "持续开展政府开放日活动",
        "公开审计发现问题整改情况", "加强公共企事业单位信息公开", "建立健全考核评估机制", "及时发布权威信息", "A类事项按月更新",
    ]

    static func clauseText(_ rng: inout SplitMix64) -> String {
        let k = Int.random(in: 0...4, using: &rng)
        if k == 0 { return String(phrases.randomElement(using: &rng)!.prefix(Int.random(in: 2...9, using: &rng))) + "。" }   // short clauses
        return (0..<k).map { _ in phrases.randomElement(using: &rng)! }.joined(separator: "，") + "。"
    }

    static func clause(_ id: String, _ text: String, level: Int = 2) -> Clause {
        var units: [UnitMention] = []
        if text.contains("市环保局") { units.append(UnitMention(name: "市环保局", canonical: "上海市生态环境局", role: .lead)) }
        if text.contains("市国土资源局") { units.append(UnitMention(name: "市国土资源局", canonical: "市国土资源局", role: .lead, successor: "上海市规划和自然资源局")) }
        return Clause(id: id, parent: nil, level: level, label: "", number: 1, heading: text.count > 20 ? String(text.prefix(6)) : "",
                      text: text, original: text, area: "x", units: units)
    }

    /// A document and its later year, edited at random.
    static func pair(_ rng: inout SplitMix64) -> ([Clause], [Clause]) {
        let n = Int.random(in: 0...24, using: &rng)
        let a = (0..<n).map { _ in clauseText(&rng) }
        var b: [String] = []
        var i = 0
        while i < a.count {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: break                                                          // deleted
            case 1: b.append(clauseText(&rng)); b.append(a[i])                     // inserted before
            case 2 where i + 1 < a.count: b.append(a[i] + a[i + 1]); i += 1        // merged
            case 3: let s = a[i].split(separator: "，")                             // split
                if s.count > 1 { b.append(String(s[0]) + "。"); b.append(s.dropFirst().joined(separator: "，")) } else { b.append(a[i]) }
            case 4: b.append(a[i].replacingOccurrences(of: "加强", with: "进一步强化") + phrases.randomElement(using: &rng)!)   // reworded
            case 5 where !b.isEmpty: b.insert(a[i], at: Int.random(in: 0..<b.count, using: &rng))                             // moved
            default: b.append(a[i])
            }
            i += 1
        }
        if Bool.random(using: &rng) { b.append(clauseText(&rng)) }
        return (a.enumerated().map { clause("a\($0.offset)", $0.element, level: $0.offset % 3 == 0 ? 1 : 2) },
                b.enumerated().map { clause("b\($0.offset)", $0.element, level: $0.offset % 3 == 0 ? 1 : 2) })
    }

    func comparable(_ clauses: [Clause], _ renames: UnitRenames, keep: Bool) -> [ComparableClause] {
        clauses.map { ComparableClause(PreparedClause($0, keep: keep), renames: renames) }
    }

    func assertSameAlignment(_ fast: ClauseAligner, _ slow: ReferenceAligner, _ a: [ComparableClause], _ b: [ComparableClause],
                             file: StaticString = #filePath, line: UInt = #line) {
        let f = fast.alignDetailed(a, b), s = slow.alignDetailed(a, b)
        XCTAssertEqual(f.pairs, s.pairs, file: file, line: line)
        XCTAssertEqual(f.dice, s.dice, file: file, line: line)
        for k in f.lcs.indices where f.lcs[k] >= 0 { XCTAssertEqual(f.lcs[k], s.lcs[k], file: file, line: line) }
    }

    func testAlignmentEqualsTheUnprunedAlignment() {
        var rng = SplitMix64(seed: 7)
        var statuses = Set<String>()
        for round in 0..<300 {
            let (ca, cb) = Self.pair(&rng)
            let renames = UnitRenames.forClauses(ca + cb)
            let a = comparable(ca, renames, keep: round % 2 == 0), b = comparable(cb, renames, keep: round % 3 == 0)
            for tau in [0.5, 0.3, 0.7] {
                var fast = ClauseAligner(threshold: tau), slow = ReferenceAligner(threshold: tau)
                fast.inlineOps = tau == 0.5; slow.inlineOps = tau == 0.5
                assertSameAlignment(fast, slow, a, b)
            }
            ClauseAligner().align(a, b).forEach { statuses.insert($0.status.rawValue + ($0.basis ?? "")) }
        }
        // The generated pairs exercise every kind of step the aligner takes.
        XCTAssertTrue(statuses.isSuperset(of: ["unchanged", "modified", "moved", "merged", "split", "added", "removed", "modifiedtopic"]), "\(statuses.sorted())")
    }

    func testAlignmentOfSampleEditScriptsEqualsTheUnprunedAlignment() throws {
        let files = SampleClauses.files()
        guard files.count >= 2 else { throw XCTSkip("sample corpus not found at \(SampleClauses.corpus.path)") }
        let docs = try files.map { SampleClauses.split(try SampleClauses.text($0)) }
        var rng = SplitMix64(seed: 3)
        var scripts = 0
        for _ in 0..<400 where scripts < 60 {
            let d = Int.random(in: 0..<docs.count, using: &rng)
            let pool = docs.enumerated().filter { $0.offset != d }.flatMap(\.element)
            guard let script = EditScript.make(base: docs[d], pool: pool, count: Int.random(in: 1...4, using: &rng), rng: &rng) else { continue }
            scripts += 1
            let a = comparable(script.a, .reform2018, keep: true), b = comparable(script.b, .reform2018, keep: false)
            assertSameAlignment(ClauseAligner(), ReferenceAligner(), a, b)
            assertSameAlignment(ClauseAligner(), ReferenceAligner(), a, comparable(pool.shuffled(using: &rng).prefix(30).map { $0 }, .reform2018, keep: false))
        }
        XCTAssertGreaterThan(scripts, 20)
    }

    func testBigramIndexGivesDiceAndDocumentFrequencies() {
        var rng = SplitMix64(seed: 19)
        for _ in 0..<100 {
            let (ca, cb) = Self.pair(&rng)
            let a = comparable(ca, .reform2018, keep: false), b = comparable(cb, .reform2018, keep: false)
            let index = BigramIndex(a, b)
            XCTAssertEqual(index.dice(a, b), a.flatMap { x in b.map { Similarity.dice(x.bigrams, $0.bigrams) } })
            var counts: [UInt64: Int] = [:]
            for c in a + b { for g in c.bigrams { counts[g, default: 0] += 1 } }
            let f = index.frequencies()
            XCTAssertEqual(f.keys, counts.keys.sorted())
            XCTAssertEqual(f.counts, counts.keys.sorted().map { counts[$0]! })
            for g in counts.keys { XCTAssertEqual(index.frequency(g), counts[g]) }
            XCTAssertNil(index.frequency(0x4E00_0000_4E00))
            // One side empty: no pairs, and the other side's frequencies still counted.
            XCTAssertEqual(BigramIndex(a, []).dice(a, []), [])
            XCTAssertEqual(BigramIndex([], b).frequencies().keys, Set(b.flatMap(\.bigrams)).sorted())
            // Vectors and all-pairs scores, to the last bit.
            let onlyA = a.indices.filter { _ in Bool.random(using: &rng) }, onlyB = b.indices.filter { _ in Bool.random(using: &rng) }
            let fast = TopicSimilarity(a, b, onlyA: onlyA, onlyB: onlyB, index: index)
            let slow = ReferenceTopicSimilarity(a, b, onlyA: onlyA, onlyB: onlyB)
            XCTAssertEqual(fast.a.map(\.keys), slow.a.map(\.keys)); XCTAssertEqual(fast.a.map(\.weights), slow.a.map(\.weights))
            XCTAssertEqual(fast.b.map(\.keys), slow.b.map(\.keys)); XCTAssertEqual(fast.b.map(\.weights), slow.b.map(\.weights))
            XCTAssertEqual(fast.a.map(\.norm), slow.a.map(\.norm)); XCTAssertEqual(fast.b.map(\.norm), slow.b.map(\.norm))
            for c in a + b {
                var counts: [UInt64: Int32] = [:]
                for (x, y) in zip(c.key, c.key.dropFirst()) { counts[UInt64(x) << 32 | UInt64(y), default: 0] += 1 }
                XCTAssertEqual(c.bigrams, counts.keys.sorted()); XCTAssertEqual(c.bigramCounts, counts.keys.sorted().map { counts[$0]! })
            }
            let scores = fast.scores(rows: onlyA, cols: onlyB)
            for (x, i) in onlyA.enumerated() { for (y, j) in onlyB.enumerated() { XCTAssertEqual(scores[x * onlyB.count + y], slow.score(i, j)) } }
        }
    }

    func testCoverageUnmatchedEqualsTheUnprunedComputation() {
        var rng = SplitMix64(seed: 23)
        var nonzero = 0
        for round in 0..<120 {
            func docs(_ year: Int) -> [PreparedDocument] {
                (0..<Int.random(in: 1...3, using: &rng)).map { k in
                    let (c, _) = Self.pair(&rng)
                    return PreparedDocument(SampleClauses.document(id: "d\(round)-\(year)-\(k)", clauses: c, region: "上海市", year: year), keep: k == 0)
                }
            }
            // Pools of several documents, and single documents (random or edited from one another).
            var before = docs(2020), after = docs(2021)
            if round % 2 == 0 {
                let (ca, cb) = Self.pair(&rng)
                before = [PreparedDocument(SampleClauses.document(id: "p\(round)a", clauses: ca, region: "上海市", year: 2020), keep: true)]
                after = [PreparedDocument(SampleClauses.document(id: "p\(round)b", clauses: cb, region: "上海市", year: 2021), keep: true)]
            }
            let fast = CoverageTable.unmatchedClauses(before, after, threshold: 0.5, pairLimit: .max)
            if before.count > 1 || after.count > 1 {
                // Pooled years are matched by similarity (CoverageMatchingTests checks how), never aligned.
                XCTAssertEqual(fast.2, "similarity")
                continue
            }
            XCTAssertNil(fast.2, "one document each: aligned")
            let slow = ReferenceCoverage.unmatchedClauses(before, after, threshold: 0.5)
            XCTAssertEqual(fast.0, slow.0); XCTAssertEqual(fast.1, slow.1)
            nonzero += (fast.0 + fast.1).filter { $0.best > 0 }.count
            if before.count == 1 && after.count == 1 {
                // The diff page's alignment of the two documents serves the coverage table.
                let aligner = ClauseAligner()
                XCTAssertTrue(CoverageTable.alignsLike(aligner, threshold: CoverageTable.defaultThreshold))
                let r = DocumentDiff.makeDetailed(before[0], after[0], aligner: aligner)
                let shared = CoverageTable.unmatched(pairs: r.diff.pairs, dice: r.dice, lcs: r.lcs, before: r.a, after: r.b,
                                                     refBefore: before[0].clauses.map { (before[0].document.id, $0.clause.id) },
                                                     refAfter: after[0].clauses.map { (after[0].document.id, $0.clause.id) })
                XCTAssertEqual(shared.0, slow.0); XCTAssertEqual(shared.1, slow.1)
            }
        }
        XCTAssertGreaterThan(nonzero, 50, "the unmatched clauses should include partial counterparts")
        XCTAssertFalse(CoverageTable.alignsLike(ClauseAligner(threshold: 0.4), threshold: 0.5))
    }

    func testSharedYearsAreConsecutiveSingleDocumentYears() {
        XCTAssertEqual(ResearchSiteSink.sharedYears([2019, 2020, nil, 2021, 2021, 2022, 2024, nil, 2025]), [2020: 2019, 2024: 2022, 2025: 2024])
        XCTAssertEqual(ResearchSiteSink.sharedYears([nil, nil]), [:])
    }

    func testRenameRulesKeepTheirOrder() {
        var rng = SplitMix64(seed: 43)
        let names = ["市环保局", "环保局", "市国土资源局", "农委", "文化和旅游局", "旅游局", "市农业局", "区卫计委", "卫计委"]
        for _ in 0..<50 {
            let rules = (0..<Int.random(in: 0...12, using: &rng)).map { _ in (names.randomElement(using: &rng)!, names.randomElement(using: &rng)! + "新") }
            let expected = rules.filter { !$0.0.isEmpty && $0.0 != $0.1 }.map { (old: $0.0, new: $0.1) }
                .sorted { $0.old.count != $1.old.count ? $0.old.count > $1.old.count : $0.old < $1.old }
            let got = UnitRenames(rules: rules).rules
            XCTAssertEqual(got.map(\.old), expected.map(\.old)); XCTAssertEqual(got.map(\.new), expected.map(\.new))
        }
    }

    func testRenamesOnScalarsEqualTheStringForm() {
        var rng = SplitMix64(seed: 29)
        let renames = UnitRenames.forClauses([Self.clause("u", "由市环保局负责，市国土资源局牵头落实。")])
        let texts = ["市环保局和市文化广播影视局、旅游局、文化和旅游局", "文化和旅游局", "市生态环境局", "农委农业农村委", ""]
            + (0..<200).map { _ in Self.clauseText(&rng) + "市环保局" }
        for t in texts {
            for r in [renames, .reform2018, UnitRenames(rules: [])] {
                let scalars = Array(t.unicodeScalars)
                XCTAssertEqual(ComparableClause.normalize(scalars: r.apply(scalars: scalars)), ComparableClause.normalize(r.apply(t)), t)
            }
        }
    }

    func testClauseLCSIsSymmetric() {
        var rng = SplitMix64(seed: 47)
        for _ in 0..<60 {
            let (ca, cb) = Self.pair(&rng)
            let a = comparable(ca, .reform2018, keep: true), b = comparable(cb, .reform2018, keep: false)
            for x in a { for y in b {
                XCTAssertEqual(ClauseAligner.lcs(x, y), x.masks.lcs([y.key])); XCTAssertEqual(ClauseAligner.lcs(y, x), x.masks.lcs([y.key]))
            } }
        }
    }

    func testFastSortSortsLikeTheStandardSort() {
        var rng = SplitMix64(seed: 37)
        for _ in 0..<300 {
            let n = Int.random(in: 0...600, using: &rng), spread = UInt64.random(in: 1...1000, using: &rng)
            var a = (0..<n).map { _ in UInt64.random(in: 0...spread, using: &rng) << 40 | UInt64.random(in: 0...3, using: &rng) }
            if Bool.random(using: &rng) { a.sort(by: >) }   // descending input
            let expected = a.sorted()
            FastSort.sort(&a)
            XCTAssertEqual(a, expected)
        }
    }

    func testCollapsedSpacesEqualTheScalarByScalarForm() {
        func reference(_ s: String) -> String {
            guard s.unicodeScalars.contains(where: ScalarClass.isWhitespace) else { return s }
            var out = String.UnicodeScalarView()
            var space = false
            for u in s.unicodeScalars {
                if ScalarClass.isWhitespace(u) { if !space && !out.isEmpty { out.append(" ") }; space = true } else { out.append(u); space = false }
            }
            if out.last == " " { out.removeLast() }
            return String(out)
        }
        for s in ["", " ", "  a  b  ", "\u{3000}加强\n\n公开 ", "A\tb\u{2028}c😀 d\u{85}", "无空格", "é \u{301}x", "\r\n"] {
            XCTAssertEqual(Array(ComparableClause.collapseSpaces(s).unicodeScalars), Array(reference(s).unicodeScalars), s.debugDescription)
        }
    }

    func testInlineDiffRunsAndIslandsEqualTheScalarByScalarForms() {
        func referenceRuns(_ raw: [(InlineDiff.Op.Kind, Unicode.Scalar)]) -> [InlineDiff.Op] {
            var out: [InlineDiff.Op] = []
            for (k, c) in raw {
                if let last = out.last, last.op == k { out[out.count - 1].text.unicodeScalars.append(c) } else {
                    var s = ""; s.unicodeScalars.append(c); out.append(InlineDiff.Op(k, s))
                }
            }
            return out
        }
        var rng = SplitMix64(seed: 41)
        let kinds: [InlineDiff.Op.Kind] = [.equal, .delete, .insert]
        let alphabet = Array("加强公开，。 a1😀\n、（）".unicodeScalars)
        for _ in 0..<300 {
            let raw = (0..<Int.random(in: 0...40, using: &rng)).map { _ in (kinds.randomElement(using: &rng)!, alphabet.randomElement(using: &rng)!) }
            XCTAssertEqual(InlineDiff.runs(raw), referenceRuns(raw))
            let s = String(String.UnicodeScalarView(raw.map(\.1)))
            for minIsland in 1...4 {
                XCTAssertEqual(InlineDiff.isIsland(s, minIsland: minIsland),
                               s.unicodeScalars.filter { !ComparableClause.normalize(String($0)).isEmpty }.count < minIsland)
            }
        }
    }

    /// The textbook suffix-LCS table walk (as in FastPathTests).
    static func referenceMiddle(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> [(InlineDiff.Op.Kind, Unicode.Scalar)] {
        let n = x.count, m = y.count, w = m + 1
        var t = [Int](repeating: 0, count: (n + 1) * w)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                t[i * w + j] = x[i] == y[j] ? t[(i + 1) * w + j + 1] + 1 : max(t[(i + 1) * w + j], t[i * w + j + 1])
            }
        }
        var out: [(InlineDiff.Op.Kind, Unicode.Scalar)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if x[i] == y[j] { out.append((.equal, x[i])); i += 1; j += 1 }
            else if t[(i + 1) * w + j] >= t[i * w + j + 1] { out.append((.delete, x[i])); i += 1 }
            else { out.append((.insert, y[j])); j += 1 }
        }
        while i < n { out.append((.delete, x[i])); i += 1 }
        while j < m { out.append((.insert, y[j])); j += 1 }
        return out
    }

    func testInlineDiffOfLongTextsMatchesTheTextbookWalk() {
        var rng = SplitMix64(seed: 31)
        for _ in 0..<120 {
            let x = (0..<Int.random(in: 1...400, using: &rng)).map { _ in Unicode.Scalar(UInt32.random(in: 0x4E00...0x4E08, using: &rng))! }
            var y = x
            for _ in 0..<Int.random(in: 0...30, using: &rng) where !y.isEmpty {
                let p = Int.random(in: 0..<y.count, using: &rng)
                if Bool.random(using: &rng) { y.remove(at: p) } else { y.insert(Unicode.Scalar(UInt32.random(in: 0x4E00...0x4E10, using: &rng))!, at: p) }
            }
            if y.isEmpty { continue }
            let fast = InlineDiff.middle(x, y), slow = Self.referenceMiddle(x, y)
            XCTAssertEqual(fast.map(\.0), slow.map(\.0)); XCTAssertEqual(fast.map(\.1), slow.map(\.1))
        }
    }
}
