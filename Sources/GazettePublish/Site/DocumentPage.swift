import Foundation
import GazetteModel
import GazetteOutput

/// `site/doc/<id>.html`: metadata, the clause tree with a permalink on every clause,
/// labels, links to similar clauses and duplicate copies, the original-script text.
enum DocumentPage {
    /// The page, written straight into one string (the clause tree is most of a page: a
    /// node tree per clause cost more than the rest of publishing a document).
    static func render(_ d: Document) -> String { renderBytes(d).string }

    static func renderBytes(_ d: Document) -> HTMLWriter {
        let title = d.title.isEmpty ? d.id : d.title
        return H.pageBytes(title: title + " — 政务公开文库", root: "../", bodyClass: "doc", capacity: d.text.utf8.count * 4 + 16384) { w in
            w.node(SiteChrome.header(root: "../"))
            w.open("main")
            w.open("p", "class", "crumbs")
            link(&w, "../index.html", "首页"); w.text(" › ")
            w.text(d.region ?? "未知地区"); w.text(" › "); w.text(d.year.map(String.init) ?? "年份不详")
            w.close("p")
            w.element("h1", "class", "doc-title", text: title)
            if !d.planTitle.isEmpty && d.planTitle != d.title { w.element("p", "class", "plan-title", text: d.planTitle) }
            w.node(metadata(d))
            w.open("p", "class", "doc-links")
            link(&w, "../diff/\(d.id).html", "与上一年度对比"); w.text(" · ")
            link(&w, "../../documents/\(d.id).json", "JSON"); w.text(" · ")
            link(&w, "../search.html", "搜索")
            w.close("p")
            if !d.duplicates.isEmpty { w.node(duplicates(d)) }
            if !d.preamble.isEmpty { w.open("section", "class", "preamble"); paragraphs(d.preamble, into: &w); w.close("section") }
            clauseTree(d, into: &w)
            if !d.closing.isEmpty { w.open("section", "class", "closing"); paragraphs(d.closing, into: &w); w.close("section") }
            for (i, a) in d.appendices.enumerated() { appendix(a, index: i + 1, into: &w) }
            if !d.removed.isEmpty {
                w.open("details", "class", "removed")
                w.element("summary", text: "清理时删除的内容（\(d.removed.count) 行）")
                w.open("ul")
                for r in d.removed { w.open("li"); w.element("code", text: r.rule); w.text(" "); w.text(r.text); w.close("li") }
                w.close("ul")
                w.close("details")
            }
            w.close("main")
            w.node(SiteChrome.footer())
        }
    }

    /// `<a href="…">text</a>`.
    static func link(_ w: inout HTMLWriter, _ href: String, _ text: String) {
        w.open("a", "href", href); w.text(text); w.close("a")
    }

    /// The document's place linked to its page in `place/`: its path and code, the zone beside
    /// it; the candidates of an ambiguous one. Nil when unresolved.
    static func placeLink(_ p: Place) -> HTMLNode? {
        switch p.status {
        case .resolved where p.level == .national: return H.a("../place/national.html", "全国")
        case .resolved:
            guard let code = p.code else { return nil }
            return H.group([H.a("../place/\(code).html", p.path.joined(separator: " › ")), H.t(" (\(code))")]
                           + (p.zone.map { [H.t(" · " + $0)] } ?? []))
        case .ambiguous: return H.group([H.a("../place/unplaced.html", "有歧义"), H.t("：" + p.candidates.joined(separator: "；"))])
        case .unresolved: return nil
        }
    }

    static func metadata(_ d: Document) -> HTMLNode {
        var rows: [(String, HTMLNode)] = []
        rows.append(("类型", H.t(SiteLabels.docType(d.docType.rawValue))))
        if let r = d.region { rows.append(("地区", H.t(r))) }
        if let p = placeLink(d.place) { rows.append(("行政区划", p)) }
        if let y = d.year { rows.append(("年份", H.t(String(y)))) }
        if let v = d.issuer { rows.append(("发文机关", H.t(v))) }
        if let v = d.docNumber { rows.append(("文号", H.t(v))) }
        if let v = d.issueDate { rows.append(("成文日期", H.t(v))) }
        if let v = d.publicationDate { rows.append(("发布日期", H.t(v))) }
        if !d.addressees.isEmpty { rows.append(("主送", H.t(d.addressees.joined(separator: "、")))) }
        if let v = d.subject { rows.append(("主题分类", subject(v))) }
        rows.append(("条款", H.t("\(d.clauses.count) 条")))
        let s = d.source
        rows.append(("来源", H.el("code", text: s.path)))
        rows.append(("格式", H.t("\(s.format) · \(s.encoding) · \(s.script)/\(s.variant) · 转换 \(s.conversion)")))
        rows.append(("SHA-256", H.el("code", [("class", "hash")], text: s.sha256)))
        var items: [HTMLNode] = []
        for (k, v) in rows { items.append(H.el("dt", text: k)); items.append(H.el("dd", [], [v])) }
        return H.el("dl", [("class", "meta")], items)
    }

    /// 主题分类: the name, then where it came from — the page, or predicted with its evidence
    /// folded away; a page value the code list does not know is marked.
    static func subject(_ v: DocumentSubject) -> HTMLNode {
        var parts: [HTMLNode] = [H.t(v.name)]
        switch (v.source, v.code) {
        case (.page, nil): parts.append(H.el("span", [("class", "muted")], text: "（页面所载，不在分类表中）"))
        case (.page, _): parts.append(H.el("span", [("class", "muted")], text: "（页面所载）"))
        case (.predicted, _):
            parts.append(H.el("span", [("class", "muted")], text: "（据标题和正文推测）"))
        }
        if v.source == .predicted || v.code == nil, !v.evidence.isEmpty {
            parts.append(H.el("details", [("class", "subject-evidence")], [
                H.el("summary", text: "依据"), H.el("ul", [], v.evidence.map { H.el("li", text: $0) }),
            ]))
        }
        return H.el("span", [("class", "subject")], parts)
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
    static func clauseTree(_ d: Document, into w: inout HTMLWriter) {
        let ids = Set(d.clauses.map(\.id))
        var children: [String: [Int]] = [:]
        var roots: [Int] = []
        for (i, c) in d.clauses.enumerated() {
            if let p = c.parent, ids.contains(p), p != c.id { children[p, default: []].append(i) } else { roots.append(i) }
        }
        var visited = [Bool](repeating: false, count: d.clauses.count)
        w.open("div", "class", "clauses")
        for i in roots { node(i, depth: 0, d, children, &visited, &w) }
        for i in d.clauses.indices where !visited[i] { node(i, depth: 0, d, children, &visited, &w) }
        w.close("div")
    }

    /// One clause and, below its own content, its children (at most 12 levels down; deeper
    /// ones are left for the top level, as are the members of a parent cycle).
    static func node(_ i: Int, depth: Int, _ d: Document, _ children: [String: [Int]], _ visited: inout [Bool], _ w: inout HTMLWriter) {
        visited[i] = true
        let c = d.clauses[i]
        clauseContent(c, into: &w)
        if depth < 12, let kids = children[c.id] {
            for k in kids where !visited[k] { node(k, depth: depth + 1, d, children, &visited, &w) }
        }
        w.close("section")
    }

    /// A clause's section up to (not including) its children and end tag.
    static func clauseContent(_ c: Clause, into w: inout HTMLWriter) {
        w.open("section", "class", "clause level-\(min(max(c.level, 1), 6))", "id", c.id)
        w.open("div", "class", "clause-head")
        w.open("a", "href", "#" + c.id, "class", "pilcrow", "title", "本条链接 " + c.id); w.text("¶"); w.close("a")
        if !c.label.isEmpty { w.element("span", "class", "label", text: c.label) }
        if !c.heading.isEmpty { w.element("span", "class", "heading", text: c.heading) }
        w.close("div")
        let body = bodyText(c)
        if !body.isEmpty { w.open("div", "class", "clause-text"); paragraphs(body, into: &w); w.close("div") }
        labels(c, into: &w)
        if !c.deadlines.isEmpty || !c.targets.isEmpty {
            w.open("div", "class", "facts")
            for x in c.deadlines { w.element("span", "class", "fact deadline", text: "时限 " + x) }
            for x in c.targets { w.element("span", "class", "fact target", text: "指标 " + x) }
            w.close("div")
        }
        if !c.similar.isEmpty {
            w.open("div", "class", "similar")
            w.text("相似条款：")
            for s in c.similar {
                w.open("span", "class", "sim")
                link(&w, "../doc/\(s.doc).html#\(s.clause)", "\(s.doc) · \(s.clause)")
                w.text(" " + percent(s.score))
                w.close("span")
            }
            w.close("div")
        }
        if !c.original.isEmpty && c.original != c.text {
            w.open("details", "class", "original")
            w.element("summary", text: "原文")
            paragraphs(c.original, into: &w)
            w.close("details")
        }
    }

    static func labels(_ c: Clause, into w: inout HTMLWriter) {
        w.open("div", "class", "chips")
        if let area = c.area {
            w.open("a", "href", "../area/\(SiteLabels.codeSlug(area)).html", "class", "chip area"); w.text(SiteLabels.area(area)); w.close("a")
        }
        for t in c.topics {
            w.open("a", "href", "../topic/\(SiteLabels.codeSlug(t)).html", "class", "chip topic"); w.text(SiteLabels.topic(t)); w.close("a")
        }
        for u in c.units {
            let key = u.canonical ?? u.name
            let role = SiteLabels.roles[u.role.rawValue] ?? u.role.rawValue
            w.open("a", "href", "../unit/\(SiteLabels.unitSlug(key)).html", "class", "chip unit", "title", key)
            w.text(u.name + "（" + role + "）")
            w.close("a")
        }
        w.close("div")
    }

    /// The clause text without the label and heading already shown in its head line.
    static func bodyText(_ c: Clause) -> String {
        var s = Substring(c.text)
        // Whether the label was cut (which is when the character count changed).
        var cut = false
        if !c.label.isEmpty, s.hasPrefix(c.label) { s = s.dropFirst(c.label.count); cut = true }
        let trimmed = s.drop { $0 == " " || $0 == "\u{3000}" }
        if !c.heading.isEmpty, trimmed.hasPrefix(c.heading) {
            s = trimmed.dropFirst(c.heading.count).drop { "。．.：: \u{3000}".contains($0) }
        } else if cut {
            s = trimmed
        }
        return String(s)
    }

    static func appendix(_ a: Appendix, index: Int, into w: inout HTMLWriter) {
        w.open("section", "class", "appendix \(a.kind.rawValue)", "id", "appendix-\(index)")
        w.element("h2", text: a.title.isEmpty ? "附录 \(index)" : a.title)
        if a.qa.isEmpty {
            paragraphs(a.text, into: &w)
        } else {
            w.open("dl", "class", "qa")
            for p in a.qa { w.element("dt", text: p.question); w.open("dd"); paragraphs(p.answer, into: &w); w.close("dd") }
            w.close("dl")
        }
        w.close("section")
    }

    /// One `<p>` per non-blank line.
    static func paragraphs(_ s: String, into w: inout HTMLWriter) {
        for p in TextParagraphs.split(s) { w.element("p", text: p) }
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
