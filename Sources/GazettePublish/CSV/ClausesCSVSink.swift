import Foundation
import GazetteModel
import GazetteOutput

/// `clauses.csv`: one row per clause, for spreadsheets and pandas. List-valued fields are
/// joined with ';': `units` as written, `units_canonical` (registry name, or as written when
/// unresolved) and `unit_roles` aligned with them; `similar` as `doc#clause@score`; the
/// document's subject class (`subject_code`, `subject`) last.
public final class ClausesCSVSink: OutputSink {
    public let name = "csv"
    var writer: CSVWriter?
    var segments: SegmentLedger?
    public init() {}

    public func use(_ context: PublishContext) { segments = SegmentLedger(context: context, file: "clauses.csv") }

    public static let columns = ["doc_id", "region", "region_code", "region_level", "year", "doc_type", "seq", "clause_id", "parent", "level", "label", "number",
                                 "heading", "text", "area", "topics", "units", "units_canonical", "unit_roles", "deadlines", "targets", "similar",
                                 "subject_code", "subject"]

    public func begin(staging: URL) throws {
        writer = try CSVWriter(url: staging.appendingPathComponent("clauses.csv"))
        try writer?.write(Self.columns)
    }

    /// The document's rows, encoded (on a worker thread).
    public func prepare(_ d: Document) throws -> Data? {
        var out = Data()
        for (i, c) in d.clauses.enumerated() { out.append(contentsOf: Array(CSVWriter.row(Self.row(d, c, seq: i + 1)).utf8)) }
        return out
    }

    /// An unchanged document's rows, copied from the previous clauses.csv.
    public func prepareUnchanged(_ d: Document) throws -> Data? { try segments?.previousSegment(d.id) ?? prepare(d) }

    public func write(_ d: Document, prepared: Data?) throws {
        guard let rows = try prepared ?? prepare(d), let writer else { return }
        let at = writer.position
        try writer.append(rows)
        segments?.record(d.id, offset: at, length: rows.count)
    }

    public func write(_ d: Document) throws { try write(d, prepared: nil) }

    static func row(_ d: Document, _ c: Clause, seq: Int) -> [String] {
        [d.id, d.region ?? "", d.place.code ?? "", d.place.level?.rawValue ?? "", d.year.map(String.init) ?? "", d.docType.rawValue, String(seq), c.id, c.parent ?? "",
         String(c.level), c.label, String(c.number), c.heading, c.text, c.area ?? "", c.topics.joined(separator: ";"),
         c.units.map(\.name).joined(separator: ";"), c.units.map { $0.canonical ?? $0.name }.joined(separator: ";"),
         c.units.map(\.role.rawValue).joined(separator: ";"),
         c.deadlines.joined(separator: ";"), c.targets.joined(separator: ";"),
         c.similar.map { "\($0.doc)#\($0.clause)@\(String(format: "%.2f", $0.score))" }.joined(separator: ";"),
         // The document's subject class (after the clause's own columns, so theirs keep their places).
         d.subject?.code ?? "", d.subject?.name ?? ""]
    }

    public func finish(_ corpus: CorpusSummary) throws {
        try writer?.close(); writer = nil
        segments?.store(output: corpus.manifest.run.fingerprint)
    }
}
