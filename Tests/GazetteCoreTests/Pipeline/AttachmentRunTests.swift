import Foundation
import GazetteModel
import GazetteOutput
import GazetteTestSupport
import XCTest
@testable import GazetteCore

/// A run over a page and the DOCX it links to publishes one document — the page's metadata,
/// the attachment's clauses, a second attachment as an appendix — and the manifest records
/// what became of every file, also when the next run takes them from the cache.
final class AttachmentRunTests: XCTestCase {
    var work: URL!
    var corpus: URL { work.appendingPathComponent("Corpus") }

    static func docx(_ paragraphs: [String]) -> [UInt8] {
        OOXMLPackage.docx(OOXMLPackage.document(paragraphs.map { OOXMLPackage.p($0) }.joined()))
    }

    override func setUpWithError() throws {
        work = try DedupFixtures.tempFolder("attachment-run")
        let dir = corpus.appendingPathComponent("notice/files")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = """
        <html><head><title>关于印发某市2024年政务公开工作要点的通知</title></head><body>
        <table><tr><td>发文机关：</td><td>某市人民政府办公室</td><td>发文字号：</td><td>某政办发〔2024〕3号</td></tr></table>
        <div class="content"><p>关于印发某市2024年政务公开工作要点的通知</p><p>各区人民政府，市政府各部门：</p>
        <p>现将《某市2024年政务公开工作要点》印发给你们，请认真贯彻落实。</p>
        <p>附件：<a href="files/%E8%A6%81%E7%82%B9.docx">某市2024年政务公开工作要点</a></p>
        <p>附件：<a href="files/jiedu.docx">政策解读</a></p></div></body></html>
        """
        try page.write(to: corpus.appendingPathComponent("notice/page.html"), atomically: true, encoding: .utf8)
        try Data(Self.docx(["某市2024年政务公开工作要点", "一、推进决策公开，完善重大行政决策事项目录。",
                            "二、加强政策解读，做好解读回应工作。", "三、深化基层政务公开标准化规范化建设。"]))
            .write(to: dir.appendingPathComponent("要点.docx"))
        try Data(Self.docx(["政策解读", "本要点明确了决策公开、政策解读和基层政务公开三项任务。"]))
            .write(to: dir.appendingPathComponent("jiedu.docx"))
        try Data(Self.docx(["某县2024年政务公开工作要点", "一、做好财政预决算公开。", "二、推进一网通办。"]))
            .write(to: corpus.appendingPathComponent("lone.docx"))
    }

    override func tearDownWithError() throws { if let work { try? FileManager.default.removeItem(at: work) } }

    func run() throws -> (RunReport, CollectingSink, Manifest) {
        let config = PipelineConfig()
        let sink = CollectingSink()
        let output = work.appendingPathComponent("Output")
        let r = PipelineRunner(config: config, corpus: corpus, output: output, cacheRoot: work.appendingPathComponent("cache"),
                               processor: try DocumentProcessor.make(config: config, baseDirectory: work),
                               sinks: [sink], progress: SilentProgress())
        let report = try r.run()
        let data = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        return (report, sink, try JSONDecoder().decode(Manifest.self, from: data))
    }

    func testThePageAndItsAttachmentsAreOneDocument() throws {
        let (report, sink, manifest) = try run()
        XCTAssertEqual(report.published, 2, "the page's document and the lone attachment")
        XCTAssertTrue(report.rejected.isEmpty, "\(report.rejected)")
        let doc = try XCTUnwrap(sink.documents["page"])
        XCTAssertEqual(doc.clauses.map(\.label), ["一、", "二、", "三、"])
        XCTAssertEqual(doc.docNumber, "某政办发〔2024〕3号")
        XCTAssertEqual(doc.appendices.filter { $0.kind == .attachment }.map(\.title), ["jiedu"])
        XCTAssertEqual(sink.documents["lone"]?.clauses.count, 2, "a lone attachment is a document of its own")
        let byPath = Dictionary(uniqueKeysWithValues: manifest.inputs.map { ($0.path, $0) })
        XCTAssertEqual(byPath["Corpus/notice/files/要点.docx"]?.document, "page")
        XCTAssertEqual(byPath["Corpus/notice/files/要点.docx"]?.reason, "attachment of Corpus/notice/page.html: body")
        XCTAssertEqual(byPath["Corpus/notice/files/jiedu.docx"]?.reason, "attachment of Corpus/notice/page.html: appendix")
        XCTAssertEqual(manifest.inputs.count, 4, "every file has its entry")

        // From the cache, the same entries; an edited attachment makes the document anew.
        try "x".write(to: corpus.appendingPathComponent("touch.txt"), atomically: true, encoding: .utf8)   // not a no-change run
        let (again, _, cached) = try run()
        XCTAssertEqual(again.reprocessed, 0)
        XCTAssertEqual(cached.inputs.filter { $0.path.hasSuffix(".docx") }.map(\.reason),
                       manifest.inputs.filter { $0.path.hasSuffix(".docx") }.map(\.reason))
        try Data(Self.docx(["某市2024年政务公开工作要点", "一、推进决策公开。", "二、加强政策解读。"]))
            .write(to: corpus.appendingPathComponent("notice/files/要点.docx"))
        let (edited, sink3, _) = try run()
        XCTAssertEqual(edited.reprocessed, 1)
        XCTAssertEqual(sink3.documents["page"]?.clauses.count, 2)
    }
}
