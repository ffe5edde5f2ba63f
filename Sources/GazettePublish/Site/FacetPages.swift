import Foundation
import GazetteModel
import GazetteOutput

/// Facet pages (`area/`, `topic/`, `unit/`): every clause with one area, topic or unit,
/// grouped by document in the index's order. A facet with more than `pageHits` clauses
/// (`SiteSink.defaultFacetPageHits`; a page ends with the document that reaches it) is
/// split into pages of whole documents — `<slug>.html`, then `<slug>.p2.html`, … (a slug
/// has no dot, so the names cannot meet) — each with links to the others: the general
/// area's one page was 2.6 MB at 10,000 documents, 26 MB at 100,000.
extension IndexPages {
    /// The file name of page `n` (1-based) of the facet whose page 1 is `slug`.html.
    static func facetFileName(_ slug: String, page n: Int) -> String { n == 1 ? slug + ".html" : slug + ".p\(n).html" }

    /// A facet on one page, written straight into its string.
    static func facet(kind: String, name: String, code: String?, hits: [SiteSink.FacetHit], docs: [String: DocumentSummary]) -> String {
        facetBytes(kind: kind, name: name, code: code, hits: hits, docs: docs).string
    }

    /// A facet on one page, however many clauses it has.
    static func facetBytes(kind: String, name: String, code: String?, hits: [SiteSink.FacetHit], docs: [String: DocumentSummary],
                           rank: [String: Int]? = nil) -> HTMLWriter {
        facetPages(kind: kind, name: name, code: code, slug: "", hits: hits, docs: docs, rank: rank, pageHits: .max)[0].page
    }

    /// The facet's pages and their file names. `rank`: each document's place in the corpus
    /// sorted by `order`, when the caller has it (the same order, by integers: sorting
    /// summaries by `order` for every facet page was most of the site's finishing time on a
    /// large corpus).
    static func facetPages(kind: String, name: String, code: String?, slug: String, hits: [SiteSink.FacetHit],
                           docs: [String: DocumentSummary], rank: [String: Int]? = nil,
                           pageHits: Int = SiteSink.defaultFacetPageHits) -> [(file: String, page: HTMLWriter)] {
        var out: [(file: String, page: HTMLWriter)] = []
        forEachFacetPage(kind: kind, name: name, code: code, slug: slug, hits: hits, docs: docs, rank: rank, pageHits: pageHits) {
            out.append(($0, $1))
        }
        return out
    }

    /// The facet's pages handed to `save` one at a time, each rendered when the previous one
    /// was saved, rather than all pages of the largest facet held together.
    static func forEachFacetPage(kind: String, name: String, code: String?, slug: String, hits: [SiteSink.FacetHit],
                                 docs: [String: DocumentSummary], rank: [String: Int]? = nil,
                                 pageHits: Int = SiteSink.defaultFacetPageHits,
                                 _ save: (String, HTMLWriter) throws -> Void) rethrows {
        var byDoc: [String: [SiteSink.FacetHit]] = [:]
        for h in hits { byDoc[h.doc, default: []].append(h) }
        let ordered: [DocumentSummary]
        if let rank {
            ordered = byDoc.keys.compactMap { id in docs[id].map { (rank[id] ?? Int.max, $0) } }.sorted { $0.0 < $1.0 }.map(\.1)
        } else {
            ordered = byDoc.keys.compactMap { docs[$0] }.sorted(by: order)
        }
        let counts = ordered.map { byDoc[$0.id]?.count ?? 0 }
        try forEachPagedPage(kind: kind, name: name, slug: slug, bodyClass: "facet", ranges: pageRanges(counts, limit: pageHits),
                             capacity: { range in range.reduce(0) { $0 + counts[$1] } * 160 + 8192 }, intro: { w in
            if let code { w.open("p", "class", "muted"); w.element("code", text: code); w.close("p") }
            w.element("p", "class", "lead", text: "\(ordered.count) 份文件中的 \(hits.count) 条条款")
        }, body: { w, range in
            for d in ordered[range] {
                let where_ = [d.region, d.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
                w.open("section", "class", "facet-doc")
                w.open("h2"); DocumentPage.link(&w, "../doc/\(d.id).html", d.title.isEmpty ? d.id : d.title); w.close("h2")
                w.element("p", "class", "muted", text: where_)
                w.open("ul", "class", "clause-links")
                for h in byDoc[d.id] ?? [] { w.open("li"); DocumentPage.link(&w, "../doc/\(d.id).html#\(h.clause)", h.caption); w.close("li") }
                w.close("ul")
                w.close("section")
            }
        }, save)
    }

    /// Pages of whole items, in order: a page closes with the item that brings it to `limit`
    /// (items' sizes in `sizes`); always at least one page.
    static func pageRanges(_ sizes: [Int], limit: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, held = 0
        for (i, size) in sizes.enumerated() {
            held += size
            if held >= limit { ranges.append(start..<(i + 1)); start = i + 1; held = 0 }
        }
        if start < sizes.count || ranges.isEmpty { ranges.append(start..<sizes.count) }
        return ranges
    }

    /// The pages of a list split into `ranges` (facet, year, type and region pages): each
    /// with the site's chrome, "首页 › kind", the heading, `intro`, the items of its range
    /// (`body`), and a pager above and below them when there is more than one page.
    static func pagedPages(kind: String, name: String, slug: String, bodyClass: String, ranges: [Range<Int>],
                           capacity: (Range<Int>) -> Int, intro: (inout HTMLWriter) -> Void,
                           body: (inout HTMLWriter, Range<Int>) -> Void) -> [(file: String, page: HTMLWriter)] {
        var out: [(file: String, page: HTMLWriter)] = []
        forEachPagedPage(kind: kind, name: name, slug: slug, bodyClass: bodyClass, ranges: ranges, capacity: capacity,
                         intro: intro, body: body) { out.append(($0, $1)) }
        return out
    }

    /// `pagedPages`, each page handed to `save` as soon as it is rendered.
    static func forEachPagedPage(kind: String, name: String, slug: String, bodyClass: String, ranges: [Range<Int>],
                                 capacity: (Range<Int>) -> Int, intro: (inout HTMLWriter) -> Void,
                                 body: (inout HTMLWriter, Range<Int>) -> Void,
                                 _ save: (String, HTMLWriter) throws -> Void) rethrows {
        let names = ranges.indices.map { facetFileName(slug, page: $0 + 1) }
        for (n, range) in ranges.enumerated() {
            let page = H.pageBytes(title: "\(kind)：\(name)\(ranges.count > 1 ? "（第 \(n + 1) 页）" : "") — 政务公开文库", root: "../",
                                   bodyClass: bodyClass, capacity: capacity(range)) { w in
                w.node(SiteChrome.header(root: "../"))
                w.open("main")
                w.open("p", "class", "crumbs"); DocumentPage.link(&w, "../index.html", "首页"); w.text(" › " + kind); w.close("p")
                w.element("h1", text: "\(kind)：\(name)")
                intro(&w)
                if ranges.count > 1 { pager(&w, names: names, current: n) }
                body(&w, range)
                if ranges.count > 1 { pager(&w, names: names, current: n) }
                w.close("main")
                w.node(SiteChrome.footer())
            }
            try save(names[n], page)
        }
    }

    /// "第 k / N 页", the previous and next pages, and every page by number.
    static func pager(_ w: inout HTMLWriter, names: [String], current n: Int) {
        w.open("nav", "class", "pager")
        w.element("span", "class", "muted", text: "第 \(n + 1) / \(names.count) 页")
        if n > 0 { w.text(" "); DocumentPage.link(&w, names[n - 1], "‹ 上一页") }
        if n + 1 < names.count { w.text(" "); DocumentPage.link(&w, names[n + 1], "下一页 ›") }
        w.open("span", "class", "pages")
        for (k, name) in names.enumerated() {
            w.text(" ")
            if k == n { w.element("strong", text: String(k + 1)) } else { DocumentPage.link(&w, name, String(k + 1)) }
        }
        w.close("span")
        w.close("nav")
    }
}
