import XCTest
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// The measure of issue 7: apply known random edits to real plans and check that the
/// diff reports exactly those edits.
final class EditRecoveryTests: XCTestCase {
    func testRandomEditScriptsAreRecovered() throws {
        let files = SampleClauses.files()
        guard files.count >= 2 else { throw XCTSkip("sample corpus not found at \(SampleClauses.corpus.path)") }
        let docs = try files.map { SampleClauses.split(try SampleClauses.text($0)) }
        XCTAssertTrue(docs.allSatisfy { $0.count >= 10 }, "the test splitter should find clauses in every sample")
        var rng = SplitMix64(seed: 42)
        var scripts = 0, recovered = 0, tried = 0
        var perKind: [String: (Int, Int)] = [:]
        var failures: [String] = []
        while scripts < 240 && tried < 5000 {
            tried += 1
            let d = Int.random(in: 0..<docs.count, using: &rng)
            let pool = docs.enumerated().filter { $0.offset != d }.flatMap(\.element)
            guard let script = EditScript.make(base: docs[d], pool: pool, count: Int.random(in: 1...3, using: &rng), rng: &rng) else { continue }
            scripts += 1
            let pa = script.a.map { ComparableClause($0, renames: .reform2018) }
            let pb = script.b.map { ComparableClause($0, renames: .reform2018) }
            let got = Set(ClauseAligner().align(pa, pb).map { EditScript.Triple(a: $0.a, b: $0.b, status: $0.status.rawValue) })
            let ok = got == script.expected
            if ok { recovered += 1 } else if failures.count < 8 {
                failures.append("doc \(d) edits \(script.edits.map(\.rawValue)): missing \(script.expected.subtracting(got).sorted { $0.description < $1.description }) extra \(got.subtracting(script.expected).sorted { $0.description < $1.description })")
            }
            for k in Set(script.edits.map(\.rawValue)) { let v = perKind[k] ?? (0, 0); perKind[k] = (v.0 + (ok ? 1 : 0), v.1 + 1) }
        }
        let rate = Double(recovered) / Double(max(1, scripts))
        print("edit-script recovery: \(recovered)/\(scripts) = \(String(format: "%.3f", rate)); by edit kind: " +
              perKind.keys.sorted().map { "\($0) \(perKind[$0]!.0)/\(perKind[$0]!.1)" }.joined(separator: ", "))
        for f in failures { print("  not recovered: \(f)") }
        XCTAssertGreaterThanOrEqual(scripts, 200)
        XCTAssertGreaterThanOrEqual(rate, 0.95)
    }
}
