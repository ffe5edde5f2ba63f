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
    public var exitCode: Int32 { rejected.isEmpty ? 0 : 1 }
}

/// Runs the whole pipeline over a corpus folder into an output folder.
///
/// Order, and why:
/// 1. lock — before anything touches the cache or Output/, so overlapping runs cannot mix;
/// 2. scan — every entry under the corpus is listed, so each one ends in the manifest;
/// 3. prepare — ingest, clean, normalize and sign every input, in parallel across cores,
///    each result cached by content and configuration hash (a run with nothing changed
///    reads nothing but file stamps);
/// 4. dedup — needs every document's signature, so it comes after all of them;
/// 5. complete — structure and classify only the canonical copies (duplicates are listed,
///    never published, so the two costliest stages skip them), again in parallel and cached;
///    then clause links among them;
/// 6. publish — sinks stream the canonical documents into a staging folder, which is
///    swapped in atomically only when every sink has finished.
public final class PipelineRunner {
    public let config: PipelineConfig
    public let corpus: URL
    public let output: URL
    public let cacheRoot: URL
    public var sinks: [OutputSink]
    public var progress: ProgressReporter
    public var full = false
    public var wait = false
    /// Set from a signal handler: the run stops between documents, leaving Output/ as it was.
    public let cancellation = CancellationFlag()
    /// For fault tests: called before the staging folder is swapped in.
    public var beforeCommit: (() throws -> Void)? = nil
    /// For tests: called after every input was prepared, before dedup.
    public var afterPrepare: (() -> Void)? = nil
    /// Bytes of prepared text kept in memory between prepare and complete; inputs beyond it
    /// are read and prepared again when they turn out to be canonical.
    public var preparedBudget = 128 << 20
    /// Bytes of structured documents kept in memory for publish; the rest is read back from the cache.
    public var documentBudget = 64 << 20
    let processor: DocumentProcessor

    public init(config: PipelineConfig, corpus: URL, output: URL, cacheRoot: URL, processor: DocumentProcessor,
                sinks: [OutputSink], progress: ProgressReporter) {
        self.config = config; self.corpus = corpus; self.output = output; self.cacheRoot = cacheRoot
        self.processor = processor; self.sinks = sinks; self.progress = progress
    }

    /// How many nice steps the publish stage's read-ahead workers run below the other
    /// threads. The SQLite sink's thread (inserts and the FTS5 index, one thread by nature)
    /// sets the pace of the whole stage; at equal priority it got about two thirds of a core
    /// while the workers it was holding up ran ahead. Below it, they yield to it: the
    /// publish stage of a 10,000-file run took 19.6 s instead of 21.6 s (medians of 5
    /// paired runs), with the same output.
    static let publishWorkerNiceness: Int32 = 8

    var workers: Int { config.workerThreads }

    public func run(versions: [String: String] = [:]) throws -> RunReport {
        // The lock file sits beside the output folder, so that folder's parent must exist.
        try? FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = RunLock(output: output)
        lock.onWait = { [progress] in progress.log($0) }
        try lock.acquire(wait: wait)
        defer { lock.release() }
        let staging = StagingArea(output: output)
        staging.removeStale()
        var timings: [String: Double] = [:]
        let t0 = Date()

        // Scan.
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw ConfigurationError([Diagnostic(id: "corpus-missing", severity: .error, message: "corpus folder \(corpus.path) does not exist",
                                                 suggestion: "create it or pass --corpus")])
        }
        let files = CorpusScanner.scan(corpus, displayRoot: corpus.lastPathComponent)
        let cache = DocumentCache(root: cacheRoot)
        let configHash = config.hash(extra: [processor.classifier.fingerprint, Self.codeVersion, "build=" + BuildIdentity.current])
        // Ingest, clean, normalize and sign read nothing of the classifier's data files: an
        // edited rule leaves every input's summary valid and only structures the canonical copies again.
        let prepareHash = config.hash(extra: ["prepare", Self.codeVersion, "build=" + BuildIdentity.current])
        var stamps = full ? [:] : cache.loadStamps()
        // Everything that shapes Output/ beyond the per-document results.
        let runHash = SHA256Digest.hex([configHash, "formats=" + config.publish.formats.joined(separator: ","),
                                        "dedup=\(config.dedup)", Self.publishVersion]
                                       .joined(separator: "\n") + versions.sorted { $0.key < $1.key }.map { "\n\($0.key)=\($0.value)" }.joined())

        // Quick no-change check: same files, same stamps, same configuration → nothing to do.
        let currentFingerprint = self.fingerprint(files: files, stamps: stamps, runHash: runHash)
        if !full, let currentFingerprint, let old = Self.previousRun(output), old.fingerprint == currentFingerprint {
            var report = RunReport(); report.unchanged = true
            report.published = old.published; report.duplicates = old.duplicates
            report.rejected = old.rejected
            progress.log("nothing changed since the last run (\(files.count) inputs); Output/ left as it is")
            return report
        }

        // Prepare every input.
        progress.stage("prepare", total: files.count)
        let ids = Self.assignIDs(files)
        let job = RunJob(files: files, ids: ids, cache: cache, prepareHash: prepareHash, configHash: configHash, useCache: !full,
                         preparedBudget: preparedBudget, documentBudget: documentBudget)
        let knownStamps = stamps
        let prepared = ResultBox<Outcome>(count: files.count)
        ParallelLoop.run(count: files.count, workers: workers, cancellation: cancellation) { [self] i in
            FaultPoint.pause("process")
            prepared.set(i, prepareOne(i, job: job, stamps: knownStamps))
            progress.advance(1)
        }
        progress.finishStage()
        if cancellation.isSet { throw RunCancelled() }
        var outcomes = prepared.values
        stamps = job.newStamps.stamps
        cache.storeStamps(stamps)
        timings["prepare"] = Date().timeIntervalSince(t0)
        afterPrepare?()

        // Dedup, then complete the canonical copies. A canonical copy that cannot be
        // completed (its file vanished or changed since it was read) is rejected and the
        // grouping is done again without it, so no duplicate points at a missing document.
        let t1 = Date()
        var dedup = DedupResult()
        var completed: [Int: ClauseSignatures] = [:]
        while true {
            var candidates: [DedupCandidate] = []
            for (i, o) in outcomes.enumerated() {
                if case .prepared(let s)? = o {
                    candidates.append(DedupCandidate(id: ids[i], path: files[i].path, sha256: s.summary.sha256,
                                                     conversion: s.summary.conversion, length: s.summary.length, signature: s.summary.signature))
                }
            }
            progress.stage("dedup", total: 1)
            dedup = Deduplicator(settings: config.dedup).group(candidates)
            progress.advance(1); progress.finishStage()
            // The canonical copies not yet completed, with what prepare made of them.
            let canonical: [(index: Int, prepared: Prepared)] = outcomes.indices.compactMap { i in
                guard case .prepared(let s)? = outcomes[i], dedup.canonicalOf[ids[i]] == nil, completed[i] == nil else { return nil }
                return (i, s)
            }
            job.held.retain { i in dedup.canonicalOf[ids[i]] == nil }
            progress.stage("structure", total: canonical.count)
            let done = ResultBox<Completion>(count: canonical.count)
            ParallelLoop.run(count: canonical.count, workers: workers, cancellation: cancellation) { [self] k in
                done.set(k, completeOne(canonical[k].index, prepared: canonical[k].prepared, job: job))
                progress.advance(1)
            }
            progress.finishStage()
            if cancellation.isSet { throw RunCancelled() }
            var failed = false
            for (k, (i, p)) in canonical.enumerated() {
                switch done.values[k] {
                case .done(let clauses, let fresh)?:
                    completed[i] = clauses
                    if fresh { var s = p; s.fresh = true; outcomes[i] = .prepared(s) }
                case .failed(let reason)?:
                    outcomes[i] = .rejected(p.summary.sha256, reason); failed = true
                case nil: continue
                }
            }
            if !failed { break }
        }
        Deduplicator(settings: config.dedup).linkClauses(completed.map { (id: ids[$0.key], clauses: $0.value) }, into: &dedup)
        // The signatures (a sample of every input's shingles, every clause's bands) have
        // served: dropped before publishing, which holds the most (some 10 KB per input).
        completed = [:]
        Self.dropSignatures(&outcomes)
        ProcessMemory.releaseFreed()
        timings["dedup+structure"] = Date().timeIntervalSince(t1)

        // Manifest entries.
        var report = RunReport()
        var inputs: [InputRecord] = []
        var keys: [String: String] = [:]
        for (i, f) in files.enumerated() {
            switch outcomes[i] {
            case .prepared(let s)?:
                if let canon = dedup.canonicalOf[ids[i]] {
                    inputs.append(InputRecord(path: f.path, sha256: s.summary.sha256, status: .duplicate, reason: "same document as \(canon)", document: canon))
                    report.duplicates += 1
                } else {
                    inputs.append(InputRecord(path: f.path, sha256: s.summary.sha256, status: .published, document: ids[i]))
                    keys[ids[i]] = s.documentKey
                    report.published += 1
                }
                if s.fresh { report.reprocessed += 1 }
            case .rejected(let sha, let reason)?:
                inputs.append(InputRecord(path: f.path, sha256: sha, status: .rejected, reason: reason.description))
                report.rejected.append((f.path, reason.description))
            case nil:
                inputs.append(InputRecord(path: f.path, sha256: nil, status: .rejected, reason: "internal: not processed"))
                report.rejected.append((f.path, "internal: not processed"))
            }
        }
        progress.log("\(report.reprocessed) of \(files.count) inputs processed anew, the rest taken from the cache")

        // Publish.
        let t2 = Date()
        try staging.prepare()
        do {
            let published = inputs.filter { $0.status == .published }.compactMap(\.document).sorted()
            progress.stage("publish", total: published.count)
            for s in sinks { try s.begin(staging: staging.staging) }
            try FaultPoint.check("publish-write")
            var docSummaries: [DocumentSummary] = []
            // Documents are read back (when not held in memory) and each sink's independent
            // per-document work done ahead on all cores; the ordered writes happen here.
            let similar = dedup.similar, copies = dedup.copies, sinks = self.sinks
            let ahead = ReadAhead<PublishItem>(count: published.count, threads: workers, depth: 4 * workers,
                                                niceness: Self.publishWorkerNiceness) { n in
                let id = published[n]
                guard var doc = job.documents.take(id) ?? keys[id].flatMap({ cache.load($0)?.document }) else {
                    return .failed(PublishFailure("the processed document \(id) could not be read back from the cache"))
                }
                doc.duplicates = copies[id] ?? []
                if let sim = similar[id] {
                    for k in doc.clauses.indices { doc.clauses[k].similar = sim[doc.clauses[k].id] ?? [] }
                }
                do { return .ready(doc, try sinks.map { try $0.prepare(doc) }) } catch { return .failed(error) }
            }
            defer { ahead.cancel() }
            // Sinks with heavy ordered work write and finish on threads of their own; on any
            // failure they are stopped (before the staging folder is abandoned).
            let threads = sinks.map { $0.ownThread ? SinkThread($0, capacity: 64) : nil }
            defer { for t in threads { t?.cancel() } }
            for n in published.indices {
                if cancellation.isSet { throw RunCancelled() }
                // A published document must be written: losing it silently would leave the
                // manifest listing a document that Output/ does not have.
                let item = ahead.take(n)
                if case .failed(let e)? = item { throw e }
                guard case .ready(let doc, let prepared)? = item else {
                    throw PublishFailure("the document \(published[n]) was not prepared for publishing")
                }
                for (k, p) in prepared.enumerated() {
                    if let t = threads[k] { try t.submit(.write(doc, p)) } else { try sinks[k].write(doc, prepared: p) }
                }
                docSummaries.append(DocumentSummary(doc))
                progress.advance(1)
            }
            timings["publish"] = Date().timeIntervalSince(t2)
            // Counts describe Output/, not this run's work (how many were processed anew goes to
            // the report and the log), so two runs over the same input write the same manifest.
            // Documents an editor should look at: their warnings beside their manifest entries.
            let review = Dictionary(docSummaries.filter { !$0.quality.warnings.isEmpty }.map { ($0.id, $0.quality.warnings) },
                                    uniquingKeysWith: { a, _ in a })
            for k in inputs.indices where inputs[k].status == .published {
                if let w = inputs[k].document.flatMap({ review[$0] }) { inputs[k].warnings = w }
            }
            let counts = ["inputs": files.count, "published": report.published, "duplicate": report.duplicates,
                          "rejected": report.rejected.count, "needs_review": review.count]
            let t3 = Date()
            var run = RunInfo(counts: counts, timings: [:], versions: versions, configHash: configHash)
            run.fingerprint = self.fingerprint(files: files, stamps: stamps, runHash: runHash)
            var manifest = Manifest(inputs: inputs, run: run)
            let corpus = CorpusSummary(documents: docSummaries, manifest: manifest)
            for t in threads { try t?.submit(.finish(corpus)) }
            for (s, t) in zip(sinks, threads) where t == nil { try s.finish(corpus) }
            for t in threads { try t?.wait() }
            timings["finish"] = Date().timeIntervalSince(t3)
            timings["total"] = Date().timeIntervalSince(t0)
            manifest.run.timings = timings.mapValues { ($0 * 1000).rounded() / 1000 }
            try ManifestWriter.write(manifest, to: staging.staging.appendingPathComponent("manifest.json"))
            progress.finishStage()
            FaultPoint.pause("publish")
            try FaultPoint.check("before-commit")
            if cancellation.isSet { throw RunCancelled() }   // a signal during the last writes: stop before the swap
            try beforeCommit?()
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
        cache.finishRun()
        return report
    }

    /// Empties the dedup signatures of `outcomes`, keeping what the manifest and publishing read.
    static func dropSignatures(_ outcomes: inout [Outcome?]) {
        for i in outcomes.indices {
            guard case .prepared(var s)? = outcomes[i] else { continue }
            outcomes[i] = nil   // so the signature's arrays are uniquely referenced and freed
            s.summary.signature = DedupSignature(parameters: "", textHash: "", minhash: [], sampleLevel: 0, sample: [],
                                                 clauses: ClauseSignatures())
            outcomes[i] = .prepared(s)
        }
    }

    /// Hash of what every input contributes (path and content hash, or why it is not read)
    /// plus everything that shapes Output/; nil when a file's stamp (size, mtime) does not
    /// match, so its content is unknown and the run cannot be skipped. Content-based, not
    /// time-based, so the manifest is the same for the same corpus wherever it was copied.
    func fingerprint(files: [CorpusFile], stamps: [String: DocumentCache.FileStamp], runHash: String) -> String? {
        var parts = [runHash]
        for f in files {
            if let p = f.problem { parts.append(f.path + "|problem|" + p.code); continue }
            let lower = f.path.lowercased()
            if !config.ingest.extensions.contains(where: { lower.hasSuffix("." + $0) }) { parts.append(f.path + "|unsupported"); continue }
            if f.size > config.ingest.maxFileBytes { parts.append("\(f.path)|too-large|\(f.size)"); continue }
            guard let s = stamps[f.path], s.size == f.size, s.mtime == f.mtimeNanos else { return nil }
            parts.append("\(f.path)|\(s.sha256)")
        }
        return SHA256Digest.hex(parts.joined(separator: "\n"))
    }

    struct PreviousRun { var fingerprint: String?; var published: Int; var duplicates: Int; var rejected: [(path: String, reason: String)] }

    static func previousRun(_ output: URL) -> PreviousRun? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent("manifest.json").path),
              let m = try? JSONDecoder().decode(Manifest.self, from: data) else { return nil }
        return PreviousRun(fingerprint: m.run.fingerprint, published: m.inputs.filter { $0.status == .published }.count,
                           duplicates: m.inputs.filter { $0.status == .duplicate }.count,
                           rejected: m.inputs.filter { $0.status == .rejected }.map { ($0.path, $0.reason ?? "") })
    }

    /// Ids from paths; a collision (same stem in two folders) gets a path hash suffix.
    static func assignIDs(_ files: [CorpusFile]) -> [String] {
        let raw = files.map { CorpusScanner.documentID(for: $0.path) }
        var count: [String: Int] = [:]
        for r in raw { count[r, default: 0] += 1 }
        return zip(raw, files).map { r, f in count[r]! > 1 ? r + "-" + String(SHA256Digest.hex(f.path).prefix(8)) : r }
    }

    /// Bump when code changes what a cached per-document result would contain.
    public static let codeVersion = "gazette-doc-4"
    /// Bump when a sink changes what it writes, so a no-change run does not keep stale output.
    public static let publishVersion = "gazette-publish-2"
}

/// One published document made ready by the read-ahead: the document with each sink's
/// prepared part, or why it could not be.
enum PublishItem { case ready(Document, [Data?]), failed(Error) }

/// A publishing step could not complete (exit 4); Output/ is left as it was.
public struct PublishFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

/// Thrown when a signal asked the run to stop; Output/ is left as it was.
public struct RunCancelled: Error, CustomStringConvertible {
    public var description: String { "the run was interrupted; Output/ is unchanged" }
}

