import Foundation
import XCTest
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// The speed-ups of the research pages must not change a result: each fast path is checked
/// against the straightforward computation it replaces.
final class FastPathTests: XCTestCase {
    func testScalarClassesAgreeWithUnicodePropertiesAndFoundation() {
        for v in UInt32(0)...0x2FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let p = u.properties
            XCTAssertEqual(ScalarClass.isWhitespace(u), p.isWhitespace, "U+\(String(v, radix: 16))")
            let punct: Set<Unicode.GeneralCategory> = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol, .control, .format]
            XCTAssertEqual(ScalarClass.isDropped(u), p.isWhitespace || punct.contains(p.generalCategory), "U+\(String(v, radix: 16))")
            if v < 0x10000 && (v < 0x100 || p.isWhitespace || v == 0x200B || v == 0x180E || v == 0xFEFF) {
                let s = "\(u)\(u)甲 \(u)乙\(u)"
                XCTAssertEqual(ScalarClass.trim(s, newlines: true), s.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(v, radix: 16))")
                XCTAssertEqual(ScalarClass.trim(s, newlines: false), s.trimmingCharacters(in: .whitespaces), "U+\(String(v, radix: 16))")
            }
        }
    }

    /// A mention of the environment bureau under its pre-2018 name.
    static let oldBureau = [UnitMention(name: "市环保局", canonical: "上海市生态环境局", role: .lead)]

    /// Clause `c<number>`: the first a level-1 clause "一、" headed 加强 公开, the others level 2 without label or heading.
    static func clause(_ number: Int, _ text: String, units: [UnitMention] = []) -> Clause {
        number == 1
            ? Clause(id: "c1", parent: nil, level: 1, label: "一、", number: 1, heading: "加强 公开", text: text, original: "", units: units)
            : Clause(id: "c\(number)", parent: nil, level: 2, label: "", number: number, heading: "", text: text, original: "", units: units)
    }

    func testPreparedClauseGivesTheKeyOfTheRenamedDisplayText() {
        let clauses = [
            Self.clause(1, "一、加强 公开，由市环保局负责。", units: Self.oldBureau),
            Self.clause(2, "（二）市生态环境局\u{3000}做好解读。"),
            Self.clause(3, "  第三条 ABC 推进政务公开标准化。\n"),
            Self.clause(4, "3.5亿元用于网站建设"),
        ]
        for renames in [UnitRenames.reform2018, UnitRenames(rules: []), UnitRenames.forClauses(clauses)] {
            for c in clauses {
                let fast = ComparableClause(PreparedClause(c), renames: renames)
                let display = ComparableClause.displayText(c)
                let key = ComparableClause.normalize(renames.apply(display))
                XCTAssertEqual(fast.display, display)
                XCTAssertEqual(fast.key, key, c.id)
                XCTAssertEqual(fast.bigrams, Array(Set(zip(key, key.dropFirst()).map { UInt64($0) << 32 | UInt64($1) })).sorted())
            }
        }
        XCTAssertEqual(ComparableClause.displayText(clauses[2]), "ABC 推进政务公开标准化。")
        XCTAssertEqual(ComparableClause.displayText(clauses[3]), "3.5亿元用于网站建设")
        XCTAssertTrue(ComparableClause(clauses[0], renames: .reform2018).display.contains("市环保局"))
        XCTAssertFalse(ComparableClause(clauses[0], renames: .reform2018).key.contains(Unicode.Scalar("保").value))
    }

    /// A kept clause renamed by several comparisons (its forms cached) gives what a fresh one gives each time.
    func testRenamedFormsGiveWhatAFreshPreparationGives() {
        let clauses = [
            Self.clause(1, "一、加强 公开，由市环保局负责，市农委配合。", units: Self.oldBureau),
            Self.clause(2, "（二）市环保局、区卫计委\u{3000}做好解读。"),
            Self.clause(3, "推进政务公开标准化。"),
        ]
        let kept = clauses.map { PreparedClause($0, keep: true) }
        let renamesList = [UnitRenames.reform2018, UnitRenames.forClauses(clauses), UnitRenames(rules: []),
                           UnitRenames(rules: [("市农委", "市农业农村委员会")]), UnitRenames.forClauses(clauses)]
        for round in 0..<2 {
            for renames in renamesList {
                for (c, k) in zip(clauses, kept) {
                    let cached = ComparableClause(k, renames: renames), fresh = ComparableClause(PreparedClause(c), renames: renames)
                    XCTAssertEqual(cached.key, fresh.key, "\(c.id) round \(round)")
                    XCTAssertEqual(cached.bigrams, fresh.bigrams)
                    XCTAssertEqual(cached.bigramCounts, fresh.bigramCounts)
                    XCTAssertEqual(cached.masks.storage, LCSMasks(fresh.key).storage)
                    XCTAssertEqual(cached.masks.slots, LCSMasks(fresh.key).slots)
                    XCTAssertEqual(cached.masks.offsets, LCSMasks(fresh.key).offsets)
                }
            }
        }
    }

    /// The masks built in two passes equal the masks built by growing the storage per character.
    func testLCSMasksLayout() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let x = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt32.random(in: 0x4E00...0x4E40, using: &rng) }
            let masks = LCSMasks(x)
            var seen: [UInt32: Int] = [:]
            var store: [UInt64] = []
            for (p, c) in x.enumerated() {
                if seen[c] == nil { seen[c] = store.count; store += [UInt64](repeating: 0, count: masks.words) }
                store[seen[c]! + p / 64] |= 1 << UInt64(p % 64)
            }
            XCTAssertEqual(masks.storage, store)
            for (h, c) in masks.slots.enumerated() where c != LCSMasks.empty { XCTAssertEqual(masks.offsets[h], seen[c]) }
            XCTAssertEqual(masks.slots.filter { $0 != LCSMasks.empty }.count, seen.count)
        }
    }

    func testLCSOverAWideAlphabetAndSeveralTexts() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<200 {
            let x = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt32.random(in: 0x4E00...0x4F00, using: &rng) }
            let y1 = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt32.random(in: 0x4E00...0x4F00, using: &rng) }
            let y2 = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt32.random(in: 0x4E00...0x4F00, using: &rng) }
            let y = y1 + y2
            var t = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in 0..<x.count { for j in 0..<y.count { t[i + 1][j + 1] = x[i] == y[j] ? t[i][j] + 1 : max(t[i][j + 1], t[i + 1][j]) } }
            XCTAssertEqual(LCSMasks(x).lcs([y1, y2]), t[x.count][y.count])
            XCTAssertEqual(LCSMasks(y).lcs([x]), t[x.count][y.count])
        }
    }

    /// The textbook suffix-LCS table walk: what InlineDiff.middle computes on raw buffers.
    func textbookMiddle(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> [(InlineDiff.Op.Kind, Unicode.Scalar)] {
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

    func testInlineDiffMiddleMatchesTheTextbookWalk() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let x = (0..<Int.random(in: 1...120, using: &rng)).map { _ in Unicode.Scalar(UInt32.random(in: 0x4E00...0x4E0A, using: &rng))! }
            let y = (0..<Int.random(in: 1...120, using: &rng)).map { _ in Unicode.Scalar(UInt32.random(in: 0x4E00...0x4E0A, using: &rng))! }
            let fast = InlineDiff.middle(x, y), slow = textbookMiddle(x, y)
            XCTAssertEqual(fast.map(\.0), slow.map(\.0)); XCTAssertEqual(fast.map(\.1), slow.map(\.1))
        }
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
            let fast = InlineDiff.middle(x, y), slow = textbookMiddle(x, y)
            XCTAssertEqual(fast.map(\.0), slow.map(\.0)); XCTAssertEqual(fast.map(\.1), slow.map(\.1))
        }
    }

    func testCoverageBestScoresEqualADirectSearch() {
        let texts = ["完善依申请办理工作全链条管理，规范登记审核办理答复归档。", "提高政策解读的精准性和针对性，做到应解读尽解读。",
                     "动态拓展主动公开范围，编制主动公开目录并集中发布。", "规范政府网站和政务新媒体建设，强化集约化平台管理。",
                     "加强政策解读，提高解读的针对性。", "推进基层政务公开标准化规范化建设。", "做好建议提案办理结果公开。", "完善依申请办理工作全链条管理，严格落实保密审查要求。"]
        func doc(_ id: String, _ year: Int, _ picks: [Int]) -> Document {
            SampleClauses.document(id: id, clauses: picks.enumerated().map { k, p in
                Clause(id: "c\(k + 1)", parent: nil, level: 2, label: "", number: k + 1, heading: "", text: texts[p], original: texts[p], area: "x")
            }, region: "上海市", year: year)
        }
        func best(_ x: ComparableClause, _ others: [ComparableClause]) -> Double {
            var b = 0.0
            for y in others where Similarity.dice(x.bigrams, y.bigrams) >= 0.2 { b = max(b, Similarity.lcsScore(x, [y])) }
            return (b * 1000).rounded() / 1000
        }
        var nonzero = 0
        for picks in [[0, 3, 4, 6, 7], [0, 7], [3, 7, 6], [1, 7], [0, 2, 7, 4]] {
            let docs = [doc("a", 2020, [0, 1, 2, 5]), doc("b", 2021, picks)]
            let t = CoverageTable.make(docs, by: [.region, .year], axis: .area)
            let before = docs[0].clauses.map { ComparableClause($0, renames: .reform2018) }
            let after = docs[1].clauses.map { ComparableClause($0, renames: .reform2018) }
            XCTAssertEqual(t.changes.count, 1)
            for r in t.changes[0].newClauses { XCTAssertEqual(r.best, best(after.first { $0.id == r.clause }!, before), r.clause) }
            for r in t.changes[0].droppedClauses { XCTAssertEqual(r.best, best(before.first { $0.id == r.clause }!, after), r.clause) }
            nonzero += (t.changes[0].newClauses + t.changes[0].droppedClauses).filter { $0.best > 0 }.count
        }
        XCTAssertGreaterThan(nonzero, 0, "no unmatched clause with a partial counterpart: the check above compared only zeros")
    }
}
