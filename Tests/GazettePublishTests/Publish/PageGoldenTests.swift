import Foundation
import XCTest
import GazetteCore
import GazetteModel
import GazetteOutput
@testable import GazettePublish
import GazetteTestSupport

/// The document and facet pages pinned by recorded golden files (Fixtures/golden/pages/, one
/// page a file, to open in a browser too): the sample documents, documents carrying hostile
/// and odd strings in every field, odd clause trees, and facet pages with markup in their
/// names. A change of one byte fails and shows the line; a deliberate change is re-recorded
/// with GAZETTE_RECORD=1 and reviewed in the diff.
final class PageGoldenTests: XCTestCase {
    static func golden(_ path: String) -> URL { Fixtures.of("GazettePublishTests", "golden/pages/\(path)") }

    func testSampleDocumentPages() {
        for d in SampleDocuments.corpus { Golden.check(text: DocumentPage.render(d), against: Self.golden("document/\(d.id).html")) }
    }

    func testHostileAndOddDocuments() {
        for (k, s) in (TextParagraphsTests.samples + ["<b>&\"'</b>", ""]).enumerated() {
            var d = SampleDocuments.plan(id: "h", region: "上海市", year: 2020, injected: true)
            d.title = s; d.planTitle = s + "x"; d.preamble = s; d.closing = s; d.region = s.isEmpty ? nil : s
            d.removed = [RemovedLine(rule: s, text: s)]; d.addressees = [s]
            d.clauses[1].text = "（一）" + s; d.clauses[1].original = s; d.clauses[1].heading = s
            d.clauses[2].label = ""; d.clauses[2].text = "\u{3000} " + s
            d.clauses[4].units.append(UnitMention(name: s, canonical: nil, role: .mentioned))
            d.clauses[0].similar = [SimilarClause(doc: s, clause: s, score: 0.333)]
            d.clauses[0].deadlines = [s]; d.clauses[0].targets = [s]
            d.appendices.append(Appendix(kind: .attachment, title: "", text: s))
            Golden.check(text: DocumentPage.render(d), against: Self.golden("hostile/\(k).html"))
        }
    }

    /// Parent cycles, unknown parents, self-parents, duplicate ids, a very deep tree, no clauses.
    func testTreeShapes() {
        var d = SampleDocuments.plan(id: "t", region: "北京市", year: 2021)
        d.clauses[0].parent = "s2.c1"; d.clauses[3].parent = "s1.c2"   // a cycle through s1 and s2
        d.clauses[4].parent = "nowhere"
        d.clauses.append(Clause(id: "s1", parent: "s1", level: 9, label: "", number: 0, heading: "", text: "", original: ""))
        Golden.check(text: DocumentPage.render(d), against: Self.golden("tree/cycles.html"))
        var deep = SampleDocuments.plan(id: "deep", region: "北京市", year: 2021)
        deep.clauses = (0..<30).map { i in
            Clause(id: "c\(i)", parent: i == 0 ? nil : "c\(i - 1)", level: i + 1, label: "\(i).", number: i, heading: "第\(i)层",
                   text: "\(i).第\(i)层。内容\n第二段", original: "\(i).第\(i)層", area: i % 2 == 0 ? "general" : "x y")
        }
        Golden.check(text: DocumentPage.render(deep), against: Self.golden("tree/deep.html"))
        deep.clauses = []
        Golden.check(text: DocumentPage.render(deep), against: Self.golden("tree/none.html"))
    }

    /// A facet page by area code, by a code with markup, without a code, and without hits;
    /// the ranked byte writer gives the same page.
    func testFacetPages() {
        let docs = SampleDocuments.corpus + [SampleDocuments.plan(id: "evil-2", region: "<b>区</b>", year: 2019, injected: true)]
        var byID: [String: DocumentSummary] = [:]
        for d in docs { byID[d.id] = DocumentSummary(d) }
        var hits: [SiteSink.FacetHit] = []
        for d in docs { for c in d.clauses { hits.append(SiteSink.FacetHit(doc: d.id, clause: c.id, caption: SiteSink.caption(c))) } }
        hits.append(SiteSink.FacetHit(doc: "missing", clause: "x", caption: "y"))
        // The corpus order as SiteSink has it, for the ranked sort.
        let sorted = docs.map(DocumentSummary.init).sorted(by: IndexPages.order)
        let rank = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($0.element.id, $0.offset) })
        for (name, code) in [("general", "general"), ("markup", "a&b"), ("no-code", nil)] as [(String, String?)] {
            let page = IndexPages.facet(kind: "领域", name: "名<称>", code: code, hits: hits, docs: byID)
            Golden.check(text: page, against: Self.golden("facet/\(name).html"))
            XCTAssertEqual(IndexPages.facetBytes(kind: "领域", name: "名<称>", code: code, hits: hits, docs: byID, rank: rank).string, page)
        }
        Golden.check(text: IndexPages.facet(kind: "单位", name: "", code: nil, hits: [], docs: byID), against: Self.golden("facet/empty.html"))
    }
}

/// The captions of facet pages: clipped by characters, whatever scalars make them.
final class FacetCaptionTests: XCTestCase {
    /// The scalar-counting fast path against the definition, on strings that mix scalars
    /// that are characters alone with ones that join their neighbours.
    func testClippedCountsCharacters() {
        let alone = ["字", "政", "a", "1", " ", "\n", "\t", "，", "。", "（", "“", "…", "Ａ", "〇", "㐀"]
        let joining = ["\u{301}", "\u{200D}", "👩", "🇨", "🇳", "\r", "\r\n", "\u{302A}", "ᄀ", "ᅡ", "각", "\u{FE0F}", "e\u{301}", "\u{0915}\u{094D}"]
        var rng = SplitMix64(seed: 11)
        for round in 0..<3000 {
            let length = Int(rng.next() % 40)
            let mixed = round % 3 != 0   // a third all alone, the rest with joining scalars too
            let s = (0..<length).map { _ -> String in
                mixed && rng.next() % 5 == 0 ? joining[Int(rng.next() % UInt64(joining.count))] : alone[Int(rng.next() % UInt64(alone.count))]
            }.joined()
            for n in [0, 1, 2, 5, 17, 28, 39, 60] {
                XCTAssertEqual(SiteSink.clipped(s, n), s.count > n ? String(s.prefix(n)) + "…" : s, "\(s.unicodeScalars.map { String($0.value, radix: 16) }) n=\(n)")
            }
        }
    }

    func testCaptionMatchesCharacterCount() {
        for n in [0, 1, 27, 28, 29, 100] {
            for unit in ["字", "e\u{301}", "👩‍👩‍👧", "a"] {
                let text = String(repeating: unit, count: n)
                let c = Clause(id: "c", parent: nil, level: 1, label: "一、", number: 1, heading: "", text: text, original: "")
                let base = c.text
                let expected = c.label + (base.count > 28 ? String(base.prefix(28)) + "…" : base)
                XCTAssertEqual(SiteSink.caption(c), expected)
            }
        }
    }
}
