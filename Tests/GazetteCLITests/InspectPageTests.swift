import Foundation
import XCTest
import GazetteTestSupport

/// `gazette inspect --json` on a made-up policy-library HTML page: metadata table, notice
/// wrapping a plan, clauses, a task table and an attachment, through every stage.
final class InspectPageTests: XCTestCase {
    func testPolicyPageEndToEnd() throws {
        let data = try GazetteBinary.output(["inspect", "--json", "Tests/GazetteCoreTests/Fixtures/structure/policy_page.html"])
        let d = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(d["title"] as? String, "杭州市人民政府办公厅关于印发2022年杭州市政务公开工作要点的通知")
        XCTAssertEqual(d["plan_title"] as? String, "2022年杭州市政务公开工作要点")
        XCTAssertEqual(d["issuer"] as? String, "杭州市人民政府办公厅")
        XCTAssertEqual(d["doc_number"] as? String, "杭政办函〔2022〕15号")
        XCTAssertEqual(d["issue_date"] as? String, "2022-04-18")
        XCTAssertEqual(d["region"] as? String, "杭州市")
        XCTAssertEqual(d["doc_type"] as? String, "work_plan")
        let clauses = try XCTUnwrap(d["clauses"] as? [[String: Any]])
        XCTAssertEqual(clauses.map { "\($0["id"]!) \($0["level"]!)" },
                       ["s1 1", "s1.c1 2", "s1.c2 2", "s2 1", "s2.c3 2", "s2.c3.i1 3", "s2.c3.i2 3", "s3 1", "s3.t1 2", "s3.t2 2"])
        let row = try XCTUnwrap(clauses.first { $0["id"] as? String == "s3.t2" })
        XCTAssertEqual((row["units"] as? [[String: Any]])?.map { "\($0["name"]!) \($0["role"]!)" }, ["市委网信办 lead", "市政府办公厅 lead"])
        XCTAssertEqual(row["deadlines"] as? [String], ["长期"])
        XCTAssertEqual((d["appendices"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["attachment"])
    }

    /// A traditional-script sample: clause text is simplified, `original` the same lines as written.
    func testOriginalKeepsTheSourceScript() throws {
        let data = try GazetteBinary.output(["inspect", "--json", "Corpus/000_210ac8af5853cc26.txt"])
        let d = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let clauses = try XCTUnwrap(d["clauses"] as? [[String: Any]])
        XCTAssertEqual(clauses.first?["text"] as? String, "一、总体要求")
        XCTAssertEqual(clauses.first?["original"] as? String, "一、總體要求")
        for c in clauses {
            let text = (c["text"] as? String) ?? "", original = (c["original"] as? String) ?? ""
            XCTAssertEqual(text.components(separatedBy: "\n").count, original.components(separatedBy: "\n").count, "\(c["id"]!)")
        }
    }
}
