import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// The flat, pair-filtered scan of `PhraseTable` against the entry-by-entry definition.
final class PhraseTableFastPathTests: XCTestCase {
    func testScanMatchesReferenceOnEveryTable() {
        let tables = [RegionalPhrases.common, RegionalPhrases.commonAfterTW2S, RegionalPhrases.taiwan,
                      RegionalPhrases.taiwanAfterTW2S, RegionalPhrases.hongKongEvidence]
        // Text made of pieces of the entries themselves, so matches, near misses and overlaps abound.
        var pieces: [String] = ["政", "务", "，", "a", " ", "\n", "𠀀", "資訊", "资讯", "网路", "软体", "著", "着"]
        for tier in ["common", "taiwan", "tw2s", "hongkong-evidence"] {
            for (from, to) in RegionalPhrases.tier(tier) {
                pieces.append(from); pieces.append(to)
                pieces.append(String(from.prefix(1))); pieces.append(String(from.dropFirst()))
            }
        }
        var rng = SplitMix64(seed: 13)
        for _ in 0..<1500 {
            let text = (0..<Int(rng.next() % 20)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            for table in tables {
                let (expected, fired) = table.referenceRewrite(text)
                XCTAssertEqual(table.rewrite(text), expected, text)
                var bytes = Array(text.utf8)
                XCTAssertEqual(bytes.withUnsafeMutableBufferPointer { table.countRewrites(UnsafeBufferPointer($0)) }, fired, text)
            }
        }
    }

    func testSingleScalarEntriesStillFire() {
        let table = PhraseTable([("著", "着"), ("著作", "著作"), ("资讯", "信息")])
        XCTAssertEqual(table.rewrite("著名资讯著作著"), "着名信息著作着")
        XCTAssertEqual(table.rewrite("资"), "资")
    }
}
