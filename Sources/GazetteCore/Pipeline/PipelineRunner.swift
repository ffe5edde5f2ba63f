import Foundation
import GazetteModel

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
/// 3. per-document stages in parallel across cores, each result cached by content and
///    configuration hash (a run with nothing changed reads nothing but file stamps);
/// 4. dedup — needs every document's signature, so it comes after all of them;
/// 5. publish — sinks stream the canonical documents into a staging folder, which is
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
    let processor: DocumentProcessor

    public init(config: PipelineConfig, corpus: URL, output: URL, cacheRoot: URL, processor: DocumentProcessor,
                sinks: [OutputSink], progress: ProgressReporter) {
        self.config = config; self.corpus = corpus; self.output = output; self.cacheRoot = cacheRoot
        self.processor = processor; self.sinks = sinks; self.progress = progress
    }

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

        // Per-document stages.
        progress.stage("process", total: files.count)
        let ids = Self.assignIDs(files)
        let outcomeBox = OutcomeBox(count: files.count)
        let knownStamps = stamps
        let newStamps = StampBox()
        let workers = config.workers > 0 ? config.workers : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let next = AtomicCounter()
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                while !cancellation.isSet {
                    let i = next.next()
                    if i >= files.count { break }
                    FaultPoint.pause("process")
                    let outcome = processOne(files[i], id: ids[i], cache: cache, stamps: knownStamps, configHash: configHash,
                                             newStamps: newStamps, useCache: !full)
                    outcomeBox.set(i, outcome)
                    progress.advance(1)
                }
            }
        }
        group.wait()
        progress.finishStage()
        if cancellation.isSet { throw RunCancelled() }
        let outcomes = outcomeBox.values
        stamps = newStamps.stamps
        cache.storeStamps(stamps)
        timings["process"] = Date().timeIntervalSince(t0)
        let freshCount = outcomes.filter { if case .processed(let s)? = $0 { return s.fresh } else { return false } }.count
        progress.log("\(freshCount) of \(files.count) inputs processed anew, the rest taken from the cache")

        // Dedup.
        let t1 = Date()
        progress.stage("dedup", total: 1)
        var candidates: [DedupCandidate] = []
        var summaries: [String: ProcessedSummary] = [:]
        for (i, o) in outcomes.enumerated() {
            if case .processed(let s)? = o {
                candidates.append(DedupCandidate(id: ids[i], path: files[i].path, sha256: s.sha256, conversion: s.conversion,
                                                 length: s.length, signature: s.signature))
                summaries[ids[i]] = s
            }
        }
        let dedup = Deduplicator(settings: config.dedup).run(candidates)
        progress.advance(1); progress.finishStage()
        timings["dedup"] = Date().timeIntervalSince(t1)

        // Manifest entries.
        var report = RunReport()
        var inputs: [InputRecord] = []
        for (i, f) in files.enumerated() {
            switch outcomes[i] {
            case .processed(let s)?:
                if let canon = dedup.canonicalOf[ids[i]] {
                    inputs.append(InputRecord(path: f.path, sha256: s.sha256, status: .duplicate, reason: "same document as \(canon)", document: canon))
                    report.duplicates += 1
                } else {
                    inputs.append(InputRecord(path: f.path, sha256: s.sha256, status: .published, document: ids[i]))
                    report.published += 1
                }
            case .rejected(let sha, let reason)?:
                inputs.append(InputRecord(path: f.path, sha256: sha, status: .rejected, reason: reason.description))
                report.rejected.append((f.path, reason.description))
            case nil:
                inputs.append(InputRecord(path: f.path, sha256: nil, status: .rejected, reason: "internal: not processed"))
                report.rejected.append((f.path, "internal: not processed"))
            }
        }

        // Publish.
        let t2 = Date()
        try staging.prepare()
        do {
            let published = inputs.filter { $0.status == .published }.compactMap(\.document).sorted()
            progress.stage("publish", total: published.count)
            for s in sinks { try s.begin(staging: staging.staging) }
            try FaultPoint.check("publish-write")
            var docSummaries: [DocumentSummary] = []
            // Cache entries are decoded ahead on the other cores while the sinks write.
            let prefetch = DocumentCache.Prefetcher(cache: cache, keys: published.map { summaries[$0].flatMap { $0.document == nil ? $0.cacheKey : nil } },
                                                    threads: workers)
            defer { prefetch.cancel() }
            for (n, id) in published.enumerated() {
                if cancellation.isSet { throw RunCancelled() }
                let loaded = prefetch.take(n)
                // A published document must be written: losing it silently would leave the
                // manifest listing a document that Output/ does not have.
                guard let s = summaries[id], var doc = s.document ?? loaded?.document else {
                    throw PublishFailure("the processed document \(id) could not be read back from the cache")
                }
                doc.duplicates = dedup.copies[id] ?? []
                if let sim = dedup.similar[id] {
                    for k in doc.clauses.indices { doc.clauses[k].similar = sim[doc.clauses[k].id] ?? [] }
                }
                for s in sinks { try s.write(doc) }
                docSummaries.append(DocumentSummary(doc))
                progress.advance(1)
            }
            timings["publish"] = Date().timeIntervalSince(t2)
            timings["total"] = Date().timeIntervalSince(t0)
            // Counts describe Output/, not this run's work (how many were processed anew goes to
            // the report and the log), so two runs over the same input write the same manifest.
            let counts = ["inputs": files.count, "published": report.published, "duplicate": report.duplicates,
                          "rejected": report.rejected.count]
            report.reprocessed = outcomes.filter { if case .processed(let s)? = $0 { return s.fresh } else { return false } }.count
            var run = RunInfo(counts: counts, timings: timings.mapValues { ($0 * 1000).rounded() / 1000 },
                              versions: versions, configHash: configHash)
            run.fingerprint = self.fingerprint(files: files, stamps: stamps, runHash: runHash)
            let manifest = Manifest(inputs: inputs, run: run)
            for s in sinks { try s.finish(CorpusSummary(documents: docSummaries, manifest: manifest)) }
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
        return report
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
    public static let codeVersion = "gazette-doc-1"
    /// Bump when a sink changes what it writes, so a no-change run does not keep stale output.
    public static let publishVersion = "gazette-publish-2"

    enum Outcome { case processed(ProcessedSummary), rejected(String?, RejectReason) }

    struct ProcessedSummary {
        var sha256: String
        var conversion: String
        var length: Int
        var signature: DedupSignature
        var cacheKey: String
        var path: String
        var fresh: Bool
        /// Kept only when the cache could not store the document.
        var document: Document?
    }

    func processOne(_ f: CorpusFile, id: String, cache: DocumentCache, stamps: [String: DocumentCache.FileStamp],
                    configHash: String, newStamps: StampBox, useCache: Bool = true) -> Outcome {
        if let p = f.problem { return .rejected(nil, p) }
        let ext = f.path.lowercased()
        guard config.ingest.extensions.contains(where: { ext.hasSuffix("." + $0) }) else {
            return .rejected(nil, RejectReason("unsupported-type", "file type not taken as input (expected \(config.ingest.extensions.joined(separator: ", ")))"))
        }
        // Known unchanged file with a valid cache entry: no read at all.
        if let s = stamps[f.path], s.size == f.size, s.mtime == f.mtimeNanos {
            let key = DocumentCache.key(sha256: s.sha256, id: id, configHash: configHash)
            if let hit = cache.load(key) {
                newStamps.set(f.path, s)
                return .processed(summary(hit, key: key, path: f.path, fresh: false))
            }
        }
        let bytes: [UInt8]
        do {
            if f.size > config.ingest.maxFileBytes {
                throw RejectReason("too-large", "\(f.size) bytes is over the limit of \(config.ingest.maxFileBytes)")
            }
            bytes = try processor.ingester.readBytes(f.url)
        } catch let r as RejectReason { return .rejected(nil, r) } catch { return .rejected(nil, RejectReason("unreadable", "\(error)")) }
        let sha = SHA256Digest.hex(bytes)
        newStamps.set(f.path, DocumentCache.FileStamp(size: f.size, mtime: f.mtimeNanos, sha256: sha))
        let key = DocumentCache.key(sha256: sha, id: id, configHash: configHash)
        if useCache, let hit = cache.load(key) { return .processed(summary(hit, key: key, path: f.path, fresh: false)) }
        do {
            let ingested = try processor.ingester.ingest(bytes: bytes, path: f.path, sha256: sha)
            let doc = try processor.process(ingested: ingested, id: id)
            let processed = ProcessedDocument(document: doc, signature: DedupSignature.make(for: doc, settings: config.dedup))
            var s = summary(processed, key: key, path: f.path, fresh: true)
            // Decoding the entry back only to check it cost a full JSON decode per document;
            // the entry's checksum is verified when publish reads it anyway.
            if !cache.store(processed, key: key) { s.document = doc }
            return .processed(s)
        } catch let r as RejectReason {
            return .rejected(sha, r)
        } catch {
            return .rejected(sha, RejectReason("internal", "\(error)"))
        }
    }

    func summary(_ p: ProcessedDocument, key: String, path: String, fresh: Bool) -> ProcessedSummary {
        // A cached signature made with other dedup parameters is recomputed from the cached document.
        let signature = p.signature.parameters == config.dedup.signatureFingerprint ? p.signature
            : DedupSignature.make(for: p.document, settings: config.dedup)
        return ProcessedSummary(sha256: p.document.source.sha256, conversion: p.document.source.conversion,
                                length: p.document.text.unicodeScalars.count, signature: signature, cacheKey: key, path: path, fresh: fresh)
    }
}

/// A publishing step could not complete (exit 4); Output/ is left as it was.
public struct PublishFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

/// Thrown when a signal asked the run to stop; Output/ is left as it was.
public struct RunCancelled: Error, CustomStringConvertible {
    public var description: String { "the run was interrupted; Output/ is unchanged" }
}

/// A flag set from a signal handler and read by worker threads.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    public init() {}
    public var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    public func set() { lock.lock(); value = true; lock.unlock() }
}

final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
}

final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [PipelineRunner.Outcome?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: PipelineRunner.Outcome) { lock.lock(); values[i] = o; lock.unlock() }
}

final class StampBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var stamps: [String: DocumentCache.FileStamp] = [:]
    func set(_ path: String, _ s: DocumentCache.FileStamp) { lock.lock(); stamps[path] = s; lock.unlock() }
}

/// Writes manifest.json deterministically (sorted keys) apart from the run section's timings.
public enum ManifestWriter {
    public static func write(_ m: Manifest, to url: URL) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try enc.encode(m).write(to: url)
    }
}
