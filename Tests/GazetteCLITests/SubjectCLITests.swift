import Foundation
import XCTest
import GazetteTestSupport

/// The official subject class (主题分类) end to end, through the built binary: a made-up
/// policy-library page with a metadata table gives the page's value (source page); the same
/// page without the row gets a prediction with its evidence; a run publishes it to the
/// document JSON and clauses.csv, and `gazette inspect` shows it.
final class SubjectCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try Fixtures.temporaryFolder("subject") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A tax notice on a policy-library page; `subject` is the 主题分类 cell's value, nil for no row.
    func page(subject: String?) -> String {
        let row = subject.map { "<tr><td>主题分类：</td><td>\($0)</td><td>索引号：</td><td>000014349/2023-00077</td></tr>" }
            ?? "<tr><td>索引号：</td><td>000014349/2023-00077</td><td>成文日期：</td><td>2023年08月28日</td></tr>"
        return """
        <html><head><meta charset="utf-8"><title>关于提高个人所得税有关专项附加扣除标准的通知_某省人民政府</title></head><body>
        <table class="meta">
        \(row)
        <tr><td>发文机关：</td><td>某省人民政府</td><td>发文字号：</td><td>某政发〔2023〕13号</td></tr>
        <tr><td>标题：</td><td colspan="3">关于提高个人所得税有关专项附加扣除标准的通知</td></tr>
        </table>
        <div class="content">
        <p>各市人民政府，省政府各部门：</p>
        <p>为进一步减轻家庭生育养育和赡养老人负担，现就提高个人所得税有关专项附加扣除标准通知如下：</p>
        <p>一、3岁以下婴幼儿照护专项附加扣除标准，由每个婴幼儿每月1000元提高到2000元。</p>
        <p>二、子女教育专项附加扣除标准，由每个子女每月1000元提高到2000元。</p>
        <p>三、赡养老人专项附加扣除标准，由每月2000元提高到3000元。纳税人可按规定在预扣预缴或年度汇算时享受。</p>
        <p>某省人民政府</p><p>2023年8月28日</p>
        </div></body></html>
        """
    }

    func inspect(_ html: String, name: String) throws -> [String: Any] {
        let url = dir.appendingPathComponent(name)
        try Data(html.utf8).write(to: url)
        let data = try GazetteBinary.output(["inspect", "--json", url.path])
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testThePagesValueIsRead() throws {
        let d = try inspect(page(subject: "财政、金融、审计\\税务"), name: "with.html")
        let s = try XCTUnwrap(d["subject"] as? [String: Any])
        XCTAssertEqual(s["code"] as? String, "finance.tax")
        XCTAssertEqual(s["name"] as? String, "财政、金融、审计\\税务")
        XCTAssertEqual(s["source"] as? String, "page")
        XCTAssertEqual(s["raw"] as? String, "财政、金融、审计\\税务")
        XCTAssertTrue(s["score"] is NSNull)
        XCTAssertEqual((d["metadata_sources"] as? [String: String])?["subject"], "page-table")
    }

    func testASubClassAloneAndAnUnknownValue() throws {
        let alone = try XCTUnwrap(try inspect(page(subject: "税务"), name: "alone.html")["subject"] as? [String: Any])
        XCTAssertEqual(alone["code"] as? String, "finance.tax")
        XCTAssertEqual(alone["name"] as? String, "财政、金融、审计\\税务")
        let d = try inspect(page(subject: "税费征管"), name: "unknown.html")
        let s = try XCTUnwrap(d["subject"] as? [String: Any])
        XCTAssertTrue(s["code"] is NSNull)
        XCTAssertEqual(s["name"] as? String, "税费征管")
        XCTAssertEqual(s["source"] as? String, "page")
        XCTAssertEqual((d["quality"] as? [String: Any])?["warnings"] as? [String], ["subject-unrecognised"])
    }

    func testWithoutTheRowTheSubjectIsPredictedWithEvidence() throws {
        let d = try inspect(page(subject: nil), name: "without.html")
        let s = try XCTUnwrap(d["subject"] as? [String: Any])
        XCTAssertEqual(s["source"] as? String, "predicted")
        XCTAssertEqual(s["code"] as? String, "finance.tax")
        XCTAssertTrue(s["raw"] is NSNull)
        XCTAssertGreaterThan(s["score"] as? Double ?? 0, 0)
        let evidence = try XCTUnwrap(s["evidence"] as? [String])
        XCTAssertTrue(evidence.first?.contains("title 个人所得税") ?? false, "\(evidence)")
        XCTAssertNil((d["metadata_sources"] as? [String: String])?["subject"])
    }

    func testARunPublishesItAndInspectShowsIt() throws {
        let corpus = dir.appendingPathComponent("corpus"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data(page(subject: "财政、金融、审计\\税务").utf8).write(to: corpus.appendingPathComponent("a.html"))
        // Another notice (not a copy, which dedup would fold into the first), without the row.
        let other = """
        <html><head><meta charset="utf-8"><title>关于做好增值税留抵退税工作的通知</title></head><body>
        <h1>关于做好增值税留抵退税工作的通知</h1>
        <p>各市税务局：</p>
        <p>一、符合条件的小微企业，可以向主管税务机关申请退还增量留抵税额和存量留抵税额。</p>
        <p>二、纳税人申请退税时应当同时符合纳税信用等级为A级或者B级等条件。</p>
        <p>三、各地要加强退税审核，严厉打击骗取留抵退税行为。</p>
        </body></html>
        """
        try Data(other.utf8).write(to: corpus.appendingPathComponent("b.html"))
        let r = try GazetteBinary.run(["run", "--config", "pipeline.yml", "--corpus", corpus.path, "--output", out.path,
                                       "--cache", dir.appendingPathComponent("cache").path, "--full", "--quiet"])
        XCTAssertLessThanOrEqual(r.status, 1, r.stderr)
        let docs = try FileManager.default.contentsOfDirectory(at: out.appendingPathComponent("documents"), includingPropertiesForKeys: nil)
        let subjects = try docs.map { url -> String in
            let d = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let s = try XCTUnwrap(d["subject"] as? [String: Any])
            return "\(s["code"]!) \(s["source"]!)"
        }.sorted()
        XCTAssertEqual(subjects, ["finance.tax page", "finance.tax predicted"])
        let csv = try String(contentsOf: out.appendingPathComponent("clauses.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains(",finance.tax,财政、金融、审计\\税务\r\n"), String(csv.prefix(400)))
        let text = try GazetteBinary.run(["inspect", corpus.appendingPathComponent("b.html").path])
        XCTAssertTrue(text.stdout.contains("subject:    财政、金融、审计\\税务 [finance.tax] predicted score "), text.stdout)
    }
}
