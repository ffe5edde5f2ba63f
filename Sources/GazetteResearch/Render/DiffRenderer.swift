import Foundation
import GazetteModel

/// Renders a `DocumentDiff` as a terminal view, CSV or a side-by-side HTML page.
public struct DiffRenderer {
    public let diff: DocumentDiff
    /// Clause texts by id, per side, for the views that show text.
    let textA: [String: String], textB: [String: String]

    public init(diff: DocumentDiff, a: Document, b: Document) {
        self.diff = diff
        textA = Dictionary(ClauseSource.clauses(of: a).map { ($0.id, ComparableClause.displayText($0)) }, uniquingKeysWith: { x, _ in x })
        textB = Dictionary(ClauseSource.clauses(of: b).map { ($0.id, ComparableClause.displayText($0)) }, uniquingKeysWith: { x, _ in x })
    }

    /// The same from documents whose clauses are prepared already (their display texts are reused).
    public init(diff: DocumentDiff, a: PreparedDocument, b: PreparedDocument) {
        self.diff = diff
        textA = Dictionary(a.clauses.map { ($0.clause.id, $0.display) }, uniquingKeysWith: { x, _ in x })
        textB = Dictionary(b.clauses.map { ($0.clause.id, $0.display) }, uniquingKeysWith: { x, _ in x })
    }

    /// JSON, pretty-printed with sorted keys (the documented stable form).
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(diff)
    }

    /// One row per pair: a, b, status, score, group, text_a, text_b.
    public func csv() -> String {
        var rows = ["a,b,status,score,group,text_a,text_b"]
        for p in diff.pairs {
            rows.append([p.a ?? "", p.b ?? "", p.status.rawValue, p.score.map { String(format: "%.3f", $0) } ?? "",
                         p.group.map(String.init) ?? "", p.a.flatMap { textA[$0] } ?? "", p.b.flatMap { textB[$0] } ?? ""]
                .map(CSV.field).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// The terminal view; ANSI colours when `color`.
    public func text(color: Bool) -> String {
        let red = color ? "\u{1B}[31m" : "", green = color ? "\u{1B}[32m" : "", dim = color ? "\u{1B}[2m" : ""
        let bold = color ? "\u{1B}[1m" : "", cyan = color ? "\u{1B}[36m" : "", reset = color ? "\u{1B}[0m" : ""
        var out: [String] = []
        out.append("\(bold)A\(reset) \(diff.a.id)  \(diff.a.title)  (\(diff.a.clauses) clauses)")
        out.append("\(bold)B\(reset) \(diff.b.id)  \(diff.b.title)  (\(diff.b.clauses) clauses)")
        out.append(DiffPair.Status.allCases.map { "\($0.rawValue) \(diff.summary[$0.rawValue] ?? 0)" }.joined(separator: "  "))
        out.append("")
        var shownA = Set<String>(), shownB = Set<String>()
        for p in diff.pairs {
            let score = p.score.map { String(format: " %.2f", $0) } ?? ""
            let head = "\(p.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(p.a ?? "-") → \(p.b ?? "-")\(score)" + (p.group.map { " [group \($0)]" } ?? "")
            switch p.status {
            case .unchanged:
                out.append("\(dim)  \(head)  \(snippet(p.b.flatMap { textB[$0] } ?? ""))\(reset)")
            case .added:
                out.append("\(green)+ \(head)\(reset)")
                out.append("\(green)    \(p.b.flatMap { textB[$0] } ?? "")\(reset)")
            case .removed:
                out.append("\(red)- \(head)\(reset)")
                out.append("\(red)    \(p.a.flatMap { textA[$0] } ?? "")\(reset)")
            default:
                out.append("\(cyan)~ \(head)\(reset)")
                if let ops = p.ops {
                    let line = ops.map { op -> String in
                        switch op.op {
                        case .equal: return op.text
                        case .delete: return color ? "\(red)\u{1B}[9m\(op.text)\(reset)" : "[-\(op.text)-]"
                        case .insert: return color ? "\(green)\u{1B}[4m\(op.text)\(reset)" : "{+\(op.text)+}"
                        }
                    }.joined()
                    out.append("    " + line.replacingOccurrences(of: "\n", with: "\n    "))
                } else if p.group == nil || !shownA.contains(p.a ?? "") || !shownB.contains(p.b ?? "") {
                    // Rewritten texts (no character diff): both sides whole, each clause once.
                    if let x = p.a, !shownA.contains(x) { out.append("\(red)    A: \(textA[x] ?? "")\(reset)") }
                    if let y = p.b, !shownB.contains(y), p.b.flatMap({ textB[$0] }) != p.a.flatMap({ textA[$0] }) {
                        out.append("\(green)    B: \(textB[y] ?? "")\(reset)")
                    }
                }
                if let x = p.a { shownA.insert(x) }
                if let y = p.b { shownB.insert(y) }
            }
        }
        return out.joined(separator: "\n")
    }

    /// Newlines as `<br>` (most cells have none: no Foundation call for them).
    static func lineBreaks(_ s: String) -> String {
        (s.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? s.utf8.contains(0x0A)) ? s.replacingOccurrences(of: "\n", with: "<br>") : s
    }

    func snippet(_ s: String) -> String { s.count <= 40 ? s : String(s.prefix(40)) + "…" }

    /// Side-by-side HTML; clause ids link to `docBase/<id>.html#<clause>`.
    public func html(stylesheet: String = "../assets/style.css", docBase: String = "../doc") -> String {
        var body = "<h1>对照 · Diff</h1>\n<p>A: <a href=\"\(HTML.attr(docBase))/\(HTML.segment(diff.a.id)).html\">\(HTML.text(diff.a.title))</a> "
        body += "(\(HTML.text(diff.a.id)))<br>B: <a href=\"\(HTML.attr(docBase))/\(HTML.segment(diff.b.id)).html\">\(HTML.text(diff.b.title))</a> (\(HTML.text(diff.b.id)))</p>\n"
        body += "<p>" + DiffPair.Status.allCases.map { "\($0.rawValue) \(diff.summary[$0.rawValue] ?? 0)" }.map(HTML.text).joined(separator: " · ") + "</p>\n"
        body += "<table class=\"rs-diff\">\n<tr><th class=\"meta\">status</th><th>A</th><th>B</th></tr>\n"
        for p in diff.pairs {
            let link = { (doc: String, clause: String?) -> String in
                guard let c = clause else { return "" }
                return "<a href=\"\(HTML.attr(docBase))/\(HTML.segment(doc)).html#\(HTML.segment(c))\">\(HTML.text(c))</a> "
            }
            var cellA = link(diff.a.id, p.a), cellB = link(diff.b.id, p.b)
            if let ops = p.ops {
                cellA += ops.filter { $0.op != .insert }.map { $0.op == .delete ? "<del>\(HTML.text($0.text))</del>" : HTML.text($0.text) }.joined()
                cellB += ops.filter { $0.op != .delete }.map { $0.op == .insert ? "<ins>\(HTML.text($0.text))</ins>" : HTML.text($0.text) }.joined()
            } else {
                cellA += HTML.text(p.a.flatMap { textA[$0] } ?? "")
                cellB += HTML.text(p.b.flatMap { textB[$0] } ?? "")
            }
            let meta = HTML.text(p.status.rawValue) + (p.score.map { String(format: "<br>%.2f", $0) } ?? "") + (p.group.map { "<br>group \($0)" } ?? "")
            body += "<tr class=\"rs-\(p.status.rawValue)\"><td class=\"meta\">\(meta)</td><td class=\"a\">\(Self.lineBreaks(cellA))</td><td class=\"b\">\(Self.lineBreaks(cellB))</td></tr>\n"
        }
        body += "</table>"
        return HTML.page(title: "Diff \(diff.a.id) → \(diff.b.id)", stylesheet: stylesheet, body: body)
    }
}

/// RFC 4180 fields.
public enum CSV {
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
