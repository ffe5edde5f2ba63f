import Foundation
import GazetteCore

/// Renders a `CoverageTable` as text, CSV, JSON, an HTML heat map, or the site's compare pages (`CoveragePages`).
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

    /// A region's page name: region names are Chinese, so a short stable hash.
    public static func regionSlug(_ region: String) -> String { SHA256Digest.slug("r-", region) }

    /// What a change's `basis` means, for the reader (nil for an alignment, the usual case).
    static func basisNote(_ ch: CoverageTable.Change) -> String? {
        ch.basis == "similarity"
            ? "several documents in a year, or too many clauses to align: a clause counts as matched when any clause of the other year is similar enough, in any order"
            : nil
    }
}
