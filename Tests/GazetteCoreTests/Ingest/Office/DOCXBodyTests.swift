import XCTest
@testable import GazetteCore
import GazetteTestSupport

/// The body as a reader sees it: runs joined, tabs and breaks, fields without their codes,
/// tracked changes accepted, text boxes once, headers, footers, notes and comments dropped,
/// and the title of the file's properties when it is a real one.
final class DOCXBodyTests: XCTestCase {
    typealias X = OOXMLPackage

    func testRunsTabsAndBreaks() {
        let body = """
        <w:p><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>总体</w:t></w:r><w:proofErr w:type="gramStart"/>\
        <w:r><w:t xml:space="preserve">要求 </w:t></w:r></w:p>\
        <w:p><w:r><w:t>如有问题可拨打：</w:t><w:tab/><w:t>95588</w:t></w:r></w:p>\
        <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>\
        <w:p><w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>\
        <w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>
        """
        XCTAssertEqual(DOCX.lines(body), ["一、总体要求", "如有问题可拨打： 95588", "第一行", "第二行", "第三行", "A-B"])
    }

    func testFieldsShowTheirResultsNotTheirCodes() {
        let body = """
        <w:p><w:r><w:t>见第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>\
        <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://www.gov.cn" </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>中国政府网</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\
        <w:p><w:r><w:t>目录项</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\
        <w:p><w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2023年3月1日</w:t></w:r></w:fldSimple></w:p>\
        <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:t>正文</w:t></w:r></w:p>
        """
        XCTAssertEqual(DOCX.lines(body), ["见第页", "中国政府网", "目录项", "2023年3月1日", "正文"])
    }

    func testTrackedChangesHiddenTextAndPlaceholders() {
        let body = """
        <w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>\
        <w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom>\
        <w:moveTo w:id="4"><w:r><w:t>移来</w:t></w:r></w:moveTo><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>\
        <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r></w:p>\
        <w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:del w:id="6"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>\
        <w:p><w:pPr><w:pPrChange w:id="7"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>\
        <w:r><w:t>原有编号已撤销</w:t></w:r></w:p>\
        <w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>\
        <w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件内容</w:t></w:r></w:p></w:sdtContent></w:sdt>
        """
        let numbering = DOCX.numbering([0: [DOCX.lvl(0, "decimal", "%1.")]], nums: [(1, 0, "")])
        XCTAssertEqual(DOCX.lines(body, parts: ["word/numbering.xml": numbering]), ["保留插入移来可见", "原有编号已撤销", "控件内容"])
    }

    /// A text box is in the file twice (DrawingML and its VML fallback): read once, after the
    /// paragraph that anchors it.
    func testTextBoxesAreReadOnce() {
        let box = "<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>"
        let body = """
        <w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>\(box)</wps:txbx>\
        </wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback>\
        </mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p>
        """
        XCTAssertEqual(DOCX.lines(body), ["锚定段落", "框内文字", "下一段"])
    }

    /// Headers, footers, footnotes, endnotes and comments are parts of their own: never read.
    func testHeadersFootersNotesAndCommentsAreDropped() {
        let part = { (root: String, text: String) in "<?xml version=\"1.0\"?><w:\(root) xmlns:w=\"\(X.w)\"><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:\(root)>" }
        let body = """
        <w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/>\
        <w:r><w:t>句子</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>
        """
        let parts = ["word/header1.xml": part("hdr", "某市人民政府文件"), "word/footer1.xml": part("ftr", "— 1 —"),
                     "word/footnotes.xml": part("footnotes", "脚注"), "word/endnotes.xml": part("endnotes", "尾注"),
                     "word/comments.xml": part("comments", "批注")]
        XCTAssertEqual(DOCX.lines(body, parts: parts), ["正文句子"])
    }

    func testTitleFromPropertiesOnlyWhenReal() throws {
        func core(_ title: String) -> String {
            "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(title)</dc:title><dc:creator>张三</dc:creator></cp:coreProperties>"
        }
        let doc = X.document(X.p("正文内容"))
        let real = try DOCX.read(X.docx(doc, parts: ["docProps/core.xml": core("关于印发2023年政务公开工作要点的通知")]))
        XCTAssertEqual(real.title, "关于印发2023年政务公开工作要点的通知")
        XCTAssertEqual(real.properties["creator"], "张三")
        for fake in ["Microsoft Word - 通知.doc", "", "Document1", "新建 Microsoft Word 文档", "关于印发要点的通知.docx",
                     "ÉÏº£ÊÐÈËÃñÕþ¸®", "鍏充簬鍗板彂宸ヤ綔瑕佺偣鐨勯€氱煡", "锟斤拷锟斤拷锟斤拷"] {
            XCTAssertNil(try DOCX.read(X.docx(doc, parts: ["docProps/core.xml": core(fake)])).title, fake)
        }
        XCTAssertNil(try DOCX.read(X.docx(doc)).title)
    }

    /// A package whose main document is not at word/document.xml is found through _rels/.rels;
    /// the ingester records it as a docx.
    func testMainDocumentFoundThroughRelationships() throws {
        let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/doc/main.xml\"/></Relationships>"
        let bytes = X.zip([.init("_rels/.rels", rels), .init("doc/main.xml", X.document(X.p("一、总体要求")))])
        let ingested = try Ingester().ingest(bytes: bytes, path: "a/plan.docx", sha256: "")
        XCTAssertEqual(ingested.text, "一、总体要求")
        XCTAssertEqual(ingested.format, "docx")
        XCTAssertEqual(ingested.encoding, "utf-8")
        XCTAssertEqual(DOCXReader.resolve("../media/../styles.xml", from: "word/"), "styles.xml")
        XCTAssertEqual(DOCXReader.resolve("../../../../etc/passwd", from: "word/"), "etc/passwd")
    }
}
