import Foundation
import GazetteCore
import GazetteModel

/// `documents/<id>.json`: one pretty-printed file per canonical document.
public final class DocumentJSONSink: OutputSink {
    public let name = "json"
    var folder: URL!
    public init() {}

    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return e
    }

    public func begin(staging: URL) throws {
        folder = staging.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Encodes and writes the document's file (on a worker thread).
    public func prepare(_ document: Document) throws -> Data? {
        let data = try Self.encoder().encode(document)
        try data.write(to: folder.appendingPathComponent(document.id + ".json"))
        return nil
    }

    public func write(_ document: Document, prepared: Data?) throws {}
    public func write(_ document: Document) throws { _ = try prepare(document) }

    public func finish(_ corpus: CorpusSummary) throws {}
}
