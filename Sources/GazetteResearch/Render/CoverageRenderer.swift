import Foundation
import GazetteCore

/// Renders a `CoverageTable` as text, CSV, JSON, an HTML heat map, or the site's compare pages.
public struct CoverageRenderer {
    public let table: CoverageTable
    public init(_ table: CoverageTable) { self.table = table }

    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(table)
    }

    /// Long form, one row per (group, label): group, region, year, doc_type, label, count, clauses, share.
    public func csv() -> String {
        var rows = ["group,region,year,doc_type,\(table.axis.rawValue),count,clauses,share"]
        for g in table.groups {
            for l in table.labels where (g.counts[l] ?? 0) > 0 {
                rows.append([g.label, g.region ?? "", g.year.map(String.init) ?? "", g.docType ?? "", l,
                             String(g.counts[l] ?? 0), String(g.clauses), String(format: "%.4f", g.share(l))].map(CSV.field).joined(separator: ","))
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    public func text() -> String {
        var out: [String] = []
        let width = max(8, table.labels.map { $0.count * 2 }.max() ?? 8)
        func pad(_ s: String, _ n: Int) -> String {
            let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
            return s + String(repeating: " ", count: max(0, n - w))
        }
        out.append(pad(table.axis.rawValue, width) + "  " + table.groups.map { pad($0.label, 16) }.joined())
        out.append(pad("clauses", width) + "  " + table.groups.map { pad(String($0.clauses), 16) }.joined())
        for l in table.labels {
            out.append(pad(l, width) + "  " + table.groups.map { g in
                let c = g.counts[l] ?? 0
                return pad(c == 0 ? "·" : String(format: "%d (%.0f%%)", c, g.share(l) * 100), 16)
            }.joined())
        }
        for ch in table.changes {
            out.append("")
            out.append("\(ch.region) \(ch.from) → \(ch.to)")
            if let note = Self.basisNote(ch) { out.append("  (\(note))") }
            out.append("  new \(table.axis.rawValue)s: " + (ch.new.isEmpty ? "none" : ch.new.joined(separator: ", ")))
            out.append("  dropped \(table.axis.rawValue)s: " + (ch.dropped.isEmpty ? "none" : ch.dropped.joined(separator: ", ")))
            out.append("  clauses of \(ch.to) without a counterpart in \(ch.from): \(ch.newClauses.count)")
            for c in ch.newClauses { out.append("    + \(c.doc)#\(c.clause) \(String(c.text.prefix(40)))") }
            out.append("  clauses of \(ch.from) without a counterpart in \(ch.to): \(ch.droppedClauses.count)")
            for c in ch.droppedClauses { out.append("    - \(c.doc)#\(c.clause) \(String(c.text.prefix(40)))") }
        }
        return out.joined(separator: "\n")
    }

    /// One page: the heat map and every change (`gazette compare --format html`).
    public func html(stylesheet: String = "assets/style.css", docBase: String = "doc") -> String {
        var body = "<h1>覆盖对比 · Coverage by \(HTML.text(table.axis.rawValue))</h1>\n" + heatMap(table.groups, link: nil)
        for ch in table.changes { body += changeSection(ch, docBase: docBase) }
        return HTML.page(title: "Coverage", stylesheet: stylesheet, body: body)
    }

    /// The HTML gazette's pages, paths relative to `site/`: `compare.html`, the heat map of
    /// every group with each region linked to `compare/<slug>.html`, which holds that
    /// region's groups and the changes between its years. One page with every change was
    /// 15 MB at 10,000 documents and grows with the corpus; a region's page grows only
    /// with its own documents.
    public func sitePages() -> [(path: String, html: String)] {
        let regions = Array(Set(table.groups.map { $0.region ?? "" } + table.changes.map(\.region))).sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
        var body = "<h1>覆盖对比 · Coverage by \(HTML.text(table.axis.rawValue))</h1>\n"
        body += "<p class=\"lead\">每行一个地区和年份，每列一个\(table.axis == .area ? "领域" : "标签")：条款数与占比。各地区逐年新增、删去的条款见其页面。</p>\n"
        body += "<p class=\"rs-regions\">" + regions.map { r in
            "<a href=\"compare/\(Self.regionSlug(r)).html\">\(HTML.text(r.isEmpty ? "-" : r))</a>"
        }.joined(separator: " · ") + "</p>\n"
        body += heatMap(table.groups) { "compare/\(Self.regionSlug($0.region ?? "")).html" }
        var pages = [(path: "compare.html", html: HTML.page(title: "Coverage", stylesheet: "assets/style.css", body: body))]
        let groups = Dictionary(grouping: table.groups) { $0.region ?? "" }
        let changes = Dictionary(grouping: table.changes, by: \.region)
        for r in regions {
            let name = HTML.text(r.isEmpty ? "-" : r)
            var page = "<p class=\"crumbs\"><a href=\"../compare.html\">覆盖对比</a> › \(name)</p>\n<h1>\(name) · Coverage by \(HTML.text(table.axis.rawValue))</h1>\n"
            page += heatMap(groups[r] ?? [], link: nil)
            let mine = changes[r] ?? []
            if mine.isEmpty { page += "<p class=\"muted\">No consecutive years to compare.</p>\n" }
            for ch in mine { page += changeSection(ch, docBase: "../doc") }
            pages.append(("compare/\(Self.regionSlug(r)).html", HTML.page(title: "Coverage · \(r)", stylesheet: "../assets/style.css", body: page)))
        }
        return pages
    }

    /// A region's page name: region names are Chinese, so a short stable hash.
    public static func regionSlug(_ region: String) -> String { SHA256Digest.slug("r-", region) }

    /// A heat map: one row per group, one column per label (a corpus has far more
    /// region-years than areas), cell shade by share; `link` gives a group's row a link.
    func heatMap(_ groups: [CoverageTable.Group], link: ((CoverageTable.Group) -> String)?) -> String {
        var body = "<table class=\"rs-heat\">\n<tr><th>\(HTML.text(table.axis.rawValue))</th><th>clauses</th>"
        body += table.labels.map { "<th>\(HTML.text($0))</th>" }.joined() + "</tr>\n"
        for g in groups {
            let name = HTML.text(g.label)
            body += "<tr><th>" + (link.map { "<a href=\"\(HTML.attr($0(g)))\">\(name)</a>" } ?? name) + "</th><td>\(g.clauses)</td>"
            for l in table.labels {
                let c = g.counts[l] ?? 0, s = g.share(l)
                let alpha = c == 0 ? 0 : 0.12 + 0.88 * min(1, s / 0.3)
                let fg = alpha > 0.6 ? "#fff" : "#000"
                body += "<td style=\"background:rgba(33,102,172,\(String(format: "%.2f", alpha)));color:\(fg)\" title=\"\(HTML.attr(g.label)) · \(HTML.attr(l))\">"
                body += c == 0 ? "·" : String(format: "%d<br><small>%.0f%%</small>", c, s * 100)
                body += "</td>"
            }
            body += "</tr>\n"
        }
        return body + "</table>\n"
    }

    /// What changed between two consecutive years of a region, with the unmatched clauses.
    func changeSection(_ ch: CoverageTable.Change, docBase: String) -> String {
        var body = "<h2 id=\"y\(ch.from)-\(ch.to)\">\(HTML.text(ch.region)) \(ch.from) → \(ch.to)</h2>\n<p class=\"rs-new\">new: \(ch.new.isEmpty ? "none" : HTML.text(ch.new.joined(separator: ", ")))</p>"
        if let note = Self.basisNote(ch) { body += "<p class=\"rs-basis\"><small>\(HTML.text(note))</small></p>" }
        body += "<p class=\"rs-dropped\">dropped: \(ch.dropped.isEmpty ? "none" : HTML.text(ch.dropped.joined(separator: ", ")))</p>\n"
        func list(_ refs: [CoverageTable.ClauseRef]) -> String {
            refs.map { "<li><a href=\"\(HTML.attr(docBase))/\(HTML.segment($0.doc)).html#\(HTML.segment($0.clause))\">\(HTML.text($0.clause))</a> \(HTML.text(String($0.text.prefix(80))))</li>" }.joined()
        }
        body += "<details><summary>\(ch.newClauses.count) clauses of \(ch.to) without a counterpart in \(ch.from)</summary><ul>"
        body += list(ch.newClauses) + "</ul></details>\n"
        body += "<details><summary>\(ch.droppedClauses.count) clauses of \(ch.from) without a counterpart in \(ch.to)</summary><ul>"
        body += list(ch.droppedClauses) + "</ul></details>\n"
        return body
    }

    /// What a change's `basis` means, for the reader (nil for an alignment, the usual case).
    static func basisNote(_ ch: CoverageTable.Change) -> String? {
        ch.basis == "similarity"
            ? "several documents in a year, or too many clauses to align: a clause counts as matched when any clause of the other year is similar enough, in any order"
            : nil
    }
}
