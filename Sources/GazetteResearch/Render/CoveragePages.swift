import Foundation
import GazetteOutput

/// The coverage table as HTML: one page (`gazette compare --format html`) or the site's
/// compare pages.
extension CoverageRenderer {
    /// One page: the heat map and every change.
    public func html(stylesheet: String = "assets/style.css", docBase: String = "doc") -> String {
        ResearchPage.render(title: "Coverage", stylesheet: stylesheet) { w in
            w.element("h1", text: "覆盖对比 · Coverage by \(table.axis.rawValue)"); w.markup("\n")
            heatMap(table.groups, link: nil, into: &w)
            for ch in table.changes { changeSection(ch, docBase: docBase, into: &w) }
        }.string
    }

    /// The HTML gazette's pages, paths relative to `site/`: `compare.html`, the heat map of
    /// every group with each region linked to `compare/<slug>.html`, which holds that
    /// region's groups and the changes between its years. One page with every change was
    /// 15 MB at 10,000 documents and grows with the corpus; a region's page grows only
    /// with its own documents.
    public func sitePages() -> [(path: String, page: HTMLWriter)] {
        var pages: [(path: String, page: HTMLWriter)] = []
        let changes = Dictionary(grouping: table.changes, by: \.region)
        forEachSitePage(changeRegions: Set(changes.keys), changes: { changes[$0] ?? [] }) { pages.append(($0, $1)) }
        return pages
    }

    /// The same pages handed to `save` one at a time, with each region's changes asked of
    /// `changes` when its page is rendered (`table.changes` is not read): the research sink
    /// keeps them on disk, since with their clauses' texts they grow with the corpus.
    /// `changeRegions`: the regions that have changes.
    public func forEachSitePage(changeRegions: Set<String>, changes: (String) throws -> [CoverageTable.Change],
                                _ save: (String, HTMLWriter) throws -> Void) rethrows {
        let regions = Array(Set(table.groups.map { $0.region ?? "" }).union(changeRegions)).sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
        let overview = ResearchPage.render(title: "Coverage", stylesheet: "assets/style.css") { w in
            w.element("h1", text: "覆盖对比 · Coverage by \(table.axis.rawValue)"); w.markup("\n")
            w.element("p", "class", "lead",
                      text: "每行一个地区和年份，每列一个\(table.axis == .area ? "领域" : "标签")：条款数与占比。各地区逐年新增、删去的条款见其页面。")
            w.markup("\n")
            w.open("p", "class", "rs-regions")
            for (i, r) in regions.enumerated() {
                if i > 0 { w.text(" · ") }
                w.element("a", "href", "compare/\(Self.regionSlug(r)).html", text: r.isEmpty ? "-" : r)
            }
            w.close("p"); w.markup("\n")
            heatMap(table.groups, link: { "compare/\(Self.regionSlug($0.region ?? "")).html" }, into: &w)
        }
        try save("compare.html", overview)
        let groups = Dictionary(grouping: table.groups) { $0.region ?? "" }
        for r in regions {
            let name = r.isEmpty ? "-" : r
            let mine = try changes(r)
            let page = ResearchPage.render(title: "Coverage · \(r)", stylesheet: "../assets/style.css") { w in
                w.open("p", "class", "crumbs"); w.element("a", "href", "../compare.html", text: "覆盖对比"); w.text(" › \(name)")
                w.close("p"); w.markup("\n")
                w.element("h1", text: "\(name) · Coverage by \(table.axis.rawValue)"); w.markup("\n")
                heatMap(groups[r] ?? [], link: nil, into: &w)
                if mine.isEmpty { w.element("p", "class", "muted", text: "No consecutive years to compare."); w.markup("\n") }
                for ch in mine { changeSection(ch, docBase: "../doc", into: &w) }
            }
            try save("compare/\(Self.regionSlug(r)).html", page)
        }
    }

    /// A heat map: one row per group, one column per label (a corpus has far more
    /// region-years than areas), cell shade by share; `link` gives a group's row a link.
    func heatMap(_ groups: [CoverageTable.Group], link: ((CoverageTable.Group) -> String)?, into w: inout HTMLWriter) {
        w.open("table", "class", "rs-heat"); w.markup("\n")
        w.open("tr"); w.element("th", text: table.axis.rawValue); w.element("th", text: "clauses")
        for l in table.labels { w.element("th", text: l) }
        w.close("tr"); w.markup("\n")
        for g in groups {
            w.open("tr"); w.open("th")
            if let link { w.element("a", "href", link(g), text: g.label) } else { w.text(g.label) }
            w.close("th")
            w.element("td", text: String(g.clauses))
            for l in table.labels {
                let c = g.counts[l] ?? 0, s = g.share(l)
                let alpha = c == 0 ? 0 : 0.12 + 0.88 * min(1, s / 0.3)
                let fg = alpha > 0.6 ? "#fff" : "#000"
                w.open("td", "style", "background:rgba(33,102,172,\(String(format: "%.2f", alpha)));color:\(fg)", "title", "\(g.label) · \(l)")
                if c == 0 { w.text("·") } else {
                    w.text(String(c)); w.open("br"); w.open("small"); w.text(String(format: "%.0f%%", s * 100)); w.close("small")
                }
                w.close("td")
            }
            w.close("tr"); w.markup("\n")
        }
        w.close("table"); w.markup("\n")
    }

    /// What changed between two consecutive years of a region, with the unmatched clauses.
    func changeSection(_ ch: CoverageTable.Change, docBase: String, into w: inout HTMLWriter) {
        w.element("h2", "id", "y\(ch.from)-\(ch.to)", text: "\(ch.region) \(ch.from) → \(ch.to)"); w.markup("\n")
        w.element("p", "class", "rs-new", text: "new: " + (ch.new.isEmpty ? "none" : ch.new.joined(separator: ", ")))
        if let note = Self.basisNote(ch) { w.open("p", "class", "rs-basis"); w.element("small", text: note); w.close("p") }
        w.element("p", "class", "rs-dropped", text: "dropped: " + (ch.dropped.isEmpty ? "none" : ch.dropped.joined(separator: ", ")))
        w.markup("\n")
        unmatched(ch.newClauses, "\(ch.newClauses.count) clauses of \(ch.to) without a counterpart in \(ch.from)", docBase: docBase, into: &w)
        unmatched(ch.droppedClauses, "\(ch.droppedClauses.count) clauses of \(ch.from) without a counterpart in \(ch.to)", docBase: docBase, into: &w)
    }

    /// A folded list of clauses, each linked to its document page.
    func unmatched(_ refs: [CoverageTable.ClauseRef], _ summary: String, docBase: String, into w: inout HTMLWriter) {
        w.open("details"); w.element("summary", text: summary); w.open("ul")
        for r in refs {
            w.open("li")
            w.element("a", "href", "\(docBase)/\(ResearchPage.segment(r.doc)).html#\(ResearchPage.segment(r.clause))", text: r.clause)
            w.text(" " + String(r.text.prefix(80)))
            w.close("li")
        }
        w.close("ul"); w.close("details"); w.markup("\n")
    }
}
