import Foundation
import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// The hand-written scanners of `TaskScan` against the regular expressions they stand for
/// (`TaskExtractor.note`, `labelled`, `deadline`, `target`, `unitWord`), run by Foundation.
final class TaskScanPatternTests: XCTestCase {
    /// The hand-written note matcher against the note pattern.
    func testNotesMatchThePattern() {
        for t in TaskInputs.generated(3000, seed: 3) {
            let ns = t as NSString
            let want = TaskExtractor.note.matches(in: t, range: NSRange(location: 0, length: ns.length))
                .map { "\(ns.substring(with: $0.range))|\(ns.substring(with: $0.range(at: 1)))" }
            XCTAssertEqual(TaskScan.notes(t).map { "\($0.match)|\($0.body)" }, want, t.debugDescription)
        }
    }

    /// Each pattern run on the cued pieces finds what it finds on the whole text.
    func testPiecesGiveTheWholeTextMatches() {
        for t in TaskInputs.generated(3000, seed: 5) {
            let cues = Cues(t), pieces = TaskScan.pieces(t)
            for (regex, cued, list) in [(TaskExtractor.labelled, cues.labelled, pieces.labelled),
                                        (TaskExtractor.labelledDeadline, cues.labelledDeadline, pieces.labelledDeadline),
                                        (TaskExtractor.deadline, cues.deadline, pieces.deadline), (TaskExtractor.target, cues.target, pieces.target)] {
                func all(_ s: String) -> [String] {
                    let ns = s as NSString
                    return regex.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
                        (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "-" : ns.substring(with: m.range(at: $0)) }.joined(separator: "|")
                    }
                }
                XCTAssertEqual(list.flatMap(all), all(t), "\(regex.pattern.prefix(12)) \(t.debugDescription)")
                if !cued { XCTAssertEqual(list, [], t.debugDescription) }
            }
        }
    }

    /// The hand-written unit-name test against `unitWord`.
    func testUnitWordMatchesThePattern() {
        var r = SplitMix64(seed: 11)
        let parts = ["各", "市", "区", "县", "省", "自治区", "国家", "试点", "相关", "级", "北京", "海淀", "教育", "的", "要", "是", "为", "发展改革",
                     "办公厅", "办公室", "委员会", "管委会", "领导小组", "部门", "单位", "政府", "局", "委", "办", "厅", "中心", "署", "院", "人民", "a", "々"]
        var checked = 0
        for _ in 0..<20000 {
            let n = (0..<(1 + r.below(7))).map { _ in r.pick(parts) }.joined()
            let regex = TaskExtractor.unitWord.firstMatch(in: n, range: NSRange(location: 0, length: (n as NSString).length)) != nil
            if let fast = TaskScan.isUnitWord(n) { XCTAssertEqual(fast, regex, n); checked += 1 } else { XCTAssertFalse(n.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }, n) }
        }
        XCTAssertGreaterThan(checked, 15000)
    }
}
