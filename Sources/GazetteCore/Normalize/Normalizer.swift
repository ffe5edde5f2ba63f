import Foundation

/// The normalize stage's output: simplified mainland text and the original beside it.
public struct NormalizedText: Sendable {
    public var text: String
    public var original: String
    public var script: String      // simplified | traditional | mixed
    public var variant: String     // mainland | taiwan | hongkong
    public var conversion: String  // the OpenCC configuration used (+ the phrase step), or none
    /// The one-to-many choices made in a Taiwan-idiom document (`IdiomChooser`); empty otherwise.
    public var choices: [IdiomChoice] = []
}

/// What the normalizer decided for one document: reused for every chunk of a stream.
public struct NormalizationPlan: Sendable {
    public var profile: ScriptProfile
    /// simplified | traditional | mixed
    public var script: String { profile.script }
    /// mainland | taiwan | hongkong (regional idiom, from phrase evidence)
    public var variant: String
    /// OpenCC configuration (t2s, tw2s, hk2s) or nil when the text is already simplified.
    public var openCCConfig: String?
    /// The regional phrase step after OpenCC, or nil.
    public var phrases: PhraseTable?
    /// Taiwan-idiom phrases found (evidence for `variant`).
    public var taiwanEvidence: Int
    public var hongKongEvidence: Int
    /// The one-to-many choices made in the text `analyze` read (Taiwan idiom only).
    public var choices: [IdiomChoice] = []

    /// The `source.conversion` value: e.g. "t2s", "tw2s+tw-phrases", "none".
    public var conversion: String {
        var parts: [String] = []
        if let c = openCCConfig { parts.append(c) }
        if profile.characterStandard == "hongkong" && openCCConfig != nil { parts.append("hk-forms") }
        if variant == "taiwan" { parts.append("tw-phrases") } else if phrases != nil { parts.append("phrases") }
        return parts.isEmpty ? "none" : parts.joined(separator: "+")
    }
}

/// Stage 3: detect script and regional idiom, convert to simplified mainland text.
///
/// Passes, in order:
/// 1. `ScriptProfile` counts traditional-only, simplified-only, Hong Kong and Taiwan forms;
///    simplified text without Taiwan idiom passes through byte for byte.
/// 2. OpenCC converts characters: tw2s where 著 stands for zhe (Taiwan), else t2s; the few
///    Hong Kong forms t2s leaves (衞 枱 衹 …) are mapped by the phrase step (hk2s's result). No OpenCC phrase reversal (tw2sp) is used: it rewrites mainland
///    words (建立→创建, 执行→运行, 文件→文档).
/// 3. Taiwan idiom is detected on the simplified output by counting phrases of the curated
///    table (`RegionalPhraseData`), so it works the same for any input script.
/// 4. The curated phrase step rewrites regional words: always the `common` tier for
///    converted text; the Taiwan tier only for documents in Taiwan idiom.
/// 5. In Taiwan-idiom documents only, `IdiomChooser` picks the mainland original of the
///    one-to-many words the phrase step left (资料 → 数据 or 资料) from their context.
public struct Normalizer: Sendable {
    public let pool: OpenCCPool

    public init(pool: OpenCCPool) { self.pool = pool }

    /// A document is in Taiwan idiom when at least this many Taiwan phrases occur…
    static let minimumEvidence = 3
    /// …and at least one per this many ideographs (a stray 链结 in a long mainland text is not enough).
    static let ideographsPerEvidence = 3000

    public func normalize(_ text: String) throws -> NormalizedText {
        var input = Array(text.utf8)
        let (plan, output) = try input.withUnsafeMutableBufferPointer { try analyze(UnsafeBufferPointer($0)) }
        input = []
        let converted = plan.openCCConfig == nil && plan.phrases == nil ? text : String(decoding: output, as: UTF8.self)
        return NormalizedText(text: converted, original: text, script: plan.script, variant: plan.variant,
                              conversion: plan.conversion, choices: plan.choices)
    }

    /// The text as it is, with its script detected but nothing converted (conversion
    /// `none`, idiom not looked for): for a pipeline without the normalize stage.
    public static func unconverted(_ text: String) -> NormalizedText {
        let profile = Array(text.utf8).withUnsafeBufferPointer { ScriptProfile(utf8: $0) }
        return NormalizedText(text: text, original: text, script: profile.script, variant: "mainland", conversion: "none")
    }

    /// Decide the plan for a whole document (or the first chunk of a stream) and return
    /// the normalized bytes of `input` with it.
    public func analyze(_ input: UnsafeBufferPointer<UInt8>) throws -> (NormalizationPlan, [UInt8]) {
        let profile = ScriptProfile(utf8: input)
        let config = profile.openCCConfig
        var converted: [UInt8] = []
        if let config {
            try pool.with(config) { $0.convert(input, appendingTo: &converted) }
        }
        let (twEvidence, hkEvidence) = converted.isEmpty
            ? Self.evidence(input)
            : converted.withUnsafeBufferPointer { Self.evidence($0) }
        let taiwan = twEvidence >= Self.minimumEvidence && twEvidence * Self.ideographsPerEvidence >= profile.ideographs
        let hongKong = !taiwan && hkEvidence >= Self.minimumEvidence
        var plan = NormalizationPlan(profile: profile, variant: taiwan ? "taiwan" : (hongKong ? "hongkong" : "mainland"),
                                     openCCConfig: config, phrases: nil, taiwanEvidence: twEvidence, hongKongEvidence: hkEvidence)
        plan.phrases = Self.phraseTable(config: config, taiwan: taiwan)
        guard let table = plan.phrases else { return (plan, converted.isEmpty ? Array(input) : converted) }
        var out: [UInt8] = []
        out.reserveCapacity((converted.isEmpty ? input.count : converted.count) + 64)
        if taiwan {
            var matched: [Range<Int>] = []
            if converted.isEmpty { table.rewrite(input, into: &out, matched: &matched) } else {
                converted.withUnsafeBufferPointer { _ = table.rewrite($0, into: &out, matched: &matched) }
            }
            let chosen = Self.choose(out, matched: matched)
            plan.choices = chosen.choices
            return (plan, chosen.bytes)
        }
        if converted.isEmpty { table.rewrite(input, into: &out) } else { converted.withUnsafeBufferPointer { _ = table.rewrite($0, into: &out) } }
        return (plan, out)
    }

    /// Normalize one more chunk of a stream with a plan from `analyze`, appending to `output`.
    public func convert(_ input: UnsafeBufferPointer<UInt8>, plan: NormalizationPlan, appendingTo output: inout [UInt8]) throws {
        guard let config = plan.openCCConfig else {
            if let table = plan.phrases, plan.variant == "taiwan" {
                var rewritten: [UInt8] = [], matched: [Range<Int>] = []
                table.rewrite(input, into: &rewritten, matched: &matched)
                output.append(contentsOf: Self.choose(rewritten, matched: matched).bytes)
            } else if let table = plan.phrases { table.rewrite(input, into: &output) } else { output.append(contentsOf: input) }
            return
        }
        try pool.with(config) { conv in
            if let table = plan.phrases {
                var converted: [UInt8] = []
                converted.reserveCapacity(input.count + input.count / 8)
                conv.convert(input, appendingTo: &converted)
                if plan.variant == "taiwan" {
                    var rewritten: [UInt8] = [], matched: [Range<Int>] = []
                    converted.withUnsafeBufferPointer { _ = table.rewrite($0, into: &rewritten, matched: &matched) }
                    output.append(contentsOf: Self.choose(rewritten, matched: matched).bytes)
                } else {
                    converted.withUnsafeBufferPointer { _ = table.rewrite($0, into: &output) }
                }
            } else {
                conv.convert(input, appendingTo: &output)
            }
        }
    }

    /// The chooser's pass over the phrase step's output, leaving what the phrase table matched
    /// (`matched`, byte ranges) alone.
    static func choose(_ bytes: [UInt8], matched: [Range<Int>]) -> (bytes: [UInt8], choices: [IdiomChoice]) {
        // Byte ranges to scalar ranges: count the scalars (lead bytes) before each bound.
        var protected: [Range<Int>] = []
        protected.reserveCapacity(matched.count)
        var scalars = 0, at = 0
        func advance(to end: Int) { while at < end { if bytes[at] & 0xC0 != 0x80 { scalars += 1 }; at += 1 } }
        for r in matched {
            advance(to: r.lowerBound); let lo = scalars
            advance(to: r.upperBound); protected.append(lo ..< scalars)
        }
        return IdiomChooser.shared.choose(utf8: bytes, protected: protected)
    }

    /// (Taiwan, Hong Kong) idiom phrase counts in simplified text.
    static func evidence(_ simplified: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        (RegionalPhrases.taiwanEvidence.countRewrites(simplified), RegionalPhrases.hongKongEvidence.countRewrites(simplified))
    }

    static func phraseTable(config: String?, taiwan: Bool) -> PhraseTable? {
        switch (config, taiwan) {
        case (nil, false): return nil
        case ("tw2s", true): return RegionalPhrases.taiwanAfterTW2S
        case (_, true): return RegionalPhrases.taiwan
        case ("tw2s", false): return RegionalPhrases.commonAfterTW2S
        default: return RegionalPhrases.common
        }
    }
}
