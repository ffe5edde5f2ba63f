import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// The two ways the normalize stage saves OpenCC work — the t2s replay and the tw2s line
/// skipping — against converting the same bytes whole with OpenCC.
final class OpenCCSpeedupTests: XCTestCase {
    private func converter(_ config: String) throws -> OpenCCConverter {
        let data = try XCTUnwrap(NormalizeTestSupport.dataDirectory, "OpenCC dictionaries not found (run make build-debug)")
        return try OpenCCConverter(config: config, dataDirectory: data)
    }

    /// OpenCC's result for the whole input in one call.
    private func whole(_ conv: OpenCCConverter, _ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input in conv.withConverted(input) { out, _ in Array(out) } }
    }

    /// The converter's result through its fast path (replay or line skipping).
    private func fast(_ conv: OpenCCConverter, _ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { conv.convert($0, appendingTo: &out) }
        return out
    }

    /// Seeded lines made of dictionary phrases, their fragments (phrases cut at either end),
    /// key scalars, simplified text, punctuation and, now and then, what OpenCC treats specially.
    private func stressText(seed: UInt64, lines: Int) -> String {
        var rng = SplitMix64(seed: seed)
        let phrases = ConversionTriggerData.t2sPhraseKeys.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let scalars = Array(ConversionTriggerData.t2sKeyScalars.unicodeScalars.filter { $0 != "\n" })
        let plain = ["各区人民政府", "建立健全", "反复", "覆盖", "打坏", "了解", "吃饭", "上梁", "脊梁", "才能", "核查", "群众", "，", "。", "、", " ", "2024年", "abc"]
        let special = ["\u{F900}", "\u{FE00}", "\u{E0100}", "⿰木木", "\u{2F800}"]
        var text = ""
        for _ in 0..<lines {
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                let p = phrases.randomElement(using: &rng)!
                switch Int.random(in: 0..<100, using: &rng) {
                case 0..<30: text += p
                case 30..<40: text += String(p.dropFirst())
                case 40..<50: text += String(p.dropLast())
                case 50..<75: text.unicodeScalars.append(scalars.randomElement(using: &rng)!)
                case 75..<98: text += plain.randomElement(using: &rng)!
                default: text += special.randomElement(using: &rng)!
                }
            }
            text += "\n"
        }
        return text
    }

    func testT2SReplayIsBuiltWithTheBundledDictionaries() throws {
        XCTAssertNotNil(try converter("t2s").replay)
        XCTAssertNil(try converter("tw2s").replay, "tw2s has two steps: it skips lines instead")
    }

    func testT2SReplayMatchesOpenCCOnStressText() throws {
        let conv = try converter("t2s")
        for seed in UInt64(1)...4 {
            let bytes = Array(stressText(seed: seed, lines: 400).utf8)
            XCTAssertEqual(String(decoding: fast(conv, bytes), as: UTF8.self), String(decoding: whole(conv, bytes), as: UTF8.self), "seed \(seed)")
        }
    }

    func testTW2SLineSkippingMatchesOpenCCOnStressText() throws {
        let conv = try converter("tw2s")
        XCTAssertNotNil(conv.triggers)
        for seed in UInt64(11)...14 {
            let bytes = Array(stressText(seed: seed, lines: 400).utf8)
            XCTAssertEqual(String(decoding: fast(conv, bytes), as: UTF8.self), String(decoding: whole(conv, bytes), as: UTF8.self), "seed \(seed)")
        }
    }

    func testFastPathsMatchOpenCCOnSharedTexts() throws {
        let t2s = try converter("t2s"), tw2s = try converter("tw2s")
        var checked = 0
        for folder in ["roundtrip", "corpus"] {
            let dir = NormalizeTestSupport.shared.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.sorted() ?? [] where name.hasSuffix(".txt") {
                guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
                let bytes = Array(text.utf8)
                XCTAssertEqual(fast(t2s, bytes), whole(t2s, bytes), "t2s \(name)")
                XCTAssertEqual(fast(tw2s, bytes), whole(tw2s, bytes), "tw2s \(name)")
                checked += 1
            }
        }
        if checked == 0 { throw XCTSkip("../shared not present") }
    }

    func testMalformedUTF8IsLeftToOpenCC() throws {
        for config in ["t2s", "tw2s"] {
            let conv = try converter(config)
            let bytes: [UInt8] = Array("體育\n".utf8) + [0xFF, 0xE4] + Array("\n反覆\n".utf8)
            XCTAssertEqual(fast(conv, bytes), whole(conv, bytes), config)
        }
    }

    func testEveryScalarThatConvertsAloneIsATrigger() throws {
        for config in ["t2s", "tw2s"] {
            let conv = try converter(config)
            let triggers = try XCTUnwrap(conv.triggers)
            let scalars = (0x2E80..<0x40000).compactMap(Unicode.Scalar.init)
            let input = Array(scalars.map { String($0) }.joined(separator: "\n").utf8)
            let lines = String(decoding: whole(conv, input), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, scalars.count)
            let missed = zip(scalars, lines).filter { String($0) != $1 && !triggers.contains($0.value) }.map { String($0.0) }
            XCTAssertEqual(missed, [], config)
        }
    }

    func testSpansAreWholeLinesAndFlagTriggers() throws {
        let triggers = try XCTUnwrap(ConversionTriggers.forConfig("t2s"))
        let text = "各区人民政府\n反覆研究\n这是简体\n體育\n最后一行没有换行"
        var spans: [(String, Bool)] = []
        let bytes = Array(text.utf8)
        let wellFormed = bytes.withUnsafeBufferPointer { buf in
            triggers.forEachSpan(buf) { spans.append((String(decoding: $0, as: UTF8.self), $1)) }
        }
        XCTAssertTrue(wellFormed)
        XCTAssertEqual(spans.map(\.0), ["各区人民政府\n", "反覆研究\n", "这是简体\n", "體育\n", "最后一行没有换行"])
        XCTAssertEqual(spans.map(\.1), [false, true, false, true, false])
    }
}
