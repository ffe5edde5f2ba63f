import Foundation

/// Memoised lookup state of a `UnitRegistry`: per region, every name and alias mapped to
/// the entry a lookup would pick (templates expanded once), the patterns' compiled regular
/// expressions, and the resolutions already computed.
///
/// Built lazily, one region at a time, under a lock: the pipeline classifies documents on
/// several threads with one registry. A registry makes a fresh cache whenever its
/// `regions`, `units` or `patterns` change, so the cache never outlives the data it was
/// built from.
final class UnitRegistryCache: @unchecked Sendable, Equatable {
    /// One region's view of the registry: its `{city}`/`{province}` variables and, for each
    /// name or alias, the index of the first entry (in lookup priority) that it denotes.
    struct RegionTable {
        let vars: [String: String]
        let index: [String: Int]
    }

    struct Key: Hashable {
        let name: String
        let region: String?
    }

    private let lock = NSLock()
    private var tables: [String?: RegionTable] = [:]
    private var regexes: [NSRegularExpression?]? = nil
    private var resolutions: [Key: UnitRegistry.Resolution] = [:]
    private var departments: UnitRegistry.DepartmentIndex?

    init() {}

    /// A cache holds no data of its own: it never makes two registries differ.
    static func == (a: UnitRegistryCache, b: UnitRegistryCache) -> Bool { true }

    func table(_ region: String?, build: () -> RegionTable) -> RegionTable {
        lock.lock(); defer { lock.unlock() }
        if let t = tables[region] { return t }
        let t = build()
        tables[region] = t
        return t
    }

    func patternRegexes(build: () -> [NSRegularExpression?]) -> [NSRegularExpression?] {
        lock.lock(); defer { lock.unlock() }
        if let r = regexes { return r }
        let r = build()
        regexes = r
        return r
    }

    func departmentIndex(build: () -> UnitRegistry.DepartmentIndex) -> UnitRegistry.DepartmentIndex {
        lock.lock(); defer { lock.unlock() }
        if let d = departments { return d }
        let d = build()
        departments = d
        return d
    }

    func resolution(_ key: Key) -> UnitRegistry.Resolution? {
        lock.lock(); defer { lock.unlock() }
        return resolutions[key]
    }

    func store(_ r: UnitRegistry.Resolution, for key: Key) {
        lock.lock(); defer { lock.unlock() }
        resolutions[key] = r
    }
}
