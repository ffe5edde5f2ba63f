import GazetteModel
import XCTest
@testable import GazetteCore

final class DeduplicatorTests: XCTestCase {
    let settings = DedupSettings()
    typealias F = DedupFixtures

    func testExactCopiesCollapseOntoTheSimplifiedOriginal() {
        let lines = F.text(seed: 1)
        let docs = [F.candidate("b-converted", lines, conversion: "t2s"), F.candidate("a-original", lines),
                    F.candidate("c-original", lines)]
        let r = Deduplicator(settings: settings).run(docs)
        XCTAssertEqual(r.canonicalOf, ["b-converted": "a-original", "c-original": "a-original"])
        XCTAssertEqual(r.copies["a-original"]?.map(\.path), ["Corpus/b-converted.txt", "Corpus/c-original.txt"])
        XCTAssertEqual(r.copies["a-original"]?.map(\.similarity), [1, 1])
    }

    func testCanonicalRulePrefersOfficialThenLongerThenPath() {
        let lines = F.text(seed: 2)
        let edited = lines + ["扫一扫在手机打开当前页"]
        let docs = [F.candidate("mirror", edited, path: "Corpus/www.mirror-site.com/a.html"),
                    F.candidate("plain", lines, path: "Corpus/files/a.txt"),
                    F.candidate("official", lines, path: "Corpus/www.sh.gov.cn/art/a.html"),
                    F.candidate("official2", lines, path: "Corpus/www.bj.gov.cn/art/a.html")]
        let r = Deduplicator(settings: settings).run(docs)
        XCTAssertEqual(Set(r.canonicalOf.values), ["official2"], "official beats unknown and aggregator; then path order")
        XCTAssertEqual(SourceRank.of(path: "Corpus/www.mirror-site.com/a.html"), .aggregator)
        XCTAssertEqual(SourceRank.of(path: "Corpus/a.b.txt"), .unknown)
        XCTAssertEqual(SourceRank.of(path: "Corpus/zwgk.gz.gov.cn/x/y.html"), .official)
        let longer = [F.candidate("short", lines), F.candidate("long", edited)]
        XCTAssertEqual(Deduplicator(settings: settings).run(longer).canonicalOf, ["short": "long"])
    }

    func testNearCopiesMergeWithTheirSimilarity() {
        var lines = F.text(seed: 3)
        let original = F.candidate("orig", lines)
        lines[10] = String(lines[10].dropFirst(6))          // a sentence changed
        lines.insert("来源：市政府办公厅　发布时间：2023-04-01", at: 0)   // a line of chrome
        let r = Deduplicator(settings: settings).run([original, F.candidate("copy", lines, conversion: "t2s")])
        XCTAssertEqual(r.canonicalOf, ["copy": "orig"])
        let sim = r.copies["orig"]![0].similarity
        XCTAssertGreaterThan(sim, 0.9); XCTAssertLessThan(sim, 1)
    }

    func testTemplateSharingDocumentsStaySeparate() {
        // Two plans from one template: 12 % of the lines rewritten — most text shared.
        let a = F.text(seed: 4, lines: 100)
        let b = F.rewrite(a, fraction: 0.12, seed: 44)
        let sa = F.candidate("a", a), sb = F.candidate("b", b)
        XCTAssertLessThan(sa.signature.similarity(to: sb.signature), settings.threshold)
        XCTAssertGreaterThan(sa.signature.similarity(to: sb.signature), 0.6)
        XCTAssertTrue(Deduplicator(settings: settings).run([sa, sb]).canonicalOf.isEmpty)
    }

    func testChainOfNearCopiesDoesNotMergeDifferentDocuments() {
        // a → b → c → d, each a few lines apart from the next; a and d are different documents.
        var docs: [DedupCandidate] = []
        var lines = F.text(seed: 5, lines: 100)
        for (i, name) in ["a", "b", "c", "d"].enumerated() {
            if i > 0 { for k in 0..<4 { lines[i * 20 + k * 3] = F.text(seed: UInt64(50 + i * 10 + k), lines: 1)[0] } }
            docs.append(F.candidate(name, lines))
        }
        let r = Deduplicator(settings: settings).run(docs)
        XCTAssertLessThan(docs[0].signature.similarity(to: docs[3].signature), settings.threshold - Deduplicator.chainSlack)
        XCTAssertNotEqual(r.canonicalOf["d"], "a")
        for (copy, canon) in r.canonicalOf {
            let s = docs.first { $0.id == copy }!.signature.similarity(to: docs.first { $0.id == canon }!.signature)
            XCTAssertGreaterThanOrEqual(s, settings.threshold - Deduplicator.chainSlack)
        }
    }

    func testSampledSimilarityOfLongDocumentsIsCloseToExact() {
        let a = F.text(seed: 6, lines: 400), b = F.rewrite(a, fraction: 0.1, seed: 66)
        let sa = DedupSignature.make(text: a.joined(separator: "\n"), clauses: [], settings: settings)
        let sb = DedupSignature.make(text: b.joined(separator: "\n"), clauses: [], settings: settings)
        XCTAssertGreaterThan(sa.sampleLevel, 0, "a 16,000-character text is sampled")
        XCTAssertLessThanOrEqual(sa.sample.count, 2 * DedupSignature.sampleTarget)
        let exact = Shingler.jaccard(Shingler.hashes(Shingler.canonical(a.joined()), k: 5)[...],
                                     Shingler.hashes(Shingler.canonical(b.joined()), k: 5)[...])
        XCTAssertEqual(sa.similarity(to: sb), exact, accuracy: 0.02)
    }

    func testClauseLinksBestFirstAcrossOtherDocumentsOnly() {
        let shared = "加强政策解读回应工作，围绕市场主体和人民群众关切，做好政策文件解读发布，提升解读质量和传播效果"
        let near = "加强政策解读回应工作，围绕市场主体和人民群众关切，做好政策文件解读发布，提升解读的质量和效果"
        let unrelated = "推进基层政务公开标准化规范化建设，完善基层政务公开事项目录，定期更新公开内容"
        func doc(_ id: String, _ clauses: [(String, String)]) -> DedupCandidate {
            F.candidate(id, F.text(seed: UInt64(id.unicodeScalars.first!.value)), clauses: clauses.map { (id: $0.0, text: $0.1) })
        }
        let docs = [doc("a", [("s1", shared), ("s2", unrelated)]), doc("b", [("s1.c1", shared), ("s1.c2", near)]),
                    doc("c", [("s3", near)]), doc("d", [("s9", "总体要求")])]
        let r = Deduplicator(settings: settings).run(docs)
        let links = r.similar["a"]?["s1"] ?? []
        XCTAssertEqual(links.map(\.doc), ["b", "c"], "one link per other document, best first")
        XCTAssertEqual(links.first?.clause, "s1.c1")
        XCTAssertEqual(links.first?.score, 1)
        XCTAssertGreaterThan(links[1].score, settings.clauseThreshold); XCTAssertLessThan(links[1].score, 1)
        XCTAssertNil(r.similar["a"]?["s2"], "no clause elsewhere is like it")
        XCTAssertNil(r.similar["d"], "bare headings are not linked")
        XCTAssertEqual(r.similar["c"]?["s3"]?.map(\.doc), ["b", "a"])
        XCTAssertFalse((r.similar["b"]?["s1.c2"] ?? []).contains { $0.doc == "b" })
    }

    func testClauseLinksAreCappedAndSkipDuplicates() {
        let clause = "建立健全政务公开工作机制，明确责任分工，加强督促检查，确保各项任务落到实处"
        var docs = (0..<9).map { i in
            F.candidate("d\(i)", F.text(seed: UInt64(100 + i)), clauses: [(id: "x", text: clause)])
        }
        docs.append(F.candidate("dup", F.text(seed: 100), path: "Corpus/zz.txt", clauses: [(id: "x", text: clause)]))
        let r = Deduplicator(settings: settings).run(docs)
        XCTAssertEqual(r.canonicalOf, ["dup": "d0"])
        XCTAssertEqual(r.similar["d0"]?["x"]?.map(\.doc), ["d1", "d2", "d3", "d4", "d5"])
        XCTAssertNil(r.similar["dup"])
    }

    /// The runner keeps links in a spill file and samples out of the candidates: both give
    /// what the in-memory forms give.
    func testSpilledLinksAndSuppliedSamplesDecideAsInMemory() throws {
        let clause = "建立健全政务公开工作机制，明确责任分工，加强督促检查，确保各项任务落到实处"
        var docs = (0..<6).map { i in F.candidate("d\(i)", F.text(seed: UInt64(200 + i)), clauses: [(id: "x", text: clause), (id: "y", text: clause + "。")]) }
        docs.append(F.candidate("dup", F.text(seed: 201), path: "Corpus/zz.txt"))
        let inMemory = Deduplicator(settings: settings).run(docs)
        let stripped = docs.map { d -> DedupCandidate in var d = d; d.signature.sample = []; return d }
        var spilled = Deduplicator(settings: settings).group(stripped) { docs[$0].signature.sample }
        XCTAssertEqual(spilled.canonicalOf, inMemory.canonicalOf)
        XCTAssertEqual(spilled.copies.mapValues { $0.map(\.similarity) }, inMemory.copies.mapValues { $0.map(\.similarity) })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let published = docs.filter { spilled.canonicalOf[$0.id] == nil }
        Deduplicator(settings: settings).linkClauses(published.map { ($0.id, $0.signature.clauses) }, into: &spilled, spill: folder)
        XCTAssertFalse(inMemory.similar.isEmpty)
        XCTAssertEqual(spilled.similar, inMemory.similar)
        XCTAssertEqual(spilled.links.links(of: "d3"), inMemory.similar["d3"])
        XCTAssertEqual(spilled.links.links(of: "nobody"), [:])
    }

    func testManyDistinctDocumentsStaySubQuadratic() {
        var plain = settings
        plain.fold = "none"
        let docs = (0..<600).map { F.candidate("n\($0)", F.text(seed: UInt64(1000 + $0), lines: 20), settings: plain, clauses: []) }
        let r = Deduplicator(settings: plain).run(docs)
        XCTAssertTrue(r.canonicalOf.isEmpty)
        XCTAssertEqual(r.stats["exact_groups"], 600)
        XCTAssertLessThan(r.stats["candidate_pairs"] ?? .max, 600, "LSH keeps candidates far below the 179,700 pairs")
    }

    func testSignatureSurvivesTheCacheEncoding() throws {
        let c = F.candidate("a", F.text(seed: 7))
        let data = try JSONEncoder().encode(c.signature)
        XCTAssertEqual(try JSONDecoder().decode(DedupSignature.self, from: data), c.signature)
        XCTAssertLessThan(data.count, 40_000)
    }

    func testSettingsAreReadAndChecked() throws {
        let ok = try PipelineConfig.parse("dedup:\n  shingle: 4\n  bands: 32\n  clause_rows: 5\n", file: "p.yml")
        XCTAssertEqual(ok.dedup.shingle, 4); XCTAssertEqual(ok.dedup.rows, 4); XCTAssertEqual(ok.dedup.clauseRows, 5)
        XCTAssertThrowsError(try PipelineConfig.parse("dedup:\n  bands: 30\n", file: "p.yml")) { e in
            XCTAssertTrue("\(e)".contains("dedup-bands") || "\(e)".contains("divide"), "\(e)")
        }
        XCTAssertThrowsError(try PipelineConfig.parse("dedup:\n  threshold: 1.5\n", file: "p.yml"))
    }
}

extension DeduplicatorTests {
    func testMostlySimplifiedSourceBeatsTraditionalWhenBothWereConverted() {
        let lines = DedupFixtures.text(seed: 8)
        func c(_ id: String, script: String, extra: [String] = []) -> DedupCandidate {
            let text = (lines + extra).joined(separator: "\n")
            return DedupCandidate(id: id, path: "Corpus/\(id).txt", sha256: id, conversion: "t2s", length: text.count,
                                  signature: DedupSignature.make(text: text, clauses: [], settings: settings, script: script))
        }
        let r = Deduplicator(settings: settings).run([c("a-trad", script: "traditional", extra: ["较长的一行"]), c("b-mixed", script: "mixed")])
        XCTAssertEqual(r.canonicalOf, ["a-trad": "b-mixed"])
    }
}
