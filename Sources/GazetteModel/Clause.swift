/// One numbered clause of a document's tree.
///
/// `id` is a stable path id built from the numbering (`s2.c3` = section 二, item （三）),
/// so it stays the same across runs and can be cited.
public struct Clause: Codable, Equatable, Sendable {
    public var id: String
    public var parent: String?
    public var level: Int
    public var label: String
    public var number: Int
    public var heading: String
    public var text: String
    public var original: String
    /// Open-government work area; nil when the document is not about open-government work
    /// (taxonomy.yml `scope:`), the reason then in `evidence`.
    public var area: String?
    public var topics: [String]
    public var evidence: [String]
    public var units: [UnitMention]
    public var deadlines: [String]
    public var targets: [String]
    public var similar: [SimilarClause]
    /// Scores behind `area` and `topics`, for `gazette inspect` and researchers.
    public var scores: [String: Double]

    public init(id: String, parent: String?, level: Int, label: String, number: Int,
                heading: String, text: String, original: String, area: String? = "general",
                topics: [String] = [], evidence: [String] = [], units: [UnitMention] = [],
                deadlines: [String] = [], targets: [String] = [], similar: [SimilarClause] = [],
                scores: [String: Double] = [:]) {
        self.id = id; self.parent = parent; self.level = level; self.label = label
        self.number = number; self.heading = heading; self.text = text; self.original = original
        self.area = area; self.topics = topics; self.evidence = evidence; self.units = units
        self.deadlines = deadlines; self.targets = targets; self.similar = similar; self.scores = scores
    }

    enum CodingKeys: String, CodingKey {
        case id, parent, level, label, number, heading, text, original, area, topics, evidence
        case units, deadlines, targets, similar, scores
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(parent, forKey: .parent)
        try c.encode(level, forKey: .level); try c.encode(label, forKey: .label)
        try c.encode(number, forKey: .number); try c.encode(heading, forKey: .heading)
        try c.encode(text, forKey: .text); try c.encode(original, forKey: .original)
        try c.encode(area, forKey: .area); try c.encode(topics, forKey: .topics)
        try c.encode(evidence, forKey: .evidence); try c.encode(units, forKey: .units)
        try c.encode(deadlines, forKey: .deadlines); try c.encode(targets, forKey: .targets)
        try c.encode(similar, forKey: .similar); try c.encode(scores, forKey: .scores)
    }
}

/// A unit named in a clause, with its role and the registry entry it resolves to.
public struct UnitMention: Codable, Equatable, Hashable, Sendable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case lead, responsible, eachResponsible = "each_responsible", cooperating, mentioned, issuer
    }
    public var name: String
    public var canonical: String?
    public var role: Role
    /// The registry's successor for a renamed or merged unit (e.g. 市环保局 → 北京市生态环境局).
    public var successor: String?
    public var kind: String?       // unit | collective | unresolved
    public init(name: String, canonical: String? = nil, role: Role, successor: String? = nil, kind: String? = nil) {
        self.name = name; self.canonical = canonical; self.role = role; self.successor = successor; self.kind = kind
    }
}

/// A clause elsewhere in the corpus whose text is close to this one.
public struct SimilarClause: Codable, Equatable, Sendable {
    public var doc: String
    public var clause: String
    public var score: Double
    public init(doc: String, clause: String, score: Double) { self.doc = doc; self.clause = clause; self.score = score }
}
