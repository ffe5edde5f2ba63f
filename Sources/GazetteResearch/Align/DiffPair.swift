/// One line of a clause alignment: an A clause, a B clause, or both, and how they relate.
public struct DiffPair: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case unchanged, modified, moved, merged, split, added, removed
    }
    /// Clause id in document A (nil for an added clause).
    public var a: String?
    /// Clause id in document B (nil for a removed clause).
    public var b: String?
    public var status: Status
    /// Similarity `2·LCS/(|a|+|b|)` of the normalized texts (for a merge or split: of the
    /// joined texts); nil for added and removed clauses.
    public var score: Double?
    /// Pairs of one merge or split share a group number.
    public var group: Int?
    /// Inline character diff A → B; present where the texts differ (on the first pair of a group).
    public var ops: [InlineDiff.Op]?
    /// "topic" for a rewritten counterpart found by topic similarity (pass three); absent otherwise.
    public var basis: String?
    /// The topic similarity behind a pass-three pair.
    public var topicScore: Double?

    public init(a: String?, b: String?, status: Status, score: Double?, group: Int? = nil, ops: [InlineDiff.Op]? = nil) {
        self.a = a; self.b = b; self.status = status; self.score = score; self.group = group; self.ops = ops
    }

    enum CodingKeys: String, CodingKey { case a, b, status, score, group, ops, basis, topicScore = "topic_score" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a, forKey: .a); try c.encode(b, forKey: .b)
        try c.encode(status, forKey: .status); try c.encode(score, forKey: .score)
        try c.encodeIfPresent(group, forKey: .group); try c.encodeIfPresent(ops, forKey: .ops)
        try c.encodeIfPresent(basis, forKey: .basis); try c.encodeIfPresent(topicScore, forKey: .topicScore)
    }
}
