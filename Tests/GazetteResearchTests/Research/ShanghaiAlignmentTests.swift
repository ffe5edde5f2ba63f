import XCTest
import GazetteModel
@testable import GazetteResearch

/// The two Shanghai plans (2020 and 2023) are rewritten almost throughout; the clauses on
/// the same subjects must still find each other.
final class ShanghaiAlignmentTests: XCTestCase {
    func testSubjectClausesAlignAcrossYears() throws {
        let names = ["001_4abc55ab1248088c.txt", "000_210ac8af5853cc26.txt"]
        guard names.allSatisfy({ FileManager.default.fileExists(atPath: SampleClauses.corpus.appendingPathComponent($0).path) }) else {
            throw XCTSkip("Shanghai samples not found")
        }
        // The samples are in traditional script; the subjects are written as they appear there.
        let a = SampleClauses.split(try SampleClauses.text(names[0]), prefix: "a")
        let b = SampleClauses.split(try SampleClauses.text(names[1]), prefix: "b")
        let pairs = DocumentDiff.make(SampleClauses.document(id: "sh2020", clauses: a), SampleClauses.document(id: "sh2023", clauses: b)).pairs
        let headA = Dictionary(uniqueKeysWithValues: a.map { ($0.id, $0.heading) }), headB = Dictionary(uniqueKeysWithValues: b.map { ($0.id, $0.heading) })
        for p in pairs where p.a != nil && p.b != nil { print("\(p.status.rawValue) \(p.a!) \(headA[p.a!]!) → \(p.b!) \(headB[p.b!]!) \(p.score ?? 0)") }
        // subject: (words in the 2020 heading, words in the 2023 heading)
        let subjects: [(String, String)] = [("重大行政決策", "重大行政決策"), ("政策解讀", "政策解讀"), ("依申請", "依申請"),
                                             ("政府網站", "政府網站"), ("工作領導", "組織領導")]
        for (wa, wb) in subjects {
            let ok = pairs.contains { p in
                guard let x = p.a, let y = p.b else { return false }
                return headA[x]!.contains(wa) && headB[y]!.contains(wb)
            }
            XCTAssertTrue(ok, "no pair aligns the 2020 clause on \(wa) with the 2023 clause on \(wb)")
        }
    }
}
