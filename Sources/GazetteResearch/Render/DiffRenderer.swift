import Foundation
import GazetteModel

/// Renders a `DocumentDiff` as a terminal view, CSV or a side-by-side HTML page (`DiffPage`).
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

    func snippet(_ s: String) -> String { s.count <= 40 ? s : String(s.prefix(40)) + "…" }
}

/// RFC 4180 fields.
public enum CSV {
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
