import Foundation
import GazetteModel
import GazetteOutput

/// The corpus-wide pages: index (by region, year and type), facets, search.
enum IndexPages {
    /// Region, then newest year first, then id: the reading order of the index.
    static func order(_ a: DocumentSummary, _ b: DocumentSummary) -> Bool {
        let ra = a.region ?? "\u{10FFFF}", rb = b.region ?? "\u{10FFFF}"
        if ra != rb { return ra.unicodeScalars.lexicographicallyPrecedes(rb.unicodeScalars) }
        if a.year != b.year { return (a.year ?? 0) > (b.year ?? 0) }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }

    static func index(_ docs: [DocumentSummary], manifest: Manifest, areas: [(String, Int)], topics: [(String, Int)], units: [(String, Int)],
                      unresolvedUnits: Int = 0) -> String {
        var main: [HTMLNode] = [H.el("h1", text: "政务公开文库")]
        let dup = manifest.inputs.filter { $0.status == .duplicate }.count
        let rej = manifest.inputs.filter { $0.status == .rejected }.count
        main.append(H.el("p", [("class", "lead")], text: "\(docs.count) 份文件 · \(docs.reduce(0) { $0 + $1.clauseCount }) 条条款 · \(dup) 份重复副本 · \(rej) 份未收录"))
        let review = docs.filter { !$0.quality.warnings.isEmpty }.count
        main.append(H.el("p", [("class", "muted")], [H.a("quality.html", "结构质量：\(review) 份文件待编辑复核")]))
        main.append(H.el("form", [("class", "quick-search"), ("action", "search.html"), ("method", "get")], [
            H.el("input", [("type", "search"), ("name", "q"), ("placeholder", "搜索条款，如 重大行政决策"), ("aria-label", "搜索")]),
            H.el("button", [("type", "submit")], text: "搜索"),
        ]))

        // The latest documents, then by region, year and type: links to the list pages (`ListPages.swift`), a region with
        // its years, so the index stays small however many documents there are.
        main.append(H.el("h2", [("id", "latest")], text: "最新文件"))
        main.append(H.el("ul", [("class", "docs")], latest(docs, count: 20).map { docItem($0) }))
        main.append(H.el("h2", [("id", "by-region")], text: "按地区"))
        main.append(H.el("p", [("class", "muted")], [H.a("place/index.html", "按行政区划：省、市、县")]))
        main.append(H.el("ul", [("class", "regions")], byRegion(docs).map { s in
            let page = "region/\(regionSlug(s.docs[0].region)).html"
            var item: [HTMLNode] = [H.a(page, s.heading, [("class", "region")]), H.el("span", [("class", "count")], text: " \(s.docs.count) 份 ")]
            for y in byYear(s.docs) {
                item.append(H.a(page + "#" + y.anchor, "\(y.docs[0].year.map(String.init) ?? "年份不详")（\(y.docs.count)）", [("class", "year")]))
                item.append(H.t(" "))
            }
            return H.el("li", [], item)
        }))
        let years = Dictionary(grouping: docs, by: { $0.year ?? 0 }).sorted { $0.key > $1.key }
        main.append(H.el("h2", [("id", "by-year")], text: "按年份"))
        main.append(H.el("ul", [("class", "chips")], years.map { (y, ds) in
            H.el("li", [], [H.a("year/\(yearSlug(y)).html", y == 0 ? "年份不详" : "\(y) 年", [("class", "chip")]), H.el("span", [("class", "count")], text: " \(ds.count)")])
        }))
        let types = Dictionary(grouping: docs, by: \.docType).sorted { $0.key < $1.key }
        main.append(H.el("h2", [("id", "by-type")], text: "按类型"))
        main.append(H.el("ul", [("class", "chips")], types.map { (t, ds) in
            H.el("li", [], [H.a("type/\(SiteLabels.codeSlug(t)).html", SiteLabels.docType(t), [("class", "chip")]), H.el("span", [("class", "count")], text: " \(ds.count)")])
        }))

        // Facets.
        main.append(H.el("h2", [("id", "facets")], text: "领域、主题与单位"))
        main.append(facetList("领域", areas.map { ("area/\(SiteLabels.codeSlug($0.0)).html", SiteLabels.area($0.0), $0.1) }))
        main.append(facetList("主题", topics.map { ("topic/\(SiteLabels.codeSlug($0.0)).html", SiteLabels.topic($0.0), $0.1) }))
        main.append(facetList("单位", units.map { ("unit/\(SiteLabels.unitSlug($0.0)).html", $0.0, $0.1) }))
        main.append(H.el("p", [("class", "muted")], [H.a(UnresolvedUnitsPage.file, "未解析的单位：\(unresolvedUnits) 个名称待补入单位名录")]))
        return H.page(title: "政务公开文库", root: "", bodyClass: "index",
                      body: [SiteChrome.header(root: ""), H.el("main", [], main), SiteChrome.footer()])
    }

    /// The `count` documents issued last (by issue date, else year; then id).
    static func latest(_ docs: [DocumentSummary], count: Int) -> [DocumentSummary] {
        func key(_ d: DocumentSummary) -> String { d.issueDate ?? d.year.map { String($0) } ?? "" }
        return Array(docs.sorted { a, b in
            let ka = key(a), kb = key(b)
            return ka != kb ? ka > kb : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }.prefix(count))
    }

    /// A document in a list: its title linked, then type, issuer, date, clause and copy counts.
    static func docItem(_ d: DocumentSummary, root: String = "") -> HTMLNode {
        var meta = [SiteLabels.docType(d.docType)]
        if let i = d.issuer { meta.append(i) }
        if let dt = d.issueDate { meta.append(dt) }
        meta.append("\(d.clauseCount) 条")
        if d.duplicates > 0 { meta.append("\(d.duplicates) 份副本") }
        return H.el("li", [], [H.a("\(root)doc/\(d.id).html", d.title.isEmpty ? d.id : d.title),
                               H.el("span", [("class", "muted")], text: meta.joined(separator: " · "))])
    }

    static func facetList(_ title: String, _ items: [(String, String, Int)]) -> HTMLNode {
        H.el("section", [("class", "facet-list")], [
            H.el("h3", text: title),
            H.el("ul", [("class", "chips")], items.map { H.el("li", [], [H.a($0.0, $0.1, [("class", "chip")]), H.el("span", [("class", "count")], text: " \($0.2)")]) }),
        ])
    }

    /// Editors' readable names of the quality warnings (`DocumentQuality.warnings`).
    static func warningLabel(_ code: String) -> String {
        switch code {
        case "numbering-without-tree": return "正文有编号，但未识别出条款"
        case "title-not-found": return "未找到标题"
        case "low-clause-coverage": return "条款只覆盖正文的一小部分"
        case "page-table-disagrees:doc_number": return "页面信息表与正文的发文字号不一致"
        case "page-table-disagrees:issue_date": return "页面信息表与正文的成文日期不一致"
        case "subject-unrecognised": return "页面所载主题分类不在分类表（subject_classes.yml）中"
        default: return code
        }
    }

    /// `quality.html`: the documents an editor should look at, with their warnings, layout and
    /// clause coverage; then how many documents each layout family was recovered from.
    /// At most `limit` documents are listed (the page stays readable at any corpus size);
    /// the manifest lists them all.
    static func qualityPage(_ docs: [DocumentSummary], limit: Int = 2_000) -> String {
        let all = docs.filter { !$0.quality.warnings.isEmpty }
        let flagged = Array(all.prefix(limit))
        var main: [HTMLNode] = [H.el("h1", text: "结构质量"),
                                H.el("p", [("class", "lead")], text: "\(all.count) 份文件待复核（共 \(docs.count) 份）")]
        if all.count > limit {
            main.append(H.el("p", [("class", "muted")], text: "下表列出前 \(limit) 份；全部见 manifest.json 中各文件的 warnings。"))
        }
        main.append(H.el("table", [("class", "quality")], [
            H.el("thead", [], [H.el("tr", [], ["文件", "问题", "版式", "条款覆盖"].map { H.el("th", text: $0) })]),
            H.el("tbody", [], flagged.map { d in
                H.el("tr", [("id", d.id)], [
                    H.el("td", [], [H.a("doc/\(d.id).html", d.title.isEmpty ? d.id : d.title)]),
                    H.el("td", [], [H.el("ul", [], d.quality.warnings.map { H.el("li", text: warningLabel($0)) })]),
                    H.el("td", text: d.quality.layout),
                    H.el("td", text: String(format: "%.0f%%", d.quality.clauseCoverage * 100)),
                ])
            }),
        ]))
        var families: [String: Int] = [:]
        for d in docs { for f in d.quality.layout.split(separator: "+") { families[String(f), default: 0] += 1 } }
        main.append(H.el("h2", text: "版式恢复"))
        main.append(H.el("ul", [("class", "chips")], families.sorted { $0.key < $1.key }.map {
            H.el("li", [], [H.el("span", [("class", "chip")], text: $0.key), H.el("span", [("class", "count")], text: " \($0.value)")])
        }))
        return H.page(title: "结构质量 — 政务公开文库", root: "", bodyClass: "quality",
                      body: [SiteChrome.header(root: ""), H.el("main", [], main), SiteChrome.footer()])
    }

    static func searchPage() -> String {
        let main: [HTMLNode] = [
            H.el("h1", text: "搜索条款"),
            H.el("form", [("class", "quick-search"), ("id", "search-form")], [
                H.el("input", [("type", "search"), ("id", "q"), ("name", "q"), ("placeholder", "输入词语，如 重大行政决策"), ("aria-label", "搜索"), ("autofocus", "autofocus")]),
                H.el("button", [("type", "submit")], text: "搜索"),
            ]),
            H.el("p", [("id", "status"), ("class", "muted")], text: "在全部条款的标题和正文中查找（区分全文子串）。"),
            H.el("ol", [("id", "results"), ("class", "results")]),
        ]
        return H.page(title: "搜索 — 政务公开文库", root: "", bodyClass: "search",
                      body: [SiteChrome.header(root: ""), H.el("main", [], main), SiteChrome.footer()],
                      scripts: ["search/chunks.js", "assets/search.js"])
    }
}
