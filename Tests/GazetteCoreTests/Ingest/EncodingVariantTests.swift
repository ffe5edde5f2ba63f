import XCTest
@testable import GazetteCore

/// Every sample saved in another encoding, or wrapped in a government web page, must give
/// the same cleaned and normalized text as the UTF-8 original.
final class EncodingVariantTests: XCTestCase {
    func assertSame(_ original: URL, _ variant: [UInt8], path: String, encoding: String, format: String = "txt",
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let n = try SampleCorpus.normalizer()
        let expected = try SampleCorpus.pipelineText(bytes: Array(try Data(contentsOf: original)), path: "a.txt", normalizer: n)
        let got = try SampleCorpus.pipelineText(bytes: variant, path: path, normalizer: n)
        XCTAssertEqual(got.encoding, encoding, "\(original.lastPathComponent) as \(path)", file: file, line: line)
        XCTAssertEqual(got.format, format, file: file, line: line)
        if got.text != expected.text {
            let a = Array(expected.text), b = Array(got.text)
            let i = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
            let window = { (x: [Character]) in String(x[max(0, i - 20)..<min(x.count, i + 20)]) }
            XCTFail("\(original.lastPathComponent) as \(path): first difference at character \(i):\n  original: \(window(a))\n  variant:  \(window(b))", file: file, line: line)
        }
    }

    func testGB18030() throws {
        for f in try SampleCorpus.files() {
            let bytes = try XCTUnwrap(SampleCorpus.encode(try SampleCorpus.text(f), to: "GB18030"))
            try assertSame(f, bytes, path: "gb.txt", encoding: "gb18030")
        }
    }

    func testGBKSubsetDecodesAsGB18030() throws {
        let f = try SampleCorpus.files()[2]   // simplified sample
        guard let bytes = SampleCorpus.encode(try SampleCorpus.text(f), to: "GBK") else { throw XCTSkip("sample not GBK-encodable") }
        try assertSame(f, bytes, path: "gbk.txt", encoding: "gb18030")
    }

    func testUTF16WithAndWithoutBOM() throws {
        for f in try SampleCorpus.files() {
            let s = try SampleCorpus.text(f)
            try assertSame(f, SampleCorpus.utf16(s, little: true, bom: true), path: "le.txt", encoding: "utf-16")
            try assertSame(f, SampleCorpus.utf16(s, little: false, bom: true), path: "be.txt", encoding: "utf-16")
            try assertSame(f, SampleCorpus.utf16(s, little: true, bom: false), path: "le-nobom.txt", encoding: "utf-16")
            try assertSame(f, SampleCorpus.utf16(s, little: false, bom: false), path: "be-nobom.txt", encoding: "utf-16")
        }
    }

    func testUTF8WithBOM() throws {
        for f in try SampleCorpus.files() {
            try assertSame(f, [0xEF, 0xBB, 0xBF] + Array(try Data(contentsOf: f)), path: "bom.txt", encoding: "utf-8")
        }
    }

    /// The traditional-script samples saved as Big5 (characters Big5 lacks are the test's
    /// problem, not the decoder's: such a sample is skipped with a message).
    func testBig5TraditionalSamples() throws {
        var tested = 0
        for f in try SampleCorpus.files() {
            let s = try SampleCorpus.text(f)
            guard ScriptProfile(s).script == "traditional" else { continue }
            guard let bytes = SampleCorpus.encode(s, to: "BIG5-HKSCS") else {
                print("note: \(f.lastPathComponent) has characters outside Big5-HKSCS; not tested as Big5"); continue
            }
            try assertSame(f, bytes, path: "big5.txt", encoding: "big5")
            tested += 1
        }
        XCTAssertGreaterThanOrEqual(tested, 2, "at least two traditional samples must be testable as Big5")
    }

    func testGovernmentPageWithWrongCharset() throws {
        for f in try SampleCorpus.files() {
            let page = SampleCorpus.governmentPage(try SampleCorpus.text(f), charset: "gb2312")   // wrong: bytes are UTF-8
            try assertSame(f, Array(page.utf8), path: "page.html", encoding: "utf-8", format: "html")
        }
    }

    func testGB18030PageDeclaringUTF8AndGzipped() throws {
        for f in try SampleCorpus.files() {
            let page = SampleCorpus.governmentPage(try SampleCorpus.text(f), charset: "utf-8")   // wrong: bytes are GB18030
            let bytes = try XCTUnwrap(SampleCorpus.encode(page, to: "GB18030"))
            try assertSame(f, Gzip.deflate(bytes), path: "page.htm.gz", encoding: "gb18030", format: "html.gz")
        }
    }

    func testPageMetadataTableIsReadAndKeptOutOfText() throws {
        let f = try SampleCorpus.files()[0]
        let page = SampleCorpus.governmentPage(try SampleCorpus.text(f), charset: "gb2312")
        let ingested = try Ingester().ingest(bytes: Array(page.utf8), path: "p.html", sha256: "")
        XCTAssertEqual(ingested.pageMetadata["发文机关"], "人民政府办公厅")
        XCTAssertEqual(ingested.pageMetadata["成文日期"], "2020年03月20日")
        XCTAssertEqual(ingested.pageMetadata["发文字号"], "府办〔2020〕20号")
        XCTAssertEqual(ingested.pageMetadata["发布日期"], "2020年03月27日")
        XCTAssertFalse(ingested.text.contains("索引号"))
        XCTAssertFalse(ingested.text.contains("统计代码"), "script output must not leak")
        XCTAssertFalse(ingested.text.contains("alert"))
        XCTAssertFalse(ingested.text.contains("互动交流"), "navigation must not leak")
        XCTAssertFalse(ingested.text.contains("网站标识码"), "footer must not leak")
        XCTAssertFalse(ingested.text.contains("请开启JavaScript"))
    }

    func testSHA256IsOfRawBytes() throws {
        let f = try SampleCorpus.files()[0]
        let bytes = Array(try Data(contentsOf: f))
        let gz = Gzip.deflate(bytes)
        let a = try Ingester().ingest(fileAt: f, path: "x.txt")
        XCTAssertEqual(a.sha256, SHA256Digest.hex(bytes))
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(getpid()).txt.gz")
        try Data(gz).write(to: tmp); defer { try? FileManager.default.removeItem(at: tmp) }
        let b = try Ingester().ingest(fileAt: tmp, path: "x.txt.gz")
        XCTAssertEqual(b.sha256, SHA256Digest.hex(gz), "hash of the compressed bytes as stored, not the inflated text")
        XCTAssertEqual(b.text, a.text)
    }
}
