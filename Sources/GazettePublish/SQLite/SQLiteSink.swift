import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput

/// `gazette.sqlite`: the gazette database, with an FTS5 trigram index over clause text
/// (so Chinese phrases of three or more characters are found without a word segmenter).
///
/// Built inside the staging folder in one transaction, the full-text index filled as
/// clauses are inserted, other indexes created after the bulk insert, then the pages freed
/// by FTS5's merges given back (incremental auto-vacuum): the same documents in the same
/// order give a byte-identical file (no time stamps in the format; page layout depends only
/// on the insert sequence). The index is left in the few segments FTS5's automerge keeps,
/// not merged into one ('optimize'): that cost 2.4 of the database's 18 CPU-s at 10,000
/// documents, and phrase queries took the same 1-10 ms either way.
///
/// When the runner trusts the Output/ being replaced (`PublishContext.previous`), its database
/// is copied into the staging folder and updated in place instead: the rows of documents whose
/// final form changed are deleted (their clauses told to the full-text index) and written anew
/// — or, when only their copies or similar-clause links changed, just those rows replaced —
/// documents no longer published are deleted, unchanged ones keep their rows, and `inputs` is
/// rewritten. Its content then equals a full run's, but not its bytes or the clauses' rowids
/// (`bench/same_output.py` compares content).
///
/// FTS5 keeps new terms in a hash table and writes a segment each time it outgrows
/// `ftsHashSize`; with SQLite's 1 MiB default a 10,000-document corpus made hundreds of
/// small segments and spent more time merging them than tokenizing (19 vs 8 CPU-s for the
/// same index). A single VACUUM rewrote the whole file to drop the merged-away pages;
/// incremental vacuum moves only the pages past the free ones.
public final class SQLiteSink: OutputSink {
    public let name = "sqlite"
    /// Heavy ordered work: written and finished on a thread of its own.
    public var ownThread: Bool { true }
    var db: SQLiteDatabase?
    var insDoc, insClause, insFTS, insUnit, insLabel, insDup, insSimilar, insAppendix: SQLiteStatement?
    /// The previous Output/'s database, when it may be updated in place (`use`).
    var previous: URL?
    /// Updating a copy of it: the ids it held that this run has not written or kept yet.
    var existing: Set<String>?
    /// The ids whose rows were kept as they were.
    var kept = Set<String>()
    /// The statements that remove a document's rows, prepared at the first deletion.
    var deletes: [SQLiteStatement] = []
    var linkStatements: [SQLiteStatement] = []
    /// Bytes of pending full-text terms FTS5 holds before writing a segment (persisted in
    /// `clause_fts_config`, where later writers to the database pick it up too).
    public let ftsHashSize: Int
    public static let defaultFTSHashSize = 32 << 20

    public init(ftsHashSize: Int = SQLiteSink.defaultFTSHashSize) { self.ftsHashSize = ftsHashSize }

    public static let schema = """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
    CREATE TABLE documents(id TEXT PRIMARY KEY, title TEXT, plan_title TEXT, doc_type TEXT, region TEXT, year INTEGER,
      issuer TEXT, doc_number TEXT, issue_date TEXT, publication_date TEXT, source_path TEXT, sha256 TEXT, format TEXT,
      encoding TEXT, script TEXT, variant TEXT, conversion TEXT, clause_count INTEGER, duplicate_count INTEGER,
      preamble TEXT, closing TEXT, text TEXT, region_status TEXT, region_level TEXT, region_code TEXT, region_path TEXT,
      region_path_codes TEXT, region_zone TEXT, region_candidates TEXT, subject_code TEXT, subject TEXT, subject_source TEXT,
      subject_raw TEXT, subject_score REAL, subject_evidence TEXT, topics TEXT, choices INTEGER);
    CREATE TABLE clauses(rowid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id), clause_id TEXT NOT NULL,
      seq INTEGER, parent TEXT, level INTEGER, label TEXT, number INTEGER, heading TEXT, text TEXT, original TEXT,
      area TEXT, topics TEXT, deadlines TEXT, targets TEXT, UNIQUE(doc_id, clause_id));
    CREATE TABLE units(doc_id TEXT NOT NULL, clause_id TEXT NOT NULL, seq INTEGER, name TEXT, canonical TEXT, role TEXT,
      successor TEXT, kind TEXT);
    CREATE TABLE labels(doc_id TEXT NOT NULL, clause_id TEXT NOT NULL, kind TEXT NOT NULL, code TEXT, evidence TEXT);
    CREATE TABLE duplicates(doc_id TEXT NOT NULL, path TEXT, sha256 TEXT, similarity REAL);
    CREATE TABLE similar(doc_id TEXT NOT NULL, clause_id TEXT NOT NULL, other_doc TEXT, other_clause TEXT, score REAL);
    CREATE TABLE appendices(doc_id TEXT NOT NULL, seq INTEGER, kind TEXT, title TEXT, text TEXT);
    CREATE TABLE inputs(path TEXT PRIMARY KEY, sha256 TEXT, status TEXT, reason TEXT, document TEXT);
    CREATE VIRTUAL TABLE clause_fts USING fts5(heading, text, content='clauses', content_rowid='rowid', tokenize='trigram');
    """

    public static let indexes = """
    CREATE INDEX documents_region_year ON documents(region, year);
    CREATE INDEX documents_type ON documents(doc_type);
    CREATE INDEX documents_region_code ON documents(region_code);
    CREATE INDEX documents_subject ON documents(subject_code);
    CREATE INDEX clauses_area ON clauses(area);
    CREATE INDEX units_canonical ON units(canonical);
    CREATE INDEX units_name ON units(name);
    CREATE INDEX units_clause ON units(doc_id, clause_id);
    CREATE INDEX labels_code ON labels(kind, code);
    CREATE INDEX labels_clause ON labels(doc_id, clause_id);
    CREATE INDEX duplicates_doc ON duplicates(doc_id);
    CREATE INDEX duplicates_sha ON duplicates(sha256);
    CREATE INDEX similar_clause ON similar(doc_id, clause_id);
    CREATE INDEX similar_other ON similar(other_doc, other_clause);
    CREATE INDEX inputs_status ON inputs(status);
    """

    public func use(_ context: PublishContext) { previous = context.previous?.output.appendingPathComponent("gazette.sqlite") }

    public func begin(staging: URL) throws {
        let url = staging.appendingPathComponent("gazette.sqlite")
        try? FileManager.default.removeItem(at: url)
        // The previous Output/'s database (written by this build: the runner passes it only
        // then), copied and updated in place: unchanged documents keep their rows.
        existing = nil; kept = []; deletes = []
        if let previous, (try? FileManager.default.copyItem(at: previous, to: url)) != nil {
            let db = try SQLiteDatabase(path: url.path)
            self.db = db
            try db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA foreign_keys=OFF;")
            try db.exec("BEGIN;")
            existing = Set(try db.prepare("SELECT id FROM documents").rows().compactMap { $0.first ?? nil })
        } else {
            let db = try SQLiteDatabase(path: url.path)
            self.db = db
            // The file lives in the staging folder: atomicity comes from the folder swap, so no
            // journal or fsync is needed while building it.
            try db.exec("PRAGMA page_size=4096; PRAGMA auto_vacuum=INCREMENTAL; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA foreign_keys=OFF;")
            try db.exec("BEGIN;")
            try db.exec(Self.schema)
            try db.exec("INSERT INTO meta VALUES('schema_version','1'),('fts','clause_fts: trigram tokenizer over clauses.heading and clauses.text; MATCH needs 3+ characters');")
            try db.exec("PRAGMA user_version=1;")
            try db.exec("INSERT INTO clause_fts(clause_fts, rank) VALUES('hashsize', \(ftsHashSize));")
        }
        guard let db else { return }
        insDoc = try db.prepare("INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        insClause = try db.prepare("INSERT INTO clauses(doc_id,clause_id,seq,parent,level,label,number,heading,text,original,area,topics,deadlines,targets) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        insFTS = try db.prepare("INSERT INTO clause_fts(rowid,heading,text) VALUES(last_insert_rowid(),?,?)")
        insUnit = try db.prepare("INSERT INTO units VALUES(?,?,?,?,?,?,?,?)")
        insLabel = try db.prepare("INSERT INTO labels VALUES(?,?,?,?,?)")
        insDup = try db.prepare("INSERT INTO duplicates VALUES(?,?,?,?)")
        insSimilar = try db.prepare("INSERT INTO similar VALUES(?,?,?,?,?)")
        insAppendix = try db.prepare("INSERT INTO appendices VALUES(?,?,?,?,?)")
    }

    /// What `prepareUnchanged` hands `write`: the document's rows in the copied database stand.
    static let unchangedMark = Data("=".utf8)

    /// What `prepareLinksChanged` hands `write`: only the document's copies and similar links are replaced.
    static let linksMark = Data("~".utf8)

    /// The document is as the previous Output/ had it: nothing to prepare, its rows are kept.
    public func prepareUnchanged(_ d: Document) throws -> Data? { Self.unchangedMark }

    /// Only the document's copies and similar-clause links changed: its other rows (and the
    /// clauses' full-text entries, whose deletion is the costly part) are kept.
    public func prepareLinksChanged(_ d: Document) throws -> Data? { Self.linksMark }

    public func write(_ d: Document, prepared: Data?) throws {
        if var existing {
            if prepared == Self.unchangedMark && existing.contains(d.id) { kept.insert(d.id); return }
            if prepared == Self.linksMark && existing.contains(d.id) { kept.insert(d.id); try replaceLinks(d); return }
            if existing.remove(d.id) != nil { try delete(d.id) }
            self.existing = existing
        }
        try write(d)
    }

    /// Removes a document's rows (its clauses from the full-text index first, which an
    /// external-content FTS5 table needs told with the old values).
    func delete(_ id: String) throws {
        guard let db else { return }
        if deletes.isEmpty {
            deletes = try ["INSERT INTO clause_fts(clause_fts, rowid, heading, text) SELECT 'delete', rowid, heading, text FROM clauses WHERE doc_id = ?",
                           "DELETE FROM clauses WHERE doc_id = ?", "DELETE FROM units WHERE doc_id = ?", "DELETE FROM labels WHERE doc_id = ?",
                           "DELETE FROM duplicates WHERE doc_id = ?", "DELETE FROM similar WHERE doc_id = ?",
                           "DELETE FROM appendices WHERE doc_id = ?", "DELETE FROM documents WHERE id = ?"].map(db.prepare)
        }
        for statement in deletes { try statement.run([.text(id)]) }
    }

    /// Replaces a kept document's copies (and their count) and its clauses' similar links.
    func replaceLinks(_ d: Document) throws {
        guard let db else { return }
        if linkStatements.isEmpty {
            linkStatements = try ["DELETE FROM duplicates WHERE doc_id = ?", "DELETE FROM similar WHERE doc_id = ?",
                                  "UPDATE documents SET duplicate_count = ?2 WHERE id = ?1"].map(db.prepare)
        }
        try linkStatements[0].run([.text(d.id)])
        try linkStatements[1].run([.text(d.id)])
        try linkStatements[2].run([.text(d.id), .int(d.duplicates.count)])
        for c in d.clauses { try insertSimilar(d, c) }
        try insertDuplicates(d)
    }

    /// A clause's rows of `similar` (written with the clause, and by `replaceLinks`).
    func insertSimilar(_ d: Document, _ c: Clause) throws {
        for sim in c.similar { try insSimilar?.run([.text(d.id), .text(c.id), .text(sim.doc), .text(sim.clause), .real(sim.score)]) }
    }

    /// A document's rows of `duplicates`.
    func insertDuplicates(_ d: Document) throws {
        for dup in d.duplicates { try insDup?.run([.text(d.id), .text(dup.path), .text(dup.sha256), .real(dup.similarity)]) }
    }

    public func write(_ d: Document) throws {
        let s = d.source
        try insDoc?.run([.text(d.id), .text(d.title), .text(d.planTitle), .text(d.docType.rawValue), .text(d.region), .int(d.year),
                         .text(d.issuer), .text(d.docNumber), .text(d.issueDate), .text(d.publicationDate), .text(s.path), .text(s.sha256),
                         .text(s.format), .text(s.encoding), .text(s.script), .text(s.variant), .text(s.conversion),
                         .int(d.clauses.count), .int(d.duplicates.count), .text(d.preamble), .text(d.closing), .text(d.text),
                         .text(d.place.status.rawValue), .text(d.place.level?.rawValue), .text(d.place.code),
                         .text(d.place.path.joined(separator: "/")), .text(d.place.pathCodes.joined(separator: "/")), .text(d.place.zone),
                         .text(d.place.candidates.joined(separator: ";")),
                         .text(d.subject?.code), .text(d.subject?.name), .text(d.subject?.source.rawValue), .text(d.subject?.raw),
                         .real(d.subject?.score), .text(d.subject.map { $0.evidence.joined(separator: "\n") }),
                         .text(d.topics.joined(separator: ";")), .int(s.choices)])
        for (i, c) in d.clauses.enumerated() {
            try insClause?.run([.text(d.id), .text(c.id), .int(i + 1), .text(c.parent), .int(c.level), .text(c.label), .int(c.number),
                                .text(c.heading), .text(c.text), .text(c.original), .text(c.area), .text(c.topics.joined(separator: ";")),
                                .text(c.deadlines.joined(separator: ";")), .text(c.targets.joined(separator: ";"))])
            // Indexed as it is written (on this sink's thread, overlapping the rest of the run).
            try insFTS?.run([.text(c.heading), .text(c.text)])
            for (k, u) in c.units.enumerated() {
                try insUnit?.run([.text(d.id), .text(c.id), .int(k + 1), .text(u.name), .text(u.canonical), .text(u.role.rawValue),
                                  .text(u.successor), .text(u.kind)])
            }
            try insLabel?.run([.text(d.id), .text(c.id), .text("area"), .text(c.area), .text(c.evidence.joined(separator: "\n"))])
            for t in c.topics {
                let ev = c.evidence.filter { TextSearch.contains($0, t) }
                try insLabel?.run([.text(d.id), .text(c.id), .text("topic"), .text(t), .text(ev.isEmpty ? nil : ev.joined(separator: "\n"))])
            }
            try insertSimilar(d, c)
        }
        try insertDuplicates(d)
        for (i, a) in d.appendices.enumerated() {
            try insAppendix?.run([.text(d.id), .int(i + 1), .text(a.kind.rawValue), .text(a.title), .text(a.text)])
        }
    }

    public func finish(_ corpus: CorpusSummary) throws {
        guard let db else { return }
        let updating = existing != nil
        if let existing {
            // Documents no longer published (neither kept nor written anew this run).
            for id in existing.subtracting(kept).sorted() { try delete(id) }
            try db.exec("DELETE FROM inputs;")
        }
        let ins = try db.prepare("INSERT OR REPLACE INTO inputs VALUES(?,?,?,?,?)")
        for r in corpus.manifest.inputs {
            try ins.run([.text(r.path), .text(r.sha256), .text(r.status.rawValue), .text(r.reason), .text(r.document)])
        }
        if !updating { try db.exec(Self.indexes) }
        try db.exec("COMMIT;")
        insDoc = nil; insClause = nil; insFTS = nil; insUnit = nil; insLabel = nil; insDup = nil; insSimilar = nil; insAppendix = nil
        deletes = []; linkStatements = []
        try db.exec("PRAGMA incremental_vacuum;")
        db.close()
        self.db = nil
    }
}
