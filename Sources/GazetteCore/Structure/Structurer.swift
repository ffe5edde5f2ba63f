import Foundation
import GazetteModel

/// Stage 4: build the structured record of one document from its normalized text.
///
/// Foundation version: title and text only. The clause tree, metadata, appendices and
/// tasks are built by the types beside this one as they land.
public struct Structurer: Sendable {
    public init() {}

    public func structure(_ input: StructureInput) -> Document {
        let lines = input.normalized.text.split(separator: "\n").map(String.init)
        let title = input.pageTitle ?? lines.first ?? ""
        return Document(id: input.id, title: title, planTitle: title, source: input.source,
                        text: input.normalized.text, removed: input.removed)
    }
}

/// Everything the structure stage reads about one document.
public struct StructureInput: Sendable {
    public var id: String
    public var source: Source
    public var normalized: NormalizedText
    public var pageMetadata: [String: String]
    public var pageTitle: String?
    public var removed: [RemovedLine]
    public init(id: String, source: Source, normalized: NormalizedText, pageMetadata: [String: String],
                pageTitle: String?, removed: [RemovedLine]) {
        self.id = id; self.source = source; self.normalized = normalized
        self.pageMetadata = pageMetadata; self.pageTitle = pageTitle; self.removed = removed
    }
}
