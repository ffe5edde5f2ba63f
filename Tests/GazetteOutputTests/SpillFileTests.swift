import XCTest
@testable import GazetteOutput

/// Records put aside on disk come back byte for byte, from any thread, and leave nothing behind.
final class SpillFileTests: XCTestCase {
    var folder: URL!
    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func records(_ n: Int) -> [[UInt8]] {
        (0..<n).map { i in (0..<(i * 37 % 5000)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) } }
    }

    func testRecordsComeBackAsWrittenAndTheFileIsGoneFromTheFolder() throws {
        let file = SpillFile(folder: folder, name: "t")
        let all = records(300)
        let refs = all.map { file.append($0) }
        XCTAssertEqual(file.diskBytes, all.reduce(0) { $0 + $1.count }, "on disk, not in memory")
        for (r, bytes) in zip(refs, all).reversed() { XCTAssertEqual(try file.read(r), bytes) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "unlinked when opened")
    }

    func testAppendsFromManyThreadsKeepEveryRecordWhole() throws {
        let file = SpillFile(folder: folder)
        let all = records(2000)
        var refs = [SpillFile.Ref?](repeating: nil, count: all.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: all.count) { i in
            let r = file.append(all[i])
            lock.lock(); refs[i] = r; lock.unlock()
        }
        for i in all.indices { XCTAssertEqual(try file.read(refs[i]!), all[i]) }
    }

    func testWithoutAFolderRecordsStayInMemory() throws {
        let file = SpillFile(folder: nil)
        let all = records(50)
        let refs = all.map { file.append($0) }
        XCTAssertEqual(file.diskBytes, 0)
        for (r, bytes) in zip(refs, all) { XCTAssertEqual(try file.read(r), bytes) }
    }

    func testACutFileIsAnErrorNotGarbage() throws {
        let file = SpillFile(folder: folder)
        let ref = file.append([1, 2, 3])
        XCTAssertThrowsError(try file.read(SpillFile.Ref(offset: ref.offset, length: 10)))
    }
}
