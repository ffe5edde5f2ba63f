import Foundation

/// A department every local government has, written once in `units.yml` with its name per
/// level: `{ name: 财政局, province: 财政厅 }` is 福建省财政厅 in a provincial document,
/// 济南市财政局 in a city's, 万载县财政局 in a county's. `name` is the city's form and the
/// default of every level; a form holding `{region}` is written out whole
/// (`中共{region}委宣传部`), any other is appended to the region's name.
///
/// A mention is a level's leading character (省 市 县 区 …) and any form or alias of any
/// level (`省财政局`, `省发改委`, `县委办`), or a place name and one of them (`福州市财政局`).
public struct RegistryDepartment: Sendable, Equatable {
    /// The city form, used at every level without its own.
    public var name: String
    /// Forms of other levels (province, municipality, county, district, zone).
    public var forms: [RegionLevel: String] = [:]
    /// Short forms, written without the leading level character (发改委 for 省发改委).
    public var aliases: [String] = []
    public var kind = "unit"
    /// Another department (any of its forms or aliases) this one became, with the date.
    public var renamedTo: String?
    public var renamedDate: String?
    public var note: String?
    public var line: Int?

    /// The form at a level: county falls back to district's and back, zone to county's, the
    /// municipality to the city's (直辖市 name their departments 市XX局).
    public func form(_ level: RegionLevel) -> String {
        if let f = forms[level] { return f }
        switch level {
        case .county: return forms[.district] ?? name
        case .district: return forms[.county] ?? name
        case .zone: return forms[.county] ?? forms[.district] ?? name
        default: return name
        }
    }

    /// The full name in a region of a level.
    public func fullName(in region: String, level: RegionLevel) -> String {
        let f = form(level)
        return f.contains("{region}") ? f.replacingOccurrences(of: "{region}", with: region) : region + f
    }

    /// Every text a mention may hold after its level character or place name.
    public var bodies: [String] {
        var out: [String] = []
        for f in [name] + forms.keys.sorted(by: { $0.rawValue < $1.rawValue }).compactMap({ forms[$0] }) + aliases {
            let b = Self.body(of: f)
            if !b.isEmpty, !out.contains(b) { out.append(b) }
        }
        return out
    }

    /// What a form holds after `{region}` (`中共{region}委宣传部` → 委宣传部).
    static func body(of form: String) -> String {
        guard let r = form.range(of: "{region}") else { return form }
        return String(form[r.upperBound...])
    }

    /// What a form holds before `{region}` (中共, 国家税务总局): a full name may open with it.
    var leads: [String] {
        ([name] + Array(forms.values)).compactMap { f in
            guard let r = f.range(of: "{region}"), r.lowerBound > f.startIndex else { return nil }
            return String(f[..<r.lowerBound])
        }
    }
}

/// Department lookup: bodies → departments, and the region a mention's level names.
extension UnitRegistry {
    /// Each body of every department → the department's index (the first one listing it).
    struct DepartmentIndex {
        var byBody: [String: Int] = [:]
        /// Texts a full name may open with before the place (中共 …), longest first.
        var leads: [String] = []
    }

    func buildDepartmentIndex() -> DepartmentIndex {
        var ix = DepartmentIndex()
        for (i, dep) in departments.enumerated() {
            for b in dep.bodies where ix.byBody[b] == nil { ix.byBody[b] = i }
            for l in dep.leads where !ix.leads.contains(l) { ix.leads.append(l) }
        }
        ix.leads.sort { $0.count > $1.count }
        return ix
    }

    /// The region of a level seen from a document's region: itself, or its province or city
    /// as `regions:` records them, else as the national division list (GB/T 2260) places it
    /// (a county's 市XX局 is its own city's, a zone's 省XX厅 its province's).
    func region(at level: RegionLevel, from docRegion: String, docLevel: RegionLevel) -> String? {
        if level == docLevel { return docRegion }
        if let r = regions.first(where: { $0.name == docRegion }) {
            switch level {
            case .province: if let p = r.province { return p }
            case .city: if let c = r.city { return c }
            default: return nil
            }
        }
        let place = RegionResolver.shared.resolve(region: docRegion, issuer: nil, titles: [], lines: [])
        guard place.status == .resolved, place.path.count >= 2 else { return nil }
        switch level {
        case .province: return place.path[0]
        case .city: return place.path.count >= 3 || (place.level == .zone && place.path.count >= 2) ? place.path[1] : nil
        default: return nil
        }
    }

    /// A department mention resolved in a document of `docRegion`: a level character and a
    /// body (省财政局), or a place name and a body (福州市财政局, 中共福建省委宣传部).
    func resolveDepartment(_ raw: String, region docRegion: String?) -> Resolution? {
        guard !departments.isEmpty else { return nil }
        let ix = cache.departmentIndex { buildDepartmentIndex() }
        var name = raw
        for l in ix.leads where name.hasPrefix(l) && name.count > l.count + 1 { name = String(name.dropFirst(l.count)); break }
        // 1. The level's character: the document's own region, or its province or city.
        if let docRegion, let docLevel = RegionLevel.of(docRegion) {
            for p in RegionLevel.allPrefixes where name.hasPrefix(p) {
                guard let i = ix.byBody[String(name.dropFirst(p.count))],
                      let level = RegionLevel.named(by: p, from: docLevel),
                      let place = region(at: level, from: docRegion, docLevel: docLevel) else { continue }
                return departmentResolution(i, place: place, level: level, ix)
            }
            // A special zone's own bodies go without a level character (管委会).
            if docLevel == .zone, let i = ix.byBody[name] { return departmentResolution(i, place: docRegion, level: .zone, ix) }
        }
        // 2. A place name: two or more characters that a level suffix closes.
        let chars = Array(name)
        // No place opens with a level character or a word for "each/this", nor holds an organ's
        // character (市委市政府 is no place 市委市).
        guard chars.count >= 4, !"各相有其全本该我省市县区旗州盟".contains(chars[0]) else { return nil }
        for k in 3..<min(chars.count, 12) {
            if "委办局厅府部".contains(chars[k - 1]) { break }
            guard "省市县区旗州盟".contains(chars[k - 1]) else { continue }
            let place = String(chars[..<k])
            guard let i = ix.byBody[String(chars[k...])], let level = RegionLevel.of(place), level != .national else { continue }
            return departmentResolution(i, place: Self.place(place, level: level, in: docRegion), level: level, ix)
        }
        return nil
    }

    /// A county or district a city's document names lies in that city (通州区 in a Beijing
    /// plan is 北京市通州区); any other place stands as written.
    static func place(_ place: String, level: RegionLevel, in docRegion: String?) -> String {
        guard level == .county || level == .district, let docRegion, !place.hasPrefix(docRegion),
              let docLevel = RegionLevel.of(docRegion), docLevel == .city || docLevel == .municipality else { return place }
        return docRegion + place
    }

    /// A department's full name in a place, and its last successor there.
    func departmentResolution(_ i: Int, place: String, level: RegionLevel, _ ix: DepartmentIndex) -> Resolution {
        let dep = departments[i]
        var successor: String?
        var cur = dep, seen: Set<Int> = [i]
        while let to = cur.renamedTo, let next = ix.byBody[RegistryDepartment.body(of: to)], seen.insert(next).inserted {
            cur = departments[next]
            successor = cur.fullName(in: place, level: level)
        }
        return Resolution(canonical: dep.fullName(in: place, level: level), successor: successor, kind: dep.kind,
                          level: level.registryLevel, region: place)
    }
}

extension RegionLevel {
    /// The registry's level word (`RegistryUnit.levels`).
    var registryLevel: String {
        switch self {
        case .national: return "national"
        case .province, .municipality: return "provincial"
        case .city: return "municipal"
        case .county, .district, .zone: return "district"
        }
    }
}
