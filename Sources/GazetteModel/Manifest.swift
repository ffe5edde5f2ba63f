/// `Output/manifest.json`: every input file accounted for, and the run's figures.
public struct Manifest: Codable, Equatable, Sendable {
    public var inputs: [InputRecord]
    public var run: RunInfo
    public init(inputs: [InputRecord], run: RunInfo) { self.inputs = inputs; self.run = run }
}

/// One input file's fate.
public struct InputRecord: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable { case published, duplicate, rejected }
    public var path: String
    public var sha256: String?
    public var status: Status
    public var reason: String?
    /// The published document id (for a duplicate: the canonical document's id).
    public var document: String?
    /// A published document's quality warnings (`Document.quality.warnings`): an editor should look at it.
    public var warnings: [String]?
    public init(path: String, sha256: String?, status: Status, reason: String? = nil, document: String? = nil) {
        self.path = path; self.sha256 = sha256; self.status = status; self.reason = reason; self.document = document
    }
}

/// Counts, timings and versions of a run. Timings live only here, so that the rest
/// of Output/ is byte-identical for the same input and configuration.
public struct RunInfo: Codable, Equatable, Sendable {
    public var counts: [String: Int]
    public var timings: [String: Double]
    public var versions: [String: String]
    public var configHash: String
    /// Hash of every input's stamp and the configuration: equal on a run with nothing changed.
    public var fingerprint: String?
    /// Peak resident memory of each phase in MiB, and `budget` (pipeline.yml `memory.budget_mib`);
    /// like `timings`, a measurement of this run, not compared between runs.
    public var memory: [String: Double]?
    public init(counts: [String: Int], timings: [String: Double], versions: [String: String], configHash: String) {
        self.counts = counts; self.timings = timings; self.versions = versions; self.configHash = configHash
    }
    enum CodingKeys: String, CodingKey { case counts, timings, versions, configHash = "config_hash", fingerprint, memory }
}
