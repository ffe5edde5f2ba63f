import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// The fast paths of the document signature (unsorted unique shingles, MinHash one
/// permutation at a time or in vector lanes, canonical stream from UTF-8 bytes) against
/// the plain definitions they replace: values must be identical, not merely close.
final class SignatureFastPathTests: XCTestCase {
    /// The definition `Shingler.canonical` had: scalar by scalar over the String.
    static func referenceCanonical(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        for u in text.unicodeScalars {
            let v = u.value
            if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3FFFF).contains(v) {
                out.append(v)
            } else if v < 0x80 {
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) { out.append(v) } else if (0x41...0x5A).contains(v) { out.append(v + 32) }
            } else if (0xFF10...0xFF19).contains(v) {
                out.append(v - 0xFF10 + 0x30)
            } else if (0xFF21...0xFF3A).contains(v) {
                out.append(v - 0xFF21 + 0x61)
            } else if (0xFF41...0xFF5A).contains(v) {
                out.append(v - 0xFF41 + 0x61)
            } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                out.append(v)
            }
        }
        return out
    }

    /// The definition `DedupSignature.document` had: sorted shingles, one shingle at a time.
    static func referenceDocument(_ text: String, settings: DedupSettings) -> (hash: String, minhash: [UInt32], level: Int, sample: [UInt32]) {
        let stream = referenceCanonical(IdiomFolding.fold([text], config: settings.fold)[0])
        let hash = stream.withUnsafeBytes { SHA256Digest.hex($0) }
        let shingles = Shingler.hashes(stream, k: settings.shingle)
        let minhash = MinHasher(permutations: settings.permutations).referenceSignature(shingles)
        var level = 0
        while (shingles.count >> level) > 2 * DedupSignature.sampleTarget { level += 1 }
        let mask = UInt32((1 << level) - 1)
        let sample = Shingler.dedupSorted(shingles.map { UInt32(truncatingIfNeeded: $0 >> 32) }.filter { $0 & mask == 0 }.sorted())
        return (hash, minhash, level, sample)
    }

    static let mixedText = "一、总体要求\n（一）　指导思想：ＡＢ１２ ab,12 Ｚｚ ＸＹＺ café Ωmega ①②Ⅻ ٣ 𠀀𠀁 㐀 資訊網路軟體 资讯网路软体 \u{FEFF}\t末"

    func testCanonicalFromBytesMatchesScalarDefinition() {
        for text in [Self.mixedText, "", "abc", "𠀀", DedupFixtures.text(seed: 4, lines: 30).joined(separator: "\n")] {
            XCTAssertEqual(Shingler.canonical(text), Self.referenceCanonical(text), text)
        }
        // Every scalar of the Basic Multilingual Plane (answered from a bit table) and a
        // sample of the planes above it.
        var all = String.UnicodeScalarView()
        for v in UInt32(0)..<0x10000 { if let u = Unicode.Scalar(v) { all.append(u) } }
        for v in stride(from: UInt32(0x10000), to: 0x110000, by: 97) { if let u = Unicode.Scalar(v) { all.append(u) } }
        let text = String(all)
        XCTAssertEqual(Shingler.canonical(text), Self.referenceCanonical(text))
    }

    func testUniqueHashesAreTheSortedSet() {
        var rng = SplitMix64(seed: 7)
        for length in [0, 1, 2, 3, 4, 5, 9, 100, 5000] {
            // A small alphabet, so windows repeat and the set has fewer members than windows.
            let stream = (0..<length).map { _ in UInt32(0x4E00 + Int(rng.next() % 6)) }
            for k in [1, 4, 5, 7] {
                let unique = stream.withUnsafeBufferPointer { Shingler.uniqueHashes($0, k: k) }
                XCTAssertEqual(unique.count, Set(unique).count)
                XCTAssertEqual(unique.sorted(), Shingler.hashes(stream, k: k), "length \(length) k \(k)")
            }
        }
    }

    func testMinHashPathsAgreeWithDefinition() {
        var rng = SplitMix64(seed: 11)
        for permutations in [1, 7, 8, 31, 64, 128, 130] {
            let hasher = MinHasher(permutations: permutations)
            for n in [0, 1, 3, 1000] {
                let xs = (0..<n).map { _ in rng.next() } + (n > 0 ? [0, .max] : [])
                let reference = hasher.referenceSignature(xs)
                XCTAssertEqual(hasher.signature(xs), reference)
                XCTAssertEqual(xs.withUnsafeBufferPointer { hasher.signature(buffer: $0, vector: false) }, reference)
                XCTAssertEqual(hasher.signature(xs.reversed()), reference, "order must not matter")
            }
        }
    }

    func testDocumentSignatureMatchesDefinition() {
        let settings = DedupSettings()
        let texts = [Self.mixedText, "公开", DedupFixtures.text(seed: 2, lines: 10).joined(separator: "\n"),
                     DedupFixtures.text(seed: 3, lines: 400).joined(separator: "\n")]   // sampled (level > 0)
        for text in texts {
            let s = DedupSignature.document(text: text, settings: settings)
            let r = Self.referenceDocument(text, settings: settings)
            XCTAssertEqual(s.textHash, r.hash)
            XCTAssertEqual(s.minhash, r.minhash)
            XCTAssertEqual(s.sampleLevel, r.level)
            XCTAssertEqual(s.sample, r.sample)
        }
        XCTAssertGreaterThan(Self.referenceDocument(texts[3], settings: settings).level, 0)
    }

    func testFoldedStreamMatchesFoldThenCanonical() {
        for config in [IdiomFolding.phrases, "none"] {
            let text = Self.mixedText + "\n软体与资讯网路"
            XCTAssertEqual(IdiomFolding.canonicalStream(text, config: config),
                           Self.referenceCanonical(IdiomFolding.fold([text], config: config)[0]))
        }
    }

    func testRadixSortMatchesSort() {
        var rng = SplitMix64(seed: 12)
        for n in [0, 1, 63, 64, 65, 1000, 4096] {
            var a = (0..<n).map { _ in UInt32(truncatingIfNeeded: rng.next()) } + (n > 2 ? [0, .max, 0] : [])
            let expected = a.sorted()
            Shingler.radixSort(&a)
            XCTAssertEqual(a, expected)
        }
        for n in [0, 1, 2, 31, 32, 33, 150, 1000] {
            var a = (0..<n).map { _ in UInt16(truncatingIfNeeded: rng.next()) } + (n > 2 ? [0, .max, 0, 0x00FF, 0xFF00] : [])
            let expected = a.sorted()
            Shingler.radixSort(&a)
            XCTAssertEqual(a, expected, "n = \(n)")
        }
    }
}
