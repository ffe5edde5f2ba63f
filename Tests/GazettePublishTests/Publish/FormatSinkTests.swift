import XCTest
import CSQLite
import GazetteCore
import GazetteModel
@testable import GazettePublish

final class FormatSinkTests: XCTestCase {
    func testCSVQuotingFollowsRFC4180() {
        XCTAssertEqual(CSVWriter.field("plain"), "plain")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.row(["a", "b,c", ""]), "a,\"b,c\",\r\n")
        // Every ASCII byte at every offset of an eight-byte word, after Chinese and ASCII text.
        for v in UInt8(0)..<0x80 {
            for k in 0..<17 {
                let s = String(repeating: "政", count: k / 3) + String(repeating: "a", count: k % 3) + String(UnicodeScalar(v)) + "务务务务务 tail"
                let special = v == 0x22 || v == 0x2C || v == 0x0D || v == 0x0A
                let expected = special ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
                XCTAssertEqual(CSVWriter.field(s), expected, "byte \(v) at \(k)")
            }
        }
    }

    func testClausesCSVHasBOMHeaderAndOneRowPerClause() throws {
        let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let docs = SampleDocuments.corpus
        try SampleDocuments.publish(docs, sinks: [ClausesCSVSink()], into: dir)
        let data = try Data(contentsOf: dir.appendingPathComponent("clauses.csv"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        // Parse with Python's csv module, an independent RFC 4180 reader.
        let script = """
        import csv, sys, json
        rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
        print(json.dumps({"header": rows[0], "n": len(rows) - 1, "row2": rows[2]}, ensure_ascii=False))
        """
        let (rc, out, err) = try SampleDocuments.shell("/usr/bin/env", ["python3", "-c", script, dir.appendingPathComponent("clauses.csv").path])
        XCTAssertEqual(rc, 0, err)
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        XCTAssertEqual(parsed["header"] as? [String], ClausesCSVSink.columns)
        XCTAssertEqual(parsed["n"] as? Int, docs.reduce(0) { $0 + $1.clauses.count })
        let row = parsed["row2"] as! [String]
        XCTAssertEqual(row[0], "bj-2021")
        XCTAssertEqual(row[ClausesCSVSink.columns.firstIndex(of: "clause_id")!], "s1.c1")
        XCTAssertEqual(row[ClausesCSVSink.columns.firstIndex(of: "parent")!], "s1")
        XCTAssertEqual(row[ClausesCSVSink.columns.firstIndex(of: "units")!], "市发展改革委;市财政局")
        XCTAssertEqual(row[ClausesCSVSink.columns.firstIndex(of: "unit_roles")!], "each_responsible;each_responsible")
        XCTAssertEqual(row[ClausesCSVSink.columns.firstIndex(of: "similar")!], "other-doc#s2.c1@0.93")
    }

    func testStreamedFilesThatCannotBeCreatedNameTheFileAndTheReason() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-no-such-folder-\(getpid())")
        for (what, make) in [("clauses.csv", { _ = try CSVWriter(url: missing.appendingPathComponent("clauses.csv")) }),
                             ("corpus.jsonl.gz", { _ = try GzipMembersFile(url: missing.appendingPathComponent("corpus.jsonl.gz")) })]
            as [(String, () throws -> Void)] {
            XCTAssertThrowsError(try make(), what) { error in
                let text = "\(error)"
                XCTAssert(error is PublishError && text.contains("cannot create") && text.contains(what)
                          && text.contains("No such file or directory"), text)
            }
        }
    }

    func testJSONLinesStreamOneDocumentPerLine() throws {
        let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try SampleDocuments.publish(SampleDocuments.corpus, sinks: [JSONLinesSink()], into: dir)
        let gz = try Data(contentsOf: dir.appendingPathComponent("corpus.jsonl.gz"))
        XCTAssertEqual(Array(gz.prefix(2)), [0x1F, 0x8B])
        let text = String(decoding: try Gzip.inflate(Array(gz), cap: 1 << 26), as: UTF8.self)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        let docs = try lines.map { try JSONDecoder().decode(Document.self, from: Data($0.utf8)) }
        XCTAssertEqual(docs.map(\.id), ["bj-2021", "evil-2020", "sh-2020"])
        XCTAssertEqual(docs[2], SampleDocuments.plan(id: "sh-2020", region: "上海市", year: 2020))
    }

    /// With both formats, one sink writes documents/ and corpus.jsonl.gz, from one encoding:
    /// the same files as the two sinks apart (the gzip stream's bytes included).
    func testOneSinkForBothJSONFormatsWritesWhatTwoWould() throws {
        let a = SampleDocuments.tempFolder(), b = SampleDocuments.tempFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        var docs = SampleDocuments.corpus
        docs[0].clauses[1].scores = ["Area10": 1, "area2": 2]   // left to JSONEncoder
        let both = Sinks.make(formats: ["json", "jsonl"])
        XCTAssertEqual(both.count, 1)
        XCTAssertTrue(both[0].ownThread)
        try SampleDocuments.publish(docs, sinks: both, into: a)
        try SampleDocuments.publish(docs, sinks: [DocumentJSONSink(), JSONLinesSink()], into: b)
        for f in ["corpus.jsonl.gz"] + docs.map({ "documents/\($0.id).json" }) {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(f)), try Data(contentsOf: b.appendingPathComponent(f)), f)
        }
        XCTAssertTrue(Sinks.make(formats: ["jsonl"]).first is JSONLinesSink)
        XCTAssertFalse(Sinks.make(formats: ["json"]).first!.ownThread)
    }

    func testSQLiteFindsChinesePhraseThroughTrigramIndex() throws {
        let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try SampleDocuments.publish(SampleDocuments.corpus, sinks: [SQLiteSink()], into: dir)
        let db = try SQLiteDatabase(path: dir.appendingPathComponent("gazette.sqlite").path)
        let hits = try db.prepare("""
            SELECT c.doc_id, c.clause_id FROM clause_fts f JOIN clauses c ON c.rowid = f.rowid
            WHERE clause_fts MATCH ? ORDER BY c.doc_id, c.clause_id
            """).rows([.text("\"重大行政决策\"")])
        XCTAssertEqual(hits.map { "\($0[0]!)#\($0[1]!)" }, ["bj-2021#s1.c1", "evil-2020#s1.c1", "sh-2020#s1.c1"])
        let none = try db.prepare("SELECT count(*) FROM clause_fts WHERE clause_fts MATCH ?").rows([.text("\"行政复议诉讼\"")])
        XCTAssertEqual(none[0][0], "0")
        let counts = try db.prepare("""
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM clauses), (SELECT count(*) FROM units),
                   (SELECT count(*) FROM labels WHERE kind='topic'), (SELECT count(*) FROM duplicates), (SELECT count(*) FROM similar),
                   (SELECT count(*) FROM inputs)
            """).rows()
        XCTAssertEqual(counts[0], ["3", "15", "9", "6", "3", "3", "3"])
        let unit = try db.prepare("SELECT DISTINCT doc_id FROM units WHERE canonical = ? ORDER BY 1").rows([.text("上海市财政局")])
        XCTAssertEqual(unit.map { $0[0]! }, ["evil-2020", "sh-2020"])
        let plan = try db.prepare("EXPLAIN QUERY PLAN SELECT * FROM units WHERE canonical = ?").rows([.text("x")])
        XCTAssertTrue(plan.contains { ($0.last ?? "")?.contains("units_canonical") == true }, "lookup by unit does not use its index")
    }

    /// A hash table too small for one document makes FTS5 write a segment per flush; the
    /// index, in however many segments automerge leaves, must hold exactly what one big
    /// flush gives, pass FTS5's integrity check, and the pages merges freed must be given back.
    func testFullTextIndexIsTheSameWhateverItsSegmentsAndLeavesNoFreePages() throws {
        func build(_ hash: Int) throws -> (instances: [[String?]], free: String?, segments: String?) {
            let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
            let sink = SQLiteSink(ftsHashSize: hash)
            var segments: String?
            // Enough text that the merge frees more pages than the indexes built after it reuse.
            let docs = (0..<40).flatMap { i in
                SampleDocuments.corpus.map { d -> Document in
                    var d = d; d.id += "-\(i)"
                    for k in d.clauses.indices { d.clauses[k].text = (0..<20).map { "\(d.clauses[k].text)第\(i * 20 + $0)项" }.joined() }
                    return d
                }
            }
            try SampleDocuments.publish(docs, sinks: [sink], into: dir) {
                // Before the finish: how many segments the inserts made (a segment's pages have rowids segid << 37 + …).
                segments = try sink.db?.prepare("SELECT count(DISTINCT id >> 37) FROM clause_fts_data WHERE id >= 137438953472").rows()[0][0] ?? nil
            }
            let db = try SQLiteDatabase(path: dir.appendingPathComponent("gazette.sqlite").path)
            try db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, clause_fts, instance);")
            let rows = try db.prepare("SELECT term, doc, col, offset FROM temp.v").rows()
            try db.exec("INSERT INTO clause_fts(clause_fts) VALUES('integrity-check');")
            return (rows, try db.prepare("PRAGMA freelist_count").rows()[0][0], segments)
        }
        let small = try build(16_384), big = try build(SQLiteSink.defaultFTSHashSize)
        XCTAssertGreaterThan(small.instances.count, 10_000)
        XCTAssertEqual(small.instances, big.instances)
        XCTAssertEqual(small.free, "0")
        XCTAssertEqual(big.free, "0")
        XCTAssertGreaterThan(Int(small.segments ?? "") ?? 0, Int(big.segments ?? "") ?? 0, "a 16 KiB hash should flush more often")
    }

    func testSQLiteFileIsByteIdenticalAcrossBuilds() throws {
        let a = SampleDocuments.tempFolder(), b = SampleDocuments.tempFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        try SampleDocuments.publish(SampleDocuments.corpus, sinks: [SQLiteSink()], into: a)
        usleep(1_100_000)   // a different second, in case anything time-dependent slipped in
        try SampleDocuments.publish(SampleDocuments.corpus, sinks: [SQLiteSink()], into: b)
        let x = try Data(contentsOf: a.appendingPathComponent("gazette.sqlite"))
        let y = try Data(contentsOf: b.appendingPathComponent("gazette.sqlite"))
        XCTAssertGreaterThan(x.count, 4096)
        XCTAssertEqual(x, y)
        XCTAssertFalse(FileManager.default.fileExists(atPath: a.appendingPathComponent("gazette.sqlite-journal").path))
    }

    func testEveryDocumentValidatesAgainstTheSchema() throws {
        let dir = SampleDocuments.tempFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try SampleDocuments.publish(SampleDocuments.corpus, sinks: [DocumentJSONSink()], into: dir)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("documents").path).sorted()
        XCTAssertEqual(files, ["bj-2021.json", "evil-2020.json", "sh-2020.json"])
        let (rc, out, err) = try SchemaValidator.validate(folder: dir.appendingPathComponent("documents"))
        XCTAssertEqual(rc, 0, out + err)
        XCTAssertTrue(out.contains("3 valid"), out)
        // And the validator does fail on a broken document.
        var bad = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("documents/sh-2020.json"))) as! [String: Any]
        bad["doc_type"] = "memo"
        try JSONSerialization.data(withJSONObject: bad).write(to: dir.appendingPathComponent("documents/sh-2020.json"))
        XCTAssertNotEqual(try SchemaValidator.validate(folder: dir.appendingPathComponent("documents")).0, 0)
    }
}

/// Validates every JSON file of a folder against schema/document.schema.json with python3's jsonschema.
enum SchemaValidator {
    static func validate(folder: URL) throws -> (Int32, String, String) {
        let schema = SampleDocuments.packageRoot.appendingPathComponent("schema/document.schema.json").path
        let script = """
        import json, sys, glob, os
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        bad = 0; files = sorted(glob.glob(os.path.join(sys.argv[2], '*.json')))
        for f in files:
            for e in v.iter_errors(json.load(open(f, encoding='utf-8'))):
                bad += 1; print(os.path.basename(f), '/'.join(map(str, e.path)), e.message[:200])
        print(f"{len(files) - bad} valid of {len(files)}" if bad == 0 else f"{bad} errors")
        sys.exit(1 if bad or not files else 0)
        """
        return try SampleDocuments.shell("/usr/bin/env", ["python3", "-c", script, schema, folder.path])
    }
}
