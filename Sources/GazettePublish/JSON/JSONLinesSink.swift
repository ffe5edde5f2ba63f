import Foundation
import GazetteModel
import GazetteOutput

/// `corpus.jsonl.gz`: every canonical document, one compact JSON object per line, in id
/// order, compressed as it streams. When `documents/` is written too, `DocumentJSONSink`
/// writes this file instead (`Sinks.make`), from the JSON it has already encoded.
public final class JSONLinesSink: OutputSink {
    public let name = "jsonl"
    /// Heavy ordered work: written and finished on a thread of its own.
    public var ownThread: Bool { true }
    var writer: GzipFileWriter?
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
    public init() {}

    public func begin(staging: URL) throws {
        writer = try GzipFileWriter(url: staging.appendingPathComponent("corpus.jsonl.gz"))
    }

    /// The document's line (on a worker thread: encoding is the costly part).
    public func prepare(_ document: Document) throws -> Data? { try Self.line(document) }

    /// The document as compact JSON and a newline.
    static func line(_ document: Document) throws -> Data {
        if var bytes = DocumentJSON.encode(document, pretty: false) {
            bytes.append(0x0A)
            return Data(bytes)
        }
        var line = try Self.encoder().encode(document)
        line.append(0x0A)
        return line
    }

    public func write(_ document: Document, prepared: Data?) throws {
        guard let line = try prepared ?? prepare(document) else { return }
        try writer?.write(line)
    }

    public func write(_ document: Document) throws { try write(document, prepared: nil) }

    public func finish(_ corpus: CorpusSummary) throws { try writer?.close(); writer = nil }
}
