import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput

/// Document list pages: `region/<slug>.html` (a region's documents by year), `year/<y>.html`
/// and `type/<code>.html` (documents by region). The index links to them instead of listing
/// every document three times: it was 1.3 MB at 10,000 documents. Year and type pages of more
/// than `pageDocs` documents are split, like facet pages, into `<name>.p2.html`, … of whole
/// regions.
extension IndexPages {
    /// A region's page name: region names are Chinese, so a short stable hash (the same as
    /// the compare pages use).
    static func regionSlug(_ region: String?) -> String { SHA256Digest.slug("r-", region ?? "") }

    /// One heading and its documents on a list page; `anchor` is the heading's id.
    struct ListSection { var anchor: String; var heading: String; var docs: [DocumentSummary] }

    /// Sections of `docs` (in index order) by region.
    static func byRegion(_ docs: [DocumentSummary]) -> [ListSection] {
        var out: [ListSection] = []
        for d in docs {
            if let last = out.last, last.docs[0].region == d.region { out[out.count - 1].docs.append(d) }
            else { out.append(ListSection(anchor: regionSlug(d.region), heading: d.region ?? "未知地区", docs: [d])) }
        }
        return out
    }

    /// Sections of one region's `docs` (in index order: newest year first) by year.
    static func byYear(_ docs: [DocumentSummary]) -> [ListSection] {
        var out: [ListSection] = []
        for d in docs {
            if let last = out.last, last.docs[0].year == d.year { out[out.count - 1].docs.append(d) }
            else { out.append(ListSection(anchor: d.year.map { "y\($0)" } ?? "y-unknown", heading: d.year.map { "\($0) 年" } ?? "年份不详", docs: [d])) }
        }
        return out
    }

    /// The pages of one list: whole sections per page, a page closing once it holds
    /// `pageDocs` documents; `slug` names page 1 (`slug`.html).
    static func listPages(kind: String, name: String, slug: String, sections: [ListSection],
                          pageDocs: Int = SiteSink.defaultFacetPageHits) -> [(file: String, page: HTMLWriter)] {
        let sizes = sections.map(\.docs.count), total = sizes.reduce(0, +)
        return pagedPages(kind: kind, name: name, slug: slug, bodyClass: "list", ranges: pageRanges(sizes, limit: pageDocs),
                          capacity: { range in 8192 + 300 * range.reduce(0) { $0 + sizes[$1] } }, intro: { w in
            w.element("p", "class", "lead", text: "\(total) 份文件")
        }, body: { w, range in
            for s in sections[range] {
                w.element("h2", "id", s.anchor, text: "\(s.heading)（\(s.docs.count)）")
                w.open("ul", "class", "docs")
                for d in s.docs { w.node(docItem(d, root: "../")) }
                w.close("ul")
            }
        })
    }

    /// Every list page of the corpus (`docs` in index order), paths relative to `site/`.
    static func allListPages(_ docs: [DocumentSummary], pageDocs: Int = SiteSink.defaultFacetPageHits) -> [(path: String, page: HTMLWriter)] {
        var out: [(path: String, page: HTMLWriter)] = []
        forEachListPage(docs, pageDocs: pageDocs) { out.append(($0, $1)) }
        return out
    }

    /// Every list page, handed to `save` one list at a time rather than all held at once.
    static func forEachListPage(_ docs: [DocumentSummary], pageDocs: Int = SiteSink.defaultFacetPageHits,
                                _ save: (String, HTMLWriter) throws -> Void) rethrows {
        for s in byRegion(docs) {
            // A region's page is never split, so the index's links to its years always resolve.
            for p in listPages(kind: "地区", name: s.heading, slug: regionSlug(s.docs[0].region), sections: byYear(s.docs), pageDocs: .max) {
                try save("region/" + p.file, p.page)
            }
        }
        for (year, ds) in Dictionary(grouping: docs, by: { $0.year ?? 0 }).sorted(by: { $0.key > $1.key }) {
            for p in listPages(kind: "年份", name: year == 0 ? "年份不详" : "\(year) 年", slug: yearSlug(year), sections: byRegion(ds), pageDocs: pageDocs) {
                try save("year/" + p.file, p.page)
            }
        }
        for (type, ds) in Dictionary(grouping: docs, by: \.docType).sorted(by: { $0.key < $1.key }) {
            for p in listPages(kind: "类型", name: SiteLabels.docType(type), slug: SiteLabels.codeSlug(type), sections: byRegion(ds), pageDocs: pageDocs) {
                try save("type/" + p.file, p.page)
            }
        }
    }

    static func yearSlug(_ year: Int) -> String { year == 0 ? "unknown" : String(year) }
}
