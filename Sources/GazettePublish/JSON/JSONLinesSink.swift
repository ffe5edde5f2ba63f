import Foundation
import GazetteCore
import GazetteModel

/// `corpus.jsonl.gz`: every canonical document, one compact JSON object per line, in id
/// order, compressed as it streams.
public final class JSONLinesSink: OutputSink {
    public let name = "jsonl"
    var writer: GzipFileWriter?
    let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
    public init() {}

    public func begin(staging: URL) throws {
        writer = try GzipFileWriter(url: staging.appendingPathComponent("corpus.jsonl.gz"))
    }

    public func write(_ document: Document) throws {
        var line = try encoder.encode(document)
        line.append(0x0A)
        try writer?.write(line)
    }

    public func finish(_ corpus: CorpusSummary) throws { try writer?.close(); writer = nil }
}
