/// The published record of one document: the contract of DESIGN.md, `schema_version: 1`.
///
/// Field names are fixed by the contract (snake_case in JSON); more fields are welcome.
/// `clauses` is a flat list in reading order, `parent` links build the tree.
public struct Document: Codable, Equatable, Sendable {
    public var schemaVersion: Int = 1
    public var id: String
    public var title: String
    public var planTitle: String
    public var docType: DocType
    public var region: String?
    public var year: Int?
    public var issuer: String?
    public var docNumber: String?
    public var issueDate: String?
    public var publicationDate: String?
    public var addressees: [String]
    public var contact: [String]
    public var disclosure: String?
    public var source: Source
    public var duplicates: [DuplicateCopy]
    public var text: String
    public var preamble: String
    public var closing: String
    public var clauses: [Clause]
    public var appendices: [Appendix]
    /// What the clean stage removed, kept so an editor can see why text is missing.
    public var removed: [RemovedLine]
    /// Where each metadata field came from (`title` → `page-table`, `crawler-header`, `front-matter`, `body` …).
    public var metadataSources: [String: String] = [:]
    /// How the structure was found, and what an editor should look at.
    public var quality = DocumentQuality()
    /// The region as a place of the national division list (GB/T 2260).
    public var place = Place()
    /// The official subject class (gov.cn 主题分类), read from the page or predicted; nil when
    /// the page has none and no cue speaks for a class.
    public var subject: DocumentSubject?
    /// The issuer's units (中共福建省委办公厅、福建省人民政府办公厅 → two), each resolved in the
    /// document's region like a clause's units, with role `issuer`.
    public var issuerUnits: [UnitMention] = []
    /// The document's main policy topics (taxonomy.yml): those its title names, those enough of
    /// its clauses carry, or — without clauses — those its whole text argues for.
    public var topics: [String] = []

    public init(id: String, title: String = "", planTitle: String = "", docType: DocType = .other,
                region: String? = nil, year: Int? = nil, issuer: String? = nil, docNumber: String? = nil,
                issueDate: String? = nil, publicationDate: String? = nil, addressees: [String] = [],
                contact: [String] = [], disclosure: String? = nil, source: Source,
                duplicates: [DuplicateCopy] = [], text: String = "", preamble: String = "",
                closing: String = "", clauses: [Clause] = [], appendices: [Appendix] = [],
                removed: [RemovedLine] = []) {
        self.id = id; self.title = title; self.planTitle = planTitle; self.docType = docType
        self.region = region; self.year = year; self.issuer = issuer; self.docNumber = docNumber
        self.issueDate = issueDate; self.publicationDate = publicationDate
        self.addressees = addressees; self.contact = contact; self.disclosure = disclosure
        self.source = source; self.duplicates = duplicates; self.text = text
        self.preamble = preamble; self.closing = closing; self.clauses = clauses
        self.appendices = appendices; self.removed = removed
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", id, title, planTitle = "plan_title", docType = "doc_type"
        case region, year, issuer, docNumber = "doc_number", issueDate = "issue_date"
        case publicationDate = "publication_date", addressees, contact, disclosure
        case source, duplicates, text, preamble, closing, clauses, appendices, removed
        case metadataSources = "metadata_sources", quality, place, subject, issuerUnits = "issuer_units", topics
    }

    /// Output of earlier versions has no `metadata_sources`, `quality`, `place`, `subject`, `issuer_units` or `topics`: they decode empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        planTitle = try c.decode(String.self, forKey: .planTitle)
        docType = try c.decode(DocType.self, forKey: .docType)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        docNumber = try c.decodeIfPresent(String.self, forKey: .docNumber)
        issueDate = try c.decodeIfPresent(String.self, forKey: .issueDate)
        publicationDate = try c.decodeIfPresent(String.self, forKey: .publicationDate)
        addressees = try c.decode([String].self, forKey: .addressees)
        contact = try c.decode([String].self, forKey: .contact)
        disclosure = try c.decodeIfPresent(String.self, forKey: .disclosure)
        source = try c.decode(Source.self, forKey: .source)
        duplicates = try c.decode([DuplicateCopy].self, forKey: .duplicates)
        text = try c.decode(String.self, forKey: .text)
        preamble = try c.decode(String.self, forKey: .preamble)
        closing = try c.decode(String.self, forKey: .closing)
        clauses = try c.decode([Clause].self, forKey: .clauses)
        appendices = try c.decode([Appendix].self, forKey: .appendices)
        removed = try c.decode([RemovedLine].self, forKey: .removed)
        metadataSources = try c.decodeIfPresent([String: String].self, forKey: .metadataSources) ?? [:]
        quality = try c.decodeIfPresent(DocumentQuality.self, forKey: .quality) ?? DocumentQuality()
        place = try c.decodeIfPresent(Place.self, forKey: .place) ?? Place()
        issuerUnits = try c.decodeIfPresent([UnitMention].self, forKey: .issuerUnits) ?? []
        topics = try c.decodeIfPresent([String].self, forKey: .topics) ?? []
        subject = try c.decodeIfPresent(DocumentSubject.self, forKey: .subject)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(planTitle, forKey: .planTitle)
        try c.encode(docType, forKey: .docType)
        try c.encode(region, forKey: .region)
        try c.encode(year, forKey: .year)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(docNumber, forKey: .docNumber)
        try c.encode(issueDate, forKey: .issueDate)
        try c.encode(publicationDate, forKey: .publicationDate)
        try c.encode(addressees, forKey: .addressees)
        try c.encode(contact, forKey: .contact)
        try c.encode(disclosure, forKey: .disclosure)
        try c.encode(source, forKey: .source)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(text, forKey: .text)
        try c.encode(preamble, forKey: .preamble)
        try c.encode(closing, forKey: .closing)
        try c.encode(clauses, forKey: .clauses)
        try c.encode(appendices, forKey: .appendices)
        try c.encode(removed, forKey: .removed)
        try c.encode(metadataSources, forKey: .metadataSources)
        try c.encode(quality, forKey: .quality)
        try c.encode(place, forKey: .place)
        try c.encode(issuerUnits, forKey: .issuerUnits)
        try c.encode(topics, forKey: .topics)
        try c.encode(subject, forKey: .subject)
    }
}

/// Document types of the contract.
public enum DocType: String, Codable, Sendable, CaseIterable {
    case workPlan = "work_plan", annualReport = "annual_report", notice
    case implementationPlan = "implementation_plan", other
}

/// Where a document came from and how its bytes were read and converted.
public struct Source: Codable, Equatable, Sendable {
    public var path: String
    public var sha256: String
    public var format: String      // txt | html | txt.gz | html.gz
    public var encoding: String    // utf-8 | utf-8-bom | utf-16le | utf-16be | gb18030 | big5
    public var script: String      // simplified | traditional | mixed
    public var variant: String     // mainland | taiwan | hongkong
    public var conversion: String  // t2s | tw2s | tw2sp | hk2s | none | …
    public var bytes: Int
    /// One-to-many idiom choices made while normalizing (Taiwan idiom only; `IdiomChooser`).
    public var choices: Int

    public init(path: String, sha256: String, format: String, encoding: String,
                script: String = "simplified", variant: String = "mainland",
                conversion: String = "none", bytes: Int = 0, choices: Int = 0) {
        self.path = path; self.sha256 = sha256; self.format = format; self.encoding = encoding
        self.script = script; self.variant = variant; self.conversion = conversion; self.bytes = bytes
        self.choices = choices
    }

    enum CodingKeys: String, CodingKey { case path, sha256, format, encoding, script, variant, conversion, bytes, choices }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try c.decode(String.self, forKey: .path), sha256: try c.decode(String.self, forKey: .sha256),
                  format: try c.decode(String.self, forKey: .format), encoding: try c.decode(String.self, forKey: .encoding),
                  script: try c.decode(String.self, forKey: .script), variant: try c.decode(String.self, forKey: .variant),
                  conversion: try c.decode(String.self, forKey: .conversion), bytes: try c.decodeIfPresent(Int.self, forKey: .bytes) ?? 0,
                  choices: try c.decodeIfPresent(Int.self, forKey: .choices) ?? 0)
    }
}

/// Another input file that holds the same document as the published canonical copy.
public struct DuplicateCopy: Codable, Equatable, Sendable {
    public var path: String
    public var sha256: String
    public var similarity: Double
    public init(path: String, sha256: String, similarity: Double) {
        self.path = path; self.sha256 = sha256; self.similarity = similarity
    }
}

/// A part appended to the document that must not join the clause tree.
public struct Appendix: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case interpretation, attachment, other }
    public var kind: Kind
    public var title: String
    public var text: String
    /// Question/answer pairs of a 政策解读 section, when it has them.
    public var qa: [QA]
    public init(kind: Kind, title: String, text: String, qa: [QA] = []) {
        self.kind = kind; self.title = title; self.text = text; self.qa = qa
    }
    public struct QA: Codable, Equatable, Sendable {
        public var question: String
        public var answer: String
        public init(question: String, answer: String) { self.question = question; self.answer = answer }
    }
}

/// A line the clean stage dropped, with the rule that dropped it.
public struct RemovedLine: Codable, Equatable, Sendable {
    public var rule: String
    public var text: String
    public init(rule: String, text: String) { self.rule = rule; self.text = text }
}
