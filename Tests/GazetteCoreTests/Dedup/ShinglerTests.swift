import XCTest
@testable import GazetteCore

final class ShinglerTests: XCTestCase {
    func testCanonicalStreamKeepsLettersAndDigitsOnly() {
        let a = Shingler.canonical("一、总体要求\n（一）　指导思想：ＡＢ１２ ab,12")
        XCTAssertEqual(String(String.UnicodeScalarView(a.compactMap(Unicode.Scalar.init))), "一总体要求一指导思想ab12ab12")
    }

    func testLayoutAndPunctuationDoNotChangeShingles() {
        let a = Shingler.hashes(Shingler.canonical("加强政策解读，回应社会关切。"), k: 5)
        let b = Shingler.hashes(Shingler.canonical("加强政策解读\n 回应社会关切"), k: 5)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.count, 12 - 5 + 1)
    }

    func testShortStreamIsOneShingle() {
        XCTAssertEqual(Shingler.hashes(Shingler.canonical("公开"), k: 5).count, 1)
        XCTAssertEqual(Shingler.hashes([], k: 5).count, 0)
    }

    func testJaccardIsExact() {
        XCTAssertEqual(Shingler.jaccard([1, 2, 3, 4][...], [3, 4, 5, 6][...]), 2.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(Shingler.jaccard([UInt16]()[...], [UInt16]()[...]), 1)
        XCTAssertEqual(Shingler.jaccard([1, 2][...], [3][...]), 0)
    }

    /// The 16-bit clause-shingle Jaccard (merged in C) gives the generic merge's value, on
    /// slices that do not start at 0, with either set a subset, disjoint or empty.
    func testSixteenBitJaccardMatchesTheGenericMerge() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let a = Array(Set((0..<Int.random(in: 0...60, using: &rng)).map { _ in UInt16.random(in: 0...200, using: &rng) })).sorted()
            var b = Array(Set((0..<Int.random(in: 0...60, using: &rng)).map { _ in UInt16.random(in: 0...200, using: &rng) })).sorted()
            if round % 10 == 0 { b = Array(a.prefix(a.count / 2)) }
            let pa = [UInt16.max] + a, pb = [0] + b   // slices with a non-zero start index
            let generic: Double = {
                var i = 1, j = 1, inter = 0
                while i < pa.count && j < pb.count {
                    if pa[i] == pb[j] { inter += 1; i += 1; j += 1 } else if pa[i] < pb[j] { i += 1 } else { j += 1 }
                }
                return a.isEmpty && b.isEmpty ? 1 : Double(inter) / Double(a.count + b.count - inter)
            }()
            XCTAssertEqual(Shingler.jaccard(pa[1...], pb[1...]), generic, "\(a) / \(b)")
        }
    }

    func testMinHashAgreementEstimatesJaccard() {
        let base = DedupFixtures.text(seed: 1, lines: 40).joined()
        let other = DedupFixtures.rewrite(DedupFixtures.text(seed: 1, lines: 40), fraction: 0.5, seed: 9).joined()
        let a = Shingler.hashes(Shingler.canonical(base), k: 5), b = Shingler.hashes(Shingler.canonical(other), k: 5)
        let exact = Shingler.jaccard(a[...], b[...])
        let h = MinHasher(permutations: 256)
        let sa = h.signature(a), sb = h.signature(b)
        let estimate = Double(zip(sa, sb).filter { $0 == $1 }.count) / 256
        XCTAssertEqual(estimate, exact, accuracy: 0.08)
        XCTAssertGreaterThan(exact, 0.2); XCTAssertLessThan(exact, 0.8)
    }
}
