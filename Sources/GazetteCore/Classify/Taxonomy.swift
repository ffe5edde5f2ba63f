import Foundation

/// The clause taxonomy of `taxonomy.yml`: work areas and policy topics with the cues
/// that decide them, and the numeric rules that weigh those cues.
///
/// Editors change the YAML, never this type. A cue is a phrase (or `re:` regular
/// expression) with a weight and the places it counts in: the clause's own heading,
/// its body, or its parent section's heading. Negative weights argue against a code.
public struct Taxonomy: Sendable, Equatable {
    public var areas: [TaxonomyCode]
    public var topics: [TaxonomyCode]
    public var rules: ClassifyRules
    /// Which documents the areas apply to; nil: every document.
    public var scope: AreaScope?

    public init(areas: [TaxonomyCode], topics: [TaxonomyCode], rules: ClassifyRules = ClassifyRules(), scope: AreaScope? = nil) {
        self.areas = areas; self.topics = topics; self.rules = rules; self.scope = scope
    }

    public func area(_ code: String) -> TaxonomyCode? { areas.first { $0.code == code } }
    public func topic(_ code: String) -> TaxonomyCode? { topics.first { $0.code == code } }
}

/// One area or topic: code, Chinese name, description and cues.
public struct TaxonomyCode: Sendable, Equatable {
    public var code: String
    public var name: String
    public var description: String
    public var cues: [Cue]
    /// Line of the code's key in the taxonomy file.
    public var line: Int?

    public init(code: String, name: String = "", description: String = "", cues: [Cue] = [], line: Int? = nil) {
        self.code = code; self.name = name; self.description = description; self.cues = cues; self.line = line
    }
}

/// A phrase or pattern that speaks for (or, with a negative weight, against) a code.
public struct Cue: Sendable, Equatable {
    /// Where a cue is looked for. `any` = heading, body and parent heading, each with the
    /// multiplier of `ClassifyRules`.
    public enum Place: String, Sendable, CaseIterable { case any, heading, body, parent }

    public var pattern: String
    public var weight: Double
    public var place: Place
    public var line: Int?

    public init(_ pattern: String, weight: Double = 1, place: Place = .any, line: Int? = nil) {
        self.pattern = pattern; self.weight = weight; self.place = place; self.line = line
    }

    /// Regular-expression cues are written `re:PATTERN`; everything else is a literal phrase.
    public var isRegex: Bool { pattern.hasPrefix("re:") }
    public var label: String { isRegex ? String(pattern.dropFirst(3)) : pattern }
}

/// The numbers that turn cue hits into labels (the `rules:` section of taxonomy.yml).
public struct ClassifyRules: Sendable, Equatable {
    /// Multipliers of an `any` cue found in the heading, body or parent heading.
    public var headingWeight = 3.0
    public var bodyWeight = 1.0
    public var parentWeight = 0.5
    /// Body hits of one cue beyond this count add nothing (a repeated word is one idea).
    public var bodyRepeatCap = 3
    /// Area body points of a clause longer than this many characters are scaled down by
    /// norm/length (0 = off), so a long clause is decided by what it is mainly about.
    public var bodyLengthNorm = 0.0
    /// The area given when no area scores above zero.
    public var defaultArea = "general"
    /// Topic kept when its score reaches `topicMinScore` and `topicPer100Chars` per 100
    /// characters of body (longer clauses need more mentions) — or any heading hit.
    public var topicMinScore = 2.0
    public var topicPer100Chars = 0.5
    /// A heading names a topic when its heading points reach this (a weak word such as 整治
    /// in a heading does not make the clause about that field).
    public var headingTopicMin = 0.1
    /// A topic must reach this share of the best topic's score.
    public var topicRelativeToBest = 0.0
    /// Hits inside an enumeration (A、B、C、D等) count this much: a list of example fields
    /// is not what a clause is about.
    public var enumerationFactor = 0.35
    /// Enumerations have at least this many items.
    public var enumerationMinItems = 4
    /// Added to the score of `topicSupportArea` per topic the clause gets.
    public var topicSupportArea = "disclosure"
    public var topicSupport = 1.0
    /// A topic the heading names supports the area this many times more.
    public var headingTopicSupport = 2.0
    /// Outside `topicSupportArea`, a topic the heading does not name needs this many times the
    /// usual score: work on channels, rules or staff mentions fields only in passing.
    public var topicOutsideFactor = 3.0
    /// A parent whose children name at least this many different topics, over at least as
    /// many children, is a cross-field container and gets no topics.
    public var crossFieldTopics = 5
    /// Only parents at this level or above can be cross-field containers (1 = chapters).
    public var crossFieldMaxLevel = 1
    /// A document's topics include those at least this share of its clauses carry …
    public var documentTopicShare = 0.1
    /// … and at least this many.
    public var documentTopicMinClauses = 2
    public init() {}

    static let keys = ["heading_weight", "body_weight", "parent_weight", "body_repeat_cap", "default_area",
                       "topic_min_score", "topic_per_100_chars", "topic_relative_to_best", "enumeration_factor",
                       "enumeration_min_items", "topic_support_area", "topic_support", "cross_field_topics",
                       "body_length_norm", "heading_topic_support", "heading_topic_min", "topic_outside_factor", "cross_field_max_level",
                       "document_topic_share", "document_topic_min_clauses"]
}

/// The codes fixed by the output contract (../shared/spec/taxonomy.md); a taxonomy file
/// or override using any other code is an error.
public enum TaxonomyContract {
    public static let areas = ["general", "disclosure", "policy_release", "interpretation", "response", "participation",
                               "request", "standards", "platforms", "services", "assurance"]
    public static let topics = ["economy", "business", "finance", "projects", "public_resources", "education", "health",
                                "environment", "housing", "social_security", "market_regulation", "emergency_safety",
                                "urban", "rural", "science_tech", "culture_tourism"]
}
