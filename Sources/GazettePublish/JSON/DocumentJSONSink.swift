import Foundation
import GazetteModel
import GazetteOutput

/// `documents/<id>.json`: one pretty-printed file per canonical document; with `lines`,
/// also `corpus.jsonl.gz` (as `JSONLinesSink` writes it), each line the file's JSON with
/// the whitespace taken out rather than the document encoded a second time.
public final class DocumentJSONSink: OutputSink {
    public let name = "json"
    var folder: URL!
    /// Whether this sink writes `corpus.jsonl.gz` too.
    public let lines: Bool
    var writer: GzipFileWriter?
    /// With `lines`, the gzip stream is heavy ordered work, written on a thread of its own.
    public var ownThread: Bool { lines }
    public init(lines: Bool = false) { self.lines = lines }

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
        if lines { writer = try GzipFileWriter(url: staging.appendingPathComponent("corpus.jsonl.gz")) }
    }

    /// Encodes and writes the document's file (on a worker thread); with `lines`, returns
    /// the document's line.
    public func prepare(_ document: Document) throws -> Data? {
        let url = folder.appendingPathComponent(document.id + ".json")
        guard let pretty = DocumentJSON.encode(document, pretty: true) else {
            try FileOutput.write(Self.encoder().encode(document), to: url)   // what the direct writer leaves to JSONEncoder
            return lines ? try JSONLinesSink.line(document) : nil
        }
        try FileOutput.write(pretty, to: url)
        guard lines else { return nil }
        var line = DocumentJSON.compacted(pretty)
        line.append(0x0A)
        return Data(line)
    }

    public func documentFiles(_ id: String) -> [String] { ["documents/\(id).json"] }

    /// The file was linked from the previous Output/: with `lines`, the line is that file
    /// compacted, as `prepare` makes it.
    public func prepareUnchanged(_ document: Document) throws -> Data? {
        guard lines else { return nil }
        let url = folder.appendingPathComponent(document.id + ".json")
        guard DocumentJSON.supported(document), let pretty = FileManager.default.contents(atPath: url.path) else {
            return try JSONLinesSink.line(document)
        }
        var line = DocumentJSON.compacted(Array(pretty))
        line.append(0x0A)
        return Data(line)
    }

    /// With `lines`, appends the document's line to the gzip stream (in id order).
    public func write(_ document: Document, prepared: Data?) throws {
        guard lines, let line = try prepared ?? prepare(document) else { return }
        try writer?.write(line)
    }

    public func write(_ document: Document) throws { try write(document, prepared: prepare(document)) }

    public func finish(_ corpus: CorpusSummary) throws { try writer?.close(); writer = nil }
}
