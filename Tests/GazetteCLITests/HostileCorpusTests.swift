import Foundation
import XCTest
@testable import GazetteCore
#if canImport(Glibc)
import Glibc
#endif
import GazetteTestSupport

/// The whole hostile corpus through the built binary: every input ends in manifest.json
/// as published, duplicate or rejected with a specific reason; the run finishes, exits 1,
/// keeps its peak memory bounded, and failed runs leave a previous Output/ untouched.
final class HostileCorpusTests: XCTestCase {
    var root: URL!
    override func setUpWithError() throws { root = try Fixtures.temporaryFolder("hostile") }
    override func tearDownWithError() throws {
        if let root { _ = chmodAll(root); try? FileManager.default.removeItem(at: root) }
    }

    func chmodAll(_ u: URL) -> Bool {
        guard let e = FileManager.default.enumerator(atPath: u.path) else { return false }
        for case let rel as String in e { chmod(u.appendingPathComponent(rel).path, 0o755) }
        return true
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: root.appendingPathComponent("Corpus").appendingPathComponent(name))
    }
    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    /// Pairs of copies of one document: one is published, the other a duplicate of it
    /// (which copy is canonical is the dedup stage's choice).
    let copies = [("plan-utf8.txt", "plan-gb.txt"), ("number-a.txt", "number-a-copy.txt")]

    /// name → (status, reason code or nil for "no reason"). Built alongside the files.
    func buildCorpus() throws -> [String: (String, String?)] {
        let corpus = root.appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        var expect: [String: (String, String?)] = [:]
        let plan = SyntheticPlan.plan(seed: 1)
        let utf8 = Array(plan.utf8)

        try write("empty.txt", []); expect["empty.txt"] = ("rejected", "empty")
        try write("blank.txt", "  \n\t\r\n   \n"); expect["blank.txt"] = ("rejected", "blank")
        try write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4000).map { UInt8($0 % 251) })
        expect["image.txt"] = ("rejected", "binary")
        try write("report.txt", Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >> endobj\n".utf8) + [0, 1, 2, 3, 0xFF, 0xFE] + (0..<2000).map { UInt8($0 % 256) })
        expect["report.txt"] = ("rejected", "pdf-damaged")   // a damaged PDF named .txt: read as the PDF it is
        try write("archive.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0] + (0..<2000).map { UInt8(($0 * 7) % 256) })
        expect["archive.txt"] = ("rejected", "binary")
        // Make sure the cut falls inside a character: drop bytes until the last is a lead byte's continuation.
        var cut = Array(utf8.prefix(utf8.count / 2))
        while let last = cut.last, last & 0xC0 != 0xC0 { cut.removeLast() }   // end on a lead byte
        try write("truncated.txt", cut); expect["truncated.txt"] = ("rejected", "truncated-utf8")
        var invalid = utf8; for i in stride(from: 200, to: min(invalid.count, 1200), by: 300) { invalid[i] = 0xFF }
        try write("invalid-utf8.txt", invalid); expect["invalid-utf8.txt"] = ("rejected", "invalid-utf8")

        // Undeclared encodings of distinct documents: published.
        try write("gb18030.txt", encode(SyntheticPlan.plan(seed: 2), "GB18030")); expect["gb18030.txt"] = ("published", nil)
        try write("big5.txt", encode(SyntheticPlan.plan(seed: 3).applyingTraditional(), "BIG5")); expect["big5.txt"] = ("published", nil)
        var u16: [UInt8] = []; for u in SyntheticPlan.plan(seed: 4).utf16 { u16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try write("utf16-nobom.txt", u16); expect["utf16-nobom.txt"] = ("published", nil)
        // The same document as plan 1 in GB18030: a duplicate.
        try write("plan-utf8.txt", plan); expect["plan-utf8.txt"] = ("published", nil)
        try write("plan-gb.txt", encode(plan, "GB18030")); expect["plan-gb.txt"] = ("published", nil)

        // Size limits: a 50 MB single line (read, then refused), a 200 MB sparse file (refused unread).
        let lineFile = corpus.appendingPathComponent("one-line.txt")
        FileManager.default.createFile(atPath: lineFile.path, contents: nil)
        let h = try FileHandle(forWritingTo: lineFile)
        let chunk = Data(String(repeating: "政务公开工作要点全面推进决策执行管理服务结果公开", count: 4000).utf8)
        var written = 0
        while written < 50_000_000 { h.write(chunk); written += chunk.count }
        try h.close()
        expect["one-line.txt"] = ("rejected", "line-too-long")
        let big = corpus.appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        XCTAssertEqual(truncate(big.path, 200_000_000), 0)
        expect["huge.txt"] = ("rejected", "too-large")
        // A gzip bomb: 64 MiB of zeros, over the 16 MiB cap of this test's pipeline.yml.
        try write("bomb.txt.gz", Gzip.deflate([UInt8](repeating: 0x20, count: 64 << 20), level: 9))
        expect["bomb.txt.gz"] = ("rejected", "gzip-too-large")
        try write("plan.txt.gz", Gzip.deflate(Array(SyntheticPlan.plan(seed: 5).utf8))); expect["plan.txt.gz"] = ("published", nil)

        // HTML.
        let body = SyntheticPlan.plan(seed: 6).split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        try write("broken.html", "<html><body><div><p>" + body.replacingOccurrences(of: "</p>", with: "") + "<td><tr></b></i></div></span>")
        expect["broken.html"] = ("published", nil)
        try write("attr.html", "<html><body><div class=\"article\" data-x=\"" + String(repeating: "x", count: 8 << 20) + "\">" + SyntheticPlan.plan(seed: 7).split(separator: "\n").map { "<p>\($0)</p>" }.joined() + "</div></body></html>")
        expect["attr.html"] = ("published", nil)
        try write("deep.html", "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>" + SyntheticPlan.plan(seed: 8) + "</p>" + String(repeating: "</div>", count: 100_000) + "</body></html>")
        expect["deep.html"] = ("rejected", "html-too-deep")
        try write("script.html", "<html><head><script>alert('政务公开工作要点政务公开工作要点')</script></head><body onload=\"steal()\"><img src=x onerror=\"alert(1)\"><div>"
                  + SyntheticPlan.plan(seed: 9).split(separator: "\n").map { "<p onclick=\"evil()\">\($0)</p>" }.joined() + "<script>document.write('注入的文字注入的文字注入的文字')</script></div></body></html>")
        expect["script.html"] = ("published", nil)
        try write("wrong-charset.html", encode("<html><head><meta charset=\"utf-8\"></head><body>" + SyntheticPlan.plan(seed: 10).split(separator: "\n").map { "<p>\($0)</p>" }.joined() + "</body></html>", "GB18030"))
        expect["wrong-charset.html"] = ("published", nil)
        try write("nobody.html", "<html><head><title>政务公开</title><script>var a='很多很多很多很多很多很多的字';</script></head><body><nav>首页 政务公开 互动交流 办事服务</nav><div class=\"footer\">版权所有 主办单位：某市人民政府办公厅</div></body></html>")
        expect["nobody.html"] = ("rejected", "html-no-text")

        // Names.
        for (i, name) in ["name with spaces.txt", "政务公开 工作要点.txt", "-leading-dash.txt", "new\nline.txt"].enumerated() {
            try write(name, SyntheticPlan.plan(seed: 20 + UInt64(i))); expect[name] = ("published", nil)
        }
        // Links and unreadable entries.
        XCTAssertEqual(symlink("loop-a.txt", corpus.appendingPathComponent("loop-b.txt").path), 0)
        XCTAssertEqual(symlink("loop-b.txt", corpus.appendingPathComponent("loop-a.txt").path), 0)
        expect["loop-a.txt"] = ("rejected", "symlink-loop"); expect["loop-b.txt"] = ("rejected", "symlink-loop")
        XCTAssertEqual(mkfifo(corpus.appendingPathComponent("fifo.txt").path, 0o644), 0)
        expect["fifo.txt"] = ("rejected", "not-a-file")
        if getuid() != 0 {
            try write("locked.txt", SyntheticPlan.plan(seed: 30))
            chmod(corpus.appendingPathComponent("locked.txt").path, 0)
            expect["locked.txt"] = ("rejected", "unreadable")
        } else {
            print("note: running as root, which reads chmod-000 files; the unreadable case is the FIFO fifo.txt")
        }
        try write("notes.xlsx", "not taken"); expect["notes.xlsx"] = ("rejected", "unsupported-type")

        // Structure extremes and document numbers.
        try write("no-numbering.txt", SyntheticPlan.plan(seed: 40, numbered: false)); expect["no-numbering.txt"] = ("published", nil)
        try write("ten-thousand.txt", SyntheticPlan.plan(seed: 41, sections: 10, clauses: 1000)); expect["ten-thousand.txt"] = ("published", nil)
        try write("number-a.txt", SyntheticPlan.plan(seed: 42, number: "沪府办〔2020〕20号")); expect["number-a.txt"] = ("published", nil)
        try write("number-b.txt", SyntheticPlan.plan(seed: 43, number: "沪府办〔2020〕20号")); expect["number-b.txt"] = ("published", nil)
        try write("number-a-copy.txt", "\u{FEFF}" + SyntheticPlan.plan(seed: 42, number: "沪府办〔2020〕20号")); expect["number-a-copy.txt"] = ("published", nil)
        return expect
    }

    func encode(_ s: String, _ enc: String) -> [UInt8] {
        let cd = iconv_open(enc, "UTF-8"); defer { iconv_close(cd) }
        var input = Array(s.utf8), out = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count, outLeft = out.count
        input.withUnsafeMutableBufferPointer { ib in out.withUnsafeMutableBufferPointer { ob in
            var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress!).assumingMemoryBound(to: CChar.self)
            var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress!).assumingMemoryBound(to: CChar.self)
            _ = iconv(cd, &ip, &inLeft, &op, &outLeft)
        } }
        XCTAssertEqual(inLeft, 0, "test text must be encodable as \(enc)")
        return Array(out[0..<(out.count - outLeft)])
    }

    func testHostileCorpus() throws {
        let expect = try buildCorpus()
        try """
        corpus: Corpus
        output: Output
        cache: cache
        ingest:
          max_file_bytes: 104857600
          max_inflated_bytes: 16777216
        """.write(to: root.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)

        // A previous Output/ to protect: a finished run over one good document.
        let output = root.appendingPathComponent("Output")
        let seedCorpus = root.appendingPathComponent("Seed")
        try FileManager.default.createDirectory(at: seedCorpus, withIntermediateDirectories: true)
        try SyntheticPlan.plan(seed: 99).write(to: seedCorpus.appendingPathComponent("seed.txt"), atomically: true, encoding: .utf8)
        let seeded = try GazetteBinary.run(["run", "--config", "pipeline.yml", "--corpus", "Seed", "--quiet"], in: root)
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
        let before = Gazette.treeDigest(output)

        // Runs that must not touch it: a configuration error (2) and a held lock (3).
        try "corpus: [Corpus\n".write(to: root.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try GazetteBinary.run(["run", "--config", "bad.yml"], in: root).status, 2)
        let lockFD = open(root.appendingPathComponent(".Output.lock").path, O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(lockFD, LOCK_EX | LOCK_NB), 0)
        XCTAssertEqual(try GazetteBinary.run(["run", "--config", "pipeline.yml"], in: root).status, 3)
        flock(lockFD, LOCK_UN); close(lockFD)
        XCTAssertEqual(Gazette.treeDigest(output), before, "failed runs must leave Output/ as it was")

        // The hostile run.
        let started = Date()
        let r = try GazetteBinary.run(["run", "--config", "pipeline.yml", "--quiet"], in: root, measureMemory: true)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(r.status, 1, "stderr: \(r.stderr)")
        let manifest = try Gazette.manifest(output)
        var summary: [String] = []
        for (name, (status, reason)) in expect.sorted(by: { $0.key < $1.key }) {
            guard let got = manifest["Corpus/" + name] else { XCTFail("\(name) missing from manifest.json"); continue }
            let copy = copies.contains { $0.0 == name || $0.1 == name }
            if !copy { XCTAssertEqual(got.status, status, "\(name): \(got.reason)") }
            if let reason { XCTAssertTrue(got.reason.hasPrefix(reason + ":"), "\(name): reason \(got.reason), expected \(reason)") }
            summary.append("  \(name.replacingOccurrences(of: "\n", with: "\\n")): \(got.status) \(got.reason)")
        }
        for (a, b) in copies {
            let pair = [manifest["Corpus/" + a]?.status, manifest["Corpus/" + b]?.status].compactMap { $0 }.sorted()
            XCTAssertEqual(pair, ["duplicate", "published"], "\(a) and \(b) are one document")
        }
        XCTAssertEqual(manifest.count, expect.count, "every input, and nothing else, is accounted for: \(manifest.keys.sorted())")
        XCTAssertNotEqual(Gazette.treeDigest(output), before, "a finished run publishes its new tree")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("staging") || $0.contains(".old-") }
        XCTAssertEqual(leftovers, [])
        if let kib = r.maxRSSKiB {
            XCTAssertLessThan(kib, 1 << 20, "peak RSS \(kib) KiB must stay well under 1 GiB")
        }
        print("hostile corpus: \(expect.count) inputs in \(String(format: "%.1f", seconds)) s, exit \(r.status), peak RSS \(r.maxRSSKiB.map { "\($0 / 1024) MiB" } ?? "unknown")\n" + summary.joined(separator: "\n"))
    }
}

extension String {
    /// A rough traditional-script copy for Big5 tests (enough characters differ for detection).
    func applyingTraditional() -> String {
        let map: [Character: Character] = [
            "务": "務", "开": "開", "办": "辦", "区": "區", "发": "發", "关": "關", "于": "於", "执": "執", "项": "項", "实": "實", "处": "處", "罚": "罰",
            "许": "許", "网": "網", "资": "資", "态": "態", "产": "產", "营": "營", "环": "環", "标": "標", "准": "準", "规": "規", "范": "範", "层": "層",
            "据": "據", "数": "數", "业": "業", "门": "門", "厅": "廳", "进": "進", "级": "級", "导": "導", "报": "報", "众": "眾", "与": "與", "结": "結",
            "财": "財", "预": "預", "会": "會", "卫": "衛", "请": "請", "认": "認", "彻": "徹", "贯": "貫", "现": "現", "将": "將", "给": "給", "们": "們",
            "强": "強", "为": "為", "点": "點", "训": "訓", "监": "監", "检": "檢", "乡": "鄉", "兴": "興", "创": "創", "础": "礎", "设": "設", "参": "參",
            "决": "決", "应": "應", "读": "讀", "布": "佈", "两": "兩", "评": "評", "体": "體", "员": "員", "过": "過", "对": "對", "单": "單", "县": "縣",
            "镇": "鎮", "织": "織", "组": "組"
        ]
        return String(self.map { map[$0] ?? $0 })
    }
}
