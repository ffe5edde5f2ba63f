/// Where a document belongs, as a place of the national division list (GB/T 2260), beside
/// the `region` string it was found from (`RegionResolver` in the core).
///
/// The nation has no GB/T 2260 code: `全国` is `level: national` with `code: null`. A
/// municipality (北京市) is one place of level `province` whose districts lie directly under
/// it. A special zone (平潭综合实验区) is `level: zone`, its name in `zone`, with the code and
/// path of the division it lies in.
public struct Place: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable { case resolved, ambiguous, unresolved }
    public enum Level: String, Codable, Sendable, CaseIterable { case national, province, city, county, zone }

    public var status: Status
    public var level: Level?
    /// The six-digit GB/T 2260 code (the host division's, for a zone).
    public var code: String?
    /// Names from the province down to the place (the host, for a zone).
    public var path: [String]
    /// The codes of `path`, one each.
    public var pathCodes: [String]
    /// The special zone's name, when the place is one.
    public var zone: String?
    /// When ambiguous: each candidate as `code path` (`350102 福建省/福州市/鼓楼区`).
    public var candidates: [String]
    /// How the place was found, for editors and `gazette inspect`.
    public var via: String

    public init(status: Status = .unresolved, level: Level? = nil, code: String? = nil, path: [String] = [],
                pathCodes: [String] = [], zone: String? = nil, candidates: [String] = [], via: String = "") {
        self.status = status; self.level = level; self.code = code; self.path = path; self.pathCodes = pathCodes
        self.zone = zone; self.candidates = candidates; self.via = via
    }

    enum CodingKeys: String, CodingKey {
        case status, level, code, path, pathCodes = "path_codes", zone, candidates, via
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status); try c.encode(level, forKey: .level); try c.encode(code, forKey: .code)
        try c.encode(path, forKey: .path); try c.encode(pathCodes, forKey: .pathCodes); try c.encode(zone, forKey: .zone)
        try c.encode(candidates, forKey: .candidates); try c.encode(via, forKey: .via)
    }
}
