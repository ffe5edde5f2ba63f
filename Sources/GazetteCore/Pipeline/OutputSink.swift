import Foundation
import GazetteModel

/// Everything a sink learns about the corpus as a whole once every document is written.
public struct CorpusSummary: Sendable {
    public var documents: [DocumentSummary]
    public var manifest: Manifest
    public init(documents: [DocumentSummary], manifest: Manifest) { self.documents = documents; self.manifest = manifest }
}

/// The small per-document facts that index and facet pages need.
public struct DocumentSummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var planTitle: String
    public var docType: String
    public var region: String?
    public var year: Int?
    public var issuer: String?
    public var issueDate: String?
    public var clauseCount: Int
    public var areas: [String: Int]
    public var topics: [String: Int]
    public var units: [String: Int]
    public var duplicates: Int
    /// The document's quality record (`Document.quality`): listed on the site's quality page and in the manifest.
    public var quality: DocumentQuality

    public init(_ d: Document) {
        id = d.id; title = d.title; planTitle = d.planTitle; docType = d.docType.rawValue
        region = d.region; year = d.year; issuer = d.issuer; issueDate = d.issueDate
        clauseCount = d.clauses.count
        var a: [String: Int] = [:], t: [String: Int] = [:], u: [String: Int] = [:]
        for c in d.clauses {
            a[c.area, default: 0] += 1
            for x in c.topics { t[x, default: 0] += 1 }
            for m in Set(c.units.map { $0.canonical ?? $0.name }) { u[m, default: 0] += 1 }
        }
        areas = a; topics = t; units = u; duplicates = d.duplicates.count
        quality = d.quality
    }
}

/// One output format. The runner calls `begin`; then for each published document
/// `prepare` (on worker threads, in any order) and `write(_:prepared:)` (in id order, one
/// at a time, from one thread); then `finish` (from that same thread).
public protocol OutputSink: AnyObject {
    /// Short name used in pipeline.yml `publish.formats` and in progress lines.
    var name: String { get }
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
    /// Whether `write(_:prepared:)` and `finish` run on a thread of the sink's own (in
    /// order, overlapping the other sinks): for sinks whose ordered work is heavy. Such a
    /// sink's `prepare` still runs on the workers. By default false.
    var ownThread: Bool { get }
}

extension OutputSink {
    public func prepare(_ document: Document) throws -> Data? { nil }
    public func write(_ document: Document, prepared: Data?) throws { try write(document) }
    public var ownThread: Bool { false }
}

/// Receives progress of a run: a terminal bar, log lines, or nothing.
public protocol ProgressReporter: AnyObject, Sendable {
    func stage(_ name: String, total: Int)
    func advance(_ count: Int)
    func log(_ message: String)
    func finishStage()
}

/// A reporter that says nothing (`--quiet`, tests).
public final class SilentProgress: ProgressReporter, @unchecked Sendable {
    public init() {}
    public func stage(_ name: String, total: Int) {}
    public func advance(_ count: Int) {}
    public func log(_ message: String) {}
    public func finishStage() {}
}
