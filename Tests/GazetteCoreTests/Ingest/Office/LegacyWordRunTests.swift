import Foundation
import XCTest
import GazetteTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `gazette run` over legacy office files: every file published or rejected with its reason
/// in the manifest, and a killed run leaves no converter running.
final class LegacyWordRunTests: XCTestCase {
    var work: URL!
    override func setUpWithError() throws { work = try Fixtures.temporaryFolder("legacy-run") }
    override func tearDownWithError() throws { if let work { try? FileManager.default.removeItem(at: work) } }

    func testManifestGivesEachFileItsReason() throws {
        try LegacyWordFixtures.requireAntiword()
        let corpus = work.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let doc = try LegacyWordFixtures.bytes("003_5e563d7ae628c257.doc")
        let files: [String: [UInt8]] = [
            "plan.doc": doc,
            "plan-copy.wps": try LegacyWordFixtures.bytes("d002.doc"),
            "truncated.doc": Array(doc.prefix(doc.count / 2)),
            "encrypted.doc": try XCTUnwrap(LegacyWordFixtures.encrypted(doc)),
            "old.wps": LegacyWordFixtures.renamingStream(doc, "WordDocument", to: "KsoWpsStream"),
            "short.doc": try LegacyWordFixtures.bytes("features/short.doc"),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: corpus.appendingPathComponent(name)) }
        let out = work.appendingPathComponent("out")
        let r = try GazetteBinary.run(["run", "--config", "pipeline.yml", "--corpus", corpus.path, "--output", out.path,
                                       "--cache", work.appendingPathComponent("cache").path, "--full", "--quiet"])
        XCTAssertTrue(r.status == 0 || r.status == 1, r.stderr)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any]
        let inputs = manifest?["inputs"] as? [[String: Any]] ?? []
        var outcome: [String: String] = [:]
        for i in inputs {
            let name = (i["path"] as? String ?? "").components(separatedBy: "/").last ?? ""
            let reason = (i["reason"] as? String)?.components(separatedBy: ":").first
            outcome[name] = reason ?? (i["status"] as? String ?? "")
        }
        XCTAssertEqual(outcome, ["plan.doc": "published", "plan-copy.wps": "published", "truncated.doc": "doc-damaged",
                                 "encrypted.doc": "doc-encrypted", "old.wps": "wps-unsupported-version", "short.doc": "doc-too-small"])
    }

    /// SIGKILL to gazette mid-conversion: the converter dies with it (PR_SET_PDEATHSIG) and
    /// no copy of the input is left in the temporary folder (it was unlinked when made).
    func testKilledRunLeavesNoConverterOrCopy() throws {
        let corpus = work.appendingPathComponent("corpus"), temp = work.appendingPathComponent("tmp")
        for d in [corpus, temp] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        try Data(try LegacyWordFixtures.bytes("003_5e563d7ae628c257.doc")).write(to: corpus.appendingPathComponent("a.doc"))
        let pidFile = work.appendingPathComponent("converter.pid")
        let fake = try LegacyWordFixtures.fakeConverter("echo $$ > \(pidFile.path); exec sleep 60", in: work)
        let run = try GazetteBinary.start(["run", "--config", "pipeline.yml", "--corpus", corpus.path,
                                           "--output", work.appendingPathComponent("out").path,
                                           "--cache", work.appendingPathComponent("cache").path, "--full", "--quiet"],
                                          environment: ["GAZETTE_ANTIWORD": fake, "TMPDIR": temp.path])
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: pidFile.path) && Date() < deadline && run.isRunning { usleep(20_000) }
        let pid = try XCTUnwrap(Int32((try? String(contentsOf: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""),
                                "the converter never started")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.hasPrefix("gazette-office-") }, [],
                       "the copy is unlinked while the converter runs")
        run.signal(SIGKILL)
        _ = run.wait(timeout: 30)
        XCTAssertFalse(LegacyWordFixtures.stillRuns(pid), "converter \(pid) outlived the killed run")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.hasPrefix("gazette-office-") }, [])
    }
}
