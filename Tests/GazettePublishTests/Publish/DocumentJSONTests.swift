import Foundation
import XCTest
import GazetteModel
@testable import GazettePublish

/// The direct JSON writer must write exactly what JSONEncoder writes for the same document,
/// pretty (documents/<id>.json) and compact (corpus.jsonl.gz), including on hostile text.
final class DocumentJSONTests: XCTestCase {
    static let hostile: [String] = [
        "", "plain", "引号\"和反斜杠\\", "a/b//c http://x.cn/", "\u{2028}\u{2029}", "emoji 😀👩‍👩‍👧 🇨🇳",
        "\u{301}lone combining", "e\u{301}", "\r\n", "\t\u{0B}\u{0C}\u{08}", "\u{7F}\u{80}\u{FEFF}\u{FFFD}",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "<script>&amp;</script>", "𠀀𪚥",
    ]

    func assertSame(_ d: Document, file: StaticString = #filePath, line: UInt = #line) throws {
        let pretty = JSONEncoder(), compact = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let p = try XCTUnwrap(DocumentJSON.encode(d, pretty: true), file: file, line: line)
        let c = try XCTUnwrap(DocumentJSON.encode(d, pretty: false), file: file, line: line)
        XCTAssertEqual(String(decoding: p, as: UTF8.self), String(decoding: try pretty.encode(d), as: UTF8.self), file: file, line: line)
        XCTAssertEqual(String(decoding: c, as: UTF8.self), String(decoding: try compact.encode(d), as: UTF8.self), file: file, line: line)
        XCTAssertEqual(try DocumentJSONSink.encode(d), try pretty.encode(d), file: file, line: line)
        // The JSON Lines form is taken from the pretty bytes: it must be the compact encoding.
        XCTAssertEqual(String(decoding: DocumentJSON.compacted(p), as: UTF8.self), String(decoding: c, as: UTF8.self), file: file, line: line)
    }

    func testCompactingKeepsWhitespaceAndEscapesInsideStrings() {
        // {⏎  "a b" : [⏎    "x \" y\\",⏎    " \t "⏎  ],⏎  "c" : 1⏎}
        let pretty = Array("{\n  \"a b\" : [\n    \"x \\\" y\\\\\",\n    \" \\t \"\n  ],\n  \"c\" : 1\n}".utf8)
        XCTAssertEqual(String(decoding: DocumentJSON.compacted(pretty), as: UTF8.self), "{\"a b\":[\"x \\\" y\\\\\",\" \\t \"],\"c\":1}")
        XCTAssertEqual(DocumentJSON.compacted([]), [])
    }

    func testSampleDocumentsMatchJSONEncoder() throws {
        for d in SampleDocuments.corpus { try assertSame(d) }
    }

    /// The quality record and the metadata sources, written by hand, as JSONEncoder writes them
    /// (and decoded back, also from output of earlier versions that lacked them).
    func testQualityAndMetadataSources() throws {
        var d = SampleDocuments.plan(id: "q", region: "某市", year: 2024)
        d.metadataSources = ["title": "crawler-header", "issuer": "page-table", "doc_number": "body"]
        d.quality = DocumentQuality(layout: "header-fields+flattened", clauseCoverage: 0.917, warnings: ["title-not-found", "low-clause-coverage"])
        try assertSame(d)
        let back = try JSONDecoder().decode(Document.self, from: try DocumentJSONSink.encode(d))
        XCTAssertEqual(back.quality, d.quality)
        XCTAssertEqual(back.metadataSources, d.metadataSources)
        var old = try XCTUnwrap(JSONSerialization.jsonObject(with: try DocumentJSONSink.encode(d)) as? [String: Any])
        old["quality"] = nil; old["metadata_sources"] = nil
        let earlier = try JSONDecoder().decode(Document.self, from: try JSONSerialization.data(withJSONObject: old))
        XCTAssertEqual(earlier.quality, DocumentQuality())
        XCTAssertEqual(earlier.metadataSources, [:])
    }

    func testEmptyAndNilFields() throws {
        try assertSame(Document(id: "x", source: Source(path: "a", sha256: "b", format: "txt", encoding: "utf-8")))
        var d = SampleDocuments.plan(id: "n", region: "北京市", year: 2020)
        d.region = nil; d.year = nil; d.issuer = nil; d.docNumber = nil; d.issueDate = nil
        d.clauses[0].parent = nil; d.clauses[1].scores = [:]; d.clauses[1].units = []
        try assertSame(d)
    }

    func testHostileStringsEverywhere() throws {
        for s in Self.hostile {
            var d = SampleDocuments.plan(id: s, region: s, year: -3)
            d.title = s; d.text = s + d.text; d.preamble = s; d.closing = s; d.addressees = [s, s]; d.contact = [s]
            d.disclosure = s; d.source.path = s; d.removed = [RemovedLine(rule: s, text: s)]
            d.metadataSources = ["title": s, "issue_date": s]; d.quality = DocumentQuality(layout: s, clauseCoverage: 0.347, warnings: [s, s])
            d.appendices.append(Appendix(kind: .other, title: s, text: s, qa: [.init(question: s, answer: s)]))
            d.clauses[1].heading = s; d.clauses[1].original = s; d.clauses[1].evidence = [s]
            d.clauses[1].units.append(UnitMention(name: s, canonical: s, role: .mentioned, successor: s, kind: s))
            d.clauses[1].similar.append(SimilarClause(doc: s, clause: s, score: 0.5))
            try assertSame(d)
        }
    }

    /// The word tests flag a word exactly when one of its bytes matches: every byte value at
    /// every position, among filler bytes of Chinese UTF-8 and of ASCII letters.
    func testByteWordTestsAreExact() {
        for filler in [UInt8(0xE6), 0x61] {
            for v in 0...255 {
                for at in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[at] = UInt8(v)
                    let w = bytes.withUnsafeBufferPointer { ByteWord($0, at: 0) }
                    for bound in [UInt8(0x20), 0x2D, 0x3F, 0x80] {
                        XCTAssertEqual(w.hasByte(below: bound), bytes.contains { $0 < bound }, "\(bytes) below \(bound)")
                    }
                    for target in [UInt8(0x00), 0x22, 0x2F, 0x5C, 0x61, 0xE6] {
                        XCTAssertEqual(w.hasByte(target), bytes.contains(target), "\(bytes) has \(target)")
                    }
                }
            }
        }
    }

    /// Strings are escaped eight bytes at a time where nothing needs escaping: every ASCII
    /// byte at every offset of a word, between Chinese and ASCII text, escaped as JSONEncoder does.
    func testEveryASCIIByteAtEveryOffsetIsEscapedAsJSONEncoderDoes() throws {
        let plain = JSONEncoder(); plain.outputFormatting = [.withoutEscapingSlashes]
        let slashes = JSONEncoder()
        for base in ["abcdefghijklmnopqrstu", "政务公开工作要点政务公开", "a政b务c公d开e工f作g要h"] {
            for v in UInt8(0)..<0x80 {
                for at in [0, 1, 5, 7, 8, 9, 15, 16, 17, base.unicodeScalars.count] {
                    var scalars = Array(base.unicodeScalars)
                    scalars.insert(Unicode.Scalar(v), at: min(at, scalars.count))
                    var s = ""; s.unicodeScalars.append(contentsOf: scalars)
                    for (escape, encoder) in [(false, plain), (true, slashes)] {
                        var w = JSONBytes(pretty: false, escapeSlashes: escape)
                        w.string(s)
                        XCTAssertEqual(w.bytes, Array(try encoder.encode(s)), "byte \(v) at \(at) in \(base)")
                        // Compacting copies the escaped string whole, whatever bytes it holds.
                        XCTAssertEqual(DocumentJSON.compacted(Array("{\n  \"k\" : ".utf8) + w.bytes + Array(" \n}".utf8)),
                                       Array("{\"k\":".utf8) + w.bytes + Array("}".utf8), "byte \(v) at \(at) in \(base)")
                    }
                }
            }
        }
    }

    func testNumbersAndScoreKeys() throws {
        var d = SampleDocuments.plan(id: "num", region: "北京市", year: 2021)
        let values: [Double] = [0, -0.0, 1, 100, 0.1, 0.30000000000000004, 1e-7, 1e21, 1e16, 123456789.125, 5e-324,
                                1.7976931348623157e308, -2.5, 3.7, 15.75, 2.0 / 3.0]
        d.clauses[1].scores = Dictionary(uniqueKeysWithValues: values.enumerated().map { ("area.k" + String(repeating: "x", count: $0.offset) + "_y", $0.element) })
        d.clauses[1].scores["topic.a_b"] = 1; d.clauses[1].scores["topic.a.b"] = 2; d.clauses[1].scores["topic.a-b"] = 3
        d.clauses[1].scores["topic.ab"] = 4; d.clauses[1].scores["children.general"] = 9.5
        d.duplicates = values.map { DuplicateCopy(path: "p", sha256: "s", similarity: $0) }
        d.clauses[0].similar = values.map { SimilarClause(doc: "d", clause: "c", score: $0) }
        d.source.bytes = Int.max; d.clauses[0].level = Int.min; d.clauses[0].number = 0
        try assertSame(d)
    }

    /// What the fast path does not reproduce is left to JSONEncoder, never written differently.
    func testUnsupportedFallsBack() throws {
        var d = SampleDocuments.plan(id: "f", region: "北京市", year: 2021)
        d.clauses[1].scores = ["Area10": 1, "area2": 2]
        XCTAssertNil(DocumentJSON.encode(d, pretty: true))
        let e = JSONEncoder(); e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        XCTAssertEqual(try DocumentJSONSink.encode(d), try e.encode(d))
        d.clauses[1].scores = ["area.x": .nan]
        XCTAssertNil(DocumentJSON.encode(d, pretty: false))
        XCTAssertThrowsError(try DocumentJSONSink.encode(d))
    }
}

/// The search index entry, written directly, against JSONEncoder's default output ("/" escaped).
final class SearchIndexEntryTests: XCTestCase {
    func testEntryMatchesJSONEncoder() throws {
        for s in DocumentJSONTests.hostile {
            let e = SearchIndexWriter.Entry(id: s, title: "a/b " + s, region: s, year: "2021", clauses: [[s, "/", s + "\\", ""], [], ["x"]])
            XCTAssertEqual(String(decoding: e.json(), as: UTF8.self), String(decoding: try JSONEncoder().encode(e), as: UTF8.self))
        }
        let empty = SearchIndexWriter.Entry(id: "", title: "", region: "", year: "", clauses: [])
        XCTAssertEqual(empty.json(), Array(try JSONEncoder().encode(empty)))
    }
}
