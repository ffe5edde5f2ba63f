/// The document's official subject class (gov.cn 主题分类): two levels, 22 first-level classes
/// (综合政务, 财政、金融、审计 …) with sub-classes (综合政务\政务公开 …), coded by the code list
/// in `subject_classes.yml`.
///
/// Read from the page's metadata table where the page has one (`source` `page`, the value as
/// written in `raw`), or predicted from the title, the issuer and the text (`predicted`, with
/// the cues behind it in `evidence` and their total in `score`). A page value the code list
/// does not know is kept as written, never dropped: `code` is then null, `name` the raw value,
/// and the document's quality warnings say `subject-unrecognised`.
public struct DocumentSubject: Codable, Equatable, Sendable {
    public enum Source: String, Codable, Sendable, CaseIterable { case page, predicted }

    /// The code list's code: a first-level class (`finance`) or a sub-class (`finance.tax`);
    /// null for a page value the code list does not know.
    public var code: String?
    /// The full name, first level and sub-class joined with `\` (财政、金融、审计\税务); the
    /// page's value as written when it is not in the code list.
    public var name: String
    public var source: Source
    /// The page's value as written (page only; in simplified script, converted as the text was).
    public var raw: String?
    /// The winning class's score (predicted only).
    public var score: Double?
    /// Why: the page field it was read from, or the cues (place, count, points) behind a prediction and the runner-up.
    public var evidence: [String]

    public init(code: String?, name: String, source: Source, raw: String? = nil, score: Double? = nil, evidence: [String] = []) {
        self.code = code; self.name = name; self.source = source; self.raw = raw; self.score = score; self.evidence = evidence
    }

    /// The first-level code (`finance` of `finance.tax`), or nil when `code` is.
    public var firstLevel: String? { code.map { String($0.split(separator: ".", maxSplits: 1)[0]) } }

    enum CodingKeys: String, CodingKey { case code, name, source, raw, score, evidence }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        source = try c.decode(Source.self, forKey: .source)
        raw = try c.decodeIfPresent(String.self, forKey: .raw)
        score = try c.decodeIfPresent(Double.self, forKey: .score)
        evidence = try c.decodeIfPresent([String].self, forKey: .evidence) ?? []
    }

    /// Nil optionals are written as null (a null `code` is the flag of an unrecognised value).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(source, forKey: .source)
        try c.encode(raw, forKey: .raw)
        try c.encode(score, forKey: .score)
        try c.encode(evidence, forKey: .evidence)
    }
}
