import CSQLite
import Foundation

/// A thin wrapper over the SQLite C API: open, exec, prepared statements with bound values.
final class SQLiteDatabase {
    private(set) var handle: OpaquePointer?

    init(path: String) throws {
        if sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) != SQLITE_OK {
            let msg = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw PublishError("sqlite: cannot open \(path): \(msg)")
        }
    }

    func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &err) != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(err)
            throw PublishError("sqlite: \(msg) in: \(sql.prefix(80))")
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw PublishError("sqlite: \(String(cString: sqlite3_errmsg(handle))) in: \(sql.prefix(80))")
        }
        return SQLiteStatement(stmt, db: self)
    }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func close() {
        if let h = handle { sqlite3_close_v2(h) }
        handle = nil
    }

    deinit { close() }
}

/// One prepared statement; `run` binds values in order, steps to completion and resets.
final class SQLiteStatement {
    private var stmt: OpaquePointer?
    private unowned let db: SQLiteDatabase
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ stmt: OpaquePointer, db: SQLiteDatabase) { self.stmt = stmt; self.db = db }

    enum Value { case text(String?), int(Int?), real(Double?) }

    func run(_ values: [Value]) throws {
        for (i, v) in values.enumerated() {
            let idx = Int32(i + 1)
            switch v {
            case .text(let s?): sqlite3_bind_text(stmt, idx, s, -1, Self.transient)
            case .int(let n?): sqlite3_bind_int64(stmt, idx, Int64(n))
            case .real(let x?): sqlite3_bind_double(stmt, idx, x)
            default: sqlite3_bind_null(stmt, idx)
            }
        }
        let rc = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        if rc != SQLITE_DONE && rc != SQLITE_ROW { throw PublishError("sqlite: \(db.errorMessage)") }
    }

    /// Rows of a query as strings (tests and small lookups).
    func rows(_ values: [Value] = []) throws -> [[String?]] {
        for (i, v) in values.enumerated() {
            if case .text(let s?) = v { sqlite3_bind_text(stmt, Int32(i + 1), s, -1, Self.transient) }
        }
        var out: [[String?]] = []
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw PublishError("sqlite: \(db.errorMessage)") }
            let n = sqlite3_column_count(stmt)
            out.append((0..<n).map { i in sqlite3_column_text(stmt, i).map { String(cString: $0) } })
        }
        sqlite3_reset(stmt)
        return out
    }

    deinit { sqlite3_finalize(stmt) }
}
