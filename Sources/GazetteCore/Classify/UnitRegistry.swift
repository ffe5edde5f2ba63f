import Foundation
import GazetteModel

/// The unit registry of `units.yml`: canonical units with full official names, short
/// names and aliases, region, level and renames/merges with dates.
///
/// An entry is either bound to a region (`region: 北京市`), national (no region, full name
/// without placeholders), or region-generic: its name holds `{city}` or `{province}`
/// (`{city}发展和改革委员会`), so `市发展改革委` resolves in any city's document. Lookup
/// prefers the document region's own entries, then generic ones, then national ones, then
/// the departments of `departments:` named for the document's level (`RegistryDepartment`:
/// 省财政局 in a provincial document → 福建省财政厅), then the name patterns
/// (`{1}区人民政府`). Nothing found → kind `unresolved`, name kept.
///
/// Lookups go through `UnitRegistryCache`: name → entry tables built once per region and
/// memoised resolutions, so resolving a mention is a dictionary hit.
public struct UnitRegistry: Sendable, Equatable {
    public var regions: [RegistryRegion] = [] { didSet { cache = UnitRegistryCache() } }
    public var units: [RegistryUnit] = [] { didSet { cache = UnitRegistryCache() } }
    public var patterns: [RegistryPattern] = [] { didSet { cache = UnitRegistryCache() } }
    /// Departments of every local government, each with its name per level.
    public var departments: [RegistryDepartment] = [] { didSet { cache = UnitRegistryCache() } }
    public var file: String?
    private(set) var cache = UnitRegistryCache()
    public init(regions: [RegistryRegion] = [], units: [RegistryUnit] = [], patterns: [RegistryPattern] = [],
                departments: [RegistryDepartment] = []) {
        self.regions = regions; self.units = units; self.patterns = patterns; self.departments = departments
    }

    /// What a mention resolved to.
    public struct Resolution: Sendable, Equatable {
        public var canonical: String?
        public var successor: String?
        public var kind: String            // unit | collective | unresolved
        public var level: String?
        public var region: String?
    }

    /// The kind of a mention nothing resolves: kept with its raw name and listed for editors.
    public static let unresolved = "unresolved"

    /// The region a text names first (for documents whose metadata has none).
    public func region(in text: String) -> String? {
        var best: (Int, String)? = nil
        for r in regions where r.level != "national" {
            for n in [r.name] + r.short {
                if let rg = text.range(of: n) {
                    let pos = text.distance(from: text.startIndex, to: rg.lowerBound)
                    if best == nil || pos < best!.0 { best = (pos, r.name) }
                }
            }
        }
        return best?.1
    }

    public func resolve(_ m: UnitMention, region: String?) -> UnitMention {
        var out = m
        let r = resolve(name: m.name, region: region)
        out.canonical = r.canonical; out.successor = r.successor; out.kind = r.kind
        return out
    }

    public func resolve(name raw: String, region docRegion: String?) -> Resolution {
        let key = UnitRegistryCache.Key(name: raw, region: docRegion)
        if let r = cache.resolution(key) { return r }
        let r = resolveUncached(name: raw, region: docRegion)
        cache.store(r, for: key)
        return r
    }

    func resolveUncached(name raw: String, region docRegion: String?) -> Resolution {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        // A name that spells out its region ("北京市发展改革委") is looked up in that region.
        var forms: [(String, String?)] = [(name, docRegion)]
        for r in regions where r.name.count >= 2 {
            for p in [r.name] + r.short where name.hasPrefix(p) && name.count > p.count {
                let rest = String(name.dropFirst(p.count))
                let lead = r.name.hasSuffix("省") ? "省" : "市"
                forms.append((rest.hasPrefix(lead) ? rest : lead + rest, r.name))
                forms.append((rest, r.name))
            }
        }
        for (form, region) in forms {
            if let u = lookup(form, region: region) { return resolution(of: u, region: region) }
        }
        if let r = resolveDepartment(name, region: docRegion) { return r }
        let compiled = cache.patternRegexes { patterns.map { try? NSRegularExpression(pattern: $0.match) } }
        for (form, region) in forms {
            let v = table(region).vars
            for (p, re) in zip(patterns, compiled) {
                if let full = p.apply(form, vars: v, regex: re) {
                    return Resolution(canonical: full, successor: nil, kind: p.kind, level: p.level, region: region)
                }
            }
        }
        return Resolution(canonical: nil, successor: nil, kind: Self.unresolved, level: nil, region: docRegion)
    }

    /// `{city}` and `{province}` for a region.
    /// A region `regions:` does not list gets them from its level (`RegionLevel`).
    func vars(_ region: String?) -> [String: String] {
        guard let region else { return [:] }
        guard let r = regions.first(where: { $0.name == region }) else {
            switch RegionLevel.of(region) {
            case .municipality?: return ["region": region, "city": region, "province": region]
            case .city?: return ["region": region, "city": region]
            case .province?: return ["region": region, "province": region]
            case .county?, .district?, .zone?: return ["region": region]
            default: return [:]
            }
        }
        var v = ["region": r.name]
        if r.name.hasSuffix("市") { v["city"] = r.name }
        if r.level == "provincial" { v["province"] = r.name } else if let p = r.province { v["province"] = p }
        return v
    }

    /// The entry a name denotes in a region (by alias or full name).
    func lookup(_ name: String, region: String?) -> RegistryUnit? {
        table(region).index[name].map { units[$0] }
    }

    /// The lookup table of a region: each name and alias → the first entry it denotes, in
    /// the order of preference (the region's own entries, generic ones, national ones).
    func table(_ region: String?) -> UnitRegistryCache.RegionTable {
        cache.table(region) {
            let v = vars(region)
            var index: [String: Int] = [:]
            func add(_ i: Int) {
                let u = units[i]
                var keys = u.aliases
                if u.isGeneric { keys += [u.expand(v), u.localName] } else { keys.append(u.name) }
                for k in keys where index[k] == nil { index[k] = i }
            }
            if let region { for i in units.indices where units[i].region == region { add(i) } }
            if !v.isEmpty { for i in units.indices where units[i].isGeneric && units[i].canExpand(v) { add(i) } }
            for i in units.indices where units[i].region == nil && !units[i].isGeneric { add(i) }
            return UnitRegistryCache.RegionTable(vars: v, index: index)
        }
    }

    func resolution(of u: RegistryUnit, region: String?) -> Resolution {
        let v = table(region).vars
        let canonical = u.isGeneric ? u.expand(v) : u.name
        var successor: String? = nil
        var cur = u, seen: Set<String> = [u.id]
        while let raw = cur.renamedTo, case let to = RegistryUnit.fill(raw, v),
              let next = lookup(to, region: u.region ?? region) ?? lookup(to, region: region) {
            guard seen.insert(next.id).inserted else { break }
            successor = next.isGeneric ? next.expand(v) : next.name
            cur = next
        }
        if successor == nil, let to = u.renamedTo { successor = to.contains("{") ? RegistryUnit.fill(to, v) : to }
        return Resolution(canonical: canonical, successor: successor, kind: u.kind, level: u.level, region: u.region ?? region)
    }
}

/// A region the registry knows: its level and, below a province, the province and city.
public struct RegistryRegion: Sendable, Equatable {
    public var name: String
    public var short: [String]
    public var level: String
    public var province: String?
    public var city: String?
    public var line: Int?
}

/// One unit (or collective subject) of the registry.
public struct RegistryUnit: Sendable, Equatable {
    public static let levels = ["national", "provincial", "municipal", "district", "township"]
    public static let kinds = ["unit", "collective"]
    /// Full official name, or a template with `{city}`/`{province}`.
    public var name: String
    public var aliases: [String]
    public var region: String?
    public var level: String
    public var kind: String
    /// The unit this one was renamed to or merged into (a name or alias), with the date.
    public var renamedTo: String?
    public var renamedDate: String?
    public var note: String?
    public var line: Int?
    public var aliasLines: [Int?] = []
    public var renameLine: Int?

    public var isGeneric: Bool { name.contains("{") }
    public var id: String { (region ?? "*") + "|" + name }
    /// A generic name with its placeholder replaced by the bare prefix (`{city}X` → `市X`).
    public var localName: String {
        name.replacingOccurrences(of: "{city}", with: "市").replacingOccurrences(of: "{region}", with: "市")
            .replacingOccurrences(of: "{province}", with: "省")
    }
    public func canExpand(_ v: [String: String]) -> Bool { !expand(v).contains("{") }
    public func expand(_ v: [String: String]) -> String { Self.fill(name, v) }
    static func fill(_ s: String, _ v: [String: String]) -> String {
        var out = s
        for (k, x) in v.sorted(by: { $0.key < $1.key }) { out = out.replacingOccurrences(of: "{\(k)}", with: x) }
        return out
    }
}

/// A rule for names no entry lists: `通州区政府` → `{city}通州区人民政府` (district).
public struct RegistryPattern: Sendable, Equatable {
    public var match: String
    public var name: String
    public var level: String?
    public var kind: String
    public var line: Int?

    /// The full name for `text`, or nil when the pattern does not match it whole.
    func apply(_ text: String, vars: [String: String]) -> String? {
        apply(text, vars: vars, regex: try? NSRegularExpression(pattern: match))
    }

    /// `apply` with the pattern's regular expression compiled beforehand.
    func apply(_ text: String, vars: [String: String], regex: NSRegularExpression?) -> String? {
        guard let re = regex,
              let m = re.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)),
              m.range.location == 0, m.range.length == (text as NSString).length else { return nil }
        var out = name
        for g in 0..<m.numberOfRanges {
            let r = m.range(at: g)
            let s = r.location == NSNotFound ? "" : (text as NSString).substring(with: r)
            out = out.replacingOccurrences(of: "{\(g)}", with: s)
        }
        if out.contains("{city}") || out.contains("{province}") || out.contains("{region}") {
            guard !vars.isEmpty else { return nil }
            out = RegistryUnit.fill(out, vars)
            if out.contains("{") { return nil }
        }
        return out
    }
}
