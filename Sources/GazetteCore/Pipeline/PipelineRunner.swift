import Foundation
import GazetteModel
import GazetteOutput

/// The outcome of `gazette run`, mapped to the exit codes of DESIGN.md by the CLI.
public struct RunReport: Sendable {
    public var published = 0
    public var duplicates = 0
    public var rejected: [(path: String, reason: String)] = []
    public var unchanged = false
    public var reprocessed = 0
    /// Of those, the documents structured anew; the others were reclassified from their
    /// cached structure (after an edit to the classifier's data files).
    public var restructured = 0
    public var exitCode: Int32 { rejected.isEmpty ? 0 : 1 }
}

/// Runs the whole pipeline over a corpus folder into an output folder: the phases are
/// listed, with why each comes where it does, on `run(versions:)`; each lives in `Phases/`.
public final class PipelineRunner {
    public let config: PipelineConfig
    public let corpus: URL
    public let output: URL
    public let cacheRoot: URL
    public var sinks: [OutputSink]
    public var progress: ProgressReporter
    public var full = false
    public var wait = false
    /// Inputs that crashed an earlier attempt of this run (set from the supervisor's skip
    /// list) or an earlier run of this build: rejected as `crashed-in-<stage>`, never read.
    public let crashes = CrashLedger()
    /// Set from a signal handler: the run stops between documents, leaving Output/ as it was.
    public let cancellation = CancellationFlag()
    /// For fault tests: called before the staging folder is swapped in.
    public var beforeCommit: (() throws -> Void)? = nil
    /// For tests: called after every input was prepared, before dedup.
    public var afterPrepare: (() -> Void)? = nil
    /// Bytes of prepared text kept in memory between prepare and complete (an eighth of the
    /// memory budget); inputs beyond it are read and prepared again when they turn out to be canonical.
    public var preparedBudget: Int
    /// Bytes of structured documents kept in memory for publish (a sixteenth of the budget);
    /// the rest is read back from the cache.
    public var documentBudget: Int
    let processor: DocumentProcessor

    public init(config: PipelineConfig, corpus: URL, output: URL, cacheRoot: URL, processor: DocumentProcessor,
                sinks: [OutputSink], progress: ProgressReporter) {
        self.config = config; self.corpus = corpus; self.output = output; self.cacheRoot = cacheRoot
        self.processor = processor; self.sinks = sinks; self.progress = progress
        (preparedBudget, documentBudget) = Self.heldBudgets(config)
    }

    /// What the runner may hold between stages, from `memory.budget_mib`: an eighth of it in
    /// prepared texts, a sixteenth in structured documents (128 and 64 MiB under the default).
    static func heldBudgets(_ config: PipelineConfig) -> (prepared: Int, documents: Int) {
        (config.memoryBudgetMiB << 17, config.memoryBudgetMiB << 16)
    }

    /// How many nice steps the publish stage's read-ahead workers run below the other
    /// threads. The SQLite sink's thread (inserts and the FTS5 index, one thread by nature)
    /// sets the pace of the whole stage; at equal priority it got about two thirds of a core
    /// while the workers it was holding up ran ahead. Below it, they yield to it: the
    /// publish stage of a 10,000-file run took 19.6 s instead of 21.6 s (medians of 5
    /// paired runs), with the same output.
    static let publishWorkerNiceness: Int32 = 8

    var workers: Int { config.workerThreads }

    /// The run, phase by phase. Each phase is a function whose inputs and outputs are
    /// named types (`ScannedCorpus` → `PreparedCorpus` → `GroupedCorpus` → `RunRecords`),
    /// in this order because:
    /// 1. lock — before anything touches the cache or Output/, so overlapping runs cannot mix;
    /// 2. scan — every entry under the corpus is listed, so each one ends in the manifest;
    ///    with nothing changed since the last run (same files, stamps, configuration) the run stops here;
    /// 3. prepare — ingest, clean, normalize and sign every input on all cores, each result
    ///    cached by content and configuration hash;
    /// 4. group — dedup needs every input's signature, so it comes after all of them;
    /// 5. complete — structure and classify only the canonical copies (duplicates are never
    ///    published, so the two costliest stages skip them); a copy that fails is rejected
    ///    and the grouping done again without it;
    /// 6. link — similar clauses across the published documents, which needs all their clauses;
    /// 7. record — one manifest entry per input;
    /// 8. publish — sinks write into a staging folder swapped in atomically when all are done.
    /// `stages:` in pipeline.yml decides what runs: without dedup, group and link find
    /// nothing; without publish, Output/ is left as it is (the cache is still filled).
    public func run(versions: [String: String] = [:]) throws -> RunReport {
        let lock = try lockOutput()
        defer { lock.release() }
        var timings = PhaseTimings()
        let scan = try scan(versions: versions)
        if let unchanged = unchangedSinceLastRun(scan) { return unchanged }
        var prepared = try prepare(scan)
        timings.end("prepare")
        var grouped = try groupAndComplete(&prepared)
        link(&grouped, &prepared)
        timings.end("dedup+structure")
        let records = record(scan, prepared, grouped.dedup)
        if config.runs("publish") {
            try publish(records, scan, prepared, grouped.dedup, versions: versions, timings: &timings)
        } else {
            progress.log("publish is not in pipeline.yml stages: Output/ left as it is")
        }
        scan.cache.finishRun()
        return records.report
    }

    /// Takes the run lock beside the output folder (waiting for it with `--wait`) and
    /// removes what an interrupted run left in the staging area.
    func lockOutput() throws -> RunLock {
        // The lock file sits beside the output folder, so that folder's parent must exist.
        try? FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = RunLock(output: output)
        lock.onWait = { [progress] in progress.log($0) }
        try lock.acquire(wait: wait)
        StagingArea(output: output).removeStale()
        return lock
    }

    /// Bump when code changes what a cached per-document result would contain.
    public static let codeVersion = "gazette-doc-6+fields-" + DocumentFields.fingerprint
    /// Bump when a sink changes what it writes, so a no-change run does not keep stale output.
    public static let publishVersion = "gazette-publish-2"
}

/// A publishing step could not complete (exit 4); Output/ is left as it was.
public struct PublishFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

/// Wall time of each phase and the peak resident memory at its end, for the manifest's
/// `run.timings` and `run.memory` (measurements of this run, not compared between runs): the
/// peak is the run's so far, so the phase where it rose is the one that reached it.
struct PhaseTimings {
    private let start = Date()
    private var mark = Date()
    private var seconds: [String: Double] = [:]
    private var peaks: [String: Double] = [:]

    /// Records the time since the previous mark as phase `name`'s, and the peak so far.
    mutating func end(_ name: String) {
        let now = Date()
        seconds[name] = now.timeIntervalSince(mark)
        mark = now
        if let peak = ProcessMemory.peakResident() { peaks[name] = (Double(peak) / 1_048_576).rounded() }
    }

    /// Every phase's time and the total, in seconds to the millisecond.
    func total() -> [String: Double] {
        var all = seconds
        all["total"] = Date().timeIntervalSince(start)
        return all.mapValues { ($0 * 1000).rounded() / 1000 }
    }

    /// The peak at the end of every phase in MiB, the run's as `peak`, and the configured `budget`.
    func memory(budgetMiB: Int) -> [String: Double] {
        var all = peaks
        all["peak"] = peaks.values.max() ?? 0
        all["budget"] = Double(budgetMiB)
        return all
    }
}

/// Thrown when a signal asked the run to stop; Output/ is left as it was.
public struct RunCancelled: Error, CustomStringConvertible {
    public var description: String { "the run was interrupted; Output/ is unchanged" }
}

