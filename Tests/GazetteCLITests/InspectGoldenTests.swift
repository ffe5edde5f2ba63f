import Foundation
import XCTest
import GazetteTestSupport

/// Golden files of `gazette inspect --json` for each sample document in Corpus/ and each devset document.
///
/// Only the structure stage's fields are compared (metadata; clause ids, parents, levels,
/// labels, numbers, headings, unit names and roles, deadlines, targets; appendices), so
/// that work on other stages (area, topics, canonical units, script detection) does not
/// disturb them. Re-record with GAZETTE_RECORD=1: the test then rewrites the golden files
/// and FAILS, so a re-record is never accepted silently.
final class InspectGoldenTests: XCTestCase {
    static let goldenDir = Fixtures.of("GazetteCoreTests", "structure/golden")

    func testInspectJSONMatchesGoldenFiles() throws {
        let corpus = Fixtures.root.appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertFalse(files.isEmpty, "no sample documents in Corpus/")
        try checkGolden(files.map { "Corpus/\($0)" }, in: Self.goldenDir)
    }

    /// The same for every document of ../shared/devset/docs (real documents of other sources),
    /// golden files in golden/devset/: a change of layout recovery or metadata shows per document.
    func testInspectJSONOfDevsetDocumentsMatchesGoldenFiles() throws {
        let docs = Fixtures.devset.appendingPathComponent("docs")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: docs.path).sorted(), !files.isEmpty else {
            throw XCTSkip("../shared/devset/docs is not beside the repository")
        }
        try checkGolden(files.map { docs.appendingPathComponent($0).path }, in: Self.goldenDir.appendingPathComponent("devset"))
    }

    func checkGolden(_ paths: [String], in dir: URL) throws {
        for path in paths {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let projected = try Self.project(try GazetteBinary.output(["inspect", "--json", path]))
            Golden.check(text: projected, against: dir.appendingPathComponent(name + ".json"))
        }
    }

    func testInspectTextShowsTreeUnitsAndAppendices() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path).filter { $0.hasSuffix(".txt") }.sorted()
        var sawUnit = false, sawAppendix = false
        for name in files {
            let text = String(decoding: try GazetteBinary.output(["inspect", "Corpus/\(name)"]), as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("title:"), name)
            XCTAssertTrue(text.contains("\nquality:    layout lines   clause coverage "), "\(name): the quality line")
            XCTAssertTrue(text.contains("title ← body"), "\(name): where the title came from")
            XCTAssertTrue(text.contains("\nL1 ") || text.contains("\n  L2 "), "\(name): clause tree with levels")
            sawUnit = sawUnit || text.contains(" unit ")
            sawAppendix = sawAppendix || text.contains("appendix:   [interpretation]")
        }
        XCTAssertTrue(sawUnit, "some sample shows responsible units")
        XCTAssertTrue(sawAppendix, "some sample shows its 政策解读 appendix")
    }

    /// The structure fields of a document record, as stable pretty JSON.
    static func project(_ data: Data) throws -> String {
        guard let d = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
        var out: [String: Any] = [:]
        for k in ["title", "plan_title", "doc_type", "region", "year", "issuer", "doc_number", "issue_date", "publication_date",
                  "addressees", "contact", "disclosure", "metadata_sources", "quality"] { out[k] = d[k] ?? NSNull() }
        out["clauses"] = ((d["clauses"] as? [[String: Any]]) ?? []).map { c -> [String: Any] in
            var o: [String: Any] = [:]
            for k in ["id", "parent", "level", "label", "number", "heading", "deadlines", "targets"] { o[k] = c[k] ?? NSNull() }
            o["units"] = ((c["units"] as? [[String: Any]]) ?? []).map { "\($0["name"] ?? "") \($0["role"] ?? "")" }
            return o
        }
        out["appendices"] = ((d["appendices"] as? [[String: Any]]) ?? []).map { a -> [String: Any] in
            ["kind": a["kind"] ?? "", "title": a["title"] ?? "",
             "questions": ((a["qa"] as? [[String: Any]]) ?? []).map { (($0["question"] as? String) ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "?？")) }]
        }
        let json = try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: json, as: UTF8.self) + "\n"
    }
}
