import GazetteModel

/// The unit mentions nothing in the registry resolved, grouped by the region of the
/// documents they occur in: what `gazette check` warns about and what the site's
/// `unit/unresolved.html` lists for editors.
public struct UnresolvedUnits: Sendable {
    /// One name in one region: how often it occurs and in which documents (first seen first).
    public struct Entry: Sendable, Equatable {
        public var region: String
        public var name: String
        public var count: Int
        public var documents: [String]
    }

    /// What a region is listed under when the document has none.
    public static let noRegion = "（地区不详）"

    private var entries: [String: Entry] = [:]
    private var docSets: [String: Set<String>] = [:]

    public init() {}

    /// Whether a mention is unresolved (its kind says so, or it has no canonical name).
    public static func isUnresolved(_ u: UnitMention) -> Bool {
        u.kind == UnitRegistry.unresolved || u.canonical == nil
    }

    /// Adds a document's unresolved mentions; `document` is how the list names it.
    public mutating func add(_ doc: Document, as document: String) {
        for c in doc.clauses {
            for u in c.units where Self.isUnresolved(u) { add(name: u.name, region: doc.region, document: document) }
        }
        for u in doc.issuerUnits where Self.isUnresolved(u) { add(name: u.name, region: doc.region, document: document) }
    }

    public mutating func add(name: String, region: String?, document: String) {
        let region = region ?? Self.noRegion
        let key = region + "\u{1}" + name
        var e = entries[key] ?? Entry(region: region, name: name, count: 0, documents: [])
        e.count += 1
        if docSets[key, default: []].insert(document).inserted { e.documents.append(document) }
        entries[key] = e
    }

    public mutating func merge(_ other: UnresolvedUnits) {
        for (key, e) in other.entries {
            var mine = entries[key] ?? Entry(region: e.region, name: e.name, count: 0, documents: [])
            mine.count += e.count
            for d in e.documents where docSets[key, default: []].insert(d).inserted { mine.documents.append(d) }
            entries[key] = mine
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
    /// Mentions in all.
    public var total: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// Entries by region, then most frequent first, then by name.
    public var list: [Entry] {
        entries.values.sorted { a, b in
            if a.region != b.region { return a.region < b.region }
            if a.count != b.count { return a.count > b.count }
            return a.name < b.name
        }
    }

    /// `list` cut into regions, in order.
    public var byRegion: [(region: String, entries: [Entry])] {
        var out: [(region: String, entries: [Entry])] = []
        for e in list {
            if out.last?.region == e.region { out[out.count - 1].entries.append(e) } else { out.append((e.region, [e])) }
        }
        return out
    }
}
