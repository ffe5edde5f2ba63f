import Foundation
import XCTest
@testable import GazetteCore

/// A page and the office files it links to (by href, or named after it beside it) are one
/// document; an attachment belongs to one page only; other files stay documents of their own.
final class AttachmentLinksTests: XCTestCase {
    func file(_ path: String) -> CorpusFile {
        CorpusFile(path: path, url: URL(fileURLWithPath: "/nonexistent/" + path), size: 1, mtimeNanos: 0, problem: nil)
    }

    func units(_ paths: [String], pages: [String: String]) -> [String: [String]] {
        let files = paths.map(file)
        let u = AttachmentLinks.units(files) { f in pages[f.path].map { Array($0.utf8) } }
        return Dictionary(uniqueKeysWithValues: u.map { (files[$0.key].path, $0.value.map { files[$0].path }) })
    }

    func testRelativeAbsoluteAndEncodedHrefs() {
        let page = #"<p>附件：<a href="files/%E8%A6%81%E7%82%B9.docx">要点</a> <a href='http://www.example.gov.cn/x/P0200.pdf?t=1'>PDF</a> <a href="other.html">x</a></p>"#
        let got = units(["C/n/page.html", "C/n/files/要点.docx", "C/n/P0200.pdf", "C/n/other.html", "C/lone.pdf"], pages: ["C/n/page.html": page])
        XCTAssertEqual(got, ["C/n/page.html": ["C/n/files/要点.docx", "C/n/P0200.pdf"]])
    }

    func testSameStemBesideThePageAndOneOwnerPerAttachment() {
        let got = units(["C/a.html", "C/a.pdf", "C/a_附件1.docx", "C/ab.docx", "C/b.html"],
                        pages: ["C/a.html": "<p>正文</p>", "C/b.html": #"<a href="a.pdf">同一附件</a><a href="ab.docx">x</a>"#])
        XCTAssertEqual(got["C/a.html"], ["C/a.pdf", "C/a_附件1.docx"], "a.pdf and a_附件1 are named after a; ab is not")
        XCTAssertEqual(got["C/b.html"], ["C/ab.docx"], "a.pdf went to the first page; b keeps what is left")
    }

    func testNoOfficeFilesNoPagesRead() {
        let files = ["C/a.html", "C/b.txt"].map(file)
        let u = AttachmentLinks.units(files) { _ in XCTFail("no page needs reading"); return nil }
        XCTAssertTrue(u.isEmpty)
    }
}

/// What a page and its attachments become: the page's lines and metadata, then the main
/// attachment's body, the others as appendices; a page that already holds the text is the body.
final class AttachmentAssemblerTests: XCTestCase {
    func text(_ path: String, _ body: String, meta: [String: String] = [:]) -> IngestedText {
        IngestedText(path: path, sha256: "", bytes: body.utf8.count, format: "txt", encoding: "utf-8", text: body,
                     pageMetadata: meta, pageTitle: nil)
    }
    static let plan = "某市2024年政务公开工作要点\n一、推进决策公开，完善重大行政决策事项目录。\n二、加强政策解读，做好解读回应工作。\n三、深化基层政务公开标准化规范化建设。\n"

    func testThePageBringsMetadataAndTheAttachmentTheBody() throws {
        let page = text("C/p.html", "关于印发某市2024年政务公开工作要点的通知\n附件：工作要点", meta: ["发文机关": "某市人民政府办公室"])
        let a = try XCTUnwrap(AttachmentAssembler.assemble(IngestedUnit(page: page, attachments: [
            text("C/要点.docx", Self.plan), text("C/解读.pdf", "政策解读：本要点明确了三项任务。"), text("C/图.pdf", "  ")])))
        XCTAssertEqual(a.body.path, "C/p.html")
        XCTAssertEqual(a.body.pageMetadata["发文机关"], "某市人民政府办公室")
        XCTAssertTrue(a.body.text.hasPrefix("关于印发") && a.body.text.hasSuffix(Self.plan))
        XCTAssertEqual(a.appendices.map(\.title), ["解读"])
        XCTAssertEqual(a.roles.map(\.role), ["body", "appendix"], "the blank attachment has no role")
    }

    func testAPageHoldingTheTextIsTheBody() throws {
        let page = text("C/p.html", "首页 > 政务公开\n" + Self.plan + "附件：下载")
        let a = try XCTUnwrap(AttachmentAssembler.assemble(IngestedUnit(page: page, attachments: [text("C/p.pdf", Self.plan)])))
        XCTAssertEqual(a.body.text, page.text)
        XCTAssertEqual(a.roles.map(\.role), ["same text as the page"])
    }

    func testWithoutAPageTheFirstAttachmentIsTheBody() throws {
        let a = try XCTUnwrap(AttachmentAssembler.assemble(IngestedUnit(page: nil, attachments: [text("C/x.docx", Self.plan)])))
        XCTAssertEqual(a.body.path, "C/x.docx")
        XCTAssertNil(AttachmentAssembler.assemble(IngestedUnit(page: nil, attachments: [text("C/x.pdf", "abc")])))
    }
}
