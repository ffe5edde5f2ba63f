/// Projects text into one script and regional idiom before it is shingled, so copies of
/// a document that differ only in script or idiom compare as equal.
///
/// A Taiwan copy normalized with plain `t2s` keeps Taiwan words in simplified script
/// (资讯, 网路, 软体 for 信息, 网络, 软件): some 5 % of its characters differ from the
/// mainland original, a Jaccard similarity near 0.78 — as far apart as two different
/// plans from one template. Converting *every* text with OpenCC `s2twp` (the default
/// `dedup.fold`) maps the original, the Taiwan copy and its partly normalized form onto
/// the same Taiwan-traditional text, whatever the normalize stage made of it. The
/// published text is not touched; only the comparison sees the folded form.
public enum IdiomFolding {
    static let pool: OpenCCPool? = OpenCCConverter.locateDataDirectory().map { OpenCCPool(dataDirectory: $0) }

    /// `texts` converted with OpenCC configuration `config` ("none": unchanged).
    public static func fold(_ texts: [String], config: String) -> [String] {
        guard config != "none", let pool else { return texts }
        return (try? pool.with(config) { c in texts.map { c.convert($0) } }) ?? texts
    }
}
