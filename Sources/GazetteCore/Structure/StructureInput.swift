import GazetteModel

/// Everything the structure stage reads about one document.
public struct StructureInput: Sendable {
    public var id: String
    public var source: Source
    /// Simplified, cleaned text and the same text in its source script, line for line.
    public var normalized: NormalizedText
    /// The HTML page's metadata table (发文机关 / 成文日期 / 发文字号 …); may be empty.
    public var pageMetadata: [String: String]
    public var pageTitle: String?
    /// Lines the clean stage removed (a 来源/更新时间 line carries the publication date).
    public var removed: [RemovedLine]
    /// Layout recovery's record: families found, decisions, and header fields (crawler lines, front matter).
    public var layout = LaidOutText(text: "", families: [], decisions: [], fields: [])
    /// Attachments of the page beyond the one that is the body, cleaned and normalized:
    /// appended to the document's appendices.
    public var attachedAppendices: [Appendix] = []
    public init(id: String, source: Source, normalized: NormalizedText, pageMetadata: [String: String],
                pageTitle: String?, removed: [RemovedLine]) {
        self.id = id; self.source = source; self.normalized = normalized
        self.pageMetadata = pageMetadata; self.pageTitle = pageTitle; self.removed = removed
    }
}
