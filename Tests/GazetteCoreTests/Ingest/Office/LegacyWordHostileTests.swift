import Foundation
import XCTest
@testable import GazetteCore
import GazetteTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Hostile `.doc`/`.wps` files and converters: each a rejection with its reason, within
/// its limits, with no process, zombie or temporary file left behind.
final class LegacyWordHostileTests: XCTestCase {
    var work: URL!
    override func setUpWithError() throws { work = try Fixtures.temporaryFolder("legacy-word") }
    override func tearDownWithError() throws { if let work { try? FileManager.default.removeItem(at: work) } }

    func reject(_ bytes: [UInt8], format: OfficeFormat = .doc, antiword: String? = nil, limits: ConverterLimits = ConverterLimits(),
                file: StaticString = #filePath, line: UInt = #line) -> RejectReason? {
        do {
            _ = try LegacyWordReader(format: format, antiword: antiword, limits: limits).read(bytes, limits: IngestSettings())
            XCTFail("read without rejection", file: file, line: line)
            return nil
        } catch let r as RejectReason {
            return r
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func sample() throws -> [UInt8] { try LegacyWordFixtures.bytes("003_5e563d7ae628c257.doc") }

    func testTruncatedOLE2() throws {
        let doc = try sample()
        XCTAssertEqual(reject(Array(doc.prefix(700)))?.code, "doc-damaged")
        let r = reject(Array(doc.prefix(doc.count / 2)))
        XCTAssertEqual(r?.code, "doc-damaged")
        XCTAssertTrue(r?.detail.contains("past the file") ?? false, r?.description ?? "")
    }

    func testAbsurdSectorCounts() throws {
        let doc = try sample()
        let fat = reject(LegacyWordFixtures.setting(doc, 0x2C, to: 0x7FFF_FFFF))
        XCTAssertEqual(fat?.code, "doc-damaged")
        XCTAssertTrue(fat?.detail.contains("2147483647 FAT sectors") ?? false, fat?.description ?? "")
        XCTAssertEqual(reject(LegacyWordFixtures.setting(doc, 0x30, to: 0xFFFF_FF00))?.code, "doc-damaged")
        var shift = doc; shift[0x1E] = 30
        XCTAssertEqual(reject(shift)?.code, "doc-damaged")
    }

    /// A .doc that is really text is read as text by the ingester (content decides); the reader itself refuses it.
    func testDocThatIsText() throws {
        let bytes = Array("关于开展政务公开检查的通知\n一、检查范围。\n".utf8)
        let ingested = try Ingester().ingest(bytes: bytes, path: "通知.doc", sha256: "")
        XCTAssertEqual(ingested.format, "txt")
        XCTAssertEqual(reject(bytes)?.code, "doc-damaged")
    }

    func testEncrypted() throws {
        try LegacyWordFixtures.requireAntiword()
        let r = reject(try XCTUnwrap(LegacyWordFixtures.encrypted(try sample())))
        XCTAssertEqual(r?.code, "doc-encrypted")
    }

    /// An OLE2 file without Word's text stream: damaged as .doc, an unsupported version as .wps.
    func testNoWordStream() throws {
        try LegacyWordFixtures.requireAntiword()
        let other = LegacyWordFixtures.renamingStream(try sample(), "WordDocument", to: "KsoWpsStream")
        XCTAssertEqual(reject(other)?.code, "doc-damaged")
        XCTAssertEqual(reject(other, format: .wps)?.code, "wps-unsupported-version")
    }

    func testTooSmallForAntiword() throws {
        try LegacyWordFixtures.requireAntiword()
        XCTAssertEqual(reject(try LegacyWordFixtures.bytes("features/short.doc"))?.code, "doc-too-small")
    }

    func testMissingConverter() throws {
        let r = reject(try sample(), antiword: work.appendingPathComponent("no-such-antiword").path)
        XCTAssertEqual(r?.code, "doc-converter-missing")
        XCTAssertTrue(r?.detail.contains("Debian package antiword") ?? false)
    }

    /// A converter that hangs is killed at the wall-clock limit, with what it started.
    func testHangingConverterTimesOut() throws {
        let pids = work.appendingPathComponent("pids")
        let fake = try LegacyWordFixtures.fakeConverter("sleep 60 & echo $! > \(pids.path); echo $$ >> \(pids.path); wait", in: work)
        var limits = ConverterLimits(); limits.wallSeconds = 1
        let start = Date()
        XCTAssertEqual(reject(try sample(), antiword: fake, limits: limits)?.code, "doc-timeout")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        let started = try String(contentsOf: pids, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        XCTAssertEqual(started.count, 2)
        XCTAssertFalse(LegacyWordFixtures.stillRuns(started[0]), "the converter's own child \(started[0]) left running")
        XCTAssertTrue(LegacyWordFixtures.isGone(started[1]), "the converter \(started[1]) left behind (a zombie?)")
    }

    /// A converter that spins is stopped by its CPU limit (RLIMIT_CPU) before the wall clock.
    func testSpinningConverterHitsTheCPULimit() throws {
        let fake = try LegacyWordFixtures.fakeConverter("while :; do :; done", in: work)
        var limits = ConverterLimits(); limits.cpuSeconds = 1; limits.wallSeconds = 30
        let start = Date()
        XCTAssertEqual(reject(try sample(), antiword: fake, limits: limits)?.code, "doc-timeout")
        XCTAssertLessThan(Date().timeIntervalSince(start), 15)
    }

    /// A converter that allocates past its address-space limit (RLIMIT_AS) fails inside.
    func testMemoryLimit() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("no /usr/bin/python3") }
        let fake = try LegacyWordFixtures.fakeConverter("exec /usr/bin/python3 -c 'x = bytearray(1 << 30)'", in: work)
        var limits = ConverterLimits(); limits.memoryBytes = 256 << 20
        let r = reject(try sample(), antiword: fake, limits: limits)
        XCTAssertEqual(r?.code, "doc-too-large")
        XCTAssertTrue(r?.detail.contains("256 MiB") ?? false, r?.description ?? "")
    }

    /// A converter that would write gigabytes is killed at the output cap.
    func testEndlessOutput() throws {
        let fake = try LegacyWordFixtures.fakeConverter("exec yes 政务公开政务公开政务公开", in: work)
        var limits = ConverterLimits(); limits.maxOutputBytes = 4 << 20
        let start = Date()
        let r = reject(try sample(), antiword: fake, limits: limits)
        XCTAssertEqual(r?.code, "doc-too-large")
        XCTAssertTrue(r?.detail.contains("more than 4194304 bytes") ?? false, r?.description ?? "")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testFailingConverterGivesItsFirstErrorLine() throws {
        let fake = try LegacyWordFixtures.fakeConverter("echo; echo '/dev/fd/3: the FAT chain loops' >&2; echo second >&2; exit 1", in: work)
        let r = reject(try sample(), antiword: fake)
        XCTAssertEqual(r, RejectReason("doc-damaged", "the file: the FAT chain loops"))
        let crash = try LegacyWordFixtures.fakeConverter("kill -SEGV $$", in: work, name: "crash")
        XCTAssertEqual(reject(try sample(), antiword: crash)?.code, "doc-damaged")
    }

    /// Text decoded in the wrong code page (Word 6/95 or old WPS 8-bit Chinese) is refused, not published.
    func testGarbledText() throws {
        let garbage = String(repeating: "ÐÂÎÅ¹«¸æ£º", count: 20)
        let fake = try LegacyWordFixtures.fakeConverter("cat <<'EOF'\n\(LegacyWordFixtures.docBook([garbage]))\nEOF", in: work)
        XCTAssertEqual(reject(try sample(), antiword: fake)?.code, "doc-damaged")
        XCTAssertEqual(reject(try sample(), format: .wps, antiword: fake)?.code, "wps-unsupported-version")
    }

    /// No text: the ingester's `blank`.
    func testBlank() throws {
        let fake = try LegacyWordFixtures.fakeConverter("cat <<'EOF'\n\(LegacyWordFixtures.docBook(["  ", ""]))\nEOF", in: work)
        setenv("GAZETTE_ANTIWORD", fake, 1)
        defer { unsetenv("GAZETTE_ANTIWORD") }
        XCTAssertThrowsError(try Ingester().ingest(bytes: try sample(), path: "a.doc", sha256: "")) {
            XCTAssertEqual(($0 as? RejectReason)?.code, "blank")
        }
    }

    /// The converter gets the bytes as an unlinked 0600 file on descriptor 3, and only those descriptors.
    func testInputIsAPrivateUnlinkedCopy() throws {
        let fake = try LegacyWordFixtures.fakeConverter("""
            ls /proc/$$/fd > "$0.fds"
            target=$(readlink /proc/$$/fd/3); mode=$(stat -L -c %a /dev/fd/3); size=$(stat -L -c %s /dev/fd/3)
            fds=$(sort -n "$0.fds" | tr '\\n' ,)
            printf '<book><para>%s|%s|%s|%s</para></book>' "$target" "$mode" "$size" "$fds"
            """, in: work)
        let doc = try sample()
        let got = try LegacyWordReader(format: .doc, antiword: fake).read(doc, limits: IngestSettings()).text
        let parts = got.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "|")
        XCTAssertEqual(parts.count, 4, got)
        XCTAssertTrue(parts[0].contains("gazette-office-") && parts[0].hasSuffix("(deleted)"), parts[0])
        XCTAssertEqual(parts[1], "600")
        XCTAssertEqual(parts[2], "\(doc.count)")
        // 0-3, and what the shell opens for itself (dash reads its script on 10 and up); nothing of ours.
        let fds = parts[3].split(separator: ",").compactMap { Int($0) }
        XCTAssertEqual(fds.filter { $0 < 10 }, [0, 1, 2, 3], parts[3])
        let temp = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        let left = try FileManager.default.contentsOfDirectory(atPath: temp).filter { $0.hasPrefix("gazette-office-") }
        XCTAssertEqual(left, [])
    }
}
