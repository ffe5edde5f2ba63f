import Foundation
@testable import GazettePublish
import GazetteCore
import GazetteModel
import GazetteOutput

/// The node-tree facet page as it was before the direct writer: the reference the tests pin it to.
enum FacetPageReference {
    static func order(_ a: DocumentSummary, _ b: DocumentSummary) -> Bool { IndexPages.order(a, b) }

    static func facet(kind: String, name: String, code: String?, hits: [SiteSink.FacetHit], docs: [String: DocumentSummary]) -> String {
        var byDoc: [String: [SiteSink.FacetHit]] = [:]
        for h in hits { byDoc[h.doc, default: []].append(h) }
        let ordered = byDoc.keys.compactMap { docs[$0] }.sorted(by: order)
        var main: [HTMLNode] = [H.el("p", [("class", "crumbs")], [H.a("../index.html", "首页"), H.t(" › " + kind)]),
                                H.el("h1", text: "\(kind)：\(name)")]
        if let code { main.append(H.el("p", [("class", "muted")], [H.el("code", text: code)])) }
        main.append(H.el("p", [("class", "lead")], text: "\(ordered.count) 份文件中的 \(hits.count) 条条款"))
        for d in ordered {
            let clauseLinks = (byDoc[d.id] ?? []).map { h in H.el("li", [], [H.a("../doc/\(d.id).html#\(h.clause)", h.caption)]) }
            let where_ = [d.region, d.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            main.append(H.el("section", [("class", "facet-doc")], [
                H.el("h2", [], [H.a("../doc/\(d.id).html", d.title.isEmpty ? d.id : d.title)]),
                H.el("p", [("class", "muted")], text: where_),
                H.el("ul", [("class", "clause-links")], clauseLinks),
            ]))
        }
        return H.page(title: "\(kind)：\(name) — 政务公开文库", root: "../", bodyClass: "facet",
                      body: [SiteChrome.header(root: "../"), H.el("main", [], main), SiteChrome.footer()])
    }

}
