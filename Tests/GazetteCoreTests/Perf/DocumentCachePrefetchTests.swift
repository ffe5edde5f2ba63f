import Foundation
import GazetteModel
import XCTest
@testable import GazetteCore

/// The cache's store result and the publish stage's read-ahead (`ReadAhead`) of cache entries.
final class DocumentCachePrefetchTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func entry(_ i: Int) -> ProcessedDocument {
        let doc = Document(id: "d\(i)", source: Source(path: "Corpus/d\(i).txt", sha256: "s\(i)", format: "txt", encoding: "utf-8"),
                           text: "第\(i)号文件")
        return ProcessedDocument(document: doc, clauses: ClauseSignatures.make(for: doc, settings: DedupSettings()))
    }

    func testStoreReportsSuccessAndFailure() throws {
        let cache = DocumentCache(root: root)
        XCTAssertTrue(cache.store(entry(1), key: "k1"))
        XCTAssertEqual(cache.load("k1")?.document.id, "d1")
        // A cache folder that is a file cannot hold entries: store must say so.
        let blocked = root.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocked)
        XCTAssertFalse(DocumentCache(root: blocked).store(entry(2), key: "k2"))
    }

    func testDeliversEveryEntryInOrderWithGapsAndCorruptEntries() throws {
        let cache = DocumentCache(root: root)
        var keys: [String?] = []
        for i in 0..<50 {
            if i % 7 == 3 { keys.append(nil); continue }           // held in memory: nothing to load
            XCTAssertTrue(cache.store(entry(i), key: "k\(i)"))
            keys.append("k\(i)")
        }
        // A corrupt entry (checksum mismatch) comes back as nil, not as a wrong document.
        let bad = try XCTUnwrap(cache.packs.location(.init(key: "k11", kind: .document)))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: bad.path))
        bytes[bad.offset + bad.length - 3] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: bad.path))
        for threads in [1, 2, 4] {
            let p = ReadAhead(count: keys.count, threads: threads, depth: 3) { keys[$0].flatMap { cache.load($0) } }
            for i in 0..<keys.count {
                let got = p.take(i) ?? nil
                if keys[i] == nil || i == 11 { XCTAssertNil(got, "entry \(i)") } else { XCTAssertEqual(got?.document.id, "d\(i)") }
            }
            p.cancel()
        }
    }

    func testCancelStopsAConsumerThatLeavesEarly() {
        let cache = DocumentCache(root: root)
        for i in 0..<20 { cache.store(entry(i), key: "k\(i)") }
        let p = ReadAhead(count: 20, threads: 2, depth: 2) { cache.load("k\($0)") }
        XCTAssertEqual((p.take(0) ?? nil)?.document.id, "d0")
        p.cancel()
        // After cancel, take returns at once instead of waiting for entries nobody loads.
        let done = expectation(description: "take returns")
        DispatchQueue.global().async { _ = p.take(15); done.fulfill() }
        wait(for: [done], timeout: 5)
    }

    /// The producers run `niceness` steps below the consumer's thread (Linux: per thread),
    /// which keeps its own priority.
    func testProducersRunAtALowerPriority() {
        let own = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let p = ReadAhead(count: 8, threads: 2, depth: 2, niceness: 3) { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        for i in 0..<8 { XCTAssertEqual(p.take(i), min(19, own + 3), "value \(i)") }
        p.cancel()
        XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), own, "the consumer's priority is unchanged")
        let plain = ReadAhead(count: 2, threads: 1, depth: 1) { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        XCTAssertEqual(plain.take(0), own)
        plain.cancel()
    }

    /// Producers write into folders the caller removes after `cancel()`: nothing may still run then.
    func testCancelWaitsForValuesBeingProduced() {
        let lock = NSLock()
        var active = 0, finished = 0
        let p = ReadAhead(count: 50, threads: 2, depth: 4) { i -> Int in
            lock.lock(); active += 1; lock.unlock()
            usleep(100_000)
            lock.lock(); active -= 1; finished += 1; lock.unlock()
            return i
        }
        XCTAssertEqual(p.take(0), 0)
        p.cancel()
        lock.lock(); defer { lock.unlock() }
        XCTAssertEqual(active, 0, "a producer was still running after cancel()")
        XCTAssertLessThan(finished, 50, "cancel() stopped the rest")
    }
}
