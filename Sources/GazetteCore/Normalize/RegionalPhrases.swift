/// The phrase tables built from `RegionalPhraseData`, one per combination the normalizer
/// applies, built once per process.
public enum RegionalPhrases {
    /// Entries of one `[tier]` of the data, in file order.
    static func tier(_ name: String, in source: String = RegionalPhraseData.source) -> [(String, String)] {
        var current = ""
        var out: [(String, String)] = []
        for raw in source.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") { current = String(line.dropFirst().dropLast()); continue }
            guard current == name else { continue }
            for token in line.split(separator: " ") {
                let parts = token.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
                let from = String(parts[0])
                out.append((from, parts.count > 1 ? String(parts[1]) : from))
            }
        }
        return out
    }

    /// Regional words mainland writing never uses: for every converted document.
    public static let common = PhraseTable(tier("common"))
    /// `common` plus the tw2s repairs.
    public static let commonAfterTW2S = PhraseTable(tier("common") + tier("tw2s"))
    /// `common` plus the Taiwan idiom reversal: for documents in Taiwan idiom.
    public static let taiwan = PhraseTable(tier("common") + tier("taiwan"))
    /// `taiwan` plus the tw2s repairs.
    public static let taiwanAfterTW2S = PhraseTable(tier("common") + tier("taiwan") + tier("tw2s"))
    /// Taiwan idiom evidence: `taiwan` without its single-character entries, which are
    /// Hong Kong and Taiwan character forms (衞 枱 …), not idiom: s2hk output holds them too.
    public static let taiwanEvidence = PhraseTable((tier("common") + tier("taiwan")).filter { $0.0.unicodeScalars.count > 1 })
    /// Hong Kong idiom evidence (counted, never applied): words of Hong Kong government text.
    public static let hongKongEvidence = PhraseTable(tier("hongkong-evidence").map { ($0.0, "") })
}

import Foundation
