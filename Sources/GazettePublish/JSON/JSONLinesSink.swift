import Foundation
import GazetteModel
import GazetteOutput

/// `corpus.jsonl.gz`: every canonical document, one compact JSON object per line, in id
/// order, each line a gzip member of its own (`GzipMembersFile`). When `documents/` is written too, `DocumentJSONSink`
/// writes this file instead (`Sinks.make`), from the JSON it has already encoded.
public final class JSONLinesSink: OutputSink {
    public let name = "jsonl"
    /// Heavy ordered work: written and finished on a thread of its own.
    public var ownThread: Bool { true }
    var writer: GzipMembersFile?
    var segments: SegmentLedger?
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
    public init() {}

    public func use(_ context: PublishContext) { segments = SegmentLedger(context: context, file: "corpus.jsonl.gz") }

    public func begin(staging: URL) throws {
        writer = try GzipMembersFile(url: staging.appendingPathComponent("corpus.jsonl.gz"))
    }

    /// The document's line, compressed (on a worker thread: encoding and deflate are the costly part).
    public func prepare(_ document: Document) throws -> Data? { GzipMembersFile.member(try Self.line(document)) }

    /// An unchanged document's member, copied from the previous file.
    public func prepareUnchanged(_ document: Document) throws -> Data? {
        try segments?.previousSegment(document.id) ?? prepare(document)
    }

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
        guard let member = try prepared ?? prepare(document), let writer else { return }
        let at = try writer.append(member)   // not inside the optional chain: it must run without a ledger
        segments?.record(document.id, offset: at, length: member.count)
    }

    public func write(_ document: Document) throws { try write(document, prepared: nil) }

    public func finish(_ corpus: CorpusSummary) throws {
        try writer?.close(); writer = nil
        segments?.store(output: corpus.manifest.run.fingerprint)
    }
}
