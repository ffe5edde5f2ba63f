import Foundation
import XCTest
@testable import GazetteCore

/// The cache's pack files: records come back as written, across processes (instances) and
/// threads; torn and damaged records are missing, never wrong; compaction keeps exactly what
/// the run used.
final class CachePacksTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-packs-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func name(_ k: String, _ kind: CachePacks.Kind = .summary) -> CachePacks.Name { .init(key: k, kind: kind) }
    func body(_ i: Int, size: Int = 300) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) } }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
    func write(_ b: [UInt8], _ path: String) throws { try Data(b).write(to: URL(fileURLWithPath: path)) }

    func testRecordsComeBackInThisAndLaterInstancesAndLaterWritesWin() throws {
        let a = CachePacks(folder: folder)
        XCTAssertNil(a.read(name("x")), "nothing before the first write")
        XCTAssertTrue(a.write(name("x"), body: body(1)))
        XCTAssertTrue(a.write(name("x", .document), body: body(2, size: 70_000)))
        XCTAssertTrue(a.write(name("y"), body: []))
        XCTAssertEqual(a.read(name("x")), body(1))
        XCTAssertEqual(a.read(name("x", .document)), body(2, size: 70_000), "kinds are separate records")
        XCTAssertEqual(a.read(name("y")), [])
        XCTAssertTrue(a.write(name("x"), body: body(3)))
        XCTAssertEqual(a.read(name("x")), body(3), "the later record replaces the earlier")

        let b = CachePacks(folder: folder)
        XCTAssertEqual(b.read(name("x")), body(3))
        XCTAssertEqual(b.read(name("x", .document)), body(2, size: 70_000))
        XCTAssertTrue(b.write(name("z"), body: body(4)))
        XCTAssertEqual(b.packPaths().count, 2, "each instance appends to a pack of its own")
        XCTAssertEqual(CachePacks(folder: folder).read(name("z")), body(4))
        XCTAssertFalse(a.write(name(String(repeating: "k", count: 256)), body: body(5)), "keys are at most 255 bytes")
    }

    func testWritesFromManyThreadsAllComeBack() {
        let packs = CachePacks(folder: folder)
        DispatchQueue.concurrentPerform(iterations: 400) { i in
            XCTAssertTrue(packs.write(name("k\(i)"), body: body(i, size: 50 + i * 7)))
        }
        let fresh = CachePacks(folder: folder)
        for i in 0..<400 { XCTAssertEqual(fresh.read(name("k\(i)")), body(i, size: 50 + i * 7), "k\(i)") }
    }

    func testTornTailAndDamageLeaveRecordsMissingNotWrong() throws {
        let a = CachePacks(folder: folder)
        for i in 0..<5 { a.write(name("k\(i)"), body: body(i)) }
        let path = a.packPaths()[0]
        // A killed writer: the last record cut short.
        var b = try bytes(path)
        b.removeLast(10)
        try write(b, path)
        let cut = CachePacks(folder: folder)
        for i in 0..<4 { XCTAssertEqual(cut.read(name("k\(i)")), body(i)) }
        XCTAssertNil(cut.read(name("k4")))
        // A flipped bit in a body: that record is missing, its neighbours are not.
        let loc = try XCTUnwrap(cut.location(name("k1")))
        b[loc.offset + loc.length / 2] ^= 0x04
        try write(b, path)
        let flipped = CachePacks(folder: folder)
        XCTAssertNil(flipped.read(name("k1")))
        XCTAssertEqual(flipped.read(name("k0")), body(0))
        XCTAssertEqual(flipped.read(name("k2")), body(2))
        // A damaged header ends its pack's scan; records after it are missing, before it kept.
        let h = try XCTUnwrap(flipped.location(name("k2"))).offset - CachePacks.headerSize - 2
        b[h + 9] ^= 0x01   // the body length
        try write(b, path)
        let header = CachePacks(folder: folder)
        XCTAssertEqual(header.read(name("k0")), body(0))
        XCTAssertNil(header.read(name("k2")))
        XCTAssertNil(header.read(name("k3")))
        // The next writer starts a pack of its own, unharmed by the damage.
        XCTAssertTrue(header.write(name("k3"), body: body(33)))
        XCTAssertEqual(CachePacks(folder: folder).read(name("k3")), body(33))
    }

    func testCompactionKeepsWhatTheRunUsedAndDeletesTheRest() throws {
        let old = CachePacks(folder: folder)
        for i in 0..<10 { old.write(name("k\(i)"), body: body(i, size: 1000)) }
        let dead = CachePacks(folder: folder)
        for i in 0..<3 { dead.write(name("d\(i)"), body: body(i)) }
        XCTAssertEqual(CachePacks(folder: folder).packPaths().count, 2)

        // The run uses three records of the first pack (most of it stale) and writes one.
        let run = CachePacks(folder: folder)
        for i in [1, 4, 7] { XCTAssertNotNil(run.read(name("k\(i)"))) }
        run.write(name("new"), body: body(99))
        run.compact()
        let paths = run.packPaths()
        XCTAssertEqual(paths.count, 1, "stale packs are gone: \(paths)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, 1)
        let after = CachePacks(folder: folder)
        for i in [1, 4, 7] { XCTAssertEqual(after.read(name("k\(i)")), body(i, size: 1000)) }
        XCTAssertEqual(after.read(name("new")), body(99))
        for i in [0, 2, 3, 5, 6, 8, 9] { XCTAssertNil(after.read(name("k\(i)"))) }
        XCTAssertNil(after.read(name("d0")))

        // A run that used most of a pack leaves it as it is.
        let keep = CachePacks(folder: folder)
        for i in [1, 4, 7] { XCTAssertNotNil(keep.read(name("k\(i)"))) }
        XCTAssertNotNil(keep.read(name("new")))
        keep.compact()
        XCTAssertEqual(keep.packPaths(), paths)
    }

    func testCompactionMergesTheSmallestPacksBeyondTheLimit() {
        for i in 0..<(CachePacks.maxPacks + 3) { CachePacks(folder: folder).write(name("k\(i)"), body: body(i, size: 100 + i)) }
        let run = CachePacks(folder: folder)
        for i in 0..<(CachePacks.maxPacks + 3) { XCTAssertNotNil(run.read(name("k\(i)"))) }
        run.compact()
        XCTAssertEqual(run.packPaths().count, CachePacks.maxPacks)
        let after = CachePacks(folder: folder)
        for i in 0..<(CachePacks.maxPacks + 3) { XCTAssertEqual(after.read(name("k\(i)")), body(i, size: 100 + i)) }
    }
}
