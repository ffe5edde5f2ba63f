import Foundation
import XCTest
import GazetteModel
@testable import GazetteCore
import GazetteTestSupport

/// Property tests with fixed seeds over random and mutated inputs: no stage crashes, and
/// each keeps its invariants. Seeds are fixed so a failure reproduces; the iteration
/// counts keep the suite within seconds (`GAZETTE_FUZZ_ITERATIONS` raises them).
final class StagePropertyTests: XCTestCase {
    let iterations = Int(ProcessInfo.processInfo.environment["GAZETTE_FUZZ_ITERATIONS"] ?? "") ?? 150

    func samples() throws -> [String] { try SampleCorpus.files().map(SampleCorpus.text) }

    func testDecoderNeverCrashesAndDecodesFaithfully() throws {
        var rng = SplitMix64(seed: 0xD3C0DE)
        let texts = try samples()
        var accepted = 0, rejected = 0
        for i in 0..<(iterations * 4) {
            let text = Mutator.window(texts[i % texts.count], &rng, max: 800)
            let base: [UInt8]
            switch i % 5 {
            case 0: base = Array(text.utf8)
            case 1: base = SampleCorpus.encode(text, to: "GB18030") ?? Array(text.utf8)
            case 2: base = SampleCorpus.utf16(text, little: i % 2 == 0, bom: i % 3 == 0)
            case 3: base = SampleCorpus.encode(text, to: "BIG5-HKSCS") ?? Array(text.utf8)
            default: base = (0..<Int.random(in: 0...600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            let bytes = i % 3 == 0 ? base : Mutator.mutate(base, &rng)
            do {
                let d = try TextDecoder.decode(bytes)
                accepted += 1
                XCTAssertTrue(["utf-8", "utf-16", "gb18030", "big5"].contains(d.encoding))
                if d.encoding == "utf-8" {
                    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
                    XCTAssertEqual(Array(d.text.utf8), body, "UTF-8 is decoded byte for byte (case \(i))")
                }
                let bad = d.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
                XCTAssertLessThanOrEqual(bad, max(3, bytes.count / 500) + bytes.filter { $0 == 0xEF }.count, "case \(i): replacement characters are rare")
            } catch let r as RejectReason {
                rejected += 1
                XCTAssertFalse(r.code.isEmpty)
            }
        }
        print("decoder: \(iterations * 4) cases, \(accepted) decoded, \(rejected) rejected")
    }

    func testIngesterRejectsOnlyWithReasons() throws {
        var rng = SplitMix64(seed: 0x1A6E57)
        let texts = try samples()
        let ingester = Ingester(settings: { var s = IngestSettings(); s.maxInflatedBytes = 1 << 20; return s }())
        for i in 0..<iterations {
            let text = Mutator.mutate(Mutator.window(texts[i % texts.count], &rng), &rng)
            var bytes = Array((i % 2 == 0 ? SampleCorpus.governmentPage(text, charset: "gbk") : text).utf8)
            if i % 4 == 0 { bytes = Mutator.mutate(bytes, &rng) }
            let name = ["a.txt", "a.html", "a.htm", "a.txt.gz"][i % 4]
            if name.hasSuffix(".gz") { bytes = Gzip.deflate(bytes); if i % 8 == 3 { bytes = Mutator.mutate(bytes, &rng) } }
            do {
                let r = try ingester.ingest(bytes: bytes, path: name, sha256: "")
                XCTAssertFalse(r.text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }, "case \(i): accepted text is not blank")
            } catch is RejectReason {
            } catch { XCTFail("case \(i): \(name) threw \(error), not a RejectReason") }
        }
    }

    func testHTMLExtractorKeepsScriptsAndChromeOut() throws {
        var rng = SplitMix64(seed: 0x477E)
        let texts = try samples()
        for i in 0..<iterations {
            var page = SampleCorpus.governmentPage(Mutator.window(texts[i % texts.count], &rng, max: 1500), charset: "utf-8")
            page = page.replacingOccurrences(of: "<script type=\"text/javascript\">", with: "<script type=\"text/javascript\">var SCRIPTMARK = 1;")
            page = Mutator.mutate(page, &rng, steps: 10)
            if i % 10 == 0 { page = String(repeating: "<div><span>", count: 300 + i) + page }
            do {
                let p = try HTMLExtractor.extract(page)
                if page.contains("var SCRIPTMARK = 1;</script>") && !page.contains("<!--") {
                    XCTAssertFalse(p.text.contains("SCRIPTMARK"), "case \(i): script text leaked")
                }
                XCTAssertFalse(p.text.contains("\u{1}"), "case \(i): source-break markers never leak")
            } catch is RejectReason {}
        }
    }

    func testCleanerIsIdempotentAndRecordsEveryLoss() throws {
        var rng = SplitMix64(seed: 0xC1EA4)
        let texts = try samples()
        for i in 0..<(iterations * 2) {
            let input = i % 7 == 6
                ? String((0..<300).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x0...0xFFFF, using: &rng)) ?? "?") })
                : Mutator.mutate(Mutator.window(texts[i % texts.count], &rng), &rng, steps: 12)
            let c = Cleaner().clean(input)
            let again = Cleaner().clean(c.text)
            XCTAssertEqual(again.text, c.text, "case \(i): cleaning cleaned text changes nothing")
            XCTAssertEqual(again.removed, [], "case \(i): nothing left to remove")
            let lost = CleanerInvariants.hanCount(input)
            let kept = CleanerInvariants.hanCount(c.text) + c.removed.map { CleanerInvariants.hanCount($0.text) }.reduce(0, +)
            XCTAssertGreaterThanOrEqual(kept, lost, "case \(i): every Chinese character is kept or recorded as removed")
            // (A text that was all chrome cleans to "", which has no lines at all.)
            for line in c.text.split(separator: "\n", omittingEmptySubsequences: false) where !c.text.isEmpty {
                XCTAssertFalse(line.isEmpty || line.hasPrefix(" ") || line.hasSuffix(" "), "case \(i): tidy lines")
            }
            XCTAssertFalse(c.text.unicodeScalars.contains { TextRepair.watermark.contains($0.value) }, "case \(i): no watermark characters")
        }
    }

    /// Through every per-document stage (the clause splitter included, via DocumentProcessor).
    func testDocumentProcessorNeverCrashesAndKeepsTreeConsistent() throws {
        guard let data = OpenCCConverter.locateDataDirectory() else { throw XCTSkip("OpenCC data not found") }
        let processor = DocumentProcessor(ingester: Ingester(), cleaner: Cleaner(), normalizer: Normalizer(pool: OpenCCPool(dataDirectory: data)),
                                          structurer: Structurer(), classifier: Classifier())
        var rng = SplitMix64(seed: 0x5747)
        let texts = try samples()
        for i in 0..<iterations {
            let text = Mutator.mutate(i % 3 == 0 ? texts[i % texts.count] : Mutator.window(texts[i % texts.count], &rng, max: 4000), &rng, steps: 20)
            do {
                let d = try processor.process(bytes: Array(text.utf8), path: "f.txt", id: "f\(i)")
                let ids = d.clauses.map(\.id)
                XCTAssertEqual(Set(ids).count, ids.count, "case \(i): clause ids are unique")
                for c in d.clauses { if let p = c.parent { XCTAssertTrue(ids.contains(p), "case \(i): parent \(p) of \(c.id) exists") } }
                XCTAssertFalse(d.text.isEmpty)
            } catch is RejectReason {}
        }
    }
}
