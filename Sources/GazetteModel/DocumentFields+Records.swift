/// The table itself. To add a field: declare the Swift property, add it here in the same
/// place, then write it in `DocumentJSON`, `DocumentBinary` and the sinks this says; the
/// fill-every-field test (GazettePublishTests/Schema) names whatever was missed, and
/// `GAZETTE_RECORD=1` regenerates schema/document.schema.json.
extension DocumentFields {
    public static let records: [Record] = [document, source, duplicate, clause, unit, similar, appendix, qa, removed, quality, place, subject]

    // Why a field is not in a format, where several share the reason.
    static let jsonOnly = "JSON only"
    static let perClause = "a row per clause, with only the id, region, region code, year and type of its document"
    static let notAClauseColumn = "JSON and SQLite only"
    static let editorsRecord = "for editors: JSON (and gazette inspect, the site), not the database"

    static let date = Rule(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    static let sha256 = Rule(pattern: "^[0-9a-f]{64}$")
    static let share = Rule(minimum: 0, maximum: 1)
    static let nonEmpty = Rule(minLength: 1)

    static let document = Record(name: "document", swiftType: "Document",
        about: "One canonical document as published in Output/documents/<id>.json and as one line of corpus.jsonl.gz. "
            + "Field names are fixed by DESIGN.md; more fields are allowed.",
        fields: [
        Field("schemaVersion", "schema_version", .integer, Rule(constant: 1),
              sqlite: .absent("the database's meta table holds its own schema_version"), csv: .absent(perClause),
              "Version of this record's format."),
        Field("id", "id", .string, Rule(pattern: "^[A-Za-z0-9_][A-Za-z0-9_-]*$", maxLength: 120),
              sqlite: .column("documents", "id"), csv: .column("clauses.csv", "doc_id"), "URL-safe ASCII, stable across runs."),
        Field("title", "title", .string,
              sqlite: .column("documents", "title"), csv: .absent(perClause),
              "The document's own title line (the notice's, where a notice wraps the plan)."),
        Field("planTitle", "plan_title", .string,
              sqlite: .column("documents", "plan_title"), csv: .absent(perClause),
              "The wrapped plan's title; the same as title where nothing wraps it."),
        Field("docType", "doc_type", .code(DocType.allCases.map(\.rawValue)),
              sqlite: .column("documents", "doc_type"), csv: .column("clauses.csv", "doc_type"), "Kind of document."),
        Field("region", "region", .string, optional: true,
              sqlite: .column("documents", "region"), csv: .column("clauses.csv", "region"), "The issuing government's region."),
        Field("year", "year", .integer, optional: true, Rule(minimum: 1949, maximum: 2100),
              sqlite: .column("documents", "year"), csv: .column("clauses.csv", "year"), "The year the plan is for."),
        Field("issuer", "issuer", .string, optional: true,
              sqlite: .column("documents", "issuer"), csv: .absent(perClause), "The issuing office."),
        Field("docNumber", "doc_number", .string, optional: true,
              sqlite: .column("documents", "doc_number"), csv: .absent(perClause), "发文字号, e.g. 沪府办〔2020〕20号."),
        Field("issueDate", "issue_date", .string, optional: true, date,
              sqlite: .column("documents", "issue_date"), csv: .absent(perClause), "Date of issue, YYYY-MM-DD."),
        Field("publicationDate", "publication_date", .string, optional: true, required: false, date,
              sqlite: .column("documents", "publication_date"), csv: .absent(perClause), "Date of publication, YYYY-MM-DD."),
        Field("addressees", "addressees", .list(.string), required: false,
              sqlite: .absent(jsonOnly), csv: .absent(perClause), "主送: whom the document is addressed to."),
        Field("contact", "contact", .list(.string), required: false,
              sqlite: .absent(jsonOnly), csv: .absent(perClause), "Contact lines (联系人, 电话)."),
        Field("disclosure", "disclosure", .string, optional: true, required: false,
              sqlite: .absent(jsonOnly), csv: .absent(perClause), "公开方式, e.g. 主动公开."),
        Field("source", "source", .record("source"), sqlite: .inline, csv: .absent(perClause), "The input file this copy was read from."),
        Field("duplicates", "duplicates", .list(.record("duplicate")),
              sqlite: .rows("duplicates"), csv: .absent(perClause), "Other input files holding the same document."),
        Field("text", "text", .string, sqlite: .column("documents", "text"), csv: .absent(perClause), "The cleaned, normalized full text."),
        Field("preamble", "preamble", .string,
              sqlite: .column("documents", "preamble"), csv: .absent(perClause), "The text before the first clause."),
        Field("closing", "closing", .string,
              sqlite: .column("documents", "closing"), csv: .absent(perClause), "The text after the last clause (signature, date, 版记)."),
        Field("clauses", "clauses", .list(.record("clause")),
              sqlite: .rows("clauses"), csv: .rows("clauses.csv"),
              "The numbered clauses, a flat list in reading order; parent links build the tree."),
        Field("appendices", "appendices", .list(.record("appendix")),
              sqlite: .rows("appendices"), csv: .absent(perClause), "Parts appended to the document that do not join the clause tree."),
        Field("removed", "removed", .list(.record("removed")), required: false,
              sqlite: .absent(editorsRecord), csv: .absent(perClause),
              "What the clean stage removed, so an editor can see why text is missing."),
        Field("metadataSources", "metadata_sources", .map(.string), required: false,
              sqlite: .absent(editorsRecord), csv: .absent(perClause),
              "per metadata field: page-table, crawler-header, front-matter, body, title, issuer, issue-date"),
        Field("quality", "quality", .record("quality"), required: false,
              sqlite: .absent(editorsRecord), csv: .absent(perClause), "How the structure was found, and what an editor should look at."),
        Field("place", "place", .record("place"), required: false, sqlite: .inline, csv: .inline,
              "The region as a place of the national division list (GB/T 2260 codes), resolved from region, issuer, title and first lines."),
        Field("subject", "subject", .record("subject"), optional: true, required: false,
              sqlite: .inline, csv: .inline,
              "The official subject class (gov.cn 主题分类, code list subject_classes.yml): read from the page, or predicted; "
                + "null when the page has none and no cue speaks for a class."),
        Field("issuerUnits", "issuer_units", .list(.record("unit")), required: false, sqlite: .absent(jsonOnly), csv: .absent(perClause),
              "The issuer's units, each resolved in the document's region like a clause's units (role issuer); unresolved ones are kept."),
        Field("topics", "topics", .list(.code(["economy", "business", "finance", "projects", "public_resources", "education", "health",
                                               "environment", "housing", "social_security", "market_regulation", "emergency_safety",
                                               "urban", "rural", "science_tech", "culture_tourism"])),
              required: false, Rule(uniqueItems: true), sqlite: .column("documents", "topics", separator: ";"), csv: .absent(perClause),
              "The document's main policy topics: those its title names, those at least document_topic_share of its clauses (and 2) carry, "
                + "or, for a document without clauses, those its whole text argues for (taxonomy.yml)."),
    ])

    static let source = Record(name: "source", swiftType: "Source",
        about: "Where a document came from and how its bytes were read and converted.",
        fields: [
        Field("path", "path", .string, nonEmpty,
              sqlite: .column("documents", "source_path"), csv: .absent(perClause), "Path of the input file."),
        Field("sha256", "sha256", .string, sha256,
              sqlite: .column("documents", "sha256"), csv: .absent(perClause), "SHA-256 of the input file's bytes."),
        Field("format", "format", .string, Rule(pattern: "^(txt|html|htm|md|docx|pdf|ofd|doc|wps)(\\.gz)?$"),
              sqlite: .column("documents", "format"), csv: .absent(perClause), "txt, html, md (text formats, with .gz when compressed), docx, pdf, ofd, doc or wps."),
        Field("encoding", "encoding", .string, nonEmpty,
              sqlite: .column("documents", "encoding"), csv: .absent(perClause), "utf-8, utf-8-bom, utf-16le, utf-16be, gb18030 or big5."),
        Field("script", "script", .code(["simplified", "traditional", "mixed"]),
              sqlite: .column("documents", "script"), csv: .absent(perClause), "The script the input was written in."),
        Field("variant", "variant", .code(["mainland", "taiwan", "hongkong"]),
              sqlite: .column("documents", "variant"), csv: .absent(perClause), "The regional variant of the input's wording."),
        Field("conversion", "conversion", .string, nonEmpty,
              sqlite: .column("documents", "conversion"), csv: .absent(perClause),
              "The OpenCC conversion applied: t2s, tw2s, tw2sp, hk2s, none …"),
        Field("bytes", "bytes", .integer, required: false, Rule(minimum: 0),
              sqlite: .absent(jsonOnly), csv: .absent(perClause), "Size of the input file."),
        Field("choices", "choices", .integer, required: false, Rule(minimum: 0),
              sqlite: .column("documents", "choices"), csv: .absent(perClause),
              "How many one-to-many Taiwan-idiom words were given a mainland word from their context (资料 → 数据 or 资料); "
                + "0 unless variant is taiwan. gazette inspect lists them."),
    ])

    static let duplicate = Record(name: "duplicate", swiftType: "DuplicateCopy",
        about: "Another input file that holds the same document as the published canonical copy.",
        fields: [
        Field("path", "path", .string, sqlite: .column("duplicates", "path"), csv: .absent(perClause), "Path of the other input file."),
        Field("sha256", "sha256", .string, sha256,
              sqlite: .column("duplicates", "sha256"), csv: .absent(perClause), "SHA-256 of its bytes."),
        Field("similarity", "similarity", .number, share,
              sqlite: .column("duplicates", "similarity"), csv: .absent(perClause), "How close its text is to the canonical copy's, 0…1."),
    ])

    static let clause = Record(name: "clause", swiftType: "Clause", about: "One numbered clause of the document's tree.", fields: [
        Field("id", "id", .string, Rule(pattern: "^[A-Za-z0-9_.-]+$"),
              sqlite: .column("clauses", "clause_id"), csv: .column("clauses.csv", "clause_id"),
              "Stable path id from the numbering, e.g. s2.c3."),
        Field("parent", "parent", .string, optional: true,
              sqlite: .column("clauses", "parent"), csv: .column("clauses.csv", "parent"),
              "The enclosing clause's id, or null at the top."),
        Field("level", "level", .integer, Rule(minimum: 1, maximum: 8),
              sqlite: .column("clauses", "level"), csv: .column("clauses.csv", "level"),
              "Numbering level by style: 一、=1, （一）=2, 1.=3, （1）=4."),
        Field("label", "label", .string,
              sqlite: .column("clauses", "label"), csv: .column("clauses.csv", "label"), "The numbering label as written, e.g. （三）."),
        Field("number", "number", .integer, Rule(minimum: 0),
              sqlite: .column("clauses", "number"), csv: .column("clauses.csv", "number"), "The label's integer value."),
        Field("heading", "heading", .string,
              sqlite: .column("clauses", "heading"), csv: .column("clauses.csv", "heading"), "The clause's heading, when it has one."),
        Field("text", "text", .string,
              sqlite: .column("clauses", "text"), csv: .column("clauses.csv", "text"), "The clause's normalized text."),
        Field("original", "original", .string,
              sqlite: .column("clauses", "original"), csv: .absent(notAClauseColumn), "The clause's text in the source script."),
        Field("area", "area", .code(["general", "disclosure", "policy_release", "interpretation", "response", "participation",
                                    "request", "standards", "platforms", "services", "assurance"]), optional: true,
              sqlite: .column("clauses", "area"), csv: .column("clauses.csv", "area"),
              "Open-government work area (taxonomy.yml); null when the document is not about open-government work (taxonomy.yml `scope:`), the reason in evidence."),
        Field("topics", "topics", .list(.code(["economy", "business", "finance", "projects", "public_resources", "education", "health",
                                               "environment", "housing", "social_security", "market_regulation", "emergency_safety",
                                               "urban", "rural", "science_tech", "culture_tourism"])),
              Rule(uniqueItems: true), sqlite: .column("clauses", "topics", separator: ";"),
              csv: .column("clauses.csv", "topics", separator: ";"), "Policy topics (taxonomy.yml)."),
        Field("evidence", "evidence", .list(.string),
              sqlite: .column("labels", "evidence", separator: "\n"), csv: .absent(notAClauseColumn), "The cues behind area and topics."),
        Field("units", "units", .list(.record("unit")), sqlite: .rows("units"), csv: .parts(separator: ";"), "Units named in the clause."),
        Field("deadlines", "deadlines", .list(.string),
              sqlite: .column("clauses", "deadlines", separator: ";"), csv: .column("clauses.csv", "deadlines", separator: ";"),
              "Deadlines, e.g. 6月30日前."),
        Field("targets", "targets", .list(.string),
              sqlite: .column("clauses", "targets", separator: ";"), csv: .column("clauses.csv", "targets", separator: ";"),
              "Quantified targets, e.g. 年内不少于2次."),
        Field("similar", "similar", .list(.record("similar")),
              sqlite: .rows("similar"), csv: .parts(separator: ";"), "Clauses elsewhere in the corpus whose text is close to this one."),
        Field("scores", "scores", .map(.number), required: false,
              sqlite: .absent(jsonOnly), csv: .absent(jsonOnly), "Scores behind area and topics, for gazette inspect and researchers."),
    ])

    static let unit = Record(name: "unit", swiftType: "UnitMention",
        about: "A unit named in a clause, with its role and the registry entry it resolves to.",
        fields: [
        Field("name", "name", .string, nonEmpty,
              sqlite: .column("units", "name"), csv: .column("clauses.csv", "units"), "The unit as written."),
        Field("canonical", "canonical", .string, optional: true, required: false,
              sqlite: .column("units", "canonical"), csv: .column("clauses.csv", "units_canonical"),
              "The registry's name for it (the CSV falls back to the name)."),
        Field("role", "role", .code(UnitMention.Role.allCases.map(\.rawValue)),
              sqlite: .column("units", "role"), csv: .column("clauses.csv", "unit_roles"), "What the clause asks of it."),
        Field("successor", "successor", .string, optional: true, required: false,
              sqlite: .column("units", "successor"), csv: .absent(notAClauseColumn),
              "The registry's successor of a renamed or merged unit."),
        Field("kind", "kind", .string, optional: true, required: false,
              sqlite: .column("units", "kind"), csv: .absent(notAClauseColumn), "unit, collective or unresolved (no registry entry, department or pattern names it; the raw name is kept in `name` and `gazette check` lists it)."),
    ])

    static let similar = Record(name: "similar", swiftType: "SimilarClause",
        about: "A clause elsewhere in the corpus whose text is close to this one.",
        fields: [
        Field("doc", "doc", .string,
              sqlite: .column("similar", "other_doc"), csv: .column("clauses.csv", "similar"), "The other document's id."),
        Field("clause", "clause", .string,
              sqlite: .column("similar", "other_clause"), csv: .column("clauses.csv", "similar"), "The other clause's id."),
        Field("score", "score", .number, share,
              sqlite: .column("similar", "score"), csv: .column("clauses.csv", "similar"), "Text similarity, 0…1 (two places in the CSV)."),
    ])

    static let appendix = Record(name: "appendix", swiftType: "Appendix",
        about: "A part appended to the document that must not join the clause tree.",
        fields: [
        Field("kind", "kind", .code(Appendix.Kind.allCases.map(\.rawValue)),
              sqlite: .column("appendices", "kind"), csv: .absent(perClause), "What the part is."),
        Field("title", "title", .string, sqlite: .column("appendices", "title"), csv: .absent(perClause), "Its title line."),
        Field("text", "text", .string, sqlite: .column("appendices", "text"), csv: .absent(perClause), "Its text."),
        Field("qa", "qa", .list(.record("qa")), required: false,
              sqlite: .absent(jsonOnly), csv: .absent(perClause), "Question/answer pairs of a 政策解读, when it has them."),
    ])

    static let qa = Record(name: "qa", swiftType: "QA", about: "One question of a 政策解读 and its answer.", fields: [
        Field("question", "question", .string, sqlite: .absent(jsonOnly), csv: .absent(perClause), "The question."),
        Field("answer", "answer", .string, sqlite: .absent(jsonOnly), csv: .absent(perClause), "The answer."),
    ])

    static let removed = Record(name: "removed", swiftType: "RemovedLine",
        about: "A line the clean stage dropped, with the rule that dropped it.",
        fields: [
        Field("rule", "rule", .string, sqlite: .absent(editorsRecord), csv: .absent(perClause), "The clean rule that dropped it."),
        Field("text", "text", .string, sqlite: .absent(editorsRecord), csv: .absent(perClause), "The line."),
    ])

    static let quality = Record(name: "quality", swiftType: "DocumentQuality",
        about: "How the structure was found, and what an editor should look at.",
        fields: [
        Field("layout", "layout", .string,
              sqlite: .absent(editorsRecord), csv: .absent(perClause), "layout families recovered, joined with +, or lines"),
        Field("clauseCoverage", "clause_coverage", .number, share,
              sqlite: .absent(editorsRecord), csv: .absent(perClause), "Share of the body's characters inside clauses, 0…1."),
        Field("warnings", "warnings", .list(.string),
              sqlite: .absent(editorsRecord), csv: .absent(perClause),
              "Stable codes: numbering-without-tree, title-not-found, low-clause-coverage, page-table-disagrees:<field>, subject-unrecognised."),
    ])
}

extension DocumentFields {
    static let subject = Record(name: "subject", swiftType: "DocumentSubject",
        about: "The official subject class (gov.cn 主题分类): two levels, coded by subject_classes.yml. A page value the code list "
            + "does not know is kept as written: code null, name the raw value, and the quality warning subject-unrecognised.",
        fields: [
        Field("code", "code", .string, optional: true, Rule(pattern: "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?$"),
              sqlite: .column("documents", "subject_code"), csv: .column("clauses.csv", "subject_code"),
              "The code list's code: a first-level class (finance) or a sub-class (finance.tax); null for a page value the code list does not know."),
        Field("name", "name", .string, nonEmpty,
              sqlite: .column("documents", "subject"), csv: .column("clauses.csv", "subject"),
              "Full name, levels joined with a backslash (财政、金融、审计\\税务); the page's value as written when it is not in the code list."),
        Field("source", "source", .code(DocumentSubject.Source.allCases.map(\.rawValue)),
              sqlite: .column("documents", "subject_source"), csv: .absent(perClause),
              "page: read from the page's metadata table (or a crawler header); predicted: from the title, issuer and text."),
        Field("raw", "raw", .string, optional: true,
              sqlite: .column("documents", "subject_raw"), csv: .absent(perClause), "The page's value as written (page only)."),
        Field("score", "score", .number, optional: true,
              sqlite: .column("documents", "subject_score"), csv: .absent(perClause), "The predicted class's score (predicted only)."),
        Field("evidence", "evidence", .list(.string),
              sqlite: .column("documents", "subject_evidence", separator: "\n"), csv: .absent(perClause),
              "The page field it was read from, or the cues behind a prediction (place, count, points) and the runner-up."),
    ])
}

extension DocumentFields {
    /// Columns of the SQLite tables and of clauses.csv that hold no field of their own: keys
    /// linking rows, positions and counts (`table.column` → what it holds).
    public static let derivedColumns: [String: String] = [
        "documents.clause_count": "the number of clauses", "documents.duplicate_count": "the number of duplicates",
        "clauses.rowid": "the full-text index's key", "clauses.doc_id": "the document's id",
        "clauses.seq": "position among the document's clauses, from 1",
        "units.doc_id": "the document's id", "units.clause_id": "the clause's id", "units.seq": "position among the clause's units, from 1",
        "labels.doc_id": "the document's id", "labels.clause_id": "the clause's id", "labels.kind": "area or topic",
        "labels.code": "the clause's area, or one of its topics (a row each); null for the area of a document outside the areas' scope",
        "duplicates.doc_id": "the document's id", "similar.doc_id": "the document's id", "similar.clause_id": "the clause's id",
        "appendices.doc_id": "the document's id", "appendices.seq": "position among the appendices, from 1",
        "clauses.csv.seq": "position among the document's clauses, from 1",
    ]
}
