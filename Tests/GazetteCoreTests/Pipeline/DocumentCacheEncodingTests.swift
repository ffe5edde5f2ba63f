import Foundation
import XCTest
import GazetteModel
@testable import GazetteCore

/// The cache writes a processed document in binary form; reading it back must give exactly
/// what was stored, hostile text and absent fields included; damage makes an entry missing.
final class DocumentCacheEncodingTests: XCTestCase {
    func sample(_ s: String) -> ProcessedDocument {
        var doc = Document(id: "d-" + s, title: s, region: s, year: 2021,
                           source: Source(path: "a/" + s, sha256: "ff", format: "txt", encoding: "utf-8"))
        doc.text = "一、总体要求\n（一）做好政策解读，市政府办公厅牵头，6月底前完成。" + s
        doc.clauses = [
            Clause(id: "s1", parent: nil, level: 1, label: "一、", number: 1, heading: "总体要求", text: "一、总体要求", original: "一、總體要求"),
            Clause(id: "s1.c1", parent: "s1", level: 2, label: "（一）", number: 1, heading: s,
                   text: "（一）做好政策解读，市政府办公厅牵头，6月底前完成。" + s, original: s, area: "interpretation",
                   topics: ["economy"], evidence: [s], units: [UnitMention(name: "市政府办公厅", role: .lead), UnitMention(name: s, canonical: s, role: .cooperating, successor: s, kind: "unit")],
                   deadlines: ["6月底前"], similar: [SimilarClause(doc: s, clause: "s1", score: 0.875)],
                   scores: ["area.interpretation": 3.7, "topic.economy": 1, "children.general": 0.1]),
        ]
        doc.duplicates = [DuplicateCopy(path: s, sha256: "ee", similarity: 0.97)]
        doc.removed = [RemovedLine(rule: "nav", text: s)]
        doc.appendices = [Appendix(kind: .interpretation, title: s, text: s, qa: [.init(question: s, answer: s)])]
        return ProcessedDocument(document: doc, clauses: ClauseSignatures.make(for: doc, settings: DedupSettings()))
    }

    func testEntryDecodesToWhatWasStored() throws {
        for s in ["", "普通文本", "\"\\/\u{0}\u{1F}\u{7F}\u{2028}😀e\u{301}\u{301}\r\n\t"] {
            let p = sample(s)
            let body = try XCTUnwrap(DocumentCache.encode(p))
            let back = try XCTUnwrap(DocumentCache.decode(body))
            XCTAssertEqual(back.document, p.document)
            XCTAssertEqual(back.clauses, p.clauses)
            XCTAssertNil(DocumentCache.decode(try JSONEncoder().encode(p)), "only the binary form is read")
            // A cut entry is missing, never a wrong document.
            for cut in [1, 2, body.count / 2, body.count - 1] { XCTAssertNil(DocumentCache.decode(body.prefix(cut))) }
        }
    }

    func testBinaryDocumentRoundTrip() throws {
        var d = sample("往返").document
        d.region = nil; d.year = nil; d.issuer = "发文机关"; d.docNumber = nil; d.disclosure = "主动公开"; d.schemaVersion = 7
        d.addressees = ["各区人民政府", ""]; d.contact = ["联系人：张三"]; d.publicationDate = "2021-01-01"; d.docType = .notice
        d.clauses[0].scores = [:]; d.clauses[1].scores["area.x"] = -0.0; d.clauses[1].similar.append(SimilarClause(doc: "", clause: "", score: 1e-300))
        d.source.bytes = Int.max; d.clauses[0].level = Int.min
        d.metadataSources = ["title": "crawler-header", "issue_date": "body"]
        d.quality = DocumentQuality(layout: "flattened", clauseCoverage: 0.5, warnings: ["numbering-without-tree"])
        var bytes: [UInt8] = [9, 9]
        DocumentBinary.encode(d, into: &bytes)
        XCTAssertEqual(Array(bytes.prefix(2)), [9, 9])
        let back = bytes.withUnsafeBytes { DocumentBinary.decode(UnsafeRawBufferPointer(rebasing: $0[2...])) }
        XCTAssertEqual(back, d)
        XCTAssertEqual(back?.schemaVersion, 7)
        XCTAssertNil(bytes.withUnsafeBytes { DocumentBinary.decode(UnsafeRawBufferPointer(rebasing: $0[2..<($0.count - 3)])) })
    }

    func testStoreThenLoad() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cache-enc-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = DocumentCache(root: root)
        let p = sample("存取")
        XCTAssertTrue(cache.store(p, key: "abcdef"))
        XCTAssertTrue(cache.hasValidDocument("abcdef"))
        let back = try XCTUnwrap(cache.load("abcdef"))
        XCTAssertEqual(back.document, p.document)
        XCTAssertEqual(back.clauses, p.clauses)
    }

    func summary(_ s: String) -> PreparedSummary {
        let p = sample(s)
        var sig = DedupSignature.document(text: p.document.text, settings: DedupSettings(), script: "traditional")
        sig.clauses = p.clauses
        return PreparedSummary(sha256: "ab" + s, conversion: s, length: -3, signature: sig, structuredKey: s.isEmpty ? "" : "doc-" + s)
    }

    func testSummaryEntryDecodesToWhatWasStoredAndRefusesDamage() throws {
        for s in ["", "普通文本", "\"\\/\u{0}\u{1F}\u{7F}\u{2028}😀e\u{301}\u{301}\r\n\t"] {
            let v = summary(s)
            XCTAssertFalse(v.signature.clauses.shingles.isEmpty)
            let body = DocumentCache.encodeSummary(v)
            let back = try XCTUnwrap(DocumentCache.decodeSummary(body))
            XCTAssertEqual(back.sha256, v.sha256); XCTAssertEqual(back.conversion, v.conversion)
            XCTAssertEqual(back.length, v.length); XCTAssertEqual(back.structuredKey, v.structuredKey)
            XCTAssertEqual(back.signature, v.signature)
            XCTAssertNil(DocumentCache.decodeSummary(try JSONEncoder().encode(v)), "only the binary form is read")
            // A cut body, or one with bytes after it, is missing, never a wrong summary.
            for cut in [1, 2, body.count / 2, body.count - 1] { XCTAssertNil(DocumentCache.decodeSummary(body.prefix(cut))) }
            XCTAssertNil(DocumentCache.decodeSummary(body + Data([0])))
        }
        // Offsets that do not fit the shingles they index are refused.
        var bad = summary("坏").signature.clauses
        bad.offsets[1] = UInt32(bad.shingles.count + 1)
        var w = DocumentBinary.Writer()
        CacheBinary.write(bad, &w)
        XCTAssertNil(w.out.withUnsafeBytes { CacheBinary.clauses($0) })
        var good = DocumentBinary.Writer()
        CacheBinary.write(summary("好").signature.clauses, &good)
        XCTAssertEqual(good.out.withUnsafeBytes { CacheBinary.clauses($0) }, summary("好").signature.clauses)
    }

    func testDamagedRecordIsMissingAndRewritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cache-sum-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = DocumentCache(root: root)
        let v = summary("校验")
        XCTAssertTrue(cache.storeSummary(v, key: "c0ffee"))
        XCTAssertEqual(cache.loadSummary("c0ffee")?.signature, v.signature)
        // One flipped bit in the body: the entry is missing, in this process and the next.
        let at = try XCTUnwrap(cache.packs.location(.init(key: "c0ffee", kind: .summary)))
        var data = try Data(contentsOf: URL(fileURLWithPath: at.path))
        data[at.offset + at.length - 5] ^= 0x10
        try data.write(to: URL(fileURLWithPath: at.path))
        XCTAssertNil(cache.loadSummary("c0ffee"))
        XCTAssertNil(DocumentCache(root: root).loadSummary("c0ffee"))
        // Stored again, it loads again.
        XCTAssertTrue(cache.storeSummary(v, key: "c0ffee"))
        XCTAssertEqual(DocumentCache(root: root).loadSummary("c0ffee")?.signature, v.signature)
    }
}
