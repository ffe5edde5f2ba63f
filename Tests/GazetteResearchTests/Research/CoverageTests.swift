import XCTest
import GazetteModel
import GazetteOutput
@testable import GazetteResearch
@testable import GazetteCore

final class CoverageTests: XCTestCase {
    func clause(_ id: String, _ area: String, _ text: String, topics: [String] = []) -> Clause {
        Clause(id: id, parent: nil, level: 2, label: "", number: 0, heading: "", text: text, original: text, area: area, topics: topics)
    }

    func docs() -> [Document] {
        [SampleClauses.document(id: "sh2020", clauses: [
            clause("c1", "disclosure", "完善依申请办理工作全链条管理，规范登记审核办理答复归档。"),
            clause("c2", "interpretation", "提高政策解读的精准性和针对性，做到应解读尽解读。"),
            clause("c3", "disclosure", "动态拓展主动公开范围，编制主动公开目录并集中发布。")], region: "上海市", year: 2020),
         SampleClauses.document(id: "sh2021", clauses: [
            clause("c1", "disclosure", "完善依申请办理工作全链条管理，规范登记审核办理答复归档。"),
            clause("c2", "platform", "规范政府网站和政务新媒体建设，强化集约化平台管理。")], region: "上海市", year: 2021),
         SampleClauses.document(id: "bj2021", clauses: [clause("c1", "interpretation", "做好政策解读。")], region: "北京市", year: 2021)]
    }

    func testCountsSharesAndYearChanges() {
        let t = CoverageTable.make(docs(), by: [.region, .year], axis: .area)
        XCTAssertEqual(t.groups.map(\.label), ["上海市 2020", "上海市 2021", "北京市 2021"])
        XCTAssertEqual(t.groups[0].counts["disclosure"], 2)
        XCTAssertEqual(t.groups[0].share("disclosure"), 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(t.labels.first, "disclosure")
        XCTAssertEqual(t.changes.count, 1)
        let ch = t.changes[0]
        XCTAssertEqual([ch.region, String(ch.from), String(ch.to)], ["上海市", "2020", "2021"])
        XCTAssertEqual(ch.new, ["platform"]); XCTAssertEqual(ch.dropped, ["interpretation"])
        XCTAssertEqual(ch.newClauses.map(\.clause), ["c2"])
        XCTAssertEqual(Set(ch.droppedClauses.map(\.clause)), ["c2", "c3"])
    }

    /// The site builds the compare page one region at a time: the merged parts must be the
    /// table of all documents at once, including a document without a region.
    func testTablesOfEachRegionMergeIntoTheWholeTable() {
        var all = docs()
        all.append(SampleClauses.document(id: "nowhere", clauses: [clause("c1", "platform", "加强政务新媒体管理。")], region: nil, year: 2021))
        all.append(SampleClauses.document(id: "sh2022", clauses: [clause("c1", "platform", "规范政府网站和政务新媒体建设。")], region: "上海市", year: 2022))
        let whole = CoverageTable.make(all, by: [.region, .year], axis: .area)
        let byRegion = Dictionary(grouping: all) { $0.region ?? "-" }
        let parts = byRegion.keys.sorted().map { CoverageTable.make(prepared: byRegion[$0]!.map(PreparedDocument.init), by: [.region, .year], axis: .area) }
        let merged = CoverageTable.merged(parts, by: [.region, .year], axis: .area, threshold: CoverageTable.defaultThreshold)
        XCTAssertEqual(merged, whole)
        XCTAssertEqual(whole.groups.count, 5)
        XCTAssertEqual(whole.changes.count, 2)
    }

    /// `gazette compare` reads an Output folder a batch at a time and, grouped by region,
    /// makes the table region by region from a spill file: the same table as all documents
    /// at once, from documents/ and from corpus.jsonl.gz alike.
    func testTableOfAnOutputFolderIsTheTableOfItsDocuments() throws {
        var all = docs()
        all.append(SampleClauses.document(id: "nowhere", clauses: [clause("c1", "platform", "加强政务新媒体管理。")], region: nil, year: 2021))
        all.append(SampleClauses.document(id: "sh2022", clauses: [clause("c1", "platform", "规范政府网站和政务新媒体建设。")], region: "上海市", year: 2022))
        all.sort { $0.id < $1.id }   // the order documents are read in, whatever the files' order
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let folder = out.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for d in all { try JSONEncoder().encode(d).write(to: folder.appendingPathComponent(d.id + ".json")) }
        let lines = try all.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        let spillDir = out.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spillDir, withIntermediateDirectories: true)
        for by in [[CoverageTable.Dimension.region, .year], [.year], [.region, .docType]] {
            let whole = CoverageTable.make(all, by: by, axis: .area)
            XCTAssertEqual(try CoverageTable.make(output: out, by: by, axis: .area, threshold: CoverageTable.defaultThreshold, temporary: spillDir), whole, "\(by)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: spillDir.path), [], "the spill file is removed")
        // Without documents/, the JSON lines file.
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data(Gzip.deflate(Array(lines.utf8))).write(to: out.appendingPathComponent("corpus.jsonl.gz"))
        XCTAssertEqual(try CoverageTable.make(output: out, by: [.region, .year], axis: .area, threshold: 0.5),
                       CoverageTable.make(all, by: [.region, .year], axis: .area))
        XCTAssertEqual(try DocumentStore.loadAll(output: out).map(\.id), all.map(\.id))
    }

    func testRenderersAgreeWithTheTable() throws {
        let t = CoverageTable.make(docs(), by: [.region], axis: .area)
        XCTAssertEqual(t.groups.map(\.label), ["上海市", "北京市"])
        XCTAssertTrue(t.changes.isEmpty)
        let r = CoverageRenderer(t)
        XCTAssertTrue(r.csv().contains("上海市,上海市,,,disclosure,3,5,0.6000"))
        XCTAssertTrue(r.html().contains("rs-heat"))
        let back = try JSONDecoder().decode(CoverageTable.self, from: try r.json())
        XCTAssertEqual(back, t)
    }

    func testSiteSinkWritesDiffAndComparePages() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("research-sink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sink = ResearchSiteSink()
        try sink.begin(staging: dir)
        for d in docs() { try sink.write(d) }
        try sink.finish(CorpusSummary(documents: [], manifest: Manifest(inputs: [], run: RunInfo(counts: [:], timings: [:], versions: [:], configHash: ""))))
        let later = try String(contentsOf: dir.appendingPathComponent("site/diff/sh2021.html"), encoding: .utf8)
        XCTAssertTrue(later.contains("../doc/sh2020.html#c1") && later.contains("unchanged"))
        let first = try String(contentsOf: dir.appendingPathComponent("site/diff/sh2020.html"), encoding: .utf8)
        XCTAssertTrue(first.contains("No earlier document"))
        // The overview links each region to its page, which holds its changes between years.
        let overview = try String(contentsOf: dir.appendingPathComponent("site/compare.html"), encoding: .utf8)
        let slug = CoverageRenderer.regionSlug("上海市")
        XCTAssertTrue(overview.contains("href=\"compare/\(slug).html\""))
        XCTAssertTrue(overview.contains("rs-heat"))
        XCTAssertFalse(overview.contains("without a counterpart"), "the overview should not carry the changes")
        let region = try String(contentsOf: dir.appendingPathComponent("site/compare/\(slug).html"), encoding: .utf8)
        XCTAssertTrue(region.contains("上海市 2020 → 2021"), region)
        XCTAssertTrue(region.contains("href=\"../compare.html\"") && region.contains("../assets/style.css"))
        XCTAssertFalse(region.contains("北京市 20"), "another region's rows on 上海市's page")
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("site/compare").path)
        XCTAssertEqual(Set(pages), Set(["上海市", "北京市"].map { CoverageRenderer.regionSlug($0) + ".html" }))
        // The documents it kept on disk until finish are not left for Output/.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["site"])
    }

    /// The research pages read neither a document's copies nor its clauses' links to similar
    /// clauses, so a night that only adds a copy or a similar clause elsewhere leaves the
    /// region as it was: the same bytes, and its pages linked from the previous Output/.
    func testCopiesAndSimilarLinksDoNotTouchTheResearchPages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("research-reuse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state"), first = root.appendingPathComponent("first"), second = root.appendingPathComponent("second")
        func manifest(_ fingerprint: String) -> Manifest {
            var run = RunInfo(counts: [:], timings: [:], versions: [:], configHash: "")
            run.fingerprint = fingerprint
            return Manifest(inputs: [], run: run)
        }
        func publish(_ docs: [Document], into folder: URL, previous: PublishContext.Previous?, fingerprint: String) throws {
            let sink = ResearchSiteSink()
            sink.use(PublishContext(state: state, previous: previous))
            try sink.begin(staging: folder)
            for d in docs { try sink.write(d) }
            try sink.finish(CorpusSummary(documents: [], manifest: manifest(fingerprint)))
        }
        try publish(docs(), into: first, previous: nil, fingerprint: "f1")
        var changed = docs()
        changed[1].clauses[0].similar = [SimilarClause(doc: "bj2021", clause: "c1", score: 0.9)]
        changed[1].duplicates = [DuplicateCopy(path: "mirror/sh2021.txt", sha256: String(repeating: "b", count: 64), similarity: 0.97)]
        try publish(changed, into: second, previous: .init(output: first, fingerprint: "f1"), fingerprint: "f2")
        func inode(_ folder: URL, _ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.systemFileNumber] as? Int
        }
        for id in ["sh2020", "sh2021", "bj2021"] {
            let path = "site/diff/\(id).html"
            XCTAssertEqual(try Data(contentsOf: first.appendingPathComponent(path)), try Data(contentsOf: second.appendingPathComponent(path)))
            XCTAssertEqual(try inode(second, path), try inode(first, path), "\(path) was written again, not linked")
        }
        let page = "site/compare/\(CoverageRenderer.regionSlug("上海市")).html"
        XCTAssertEqual(try Data(contentsOf: first.appendingPathComponent(page)), try Data(contentsOf: second.appendingPathComponent(page)))

        // A change the pages do read (a clause's text) is published anew.
        var edited = changed
        edited[1].clauses[1].text = "规范政府网站和政务新媒体建设。"
        let third = root.appendingPathComponent("third")
        try publish(edited, into: third, previous: .init(output: second, fingerprint: "f2"), fingerprint: "f3")
        XCTAssertNotEqual(try inode(third, "site/diff/sh2021.html"), try inode(second, "site/diff/sh2021.html"))
        XCTAssertEqual(try inode(third, "site/diff/bj2021.html"), try inode(second, "site/diff/bj2021.html"), "another region")
    }

    /// The comparison aids the research pages keep per region are a cache bounded by the
    /// memory budget: with none kept the pages are the same bytes.
    func testPagesDoNotDependOnWhatIsKeptForComparison() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("research-kept-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var trees: [[String: Data]] = []
        for kept in [0, 4_000, 128 << 20] {
            let folder = root.appendingPathComponent("\(kept)")
            let sink = ResearchSiteSink(keptBytes: kept)
            try sink.begin(staging: folder)
            for d in docs() { try sink.write(d) }
            try sink.finish(CorpusSummary(documents: [], manifest: Manifest(inputs: [], run: RunInfo(counts: [:], timings: [:], versions: [:], configHash: ""))))
            var tree: [String: Data] = [:]
            let base = folder.path
            for case let rel as String in FileManager.default.enumerator(atPath: base)! {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                    tree[rel] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + rel))
                }
            }
            trees.append(tree)
        }
        XCTAssertGreaterThan(trees[0].count, 4)
        XCTAssertEqual(trees[0], trees[1])
        XCTAssertEqual(trees[0], trees[2])
        XCTAssertGreaterThan(PreparedDocument.keptBytes(docs()[0]), 0)
    }
}
