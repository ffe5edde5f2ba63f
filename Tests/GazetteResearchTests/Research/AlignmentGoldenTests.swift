import Foundation
import XCTest
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// The research pages' computations pinned by recorded golden files (Fixtures/golden/align/):
/// the clause alignment (pairs, statuses, scores, groups, topic pass, a digest of the inline
/// diffs) on generated plans and their edited later years and on edit scripts over the
/// samples; the topic similarity of clause pairs; the coverage table's unmatched clauses.
/// A deliberate change is re-recorded with GAZETTE_RECORD=1 and reviewed in the diff.
final class AlignmentGoldenTests: XCTestCase {
    static func golden(_ name: String) -> URL { Fixtures.of("GazetteResearchTests", "golden/align/\(name).tsv") }

    static func comparable(_ clauses: [Clause], _ renames: UnitRenames, keep: Bool) -> [ComparableClause] {
        clauses.map { ComparableClause(PreparedClause($0, keep: keep), renames: renames) }
    }

    static func format(_ x: Double) -> String { String(format: "%.4f", x) }

    /// An alignment in one line: `a>b status score gN topic T; …`, then a digest of the inline diffs.
    static func line(_ pairs: [DiffPair]) -> String {
        let steps = pairs.map { p -> String in
            var s = "\(p.a ?? "-")>\(p.b ?? "-") \(p.status.rawValue)"
            if let x = p.score { s += " " + format(x) }
            if let g = p.group { s += " g\(g)" }
            if let basis = p.basis { s += " \(basis) " + format(p.topicScore ?? .nan) }
            return s
        }
        let ops = pairs.compactMap(\.ops).map { $0.map { "\($0.op.rawValue):\($0.text)" }.joined(separator: "\u{1}") }
        return steps.joined(separator: "; ") + (ops.isEmpty ? "" : " | ops#" + Golden.digest(ops.joined(separator: "\u{2}")))
    }

    /// Every LCS the aligner computed is the clause pair's LCS (the others are -1: pruned).
    func assertComputedLCS(_ lcs: [Int], _ a: [ComparableClause], _ b: [ComparableClause], file: StaticString = #filePath, line: UInt = #line) {
        for (k, l) in lcs.enumerated() where l >= 0 {
            XCTAssertEqual(l, ClauseAligner.lcs(a[k / b.count], b[k % b.count]), "pair \(k / b.count)×\(k % b.count)", file: file, line: line)
        }
    }

    /// Generated pairs, each aligned at one of three thresholds (inline diffs at 0.5).
    func testAlignmentOfGeneratedPlans() {
        var rng = SplitMix64(seed: 7)
        var statuses = Set<String>()
        let rows = (0..<90).map { round -> (key: String, value: String) in
            let (ca, cb) = GeneratedPlans.pair(&rng)
            let renames = UnitRenames.forClauses(ca + cb)
            let a = Self.comparable(ca, renames, keep: round % 2 == 0), b = Self.comparable(cb, renames, keep: round % 3 == 0)
            let tau = [0.5, 0.3, 0.7][round % 3]
            var aligner = ClauseAligner(threshold: tau)
            aligner.inlineOps = tau == 0.5
            let r = aligner.alignDetailed(a, b)
            assertComputedLCS(r.lcs, a, b)
            r.pairs.forEach { statuses.insert($0.status.rawValue + ($0.basis ?? "")) }
            return ("round\(round) τ\(tau)", Self.line(r.pairs))
        }
        // The generated pairs exercise every kind of step the aligner takes.
        XCTAssertTrue(statuses.isSuperset(of: ["unchanged", "modified", "moved", "merged", "split", "added", "removed", "modifiedtopic"]), "\(statuses.sorted())")
        Golden.check(rows: rows, against: Self.golden("generated_plans"), header: ["AlignmentGoldenTests: round τ → a>b status score group basis; … | ops digest"])
    }

    /// Known edits of the samples (EditScript), and each edited sample against clauses of the others.
    func testAlignmentOfSampleEditScripts() throws {
        let files = SampleClauses.files()
        guard files.count >= 2 else { throw XCTSkip("sample corpus not found at \(SampleClauses.corpus.path)") }
        let docs = try files.map { SampleClauses.split(try SampleClauses.text($0)) }
        var rng = SplitMix64(seed: 3)
        var rows: [(key: String, value: String)] = []
        var scripts = 0
        for _ in 0..<400 where scripts < 15 {
            let d = Int.random(in: 0..<docs.count, using: &rng)
            let pool = docs.enumerated().filter { $0.offset != d }.flatMap(\.element)
            guard let script = EditScript.make(base: docs[d], pool: pool, count: Int.random(in: 1...4, using: &rng), rng: &rng) else { continue }
            let a = Self.comparable(script.a, .reform2018, keep: true), b = Self.comparable(script.b, .reform2018, keep: false)
            let others = Self.comparable(Array(pool.shuffled(using: &rng).prefix(30)), .reform2018, keep: false)
            for (name, other) in [("edited", b), ("pool", others)] {
                let r = ClauseAligner().alignDetailed(a, other)
                assertComputedLCS(r.lcs, a, other)
                rows.append(("script\(scripts) doc\(d) \(name)", Self.line(r.pairs)))
            }
            scripts += 1
        }
        XCTAssertEqual(scripts, 15)
        Golden.check(rows: rows, against: Self.golden("sample_edit_scripts"), header: ["AlignmentGoldenTests: script doc edited|pool → a>b status score group basis; … | ops digest"])
    }

    /// The topic similarity of the clauses `onlyA` × `onlyB` of generated pairs.
    func testTopicSimilarity() {
        var rng = SplitMix64(seed: 19)
        let rows = (0..<40).map { round -> (key: String, value: String) in
            let (ca, cb) = GeneratedPlans.pair(&rng)
            let a = Self.comparable(ca, .reform2018, keep: false), b = Self.comparable(cb, .reform2018, keep: false)
            let onlyA = a.indices.filter { _ in Bool.random(using: &rng) }, onlyB = b.indices.filter { _ in Bool.random(using: &rng) }
            let scores = TopicSimilarity(a, b, onlyA: onlyA, onlyB: onlyB, index: BigramIndex(a, b)).scores(rows: onlyA, cols: onlyB)
            return ("round\(round) a\(onlyA.map(String.init).joined(separator: ",")) b\(onlyB.map(String.init).joined(separator: ","))",
                    scores.map { String(format: "%.4f", $0) }.joined(separator: " "))
        }
        Golden.check(rows: rows, against: Self.golden("topic_similarity"), header: ["AlignmentGoldenTests: round, clauses of a and b → scores row by row"])
    }

    /// The coverage table's clauses without a counterpart and their best similarity, for one
    /// document a year (the same as the diff page's alignment gives); pooled years are matched
    /// by similarity (CoverageMatchingTests).
    func testCoverageUnmatchedClauses() {
        var rng = SplitMix64(seed: 23)
        var rows: [(key: String, value: String)] = []
        var nonzero = 0
        for round in 0..<120 {
            func docs(_ year: Int) -> [PreparedDocument] {
                (0..<Int.random(in: 1...3, using: &rng)).map { k in
                    let (c, _) = GeneratedPlans.pair(&rng)
                    return PreparedDocument(SampleClauses.document(id: "d\(round)-\(year)-\(k)", clauses: c, region: "上海市", year: year), keep: k == 0)
                }
            }
            // Pools of several documents, and single documents (random or edited from one another).
            var before = docs(2020), after = docs(2021)
            if round % 2 == 0 {
                let (ca, cb) = GeneratedPlans.pair(&rng)
                before = [PreparedDocument(SampleClauses.document(id: "p\(round)a", clauses: ca, region: "上海市", year: 2020), keep: true)]
                after = [PreparedDocument(SampleClauses.document(id: "p\(round)b", clauses: cb, region: "上海市", year: 2021), keep: true)]
            }
            let got = CoverageTable.unmatchedClauses(before, after, threshold: 0.5, pairLimit: .max)
            if before.count == 1 && after.count == 1 {
                nonzero += (got.0 + got.1).filter { $0.best > 0 }.count
                func refs(_ r: [CoverageTable.ClauseRef]) -> String { r.map { "\($0.clause) " + Self.format($0.best) }.joined(separator: ", ") }
                rows.append(("round\(round) \(before[0].document.id)→\(after[0].document.id)", "new: \(refs(got.0)) | dropped: \(refs(got.1))"))
                XCTAssertNil(got.2, "one document each: aligned")
                // The diff page's alignment of the two documents serves the coverage table.
                let aligner = ClauseAligner()
                XCTAssertTrue(CoverageTable.alignsLike(aligner, threshold: CoverageTable.defaultThreshold))
                let r = DocumentDiff.makeDetailed(before[0], after[0], aligner: aligner)
                let shared = CoverageTable.unmatched(pairs: r.diff.pairs, dice: r.dice, lcs: r.lcs, before: r.a, after: r.b,
                                                     refBefore: before[0].clauses.map { (before[0].document.id, $0.clause.id) },
                                                     refAfter: after[0].clauses.map { (after[0].document.id, $0.clause.id) })
                XCTAssertEqual(shared.0, got.0); XCTAssertEqual(shared.1, got.1)
            } else {
                // Pooled years are matched by similarity (CoverageMatchingTests checks how), never aligned.
                XCTAssertEqual(got.2, "similarity")
            }
        }
        XCTAssertGreaterThan(nonzero, 50, "the unmatched clauses should include partial counterparts")
        XCTAssertFalse(CoverageTable.alignsLike(ClauseAligner(threshold: 0.4), threshold: 0.5))
        Golden.check(rows: rows, against: Self.golden("coverage_unmatched"),
                     header: ["AlignmentGoldenTests: round, one document a year → clauses without counterpart and their best similarity"])
    }
}
