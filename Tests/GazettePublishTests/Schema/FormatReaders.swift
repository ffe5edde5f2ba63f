import CSQLite
import Foundation
import GazetteOutput
import GazetteCore
import GazetteModel
import GazettePublish

/// Small independent readers of what the sinks write, for the fill-every-field test.
enum FormatReaders {
    /// Runs `sinks` over one document into a new temporary folder, as the runner does.
    static func publish(_ d: Document, sinks: [OutputSink]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-fields-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for s in sinks { try s.begin(staging: folder) }
        for s in sinks { try s.write(d, prepared: s.prepare(d)) }
        let manifest = Manifest(inputs: [InputRecord(path: d.source.path, sha256: d.source.sha256, status: .published, document: d.id)],
                                run: RunInfo(counts: [:], timings: [:], versions: [:], configHash: "x"))
        for s in sinks { try s.finish(CorpusSummary(documents: [DocumentSummary(d)], manifest: manifest)) }
        return folder
    }

    /// A read-only SQLite database answering with typed values.
    final class Database {
        private var db: OpaquePointer?
        init(_ path: String) throws {
            guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw PublishError("cannot open \(path)") }
        }
        deinit { sqlite3_close_v2(db) }

        /// Each row as column name → value; `binds` are texts for ?1, ?2 ….
        func rows(_ sql: String, _ binds: [String] = []) throws -> [[String: FieldMirror.Scalar]] {
            var stmt: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else { throw PublishError(String(cString: sqlite3_errmsg(db)) + " in " + sql) }
            defer { sqlite3_finalize(stmt) }
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for (i, b) in binds.enumerated() { sqlite3_bind_text(stmt, Int32(i + 1), b, -1, transient) }
            var out: [[String: FieldMirror.Scalar]] = []
            while sqlite3_step(stmt) == SQLITE_ROW {
                var row: [String: FieldMirror.Scalar] = [:]
                for i in 0..<sqlite3_column_count(stmt) {
                    let name = String(cString: sqlite3_column_name(stmt, i))
                    switch sqlite3_column_type(stmt, i) {
                    case SQLITE_INTEGER: row[name] = .int(Int(sqlite3_column_int64(stmt, i)))
                    case SQLITE_FLOAT: row[name] = .real(sqlite3_column_double(stmt, i))
                    case SQLITE_NULL: row[name] = .null
                    default: row[name] = .text(String(cString: sqlite3_column_text(stmt, i)))
                    }
                }
                out.append(row)
            }
            return out
        }

        /// The columns of `table`, in order.
        func columns(_ table: String) throws -> [String] {
            try rows("SELECT name FROM pragma_table_info(?1)", [table]).compactMap { if case .text(let s)? = $0["name"] { return s } else { return nil } }
        }
    }

    /// RFC 4180 rows of a CSV file (byte-order mark skipped, quotes undoubled, CRLF ends).
    static func csvRows(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = text.unicodeScalars.makeIterator(), pending: Unicode.Scalar?
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\r" { continue
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
