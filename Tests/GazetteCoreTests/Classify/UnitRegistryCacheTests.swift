import XCTest
import Foundation
@testable import GazetteCore

/// The registry's memoised lookup tables: the same answers as a fresh registry, from any
/// thread, and never stale after the registry changes.
final class UnitRegistryCacheTests: XCTestCase {
    static let names = UnitRegistryTests.beijingGold + ["北京市发展改革委", "市发展改革委", "济南市教育局", "历下区政府",
                                                       "某某街道办事处", "国家发改委", "有关部门", "不存在的单位"]
    static let regions: [String?] = ["北京市", "济南市", "上海市", nil, "无此地区"]

    /// A registry whose tables have never been built (a fresh copy of the data).
    func fresh(_ reg: UnitRegistry) -> UnitRegistry {
        var r = UnitRegistry(regions: reg.regions, units: reg.units, patterns: reg.patterns, departments: reg.departments)
        r.file = reg.file
        return r
    }

    func testConcurrentLookupsMatchSequentialOnes() throws {
        let reg = try ClassifyFixtures.repositoryClassifier().registry
        let pairs = Self.regions.flatMap { r in Self.names.map { ($0, r) } }
        let sequential = pairs.map { fresh(reg).resolve(name: $0.0, region: $0.1) }
        let shared = fresh(reg)
        let lock = NSLock()
        var concurrent = [UnitRegistry.Resolution?](repeating: nil, count: pairs.count)
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            for i in pairs.indices {
                let j = (i * 7 + k * 13) % pairs.count   // each worker in its own order
                let r = shared.resolve(name: pairs[j].0, region: pairs[j].1)
                lock.lock(); defer { lock.unlock() }
                if let seen = concurrent[j] { XCTAssertEqual(seen, r, "\(pairs[j])") } else { concurrent[j] = r }
            }
        }
        XCTAssertEqual(concurrent.map { $0! }, sequential)
        XCTAssertEqual(sequential[Self.names.firstIndex(of: "市发展改革委")!].canonical, "北京市发展和改革委员会")
    }

    func testChangingTheRegistryDropsItsTables() throws {
        var reg = try ClassifyFixtures.repositoryClassifier().registry
        XCTAssertEqual(reg.resolve(name: "市测试办", region: "北京市").kind, "unresolved")
        reg.units.append(RegistryUnit(name: "{city}测试办公室", aliases: ["市测试办"], region: nil, level: "municipal", kind: "unit"))
        XCTAssertEqual(reg.resolve(name: "市测试办", region: "北京市").canonical, "北京市测试办公室")
        XCTAssertEqual(reg.resolve(name: "市测试办", region: "济南市").canonical, "济南市测试办公室")
    }
}
