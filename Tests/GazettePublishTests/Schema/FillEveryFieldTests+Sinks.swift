import Foundation
import XCTest
import GazetteModel
@testable import GazettePublish

/// SQLite, CSV and the JSON Schema, for `FillEveryFieldTests`.
extension FillEveryFieldTests {
    /// Where a value stands while walking: its document, its clause, its position in its list.
    struct Place { var doc: String; var clause = ""; var index = 0 }

    // MARK: SQLite

    /// The row of `table` that holds the fields of the value at `place`.
    static let sqliteRows: [String: (sql: String, binds: (Place) -> [String], pick: (Place) -> Int)] = [
        "documents": ("WHERE id=?1", { [$0.doc] }, { _ in 0 }),
        "clauses": ("WHERE doc_id=?1 AND clause_id=?2", { [$0.doc, $0.clause] }, { _ in 0 }),
        "labels": ("WHERE doc_id=?1 AND clause_id=?2 AND kind='area'", { [$0.doc, $0.clause] }, { _ in 0 }),
        "units": ("WHERE doc_id=?1 AND clause_id=?2 ORDER BY seq", { [$0.doc, $0.clause] }, { $0.index }),
        "similar": ("WHERE doc_id=?1 AND clause_id=?2 ORDER BY rowid", { [$0.doc, $0.clause] }, { $0.index }),
        "duplicates": ("WHERE doc_id=?1 ORDER BY rowid", { [$0.doc] }, { $0.index }),
        "appendices": ("WHERE doc_id=?1 ORDER BY seq", { [$0.doc] }, { $0.index }),
    ]

    func sqliteProblems(_ d: Document) throws -> [String] {
        let folder = try FormatReaders.publish(d, sinks: [SQLiteSink()])
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try FormatReaders.Database(folder.appendingPathComponent("gazette.sqlite").path)
        var out: [String] = []
        // Every column of the tables the declaration names is a field's or a declared derived one.
        var declared: [String: Set<String>] = [:]
        for r in DocumentFields.records {
            for f in r.fields {
                if case .column(let t, let c, _) = f.sqlite { declared[t, default: []].insert(c) }
                if case .rows(let t) = f.sqlite { declared[t, default: []].formUnion([]) }
            }
        }
        for key in DocumentFields.derivedColumns.keys {
            let (t, c) = split(key)
            if declared[t] != nil { declared[t]!.insert(c) }
        }
        for (t, columns) in declared.sorted(by: { $0.key < $1.key }) {
            let actual = Set(try db.columns(t))
            out += actual.subtracting(columns).sorted().map { "SQLite: \(t).\($0) is written but no field or derived column of DocumentFields declares it" }
            out += columns.subtracting(actual).sorted().map { "SQLite: \(t).\($0) is declared in DocumentFields but the table has no such column" }
        }
        try walkSQLite(d, document, Place(doc: d.id), "", db, &out)
        return out
    }

    func walkSQLite(_ value: Any, _ record: Record, _ place: Place, _ path: String, _ db: FormatReaders.Database, _ out: inout [String]) throws {
        for f in record.fields {
            let p = (path.isEmpty ? "" : path + ".") + f.key, name = "\(p) (\(record.swiftType).\(f.property))"
            let v = FieldMirror.property(value, f.property).flatMap(FieldMirror.unwrapped)
            switch (f.sqlite, f.type) {
            case (.absent, _): continue
            case (.inline, .record(let r)): try walkSQLite(v!, DocumentFields.record(r), place, p, db, &out)
            case (.rows, .list(.record(let r))):
                for (k, e) in FieldMirror.elements(v).enumerated() {
                    var inner = place
                    inner.index = k
                    if r == "clause", case .text(let id)? = FieldMirror.scalar(FieldMirror.property(e, "id")) { inner.clause = id }
                    try walkSQLite(e, DocumentFields.record(r), inner, "\(p)[\(k)]", db, &out)
                }
            case (.column(let table, let column, let separator), _):
                guard let where_ = Self.sqliteRows[table] else { out.append("SQLite: \(name): no way to find rows of \(table); add it to sqliteRows"); continue }
                let rows = try db.rows("SELECT * FROM \"\(table)\" " + where_.sql, where_.binds(place)), k = where_.pick(place)
                guard k < rows.count else { out.append("SQLite: \(name): no row in \(table) for it"); continue }
                let want = separator.map { s in .text(FieldMirror.elements(v).compactMap { $0 as? String }.joined(separator: s)) } ?? FieldMirror.scalar(v)
                let got = rows[k][column]
                if got != want { out.append("SQLite: \(name) → \(table).\(column) holds \(got.map(\.description) ?? "no such column"), not \(want.map(\.description) ?? "?")") }
            default: out.append("SQLite: \(name): placement \(f.sqlite) does not fit \(f.type)")
            }
        }
    }

    func split(_ key: String) -> (String, String) {
        let dot = key.lastIndex(of: ".")!
        return (String(key[..<dot]), String(key[key.index(after: dot)...]))
    }

    // MARK: CSV

    func csvProblems(_ d: Document) throws -> [String] {
        let folder = try FormatReaders.publish(d, sinks: [ClausesCSVSink()])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = FormatReaders.csvRows(try Data(contentsOf: folder.appendingPathComponent("clauses.csv")))
        guard let header = rows.first else { return ["CSV: clauses.csv is empty"] }
        var declared: Set<String> = Set(DocumentFields.derivedColumns.keys.map(split).filter { $0.0 == "clauses.csv" }.map(\.1))
        for r in DocumentFields.records { for f in r.fields { if case .column(_, let c, _) = f.csv { declared.insert(c) } } }
        var out = Set(header).subtracting(declared).sorted().map { "CSV: column \($0) is written but no field or derived column of DocumentFields declares it" }
        out += declared.subtracting(header).sorted().map { "CSV: column \($0) is declared in DocumentFields but clauses.csv has no such column" }
        if header != ClausesCSVSink.columns { out.append("CSV: header \(header) is not ClausesCSVSink.columns") }
        let body = rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
        walkCSV(d, document, body, nil, "", &out)
        return out
    }

    /// Checks `value`'s fields on each of `rows`; inside a list spread over columns (`part`),
    /// against the k-th part of each cell.
    func walkCSV(_ value: Any, _ record: Record, _ rows: [[String: String]], _ part: (index: Int, separator: String)?, _ path: String, _ out: inout [String]) {
        for f in record.fields {
            let p = (path.isEmpty ? "" : path + ".") + f.key, name = "\(p) (\(record.swiftType).\(f.property))"
            let v = FieldMirror.property(value, f.property).flatMap(FieldMirror.unwrapped)
            switch (f.csv, f.type) {
            case (.absent, _): continue
            case (.inline, .record(let r)): walkCSV(v!, DocumentFields.record(r), rows, part, p, &out)
            case (.rows, .list(.record(let r))):
                let items = FieldMirror.elements(v)
                if items.count != rows.count { out.append("CSV: \(name): \(items.count) elements but \(rows.count) rows"); continue }
                for (k, e) in items.enumerated() { walkCSV(e, DocumentFields.record(r), [rows[k]], nil, "\(p)[\(k)]", &out) }
            case (.parts(let separator), .list(.record(let r))):
                for (k, e) in FieldMirror.elements(v).enumerated() { walkCSV(e, DocumentFields.record(r), rows, (k, separator), "\(p)[\(k)]", &out) }
            case (.column(_, let column, let separator), _):
                let want = separator.map { FieldMirror.elements(v).compactMap { $0 as? String }.joined(separator: $0) } ?? csvText(FieldMirror.scalar(v))
                for row in rows {
                    guard let cell = row[column] else { out.append("CSV: \(name): no column \(column)"); break }
                    if let part {
                        let parts = cell.components(separatedBy: part.separator)
                        if part.index >= parts.count || !parts[part.index].contains(want) {
                            out.append("CSV: \(name) → part \(part.index + 1) of \(column) is \(part.index < parts.count ? parts[part.index] : "missing"), without \(want)")
                        }
                    } else if cell != want {
                        out.append("CSV: \(name) → \(column) holds \"\(cell)\", not \"\(want)\"")
                    }
                }
            default: out.append("CSV: \(name): placement \(f.csv) does not fit \(f.type)")
            }
        }
    }

    /// A value as clauses.csv writes it: numbers to two places, nil as nothing.
    func csvText(_ s: FieldMirror.Scalar?) -> String {
        switch s {
        case .text(let t)?: return t
        case .int(let n)?: return String(n)
        case .real(let x)?: return String(format: "%.2f", x)
        default: return ""
        }
    }

    // MARK: JSON Schema

    /// Every key of the document's JSON is declared in the checked-in schema, at its place.
    func schemaProblems(_ d: Document) throws -> [String] {
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        let defs = schema["$defs"] as? [String: Any] ?? [:]
        func resolve(_ s: Any?) -> [String: Any] {
            guard let s = s as? [String: Any] else { return [:] }
            // A nullable record: `anyOf` its reference and null.
            if let any = s["anyOf"] as? [Any], let ref = any.first(where: { ($0 as? [String: Any])?["$ref"] != nil }) { return resolve(ref) }
            guard let ref = s["$ref"] as? String else { return s }
            return resolve(defs[String(ref.split(separator: "/").last ?? "")])
        }
        var out: [String] = []
        func walk(_ json: Any, _ node: [String: Any], _ path: String) {
            if let object = json as? [String: Any] {
                let properties = node["properties"] as? [String: Any], free = resolve(node["additionalProperties"])
                for (k, v) in object.sorted(by: { $0.key < $1.key }) {
                    let p = path.isEmpty ? k : path + "." + k
                    if let s = properties?[k] { walk(v, resolve(s), p) } else if properties == nil, !free.isEmpty { walk(v, free, p) } else {
                        out.append("JSON Schema: \(p) is written but schema/document.schema.json does not declare it")
                    }
                }
            } else if let array = json as? [Any] {
                for (k, e) in array.enumerated() { walk(e, resolve(node["items"]), "\(path)[\(k)]") }
            }
        }
        walk(try JSONSerialization.jsonObject(with: Data(DocumentJSON.encode(d, pretty: true) ?? [])), schema, "")
        return out
    }
}
