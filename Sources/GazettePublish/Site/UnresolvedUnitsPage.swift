import GazetteCore
import GazetteModel
import GazetteOutput

/// `unit/unresolved.html`: the unit mentions the registry did not resolve, by region, each
/// name with how often it occurs and links to the documents it occurs in — the editors' list
/// of what to add to `units.yml`. (Unit facet pages are `u-<hash>.html`, so the name is free.)
enum UnresolvedUnitsPage {
    static let file = "unit/unresolved.html"
    /// Document links shown per name; the rest are counted.
    static let documentsShown = 20

    static func render(_ units: UnresolvedUnits, docs: [String: DocumentSummary]) -> String {
        H.page(title: "未解析的单位", root: "../", bodyClass: "facet") { w in
            w.node(SiteChrome.header(root: "../"))
            w.open("main")
            w.element("h1", text: "未解析的单位")
            let regions = units.byRegion
            w.element("p", "class", "lead",
                      text: "\(regions.count) 个地区的 \(units.list.count) 个单位名称（共 \(units.total) 处）未能对应到单位名录（units.yml）")
            for (region, entries) in regions {
                w.open("section", "class", "facet-doc")
                w.element("h2", text: region)
                w.open("ul", "class", "clause-links")
                for e in entries {
                    w.open("li")
                    w.element("strong", text: e.name)
                    w.text(" \(e.count) 处，\(e.documents.count) 份文件：")
                    for (i, id) in e.documents.prefix(documentsShown).enumerated() {
                        if i > 0 { w.text("、") }
                        let title = docs[id].map { $0.title.isEmpty ? id : $0.title } ?? id
                        DocumentPage.link(&w, "../doc/\(id).html", title)
                    }
                    if e.documents.count > documentsShown { w.text(" 等") }
                    w.close("li")
                }
                w.close("ul")
                w.close("section")
            }
            w.close("main")
            w.node(SiteChrome.footer())
        }
    }
}
