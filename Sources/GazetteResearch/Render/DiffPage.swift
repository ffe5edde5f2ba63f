import Foundation
import GazetteModel
import GazetteOutput

/// The side-by-side HTML view of a diff (`gazette diff --format html`, `site/diff/<id>.html`).
extension DiffRenderer {
    /// Side-by-side HTML; clause ids link to `docBase/<id>.html#<clause>`.
    public func html(stylesheet: String = "../assets/style.css", docBase: String = "../doc") -> String {
        page(stylesheet: stylesheet, docBase: docBase).string
    }

    /// The same page as UTF-8 bytes, ready for its file.
    func page(stylesheet: String = "../assets/style.css", docBase: String = "../doc") -> HTMLWriter {
        let a = diff.a, b = diff.b
        return ResearchPage.render(title: "Diff \(a.id) → \(b.id)", stylesheet: stylesheet) { w in
            w.element("h1", text: "对照 · Diff"); w.markup("\n")
            w.open("p")
            w.text("A: "); w.element("a", "href", "\(docBase)/\(ResearchPage.segment(a.id)).html", text: a.title)
            w.text(" (\(a.id))"); w.open("br")
            w.text("B: "); w.element("a", "href", "\(docBase)/\(ResearchPage.segment(b.id)).html", text: b.title)
            w.text(" (\(b.id))")
            w.close("p"); w.markup("\n")
            w.element("p", text: DiffPair.Status.allCases.map { "\($0.rawValue) \(diff.summary[$0.rawValue] ?? 0)" }.joined(separator: " · "))
            w.markup("\n")
            w.open("table", "class", "rs-diff"); w.markup("\n")
            w.open("tr"); w.element("th", "class", "meta", text: "status"); w.element("th", text: "A"); w.element("th", text: "B")
            w.close("tr"); w.markup("\n")
            for p in diff.pairs { row(p, docBase: docBase, into: &w) }
            w.close("table")
        }
    }

    /// One pair: its status, score and group, then each side's clause with the character
    /// changes marked (`<del>`, `<ins>`) where there are any.
    func row(_ p: DiffPair, docBase: String, into w: inout HTMLWriter) {
        w.open("tr", "class", "rs-" + p.status.rawValue)
        w.open("td", "class", "meta")
        w.text(p.status.rawValue)
        if let s = p.score { w.open("br"); w.text(String(format: "%.2f", s)) }
        if let g = p.group { w.open("br"); w.text("group \(g)") }
        w.close("td")
        w.open("td", "class", "a")
        link(diff.a.id, p.a, docBase: docBase, into: &w)
        if let ops = p.ops {
            for op in ops where op.op != .insert {
                if op.op == .delete { w.open("del"); ResearchPage.lines(op.text, into: &w); w.close("del") }
                else { ResearchPage.lines(op.text, into: &w) }
            }
        } else {
            ResearchPage.lines(p.a.flatMap { textA[$0] } ?? "", into: &w)
        }
        w.close("td")
        w.open("td", "class", "b")
        link(diff.b.id, p.b, docBase: docBase, into: &w)
        if let ops = p.ops {
            for op in ops where op.op != .delete {
                if op.op == .insert { w.open("ins"); ResearchPage.lines(op.text, into: &w); w.close("ins") }
                else { ResearchPage.lines(op.text, into: &w) }
            }
        } else {
            ResearchPage.lines(p.b.flatMap { textB[$0] } ?? "", into: &w)
        }
        w.close("td")
        w.close("tr"); w.markup("\n")
    }

    /// A clause's permalink, then a space; nothing for a side without a clause.
    func link(_ doc: String, _ clause: String?, docBase: String, into w: inout HTMLWriter) {
        guard let c = clause else { return }
        w.open("a", "href", "\(docBase)/\(ResearchPage.segment(doc)).html#\(ResearchPage.segment(c))")
        ResearchPage.lines(c, into: &w)
        w.close("a")
        w.text(" ")
    }

    /// `site/diff/<id>.html` for a document with no earlier one to compare with.
    static func withoutPrevious(_ d: Document) -> HTMLWriter {
        let what = "\(d.region ?? "unknown region") \(d.year.map { String($0 - 1) } ?? "previous year") \(d.docType.rawValue)"
        return ResearchPage.render(title: "Diff \(d.id)", stylesheet: "../assets/style.css") { w in
            w.element("h1", text: "对照 · Diff"); w.markup("\n")
            w.open("p"); w.element("a", "href", "../doc/\(ResearchPage.segment(d.id)).html", text: d.title); w.close("p")
            w.markup("\n")
            w.element("p", text: "No earlier document to compare with (\(what)).")
        }
    }
}
