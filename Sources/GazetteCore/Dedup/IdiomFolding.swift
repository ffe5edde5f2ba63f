/// Projects text into one regional idiom before it is shingled, so copies of a document
/// that differ only in idiom compare as equal.
///
/// A Taiwan copy whose idiom the normalize stage did not detect (too little evidence in a
/// short text) keeps Taiwan words in simplified script (资讯, 网路, 软体 for 信息, 网络,
/// 软件): a few per cent of its characters differ from the mainland original. Folding every
/// text with the curated Taiwan → mainland phrase table (`tw-phrases`, the default) maps
/// both onto the same words; mainland text passes through unchanged, since the table
/// leaves words ordinary mainland writing also uses. The published text is not touched.
///
/// Any OpenCC configuration may be named instead (`s2twp` folds everything onto Taiwan
/// traditional text): it catches more rare words but costs five to seven times as much
/// as the whole normalize stage, since it converts every text, simplified or not.
public enum IdiomFolding {
    /// The default fold: the curated Taiwan phrase table of the normalize stage.
    public static let phrases = "tw-phrases"
    static let pool: OpenCCPool? = OpenCCConverter.locateDataDirectory().map { OpenCCPool(dataDirectory: $0) }

    /// `Shingler.canonical` of `text` folded with `config`; the default fold runs on the
    /// UTF-8 bytes without building the folded String.
    static func canonicalStream(_ text: String, config: String) -> [UInt32] {
        guard config == phrases else { return Shingler.canonical(fold([text], config: config)[0]) }
        var text = text
        return text.withUTF8 { src in
            var out: [UInt8] = []
            out.reserveCapacity(src.count + 64)
            RegionalPhrases.taiwan.rewrite(src, into: &out)
            return out.withUnsafeBufferPointer { Shingler.canonical(utf8: $0) }
        }
    }

    /// `texts` folded with `config`: "tw-phrases", an OpenCC configuration, or "none" (unchanged).
    public static func fold(_ texts: [String], config: String) -> [String] {
        switch config {
        case "none": return texts
        case phrases: return texts.map { RegionalPhrases.taiwan.rewrite($0) }
        default:
            guard let pool else { return texts }
            return (try? pool.with(config) { c in texts.map { c.convert($0) } }) ?? texts
        }
    }
}
