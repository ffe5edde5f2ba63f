import Foundation
import XCTest
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// The shared and pruned computations of the research pages against their plain definitions
/// (Dice and document frequencies by counting, LCS both ways, the standard sort, scalar-by-
/// scalar forms, the textbook LCS walk), on generated plans (`GeneratedPlans`). What the
/// aligner, the topic similarity and the coverage table give is pinned by AlignmentGoldenTests.
final class PruningTests: XCTestCase {
    func comparable(_ clauses: [Clause], _ renames: UnitRenames, keep: Bool) -> [ComparableClause] {
        clauses.map { ComparableClause(PreparedClause($0, keep: keep), renames: renames) }
    }

    func testBigramIndexGivesDiceAndDocumentFrequencies() {
        var rng = SplitMix64(seed: 19)
        for _ in 0..<100 {
            let (ca, cb) = GeneratedPlans.pair(&rng)
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
            for c in a + b {
                var counts: [UInt64: Int32] = [:]
                for (x, y) in zip(c.key, c.key.dropFirst()) { counts[UInt64(x) << 32 | UInt64(y), default: 0] += 1 }
                XCTAssertEqual(c.bigrams, counts.keys.sorted()); XCTAssertEqual(c.bigramCounts, counts.keys.sorted().map { counts[$0]! })
            }
        }
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
        let renames = UnitRenames.forClauses([GeneratedPlans.clause("u", "由市环保局负责，市国土资源局牵头落实。")])
        let texts = ["市环保局和市文化广播影视局、旅游局、文化和旅游局", "文化和旅游局", "市生态环境局", "农委农业农村委", ""]
            + (0..<200).map { _ in GeneratedPlans.clauseText(&rng) + "市环保局" }
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
            let (ca, cb) = GeneratedPlans.pair(&rng)
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
}
