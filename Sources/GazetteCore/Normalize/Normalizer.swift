import Foundation

/// The normalize stage's output: simplified mainland text and the original beside it.
public struct NormalizedText: Sendable {
    public var text: String
    public var original: String
    public var script: String      // simplified | traditional | mixed
    public var variant: String     // mainland | taiwan | hongkong
    public var conversion: String  // the OpenCC configuration used, or none
}

/// Stage 3: detect script and regional idiom, convert to simplified mainland text.
public struct Normalizer: Sendable {
    public let pool: OpenCCPool

    public init(pool: OpenCCPool) { self.pool = pool }

    public func normalize(_ text: String) throws -> NormalizedText {
        let profile = ScriptProfile(text)
        guard profile.script != "simplified" else {
            return NormalizedText(text: text, original: text, script: profile.script, variant: "mainland", conversion: "none")
        }
        let config = "t2s"
        let converted = try pool.with(config) { $0.convert(text) }
        return NormalizedText(text: converted, original: text, script: profile.script, variant: profile.variant, conversion: config)
    }
}

/// Counts of characters that exist only in traditional or only in simplified script.
public struct ScriptProfile: Sendable {
    public var traditional = 0
    public var simplified = 0
    public var script: String { traditional == 0 ? "simplified" : (simplified * 5 > traditional ? "mixed" : "traditional") }
    public var variant: String = "mainland"

    // Frequent characters that differ between the scripts (same order in both strings).
    static let tradOnly: Set<Unicode.Scalar> = Set("們這個來為國時說會對過發後裡從實還進樣當經體機關點業將兩問間開現與種麼動學線見長門頭無話讓認條題氣總電數報結義處員議東車親極區設導爭運習變統場決權應強術傳觀識帶據覺團聯類價紀組織務費網縣鄉鎮級藝環貿醫療險舉辦準職責資項標規範審計檢監護園層例單測據實施網站覆蓋產營於廣劃開開歲舊從複雜買賣".unicodeScalars)
    static let simpOnly: Set<Unicode.Scalar> = Set("们这个来为国时说会对过发后从实还进样当经体机关点业将两问间开现与种么动学线见长门头无话让认条题气总电数报结义处员议东车亲极区设导争运习变统场决权应强术传观识带据觉团联类价纪组织务费网县乡镇级艺环贸医疗险举办准职责资项标规范审计检监护园层单测实施站盖产营于广划岁旧复杂买卖".unicodeScalars)

    public init(_ text: String) {
        for u in text.unicodeScalars.prefix(200_000) {
            if Self.tradOnly.contains(u) { traditional += 1 } else if Self.simpOnly.contains(u) { simplified += 1 }
        }
    }
}
