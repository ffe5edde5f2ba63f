import XCTest
import GazetteCore
import GazetteTestSupport

/// Crash safety and locking of `gazette run`, against the built binary.
final class PublishAtomicityTests: XCTestCase {
    /// SIGKILL at seeded random moments of a run that replaces an existing Output/: after
    /// every kill Output/ is byte-for-byte the old complete tree or the new complete one.
    func testKillNineAtRandomMomentsLeavesOldOrNewOutput() throws {
        let dir = try Fixtures.temporaryFolder("run"); defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try PublishHarness.makeCorpus(in: dir, variants: 4)
        let out = dir.appendingPathComponent("Output"), cache = dir.appendingPathComponent("cache")
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: out, cache: cache).status, 0)
        let old = try PublishHarness.tree(out)
        let pristine = dir.appendingPathComponent("OldCopy")
        try FileManager.default.copyItem(at: out, to: pristine)

        _ = try PublishHarness.makeCorpus(in: dir, variants: 2, from: 100)
        let reference = dir.appendingPathComponent("Reference/Output")
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: reference, cache: dir.appendingPathComponent("refcache")).status, 0)
        // Time one run exactly like the killed ones, so the kill moments cover every stage and the commit.
        let started = Date()
        XCTAssertEqual(try PublishHarness.run(corpus: corpus, output: out, cache: cache, extra: ["--full"]).status, 0)
        let duration = Date().timeIntervalSince(started)
        let new = try PublishHarness.tree(reference)
        XCTAssertNotEqual(old.count, new.count)

        var rng = SplitMix64(seed: 42)
        var sawOld = 0, sawNew = 0
        for round in 0..<10 {
            let delay = Double.random(in: 0.02...(duration * 1.3), using: &rng)
            // Every round starts from the old complete Output/.
            try FileManager.default.removeItem(at: out)
            try FileManager.default.copyItem(at: pristine, to: out)
            let p = try GazetteBinary.start(PublishHarness.runArgs(corpus: corpus, output: out, cache: cache) + ["--full"])
            usleep(useconds_t(delay * 1_000_000))
            p.signal(SIGKILL)
            _ = p.wait(timeout: 300)
            _ = try PublishHarness.checkComplete(out)
            let now = try PublishHarness.tree(out)
            if now == old { sawOld += 1 } else if now == new { sawNew += 1 } else {
                let diff = Set(now.keys).symmetricDifference(Set(new.keys)).sorted().prefix(5)
                XCTFail("round \(round) (kill after \(delay) s): Output/ is neither the old nor the new tree \(Array(diff))")
            }
        }
        XCTAssertEqual(sawOld + sawNew, 10)
        print("kill rounds: \(sawOld) left the old tree, \(sawNew) the new one (run of \(String(format: "%.2f", duration)) s)")
        // A run to completion afterwards publishes the new tree and removes leftovers of killed runs.
        let r = try PublishHarness.run(corpus: corpus, output: out, cache: cache)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try PublishHarness.tree(out), new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".staging-") || $0.contains(".old-") }
        XCTAssertEqual(leftovers, [])
    }

    func testSecondRunExitsThreeWhileTheLockIsHeldAndWaitWaits() throws {
        let dir = try Fixtures.temporaryFolder("run"); defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try PublishHarness.makeCorpus(in: dir, variants: 1)
        let out = dir.appendingPathComponent("Output"), cache = dir.appendingPathComponent("cache")
        let lock = RunLock(output: out)
        try lock.acquire(wait: false)
        let t0 = Date()
        let r = try PublishHarness.run(corpus: corpus, output: out, cache: cache)
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(t0), 10, "the loser must exit at once")
        XCTAssertTrue(r.stderr.contains("another gazette run holds the lock (pid \(getpid()))"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let p = try GazetteBinary.start(PublishHarness.runArgs(corpus: corpus, output: out, cache: cache) + ["--wait"])
        usleep(1_500_000)
        XCTAssertTrue(p.isRunning, "--wait must block while the lock is held")
        lock.release()
        let w = p.wait(timeout: 300)
        XCTAssertEqual(w.status, 0, w.stderr)
        XCTAssertTrue(w.stderr.contains("waiting for the lock held by another gazette run (pid \(getpid()))"), w.stderr)
        _ = try PublishHarness.checkComplete(out)
    }

    func testTwoRunsAtOnceOneExitsThree() throws {
        let dir = try Fixtures.temporaryFolder("run"); defer { try? FileManager.default.removeItem(at: dir) }
        // Enough documents that the first run is still going when the second starts, even on an idle machine.
        let corpus = try PublishHarness.makeCorpus(in: dir, variants: 24)
        let out = dir.appendingPathComponent("Output"), cache = dir.appendingPathComponent("cache")
        let args = PublishHarness.runArgs(corpus: corpus, output: out, cache: cache)
        let a = try GazetteBinary.start(args + ["--full"])
        // Wait until the first run holds the lock (it writes its pid into the lock file).
        let lockFile = dir.appendingPathComponent(".Output.lock")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && (try? String(contentsOf: lockFile, encoding: .utf8))?.contains("\(a.pid)") != true { usleep(5_000) }
        let b = try GazetteBinary.start(args)
        let rb = b.wait(timeout: 300), ra = a.wait(timeout: 300)
        XCTAssertEqual(ra.status, 0, ra.stderr)
        XCTAssertEqual(rb.status, 3, rb.stderr)
        XCTAssertTrue(rb.stderr.contains("another gazette run holds the lock"), rb.stderr)
        _ = try PublishHarness.checkComplete(out)
    }
}
