import XCTest
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// Years pooling several documents, or too large to align, are matched by similarity: the
/// result must be what the definition gives by brute force, and the table and pages must say
/// which basis was used.
final class CoverageMatchingTests: XCTestCase {
    let texts = ["完善依申请办理工作全链条管理，规范登记审核办理答复归档。", "提高政策解读的精准性和针对性，做到应解读尽解读。",
                 "动态拓展主动公开范围，编制主动公开目录并集中发布。", "规范政府网站和政务新媒体建设，强化集约化平台管理。",
                 "加强政策解读，提高解读的针对性。", "推进基层政务公开标准化规范化建设。", "做好建议提案办理结果公开。",
                 "完善依申请办理工作全链条管理，严格落实保密审查要求。", "组织保障", "公开", "", "全面推进决策、执行、管理、服务、结果公开。",
                 // No bigram in common but most characters in order: a counterpart only because one is short.
                 "政务公开加强监督考核评估", "政甲务乙公丙开丁加戊强"]

    func doc(_ id: String, _ year: Int, _ picks: [Int]) -> Document {
        SampleClauses.document(id: id, clauses: picks.enumerated().map { k, p in
            Clause(id: "c\(k + 1)", parent: nil, level: 2, label: "", number: k + 1, heading: "", text: texts[p], original: texts[p], area: "x")
        }, region: "上海市", year: year)
    }

    /// The definition: a counterpart is a clause of the other year whose Dice passes the
    /// aligner's filter (or either is short) and whose LCS similarity is above τ; the best
    /// is the highest LCS similarity among pairs with Dice ≥ 0.2.
    func direct(_ x: ComparableClause, _ others: [ComparableClause], tau: Double) -> (matched: Bool, best: Double) {
        var matched = false, best = 0.0
        for y in others {
            let d = Similarity.dice(x.bigrams, y.bigrams), s = Similarity.lcsScore(x, [y])
            if d >= 0.2 { best = max(best, s) }
            if (d >= 0.2 || min(x.key.count, y.key.count) < 12) && s > tau { matched = true }
        }
        return (matched, (best * 1000).rounded() / 1000)
    }

    func testSimilarityMatchingEqualsTheDefinition() {
        var rng = SplitMix64(seed: 21)
        var unmatchedSeen = 0, matchedSeen = 0, partialBest = 0
        for round in 0..<40 {
            let before = (0..<3).map { d in doc("b\(d)", 2020, (0..<Int.random(in: 1...6, using: &rng)).map { _ in Int.random(in: 0..<texts.count, using: &rng) }) }
            let after = (0..<3).map { d in doc("a\(d)", 2021, (0..<Int.random(in: 1...6, using: &rng)).map { _ in Int.random(in: 0..<texts.count, using: &rng) }) }
            let t = CoverageTable.make(before + after, prepared: nil, by: [.region, .year], axis: .area,
                                       threshold: 0.5, pairLimit: .max)
            XCTAssertEqual(t.changes.count, 1)
            let ch = t.changes[0]
            XCTAssertEqual(ch.basis, "similarity")
            func comparable(_ docs: [Document]) -> [(String, ComparableClause)] {
                docs.flatMap { d in d.clauses.map { (d.id + "#" + $0.id, ComparableClause($0, renames: .reform2018)) } }
            }
            let cb = comparable(before), ca = comparable(after)
            let newIDs = Set(ch.newClauses.map { $0.doc + "#" + $0.clause }), droppedIDs = Set(ch.droppedClauses.map { $0.doc + "#" + $0.clause })
            for (id, x) in ca {
                let r = direct(x, cb.map(\.1), tau: 0.5)
                XCTAssertEqual(newIDs.contains(id), !r.matched, "round \(round) \(id)")
                if let ref = ch.newClauses.first(where: { $0.doc + "#" + $0.clause == id }) {
                    XCTAssertEqual(ref.best, r.best, id); unmatchedSeen += 1
                    if r.best > 0 { partialBest += 1 }
                } else { matchedSeen += 1 }
            }
            for (id, x) in cb {
                let r = direct(x, ca.map(\.1), tau: 0.5)
                XCTAssertEqual(droppedIDs.contains(id), !r.matched, "round \(round) \(id)")
                if let ref = ch.droppedClauses.first(where: { $0.doc + "#" + $0.clause == id }) { XCTAssertEqual(ref.best, r.best, id) }
            }
        }
        XCTAssertGreaterThan(unmatchedSeen, 20); XCTAssertGreaterThan(matchedSeen, 20)
        XCTAssertGreaterThan(partialBest, 0, "no unmatched clause had a partial counterpart: best was only checked at 0")
    }

    func testBothDirectionsAtOnceEqualRowByRowMatching() {
        var rng = SplitMix64(seed: 22)
        let matching = CoverageMatching(threshold: 0.5)
        for _ in 0..<30 {
            func pool() -> [ComparableClause] {
                (0..<Int.random(in: 0...14, using: &rng)).map { k in
                    let t = texts[Int.random(in: 0..<texts.count, using: &rng)]
                    return ComparableClause(Clause(id: "c\(k)", parent: nil, level: 2, label: "", number: k, heading: "", text: t, original: t, area: "x"),
                                            renames: .reform2018)
                }
            }
            let before = pool(), after = pool()
            let both = matching.matchBoth(before: before, after: after)
            let rowsAfter = matching.match(after, against: before), rowsBefore = matching.match(before, against: after)
            XCTAssertEqual(both.after.map(\.matched), rowsAfter.map(\.matched)); XCTAssertEqual(both.after.map(\.best), rowsAfter.map(\.best))
            XCTAssertEqual(both.before.map(\.matched), rowsBefore.map(\.matched)); XCTAssertEqual(both.before.map(\.best), rowsBefore.map(\.best))
        }
    }

    func testLargeYearsSaySoAndSmallOnesAreAligned() {
        let docs = [doc("b", 2020, [0, 1, 2, 5]), doc("a", 2021, [0, 3, 4, 6, 7])]
        let aligned = CoverageTable.make(docs, by: [.region, .year], axis: .area)
        XCTAssertNil(aligned.changes[0].basis)
        XCTAssertFalse(CoverageRenderer(aligned).html().contains("rs-basis"))
        let matched = CoverageTable.make(docs, prepared: nil, by: [.region, .year], axis: .area, threshold: 0.5, pairLimit: 19)
        XCTAssertEqual(matched.changes[0].basis, "similarity")
        XCTAssertTrue(CoverageRenderer(matched).html().contains("rs-basis"))
        XCTAssertTrue(CoverageRenderer(matched).text().contains("too many clauses to align"))
        // The basis is in the JSON only when it is not an alignment.
        let json = String(decoding: try! JSONEncoder().encode(aligned), as: UTF8.self)
        XCTAssertFalse(json.contains("basis"))
        XCTAssertTrue(String(decoding: try! JSONEncoder().encode(matched), as: UTF8.self).contains("\"basis\":\"similarity\""))
        // Two documents in one year: matched by similarity, however few their clauses.
        let pooled = CoverageTable.make(docs + [doc("a2", 2021, [1])], prepared: nil, by: [.region, .year], axis: .area,
                                        threshold: 0.5, pairLimit: .max)
        XCTAssertEqual(pooled.changes[0].basis, "similarity")
        XCTAssertTrue(CoverageRenderer(pooled).text().contains("several documents in a year"))
        // 4 × 5 pairs is within a limit of 20.
        XCTAssertNil(CoverageTable.make(docs, prepared: nil, by: [.region, .year], axis: .area, threshold: 0.5, pairLimit: 20).changes[0].basis)
    }
}
