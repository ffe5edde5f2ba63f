import GazetteModel

/// Resolves a document's region string (北京市, 淮安市洪泽区, 万载, 平潭综合实验区, 全国) to a
/// place of the national division list, with its path from the province down.
///
/// The region string is read as a chain of division names, full or short (淮安市 + 洪泽区,
/// 福州 + 鼓楼区); each name narrows the next one's candidates to those inside it. A name
/// several divisions bear (朝阳区, 鼓楼区) is settled by the document: a candidate whose
/// province or city is named in the issuer, a title or the first lines wins — when exactly
/// one is. Otherwise the place stays `ambiguous` with every candidate listed: never a guess.
/// Not divisions: zones of `data/zones.tsv` (平潭综合实验区 → 平潭县) and zones named after
/// their host (济南高新区 → 济南市) become level `zone`; former names listed there resolve to
/// their successor. 全国 is the nation: level national, no code.
public struct RegionResolver: Sendable {
    public let table: RegionTable
    public init(table: RegionTable = .embedded) { self.table = table }

    public static let shared = RegionResolver()

    /// Words that end a zone's name when the zone is named after its host (济南高新区).
    public static let zoneWords = ["综合实验区", "实验区", "试验区", "新区", "开发区", "高新区", "示范区", "合作区", "工业园区", "园区",
                                   "保税区", "自贸区", "管理区", "旅游区", "度假区", "产业园"]

    /// Characters that make a name a division's type: a short name followed by one is not
    /// that short name (大同县 is no 大同 + 县).
    static let typeCharacters: Set<Character> = ["省", "市", "县", "区", "旗", "州", "盟"]

    /// One division name found in the region string.
    struct Mention { var text: String; var codes: [String] }

    public func resolve(region: String?, issuer: String?, titles: [String], lines: [String]) -> Place {
        guard let r = region?.filter({ !$0.isWhitespace }), !r.isEmpty else { return Place(via: "no region found in the document") }
        if r == "全国" { return Place(status: .resolved, level: .national, via: "region 全国: the nation (GB/T 2260 has no code for it)") }
        let (mentions, rest) = chain(r)
        if rest.isEmpty, let last = mentions.last {
            var candidates = last.codes
            for m in mentions.dropLast() {
                let inside = candidates.filter { c in m.codes.contains { table.contains($0, c) && $0 != c } }
                if !inside.isEmpty { candidates = inside }
            }
            let how = "region \(r): " + mentions.map(\.text).joined(separator: " → ")
            return decide(candidates, how: how, issuer: issuer, titles: titles, lines: lines)
        }
        if let a = table.aliases.first(where: { r.contains($0.name) }) {
            let d = table.divisions[a.code]!
            switch a.kind {
            case .historic:
                return place(d, via: "region \(r): former name \(a.name) of \(d.name) (data/zones.tsv)")
            case .zone:
                var p = place(d, via: "region \(r): zone \(a.name) in \(d.name) (data/zones.tsv)")
                p.level = .zone; p.zone = a.name
                return p
            }
        }
        if !mentions.isEmpty, Self.zoneWords.contains(where: { rest.hasSuffix($0) }) {
            let host = decide(mentions.last!.codes, how: "region \(r): zone \(rest) in \(mentions.map(\.text).joined(separator: " → "))",
                              issuer: issuer, titles: titles, lines: lines)
            guard host.status == .resolved else { return host }
            var p = host
            p.level = .zone; p.zone = r
            return p
        }
        return Place(via: "region \(r): not a name of the division list (\(table.source))")
    }

    /// The place for one candidate, or the candidates settled by the document's own words.
    func decide(_ candidates: [String], how: String, issuer: String?, titles: [String], lines: [String]) -> Place {
        if candidates.count == 1 { return place(table.divisions[candidates[0]]!, via: how) }
        let context = ([issuer ?? ""] + titles + lines).joined(separator: "\n")
        var named: [(String, String)] = []
        for c in candidates {
            if let a = table.path(c).dropLast().last(where: { context.contains($0.name) }) { named.append((c, a.name)) }
        }
        if named.count == 1 {
            return place(table.divisions[named[0].0]!, via: how + "; of \(candidates.count) divisions so named, the one in \(named[0].1), which the document names")
        }
        let listed = candidates.sorted().map { c in c + " " + table.path(c).map(\.name).joined(separator: "/") }
        return Place(status: .ambiguous, candidates: listed,
                     via: how + "; \(candidates.count) divisions bear the name and the document names " +
                          (named.isEmpty ? "none of their provinces or cities" : "the provinces or cities of \(named.count) of them"))
    }

    func place(_ d: RegionTable.Division, via: String) -> Place {
        let path = table.path(d.code)
        return Place(status: .resolved, level: d.level, code: d.code, path: path.map(\.name), pathCodes: path.map(\.code), via: via)
    }

    /// The division names `r` starts with, one after another, longest first at each place
    /// (full names before short ones of the same length), and what follows the last.
    func chain(_ r: String) -> ([Mention], String) {
        let chars = Array(r)
        var out: [Mention] = [], at = 0
        outer: while at < chars.count {
            for n in stride(from: min(table.longest, chars.count - at), through: 2, by: -1) {
                let s = String(chars[at..<(at + n)])
                if let codes = table.byName[s] { out.append(Mention(text: s, codes: codes)); at += n; continue outer }
                if let codes = table.byShort[s], at + n == chars.count || !Self.typeCharacters.contains(chars[at + n]) {
                    out.append(Mention(text: s, codes: codes)); at += n; continue outer
                }
            }
            break
        }
        return (out, String(chars[at...]))
    }
}
