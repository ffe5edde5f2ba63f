import XCTest
@testable import GazetteCore

/// The pinned regression corpus (Fixtures/normalize/terms.txt) and the round-trip bound.
final class NormalizerTermTests: XCTestCase {
    private func normalizer() throws -> Normalizer {
        try XCTUnwrap(NormalizeTestSupport.normalizer, "OpenCC dictionaries not found (run make build-debug)")
    }

    /// Normalize `input` with a fixed plan, as a document of that variant would be.
    private func convert(_ input: String, config: String?, taiwan: Bool) throws -> String {
        let plan = NormalizationPlan(profile: ScriptProfile(input), variant: taiwan ? "taiwan" : "mainland", openCCConfig: config,
                                     phrases: Normalizer.phraseTable(config: config, taiwan: taiwan),
                                     taiwanEvidence: 0, hongKongEvidence: 0)
        var bytes = Array(input.utf8)
        var out: [UInt8] = []
        try bytes.withUnsafeMutableBufferPointer { try normalizer().convert(UnsafeBufferPointer($0), plan: plan, appendingTo: &out) }
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }

    private func check(_ section: String, config: String?, taiwan: Bool) throws {
        let pairs = try XCTUnwrap(NormalizeTestSupport.termSections()[section], "section \(section) missing")
        XCTAssertGreaterThan(pairs.count, 3)
        for (input, expected) in pairs {
            XCTAssertEqual(try convert(input, config: config, taiwan: taiwan), expected, "[\(section)] \(input)")
        }
    }

    func testTaiwanTerms() throws { try check("taiwan", config: "tw2s", taiwan: true) }
    func testHongKongTerms() throws { try check("hongkong", config: "t2s", taiwan: false) }
    func testStandardTraditionalTerms() throws { try check("standard", config: "t2s", taiwan: false) }
    /// Mainland words survive even when a document is (wrongly or partly) Taiwan idiom.
    func testMainlandWordsSurviveTheTaiwanStep() throws { try check("keep", config: nil, taiwan: true) }

    func testPhraseTableLeftmostLongestAndProtections() {
        let t = PhraseTable([("程式", "程序"), ("程式化", "程式化"), ("国中", "初中"), ("全国中", "全国中")])
        XCTAssertEqual(t.rewrite("办事程式与程式化管理，全国中小学和国中"), "办事程序与程式化管理，全国中小学和初中")
        XCTAssertEqual(t.rewrite("abc"), "abc")
        var out: [UInt8] = []
        XCTAssertEqual(Array("程式国中".utf8).withUnsafeBufferPointer { t.rewrite($0, into: &out) }, 2)
    }

    func testEveryTableEntryIsSimplifiedAndWellFormed() {
        for tier in ["common", "taiwan", "tw2s", "hongkong-evidence"] {
            let entries = RegionalPhrases.tier(tier)
            XCTAssertFalse(entries.isEmpty, tier)
            for (from, to) in entries {
                XCTAssertFalse(from.isEmpty, "\(tier): empty source")
                if tier != "hongkong-evidence" {
                    XCTAssertEqual(ScriptProfile(from).traditional, 0, "\(tier): \(from) is not in simplified script")
                    XCTAssertEqual(ScriptProfile(to).traditional, 0, "\(tier): \(to) is not in simplified script")
                }
            }
        }
    }

    /// The quality bar of the issue: worst CER ≤ 0.2 % over every round-trip file.
    func testRoundTripCharacterErrorRate() throws {
        let dir = NormalizeTestSupport.shared.appendingPathComponent("roundtrip")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw XCTSkip("no round-trip set at \(dir.path)")
        }
        var worst = 0.0
        var checked = 0
        for name in names.sorted() where name.hasSuffix(".txt") && !name.hasSuffix(".expected.txt") {
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            let expected = try String(contentsOf: dir.appendingPathComponent(stem + ".expected.txt"), encoding: .utf8)
            let input = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let got = try normalizer().normalize(input).text
            let cer = NormalizeTestSupport.cer(reference: expected, hypothesis: got)
            XCTAssertLessThanOrEqual(cer, 0.002, "\(name): CER \(cer * 100) %")
            worst = max(worst, cer)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
        print("round-trip worst CER \(worst * 100) % over \(checked) files")
    }

    /// Simplified mainland documents come back byte for byte (the expected texts and 002).
    func testSimplifiedDocumentsAreByteIdentical() throws {
        var paths: [URL] = []
        let rt = NormalizeTestSupport.shared.appendingPathComponent("roundtrip")
        for n in (try? FileManager.default.contentsOfDirectory(atPath: rt.path)) ?? [] where n.hasSuffix(".expected.txt") {
            paths.append(rt.appendingPathComponent(n))
        }
        let corpus = NormalizeTestSupport.shared.appendingPathComponent("corpus")
        for n in (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [] where n.hasPrefix("002_") {
            paths.append(corpus.appendingPathComponent(n))
        }
        if paths.isEmpty { throw XCTSkip("no shared samples") }
        for p in paths {
            let text = try String(contentsOf: p, encoding: .utf8)
            let r = try normalizer().normalize(text)
            XCTAssertEqual(r.conversion, "none", p.lastPathComponent)
            XCTAssertTrue(Array(r.text.utf8) == Array(text.utf8), p.lastPathComponent)
        }
    }
}
