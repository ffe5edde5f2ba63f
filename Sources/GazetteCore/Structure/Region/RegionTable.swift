import GazetteModel

/// The national division list (GB/T 2260: provinces, prefecture-level cities, counties and
/// districts with their six-digit codes) and the zone aliases, as `scripts/build_regions.py`
/// embeds them from `data/regions.tsv` and `data/zones.tsv`.
public struct RegionTable: Sendable {
    public struct Division: Sendable, Equatable {
        public let code: String
        public let name: String
        /// The name without its type (宜春市 → 宜春), or empty when that leaves one character.
        public let short: String
        public let level: Place.Level
        /// The enclosing division's code; nil for a province.
        public let parent: String?
    }

    /// A place that is not a division, and the division it lies in (or, for a former name,
    /// the division it became).
    public struct Alias: Sendable, Equatable {
        public enum Kind: String, Sendable { case zone, historic }
        public let name: String
        public let kind: Kind
        public let code: String
    }

    public let divisions: [String: Division]
    /// Full names → codes (朝阳区 → 110105, 220104).
    let byName: [String: [String]]
    /// Short names → codes (宜春 → 360900).
    let byShort: [String: [String]]
    public let aliases: [Alias]
    /// The longest name or short name, in characters: how far a match is looked for.
    let longest: Int
    /// Where the data came from (package and version).
    public let source: String

    /// The table embedded in the binary.
    public static let embedded: RegionTable = {
        do { return try RegionTable(regions: RegionData.regions, zones: RegionData.zones, source: RegionData.source) }
        catch { preconditionFailure("the embedded division table does not load: \(error)") }
    }()

    public struct FormatError: Error, CustomStringConvertible {
        public let line: Int
        public let text: String
        public var description: String { "line \(line): \(text)" }
    }

    /// Reads the two TSV texts; throws on a malformed line or a parent or host code that is not in the list.
    public init(regions: String, zones: String, source: String = "") throws {
        var divisions: [String: Division] = [:], byName: [String: [String]] = [:], byShort: [String: [String]] = [:]
        var longest = 0
        for (i, line) in regions.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, f[0].count == 6, f[0].allSatisfy(\.isASCII), let level = Place.Level(rawValue: f[3]), !f[1].isEmpty
            else { throw FormatError(line: i + 1, text: String(line)) }
            let d = Division(code: f[0], name: f[1], short: f[2], level: level, parent: f[4].isEmpty ? nil : f[4])
            divisions[d.code] = d
            byName[d.name, default: []].append(d.code)
            if !d.short.isEmpty { byShort[d.short, default: []].append(d.code) }
            longest = max(longest, d.name.count)
        }
        for (i, line) in regions.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let parent = line.split(separator: "\t", omittingEmptySubsequences: false)[4]
            if !parent.isEmpty && divisions[String(parent)] == nil { throw FormatError(line: i + 1, text: "parent \(parent) is not in the list") }
        }
        var aliases: [Alias] = []
        for (i, line) in zones.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3, let kind = Alias.Kind(rawValue: f[1]), divisions[f[2]] != nil, !f[0].isEmpty
            else { throw FormatError(line: i + 1, text: "zones: " + String(line)) }
            aliases.append(Alias(name: f[0], kind: kind, code: f[2]))
        }
        self.divisions = divisions; self.byName = byName; self.byShort = byShort
        // Longest first, so 青岛西海岸新区 is found before a shorter alias inside it.
        self.aliases = aliases.sorted { $0.name.count != $1.name.count ? $0.name.count > $1.name.count : $0.name < $1.name }
        self.longest = longest; self.source = source
    }

    /// The division and its ancestors, from the province down.
    public func path(_ code: String) -> [Division] {
        var out: [Division] = [], at: String? = code
        while let c = at, let d = divisions[c], out.count < 4 { out.append(d); at = d.parent }
        return out.reversed()
    }

    /// Whether `ancestor` is `code` or encloses it.
    func contains(_ ancestor: String, _ code: String) -> Bool { path(code).contains { $0.code == ancestor } }

    /// The children of each division, sorted by code (for listing a province's cities and counties).
    public func children() -> [String: [String]] {
        var out: [String: [String]] = [:]
        for d in divisions.values { if let p = d.parent { out[p, default: []].append(d.code) } }
        for k in out.keys { out[k]!.sort() }
        return out
    }
}
