/// How a document's structure was found, for editors: the layout recovered, the share of
/// the body inside clauses, and warnings that ask for an editor's look.
public struct DocumentQuality: Codable, Equatable, Sendable {
    /// The layout families recovered, joined with `+` (`flattened+header-fields`), or
    /// `lines` for a file that was already one paragraph a line.
    public var layout: String
    /// Share of the body's characters (clauses, preamble and closing) inside clauses, 0…1, to three places.
    public var clauseCoverage: Double
    /// Stable codes: `numbering-without-tree`, `title-not-found`, `low-clause-coverage`,
    /// `page-table-disagrees:<field>`, `subject-unrecognised` (the page's 主题分类 is not in
    /// subject_classes.yml, or only its first level is).
    public var warnings: [String]

    public init(layout: String = "lines", clauseCoverage: Double = 0, warnings: [String] = []) {
        self.layout = layout; self.clauseCoverage = clauseCoverage; self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey { case layout, clauseCoverage = "clause_coverage", warnings }
}
