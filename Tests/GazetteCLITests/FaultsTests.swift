import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
import GazetteTestSupport

/// Faults while publishing: a full or read-only file system, signals, a killed run, a
/// corrupted cache entry. After each, Output/ is the old complete tree or the new one,
/// never a mixture, and the next run works.
final class FaultsTests: XCTestCase {
    var root: URL!
    var mounted: URL?

    override func setUpWithError() throws {
        root = try Fixtures.temporaryFolder("faults")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
        for i in 0..<6 { try addDocument(i) }
        try config(output: "Output")
    }

    override func tearDownWithError() throws {
        if let m = mounted { _ = umount2(m.path, Int32(MNT_DETACH)) }
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func addDocument(_ i: Int) throws {
        try SyntheticPlan.plan(seed: 500 + UInt64(i), sections: 4, clauses: 6)
            .write(to: root.appendingPathComponent("Corpus/plan-\(i).txt"), atomically: true, encoding: .utf8)
    }

    func config(output: String) throws {
        try "corpus: Corpus\noutput: \(output)\ncache: cache\n".write(to: root.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
    }

    func gazette(_ extra: [String] = [], env: [String: String] = [:]) throws -> ProgramResult {
        try GazetteBinary.run(["run", "--config", "pipeline.yml", "--quiet"] + extra, in: root, environment: env)
    }

    /// No staging or half-swapped folder left beside `output`.
    func assertNoLeftovers(_ output: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        XCTAssertEqual(names.filter { $0.contains(".staging-") || $0.contains(".old-") }, [], file: file, line: line)
    }

    func assertLockFree(_ output: URL, file: StaticString = #filePath, line: UInt = #line) {
        let lock = output.deletingLastPathComponent().appendingPathComponent("." + output.lastPathComponent + ".lock")
        let fd = open(lock.path, O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0, "the lock must be free", file: file, line: line)
        flock(fd, LOCK_UN); close(fd)
    }

    // MARK: write failures

    func testInjectedWriteFailuresLeaveOutputIntact() throws {
        let output = root.appendingPathComponent("Output")
        XCTAssertEqual(try gazette().status, 0)
        let before = Gazette.treeDigest(output)
        try addDocument(10)
        for fault in ["publish-write", "publish-write:EROFS", "before-commit"] {
            let r = try gazette(env: ["GAZETTE_FAULT": fault])
            XCTAssertEqual(r.status, 4, "\(fault): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("Output/ left as it was"), r.stderr)
            XCTAssertEqual(Gazette.treeDigest(output), before, "\(fault) must leave the old tree")
            try assertNoLeftovers(output)
            assertLockFree(output)
        }
        XCTAssertEqual(try gazette().status, 0, "the next run publishes")
        XCTAssertNotEqual(Gazette.treeDigest(output), before)
    }

    /// A real full file system (tmpfs, when this process may mount) and a read-only one.
    /// 16 MiB: room for the old Output/ and a staging copy of every format side by side.
    func testFullAndReadOnlyFileSystem() throws {
        let mnt = root.appendingPathComponent("mnt")
        try FileManager.default.createDirectory(at: mnt, withIntermediateDirectories: true)
        guard mount("tmpfs", mnt.path, "tmpfs", 0, "size=16m") == 0 else {
            throw XCTSkip("cannot mount a tmpfs here (\(String(cString: strerror(errno)))); the injected faults cover this case")
        }
        mounted = mnt
        try config(output: "mnt/Output")
        let output = mnt.appendingPathComponent("Output")
        XCTAssertEqual(try gazette().status, 0)
        let before = Gazette.treeDigest(output)

        // Full: fill the file system but for a few KiB, then publish more documents.
        var st = statvfs(); statvfs(mnt.path, &st)
        let free = Int(st.f_bavail) * Int(st.f_bsize)
        let filler = mnt.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: Data(count: max(0, free - 16 * 1024)))
        for i in 20..<26 { try addDocument(i) }
        let full = try gazette()
        XCTAssertEqual(full.status, 4, "ENOSPC is an internal failure: \(full.stderr)")
        XCTAssertEqual(Gazette.treeDigest(output), before, "a full disk leaves the old tree")
        try assertNoLeftovers(output)
        assertLockFree(output)
        try FileManager.default.removeItem(at: filler)
        XCTAssertEqual(try gazette().status, 0, "with space again the run publishes")
        let after = Gazette.treeDigest(output)
        XCTAssertNotEqual(after, before)

        // Read-only: nothing can be written, not even the lock.
        XCTAssertEqual(mount("tmpfs", mnt.path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), "size=16m"), 0)
        try addDocument(30)
        let ro = try gazette()
        XCTAssertEqual(ro.status, 4, ro.stderr)
        XCTAssertEqual(Gazette.treeDigest(output), after)
        XCTAssertEqual(mount("tmpfs", mnt.path, "tmpfs", UInt(MS_REMOUNT), "size=16m"), 0)
        XCTAssertEqual(try gazette().status, 0)
    }

    // MARK: signals

    func waitFor(_ what: String, timeout: Double = 60, _ condition: () -> Bool) {
        let end = Date().addingTimeInterval(timeout)
        while !condition() && Date() < end { usleep(50_000) }
        XCTAssertTrue(condition(), "timed out waiting for \(what)")
    }

    func stagingExists() -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).contains { $0.hasPrefix(".Output.staging-") }
    }

    func testSIGINTAndSIGTERMStopCleanly() throws {
        let output = root.appendingPathComponent("Output")
        XCTAssertEqual(try gazette().status, 0)
        let before = Gazette.treeDigest(output)
        for i in 40..<50 { try addDocument(i) }
        // While documents are processed, and while the new tree is being written.
        for (sig, delay, when) in [(SIGINT, "process=400", "processing"), (SIGTERM, "publish=4000", "publishing")] {
            let p = try GazetteBinary.start(["run", "--config", "pipeline.yml", "--quiet"], in: root,
                                      environment: ["GAZETTE_FAULT_DELAY": delay])
            if when == "publishing" { waitFor("the staging folder", stagingExists) } else { usleep(1_500_000) }
            kill(p.process.processIdentifier, sig)
            let r = p.wait()
            XCTAssertNotEqual(r.status, 0, "signal \(sig) while \(when)")
            XCTAssertTrue(r.stderr.contains("interrupted"), r.stderr)
            XCTAssertEqual(Gazette.treeDigest(output), before, "signal \(sig) while \(when) leaves the old tree")
            try assertNoLeftovers(output)
            assertLockFree(output)
        }
        XCTAssertEqual(try gazette().status, 0)
    }

    func testSIGKILLThenNextRunRecovers() throws {
        let output = root.appendingPathComponent("Output")
        XCTAssertEqual(try gazette().status, 0)
        let before = Gazette.treeDigest(output)
        for i in 60..<64 { try addDocument(i) }
        let p = try GazetteBinary.start(["run", "--config", "pipeline.yml", "--quiet"], in: root,
                                  environment: ["GAZETTE_FAULT_DELAY": "publish=5000"])
        waitFor("the staging folder", stagingExists)
        kill(p.process.processIdentifier, SIGKILL)
        _ = p.wait()
        XCTAssertTrue(stagingExists(), "a killed run leaves its staging folder behind")
        XCTAssertEqual(Gazette.treeDigest(output), before, "…but Output/ is the old tree")
        assertLockFree(output)   // the kernel released the flock
        let next = try gazette()
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertFalse(stagingExists(), "the next run removes the stale staging folder")
        let manifest = try Gazette.manifest(output)
        XCTAssertEqual(manifest.count, 10)
        XCTAssertTrue(manifest.values.allSatisfy { $0.status == "published" })
    }

    // MARK: cache

    func testCorruptedCacheEntryIsDetectedAndRecomputed() throws {
        XCTAssertEqual(try gazette().status, 0)
        // Damage the body of one structured document's record in the cache's pack.
        let packs = root.appendingPathComponent("cache/packs")
        let names = try FileManager.default.contentsOfDirectory(atPath: packs.path).filter { $0.hasSuffix(".pack") }
        XCTAssertEqual(names.count, 1)
        let victim = packs.appendingPathComponent(names[0])
        var bytes = Array(try Data(contentsOf: victim))
        let records = Self.records(bytes)
        XCTAssertEqual(records.filter { $0.kind == 1 }.count, 6, "one document record per published document")
        let target = try XCTUnwrap(records.first { $0.kind == 1 })
        let mid = target.body + target.length / 2
        bytes[mid] ^= 0x20
        try Data(bytes).write(to: victim)

        // Another output folder, so the run cannot take the nothing-changed shortcut.
        try config(output: "Output2")
        let r = try GazetteBinary.run(["run", "--config", "pipeline.yml"], in: root)
        XCTAssertEqual(r.status, 0, r.stderr)
        // The run says how many inputs it processed anew (summary line or log line).
        let said = (r.stdout + "\n" + r.stderr).range(of: #"\b1 (of \d+ inputs )?processed anew"#, options: .regularExpression)
        XCTAssertNotNil(said, "only the corrupted entry is recomputed:\n\(r.stdout)\n\(r.stderr)")
        let rewritten = try FileManager.default.contentsOfDirectory(atPath: packs.path).filter { $0.hasSuffix(".pack") }
        XCTAssertEqual(rewritten.count, 2, "the recomputed entry is in the second run's pack: \(rewritten)")
        for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Output/documents").path) {
            XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("Output/documents/" + name)),
                           try Data(contentsOf: root.appendingPathComponent("Output2/documents/" + name)), name)
        }
    }

    /// Kind, body offset and body length of every record of a cache pack (the layout of `CachePacks`).
    static func records(_ b: [UInt8]) -> [(kind: UInt8, body: Int, length: Int)] {
        func u32(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24 }
        var out: [(kind: UInt8, body: Int, length: Int)] = []
        var at = 0
        while at + 20 <= b.count {
            let keyLength = Int(b[at + 5]), length = u32(at + 8)
            out.append((b[at + 4], at + 20 + keyLength, length))
            at += 20 + keyLength + length
        }
        return out
    }
}
