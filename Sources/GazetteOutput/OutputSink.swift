import Foundation
import GazetteModel

/// One output format. The runner calls `begin`; then for each published document
/// `prepare` (on worker threads, in any order) and `write(_:prepared:)` (in id order, one
/// at a time, from one thread); then `finish` (from that same thread). Sinks are called
/// in the order `SinkOrder.resolve` gives them, from what they `provide` and `require`.
public protocol OutputSink: AnyObject {
    /// Short name used in pipeline.yml `publish.formats` and in progress lines.
    var name: String { get }
    /// The parts of the output this sink writes that other sinks rely on. By default none.
    var provides: [OutputPart] { get }
    /// The parts written by other sinks that this one relies on: it comes after their
    /// writers, and a run without one of them is a configuration error. By default none.
    var requires: [OutputPart] { get }
    func begin(staging: URL) throws
    /// The per-document work that depends on no other document — encoding, rendering, a
    /// file of the document's own — done ahead on the other cores. May only read the
    /// sink's state. Returns what `write(_:prepared:)` needs; by default nothing.
    func prepare(_ document: Document) throws -> Data?
    /// The ordered part, with `prepare`'s result. By default `write(_:)`.
    func write(_ document: Document, prepared: Data?) throws
    /// Both parts at once, for callers that write documents one by one.
    func write(_ document: Document) throws
    func finish(_ corpus: CorpusSummary) throws
    /// The files this sink writes for document `id` alone, relative to the output folder.
    /// When a document's final form is what the Output/ being replaced holds
    /// (`PublishLedger`), the runner links these files from it into the staging folder and
    /// calls `prepareUnchanged` instead of `prepare`. By default none.
    func documentFiles(_ id: String) -> [String]
    /// `prepare` for a document whose `documentFiles` were linked from the previous
    /// Output/: only what `write(_:prepared:)` still needs. By default `prepare`.
    func prepareUnchanged(_ document: Document) throws -> Data?
    /// `prepare` for a document whose content is what the previous Output/ holds and whose
    /// copies or clauses' similar-clause links changed (`PublishLedger.Hashes`): its files are
    /// written anew, but a sink that keeps those apart may update only them. By default `prepare`.
    func prepareLinksChanged(_ document: Document) throws -> Data?
    /// Called before `begin` with where this sink may keep state for the next run and the
    /// Output/ it may reuse from. By default ignored.
    func use(_ context: PublishContext)
    /// Whether `write(_:prepared:)` and `finish` run on a thread of the sink's own (in
    /// order, overlapping the other sinks): for sinks whose ordered work is heavy. Such a
    /// sink's `prepare` still runs on the workers. By default false.
    var ownThread: Bool { get }
}

extension OutputSink {
    public var provides: [OutputPart] { [] }
    public var requires: [OutputPart] { [] }
    public func prepare(_ document: Document) throws -> Data? { nil }
    public func write(_ document: Document, prepared: Data?) throws { try write(document) }
    public var ownThread: Bool { false }
    public func documentFiles(_ id: String) -> [String] { [] }
    public func prepareUnchanged(_ document: Document) throws -> Data? { try prepare(document) }
    public func prepareLinksChanged(_ document: Document) throws -> Data? { try prepare(document) }
    public func use(_ context: PublishContext) {}
}
