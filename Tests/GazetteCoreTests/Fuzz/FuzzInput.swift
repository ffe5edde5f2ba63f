import Foundation
import GazetteCore
import GazetteTestSupport

/// Deterministic random inputs for the property tests: mutation operators over sample
/// texts driven by the tests' seeded generator (SplitMix64), so a failure reproduces
/// from its seed.
enum Mutator {
    /// Fragments that exercise the stages' rules: numbering, chrome, noise, markup, encodings.
    static let tokens: [String] = [
        "一、", "（一）", "(二)", "1.", "2、", "（3）", "第十一条", "三十一、", "\n", "\n\n", "\r\n", " ", "\u{3000}", "\t",
        "【我要纠错】", "字号 默认 超大 | 打印", "扫一扫在手机打开当前页", "责任编辑：张三", "版权所有", "相关词条", "声明:",
        "政务(zhèng wù)", "(PPP)", "&nbsp;", "&9826;", "&#12288;", "&amp;lt;", "? ?", "?", "??", "\u{200B}", "\u{FEFF}", "\u{FFFD}",
        "<div>", "</div>", "<p>", "<script>alert(1)</script>", "<table><tr><td>发文机关</td><td>某市</td></tr>", "<!--", "-->", "<",
        "&", ";", "沪府办〔2020〕20号", "6月30日前", "（市发展改革委、市财政局分别负责落实）", "附件：", "【政策解读】", "Ａ１２",
    ]

    static func mutate(_ s: String, _ rng: inout SplitMix64, steps: Int = 6) -> String {
        var chars = Array(s)
        for _ in 0..<Int.random(in: 1...steps, using: &rng) {
            let at = chars.isEmpty ? 0 : Int.random(in: 0...chars.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0, 1: chars.insert(contentsOf: tokens.randomElement(using: &rng)!, at: at)
            case 2: if at < chars.count { chars.removeSubrange(at..<min(chars.count, at + Int.random(in: 1...40, using: &rng))) }
            case 3: if at < chars.count { let piece = chars[at..<min(chars.count, at + Int.random(in: 1...80, using: &rng))]; chars.insert(contentsOf: piece, at: at) }
            case 4: chars.insert(Character(Unicode.Scalar(UInt32.random(in: 0x20...0x9FFF, using: &rng)) ?? "x"), at: at)
            default: if at < chars.count { chars[at] = "\n" }
            }
        }
        return String(chars)
    }

    static func mutate(_ b: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = b
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<max(1, bytes.count), using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: if at < bytes.count { bytes[at] ^= UInt8.random(in: 1...255, using: &rng) }
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: min(at, bytes.count))
            case 2: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &rng))) }
            case 3: bytes = Array(bytes.prefix(at))   // truncation
            default: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00, 0x1F, 0x8B].shuffled(using: &rng).prefix(2), at: min(at, bytes.count))
            }
        }
        return bytes
    }

    /// A random window of a sample (keeps each case fast).
    static func window(_ s: String, _ rng: inout SplitMix64, max: Int = 2500) -> String {
        let chars = Array(s)
        guard chars.count > max else { return s }
        let start = Int.random(in: 0..<(chars.count - max), using: &rng)
        return String(chars[start..<(start + Int.random(in: 1...max, using: &rng))])
    }
}
