import Foundation
import XCTest
import GazetteCore
import GazetteTestSupport

/// DOCX through the built binary: the real files of ../shared/devset/formats give their
/// recorded outline and metadata (golden files), and a corpus of hostile DOCX ends with every
/// file in the manifest under its own reason, exit 1, no crash, memory bounded.
final class DOCXInputTests: XCTestCase {
    typealias X = OOXMLPackage
    static let goldenDir = Fixtures.of("GazetteCoreTests", "structure/golden/formats")

    /// f005 (automatic numbering whose labels are not in document.xml), f006 (merged-cell
    /// table), f007 (pasted paragraphs, restarting lists), f008 (no clauses).
    func testRealDOCXMatchGoldenFiles() throws {
        let folder = Fixtures.devset.appendingPathComponent("formats")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".docx") }).sorted(),
              !files.isEmpty else { throw XCTSkip("../shared/devset/formats is not beside the repository") }
        for name in files {
            let projected = try InspectGoldenTests.project(try GazetteBinary.output(["inspect", "--json", folder.appendingPathComponent(name).path]))
            Golden.check(text: projected, against: Self.goldenDir.appendingPathComponent((name as NSString).deletingPathExtension + ".json"))
        }
    }

    func testHostileDOCXCorpus() throws {
        let root = try Fixtures.temporaryFolder("docx-hostile")
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let deflate: ([UInt8]) -> [UInt8] = { Array(Gzip.deflate($0).dropFirst(10).dropLast(8)) }
        let good = X.document(X.p("某市人民政府办公厅关于做好政务公开工作的通知") + X.p("一、总体要求") + X.p("（一）坚持以公开为常态、不公开为例外，做好政务公开工作。")
                              + X.p("二、重点任务") + X.p("（一）推进决策公开，各部门要认真落实。"))
        var expect: [String: String?] = [:]
        func write(_ name: String, _ bytes: [UInt8], _ reason: String?) throws {
            try Data(bytes).write(to: corpus.appendingPathComponent(name)); expect[name] = reason
        }
        try write("plan.docx", X.docx(good, deflate: deflate), nil)
        // 100 MiB of spaces in one paragraph, over the 64 MiB inflate cap.
        let spaces = [UInt8](repeating: 0x20, count: 100 << 20)
        try write("bomb.docx", X.zip([.init("word/document.xml", Array("<w:document xmlns:w=\"\(X.w)\"><w:body><w:p><w:r><w:t>".utf8) + spaces)],
                                     deflate: deflate), "docx-too-large")
        let deep = "<w:document xmlns:w=\"\(X.w)\"><w:body>" + String(repeating: "<w:sdt><w:sdtContent>", count: 50_000)
        try write("deep.docx", X.zip([.init("word/document.xml", deep)], deflate: deflate), "docx-too-deep")
        try write("malformed.docx", X.zip([.init("word/document.xml", String(good.dropLast(25)))]), "docx-damaged")
        try write("no-document.docx", X.zip([.init("word/styles.xml", "<w:styles/>")]), "docx-damaged")
        try write("traversal.docx", X.zip([.init("../../../../tmp/gazette-docx-evil.txt", "x"),
                                           .init("word/document.xml", X.document(X.p("某县政务公开工作要点") + X.p("一、加强政策解读")
                                                                                 + X.p("（一）做好政策解读，回应社会关切。")))]), nil)
        var ole = [UInt8](repeating: 0, count: 4096)
        ole.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        ole.replaceSubrange(640..<672, with: "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        ole[704] = 34
        try write("secret.docx", ole, "docx-encrypted")
        try write("blank.docx", X.docx(X.document(X.p("") + X.p(" "))), "blank")
        try write("truncated.docx", Array(X.docx(good, deflate: deflate).dropLast(100)), "docx-damaged")

        let output = root.appendingPathComponent("Output")
        let r = try GazetteBinary.run(["run", "--config", Fixtures.root.appendingPathComponent("pipeline.yml").path, "--corpus", corpus.path,
                                       "--output", output.path, "--cache", root.appendingPathComponent("cache").path, "--quiet"],
                                      timeout: 300, measureMemory: true)
        XCTAssertEqual(r.status, 1, r.stderr)
        let manifest = try Gazette.manifest(output)
        XCTAssertEqual(manifest.count, expect.count, "every input accounted for: \(manifest.keys.sorted())")
        for (name, reason) in expect.sorted(by: { $0.key < $1.key }) {
            guard let got = manifest.first(where: { $0.key.hasSuffix("/" + name) })?.value else { XCTFail("\(name) not in the manifest"); continue }
            if let reason {
                XCTAssertEqual(got.status, "rejected", name)
                XCTAssertTrue(got.reason.hasPrefix(reason + ":"), "\(name): \(got.reason), expected \(reason)")
            } else {
                XCTAssertEqual(got.status, "published", "\(name): \(got.reason)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/gazette-docx-evil.txt"))
        if let kib = r.maxRSSKiB { XCTAssertLessThan(kib, 512 << 10, "peak RSS \(kib) KiB") }
    }
}
