import Foundation
@testable import GazettePublish
import GazetteModel
import GazetteOutput

/// The node-tree DocumentPage as it was before the direct writer: the reference the tests pin it to.
enum DocumentPageReference {
    static func render(_ d: Document) -> String {
        var body: [HTMLNode] = [SiteChrome.header(root: "../")]
        var main: [HTMLNode] = []
        main.append(H.el("p", [("class", "crumbs")], [
            H.a("../index.html", "首页"), H.t(" › "),
            H.t(d.region ?? "未知地区"), H.t(" › "), H.t(d.year.map(String.init) ?? "年份不详"),
        ]))
        main.append(H.el("h1", [("class", "doc-title")], text: d.title.isEmpty ? d.id : d.title))
        if !d.planTitle.isEmpty && d.planTitle != d.title {
            main.append(H.el("p", [("class", "plan-title")], text: d.planTitle))
        }
        main.append(metadata(d))
        main.append(H.el("p", [("class", "doc-links")], [
            H.a("../diff/\(d.id).html", "与上一年度对比"), H.t(" · "),
            H.a("../../documents/\(d.id).json", "JSON"), H.t(" · "),
            H.a("../search.html", "搜索"),
        ]))
        if !d.duplicates.isEmpty { main.append(duplicates(d)) }
        if !d.preamble.isEmpty { main.append(H.el("section", [("class", "preamble")], paragraphs(d.preamble))) }
        main.append(clauseTree(d))
        if !d.closing.isEmpty { main.append(H.el("section", [("class", "closing")], paragraphs(d.closing))) }
        for (i, a) in d.appendices.enumerated() { main.append(appendix(a, index: i + 1)) }
        if !d.removed.isEmpty {
            main.append(H.el("details", [("class", "removed")], [
                H.el("summary", text: "清理时删除的内容（\(d.removed.count) 行）"),
                H.el("ul", [], d.removed.map { H.el("li", [], [H.el("code", text: $0.rule), H.t(" "), H.t($0.text)]) }),
            ]))
        }
        body.append(H.el("main", [], main))
        body.append(SiteChrome.footer())
        return H.page(title: (d.title.isEmpty ? d.id : d.title) + " — 政务公开文库", root: "../", bodyClass: "doc", body: body)
    }

    static func metadata(_ d: Document) -> HTMLNode {
        var rows: [(String, HTMLNode)] = []
        rows.append(("类型", H.t(SiteLabels.docType(d.docType.rawValue))))
        if let r = d.region { rows.append(("地区", H.t(r))) }
        if let y = d.year { rows.append(("年份", H.t(String(y)))) }
        if let v = d.issuer { rows.append(("发文机关", H.t(v))) }
        if let v = d.docNumber { rows.append(("文号", H.t(v))) }
        if let v = d.issueDate { rows.append(("成文日期", H.t(v))) }
        if let v = d.publicationDate { rows.append(("发布日期", H.t(v))) }
        if !d.addressees.isEmpty { rows.append(("主送", H.t(d.addressees.joined(separator: "、")))) }
        rows.append(("条款", H.t("\(d.clauses.count) 条")))
        let s = d.source
        rows.append(("来源", H.el("code", text: s.path)))
        rows.append(("格式", H.t("\(s.format) · \(s.encoding) · \(s.script)/\(s.variant) · 转换 \(s.conversion)")))
        rows.append(("SHA-256", H.el("code", [("class", "hash")], text: s.sha256)))
        var items: [HTMLNode] = []
        for (k, v) in rows { items.append(H.el("dt", text: k)); items.append(H.el("dd", [], [v])) }
        return H.el("dl", [("class", "meta")], items)
    }

    static func duplicates(_ d: Document) -> HTMLNode {
        H.el("section", [("class", "duplicates")], [
            H.el("h2", text: "重复副本（\(d.duplicates.count)）"),
            H.el("ul", [], d.duplicates.map { c in
                H.el("li", [], [H.el("code", text: c.path), H.t(" "),
                                H.el("span", [("class", "score")], text: percent(c.similarity)),
                                H.t(" "), H.el("code", [("class", "hash")], text: String(c.sha256.prefix(12)))])
            }),
        ])
    }

    /// Nested sections following `parent` links; clauses whose parent is unknown hang at the top.
    static func clauseTree(_ d: Document) -> HTMLNode {
        let ids = Set(d.clauses.map(\.id))
        var children: [String: [Int]] = [:]
        var roots: [Int] = []
        for (i, c) in d.clauses.enumerated() {
            if let p = c.parent, ids.contains(p), p != c.id { children[p, default: []].append(i) } else { roots.append(i) }
        }
        var visited = Set<Int>()
        func node(_ i: Int, depth: Int) -> HTMLNode {
            visited.insert(i)
            let c = d.clauses[i]
            var kids: [HTMLNode] = []
            if depth < 12 { for k in children[c.id] ?? [] where !visited.contains(k) { kids.append(node(k, depth: depth + 1)) } }
            return clause(c, children: kids)
        }
        var top = roots.map { node($0, depth: 0) }
        for i in d.clauses.indices where !visited.contains(i) { top.append(node(i, depth: 0)) }
        return H.el("div", [("class", "clauses")], top)
    }

    static func clause(_ c: Clause, children: [HTMLNode]) -> HTMLNode {
        var head: [HTMLNode] = [H.a("#" + c.id, "¶", [("class", "pilcrow"), ("title", "本条链接 " + c.id)])]
        if !c.label.isEmpty { head.append(H.el("span", [("class", "label")], text: c.label)) }
        if !c.heading.isEmpty { head.append(H.el("span", [("class", "heading")], text: c.heading)) }
        var inner: [HTMLNode] = [H.el("div", [("class", "clause-head")], head)]
        let body = bodyText(c)
        if !body.isEmpty { inner.append(H.el("div", [("class", "clause-text")], paragraphs(body))) }
        inner.append(labels(c))
        if !c.deadlines.isEmpty || !c.targets.isEmpty {
            var facts: [HTMLNode] = []
            for x in c.deadlines { facts.append(H.el("span", [("class", "fact deadline")], text: "时限 " + x)) }
            for x in c.targets { facts.append(H.el("span", [("class", "fact target")], text: "指标 " + x)) }
            inner.append(H.el("div", [("class", "facts")], facts))
        }
        if !c.similar.isEmpty {
            inner.append(H.el("div", [("class", "similar")], [H.t("相似条款：")] + c.similar.map { s in
                H.el("span", [("class", "sim")], [H.a("../doc/\(s.doc).html#\(s.clause)", "\(s.doc) · \(s.clause)"), H.t(" " + percent(s.score))])
            }))
        }
        if !c.original.isEmpty && c.original != c.text {
            inner.append(H.el("details", [("class", "original")], [H.el("summary", text: "原文"), H.group(paragraphs(c.original))]))
        }
        inner += children
        return H.el("section", [("class", "clause level-\(min(max(c.level, 1), 6))"), ("id", c.id)], inner)
    }

    static func labels(_ c: Clause) -> HTMLNode {
        var chips: [HTMLNode] = [H.a("../area/\(SiteLabels.codeSlug(c.area)).html", SiteLabels.area(c.area), [("class", "chip area")])]
        for t in c.topics { chips.append(H.a("../topic/\(SiteLabels.codeSlug(t)).html", SiteLabels.topic(t), [("class", "chip topic")])) }
        for u in c.units {
            let key = u.canonical ?? u.name
            let role = SiteLabels.roles[u.role.rawValue] ?? u.role.rawValue
            chips.append(H.a("../unit/\(SiteLabels.unitSlug(key)).html", u.name + "（" + role + "）",
                             [("class", "chip unit"), ("title", key)]))
        }
        return H.el("div", [("class", "chips")], chips)
    }

    /// The clause text without the label and heading already shown in its head line.
    static func bodyText(_ c: Clause) -> String {
        var s = Substring(c.text)
        if !c.label.isEmpty, s.hasPrefix(c.label) { s = s.dropFirst(c.label.count) }
        let trimmed = s.drop { $0 == " " || $0 == "\u{3000}" }
        if !c.heading.isEmpty, trimmed.hasPrefix(c.heading) {
            s = trimmed.dropFirst(c.heading.count).drop { "。．.：: \u{3000}".contains($0) }
        } else if s.count != c.text.count {
            s = trimmed
        }
        return String(s)
    }

    static func appendix(_ a: Appendix, index: Int) -> HTMLNode {
        var inner: [HTMLNode] = [H.el("h2", text: a.title.isEmpty ? "附录 \(index)" : a.title)]
        if a.qa.isEmpty {
            inner += paragraphs(a.text)
        } else {
            var qa: [HTMLNode] = []
            for p in a.qa { qa.append(H.el("dt", text: p.question)); qa.append(H.el("dd", [], paragraphs(p.answer))) }
            inner.append(H.el("dl", [("class", "qa")], qa))
        }
        return H.el("section", [("class", "appendix \(a.kind.rawValue)"), ("id", "appendix-\(index)")], inner)
    }

    static func paragraphs(_ s: String) -> [HTMLNode] {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { H.el("p", text: $0) }
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
