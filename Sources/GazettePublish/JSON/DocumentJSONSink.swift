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

    /// The file's bytes: the direct writer, or JSONEncoder for what it leaves to it.
    public static func encode(_ document: Document) throws -> Data {
        if let bytes = DocumentJSON.encode(document, pretty: true) { return Data(bytes) }
        return try encoder().encode(document)
    }

    public func begin(staging: URL) throws {
        folder = staging.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Encodes and writes the document's file (on a worker thread).
    public func prepare(_ document: Document) throws -> Data? {
        let data = try Self.encode(document)
        try data.write(to: folder.appendingPathComponent(document.id + ".json"))
        return nil
    }

    public func write(_ document: Document, prepared: Data?) throws {}
    public func write(_ document: Document) throws { _ = try prepare(document) }

    public func finish(_ corpus: CorpusSummary) throws {}
}
