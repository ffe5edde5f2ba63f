import XCTest
import GazetteTestSupport

/// End to end: spawn the built `gazette normalize` and check its standard output.
final class NormalizeCLITests: XCTestCase {
    private func run(_ args: [String], stdin: Data? = nil) throws -> (out: Data, err: String, status: Int32) {
        let r = try GazetteBinary.run(["normalize"] + args, stdin: stdin)
        return (r.output, r.stderr, r.status)
    }

    private func temp(_ name: String, _ data: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-normalize-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    let taiwan = "市政府透過入口網站釋出資訊，並持續最佳化資料庫與網路服務，簡化辦事程式。\n民眾可在視窗列印表單。\n"
    let mainland = "市政府通过门户网站发布信息，并持续优化数据库与网络服务，简化办事程序。\n民众可在窗口打印表单。\n"

    func testFileArgumentAndVerboseDecision() throws {
        let f = try temp("tw.txt", Data(taiwan.utf8))
        let r = try run(["--verbose", f.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(String(decoding: r.out, as: UTF8.self), mainland)
        XCTAssertTrue(r.err.contains("variant=taiwan"), r.err)
    }

    func testStandardInputAndSimplifiedPassThrough() throws {
        let r = try run([], stdin: Data(mainland.utf8))
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, Data(mainland.utf8))
    }

    func testUTF16WithBOMAndUTF8BOMAreDecoded() throws {
        var u16 = Data([0xFF, 0xFE])
        u16.append(taiwan.data(using: .utf16LittleEndian)!)
        let a = try run([try temp("tw16.txt", u16).path])
        XCTAssertEqual(String(decoding: a.out, as: UTF8.self), mainland, a.err)
        let b = try run([try temp("tw8bom.txt", Data([0xEF, 0xBB, 0xBF]) + Data(taiwan.utf8)).path])
        XCTAssertEqual(String(decoding: b.out, as: UTF8.self), mainland, b.err)
    }

    func testSeveralFilesAreConcatenatedAndAMissingFileExitsOne() throws {
        let f = try temp("tw2.txt", Data(taiwan.utf8))
        let r = try run([f.path, "/nonexistent/gazette-none.txt", f.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(String(decoding: r.out, as: UTF8.self), mainland + mainland)
        XCTAssertTrue(r.err.contains("gazette-none.txt"), r.err)
    }

    /// A document larger than one streaming chunk: every line converted, none lost at chunk edges.
    func testLargeInputIsStreamedWithoutLoss() throws {
        let count = 30_000   // ≈ 4 MB, several 1 MiB chunks
        let f = try temp("big.txt", Data(String(repeating: taiwan, count: count).utf8))
        let r = try run([f.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out.count, Data(mainland.utf8).count * count)
        XCTAssertTrue(r.out == Data(String(repeating: mainland, count: count).utf8))
    }

    func testSharedRoundTripFileMatchesExpected() throws {
        let dir = NormalizeTestSupport.shared.appendingPathComponent("roundtrip")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".s2twp.txt") }.sorted()
        guard let name = files.first else { throw XCTSkip("no round-trip set") }
        let stem = String(name.dropLast(".s2twp.txt".count))
        let expected = try String(contentsOf: dir.appendingPathComponent(stem + ".expected.txt"), encoding: .utf8)
        let r = try run([dir.appendingPathComponent(name).path])
        XCTAssertEqual(r.status, 0, r.err)
        let cer = NormalizeTestSupport.cer(reference: expected, hypothesis: String(decoding: r.out, as: UTF8.self))
        XCTAssertLessThanOrEqual(cer, 0.002)
    }
}
