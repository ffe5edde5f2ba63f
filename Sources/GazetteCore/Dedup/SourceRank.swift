/// How authoritative an input's origin looks, from the host names in its path.
///
/// Corpora collected from the web keep the site's host as a folder
/// (`Corpus/www.shanghai.gov.cn/…`). A government host (a `gov` label: `.gov.cn`,
/// `.gov.hk`, `gov.tw`…) is the official source; another host is an aggregator or
/// mirror; a path with no host says nothing either way and ranks between them.
public enum SourceRank: Int, Comparable, Sendable {
    case aggregator = 0, unknown = 1, official = 2

    public static func < (a: SourceRank, b: SourceRank) -> Bool { a.rawValue < b.rawValue }

    public static func of(path: String) -> SourceRank {
        let folders = path.split(separator: "/").dropLast()
        var sawHost = false
        for f in folders {
            let labels = f.lowercased().split(separator: ".")
            guard labels.count >= 2, let tld = labels.last, (2...6).contains(tld.count),
                  tld.allSatisfy({ $0.isASCII && $0.isLetter }),
                  labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } })
            else { continue }
            if labels.contains("gov") { return .official }
            sawHost = true
        }
        return sawHost ? .aggregator : .unknown
    }
}
