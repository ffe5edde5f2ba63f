import Foundation
import GazetteModel
import GazetteOutput

/// Every input's manifest entry, the run's report and the cache key of each published document.
struct RunRecords {
    var inputs: [InputRecord] = []
    var report = RunReport()
    /// Published document id → its structured document's cache key.
    var documentKeys: [String: String] = [:]
    /// The published document ids, in the order they are written.
    var published: [String] { inputs.filter { $0.status == .published }.compactMap(\.document).sorted() }
}

/// One published document made ready by the read-ahead: the document with each sink's
/// prepared part and the hashes of its final form (`PublishLedger.hashes`), or why it could not be.
enum PublishItem { case ready(Document, [Data?], hash: PublishLedger.Hashes), failed(Error) }

extension PipelineRunner {
    /// Record: one manifest entry per input — published, duplicate (of which document) or
    /// rejected (why) — so every input is accounted for; an attachment is recorded with the
    /// document of its page and what it became there.
    func record(_ scan: ScannedCorpus, _ prepared: PreparedCorpus, _ dedup: DedupResult) -> RunRecords {
        var r = RunRecords()
        let stamps = prepared.job.newStamps.stamps
        for (i, f) in scan.files.enumerated() {
            switch prepared.outcomes[i] {
            case .prepared(let s)?:
                // A page with attachments is summarised under the hash of all its files: the manifest gives its own.
                let sha = stamps[f.path]?.sha256 ?? s.summary.sha256
                if let canon = dedup.canonicalOf[scan.ids[i]] {
                    r.inputs.append(InputRecord(path: f.path, sha256: sha, status: .duplicate, reason: "same document as \(canon)", document: canon))
                    r.report.duplicates += 1
                } else {
                    r.inputs.append(InputRecord(path: f.path, sha256: sha, status: .published, document: scan.ids[i]))
                    r.documentKeys[scan.ids[i]] = s.documentKey
                    r.report.published += 1
                }
                if s.fresh { r.report.reprocessed += 1 }
                if s.structuredAnew { r.report.restructured += 1 }
            case .attachment(let page)?:
                recordAttachment(f, page: page, scan, prepared, dedup, into: &r)
            case .rejected(let sha, let reason)?:
                r.inputs.append(InputRecord(path: f.path, sha256: sha, status: .rejected, reason: reason.description))
                r.report.rejected.append((f.path, reason.description))
            case nil:
                r.inputs.append(InputRecord(path: f.path, sha256: nil, status: .rejected, reason: "internal: not processed"))
                r.report.rejected.append((f.path, "internal: not processed"))
            }
        }
        progress.log("\(r.report.reprocessed) of \(scan.files.count) inputs processed anew, the rest taken from the cache")
        return r
    }

    /// An attachment's entry: its page's document (published or a duplicate, as the page is)
    /// with what the attachment became in it, or its own rejection.
    func recordAttachment(_ f: CorpusFile, page: Int, _ scan: ScannedCorpus, _ prepared: PreparedCorpus, _ dedup: DedupResult,
                          into r: inout RunRecords) {
        let sha = prepared.job.newStamps.stamps[f.path]?.sha256
        let pagePath = scan.files[page].path
        var member: UnitMember? = nil
        if case .prepared(let s)? = prepared.outcomes[page] {
            member = s.summary.members.compactMap(UnitMember.init(encoded:)).first { $0.path == f.path }
        }
        guard let member, let role = member.role else {
            let reason = member?.rejection?.description ?? "attachment of \(pagePath), which was rejected"
            r.inputs.append(InputRecord(path: f.path, sha256: sha, status: .rejected, reason: reason))
            r.report.rejected.append((f.path, reason))
            return
        }
        let id = scan.ids[page]
        let reason = "attachment of \(pagePath): \(role)"
        if let canon = dedup.canonicalOf[id] {
            r.inputs.append(InputRecord(path: f.path, sha256: sha, status: .duplicate, reason: reason, document: canon))
        } else {
            r.inputs.append(InputRecord(path: f.path, sha256: sha, status: .published, reason: reason, document: id))
        }
    }

    /// Publish: the sinks stream the canonical documents into a staging folder, which is
    /// swapped in for Output/ only when every sink and the manifest are written.
    func publish(_ records: RunRecords, _ scan: ScannedCorpus, _ prepared: PreparedCorpus, _ dedup: DedupResult,
                 versions: [String: String], timings: inout PhaseTimings) throws {
        let staging = StagingArea(output: output)
        try staging.prepare()
        do {
            let published = records.published
            progress.stage("publish", total: published.count)
            let ledger = full ? nil : PublishLedger.current(cache: cacheRoot, output: output, sinks: sinksHash(versions))
            for s in sinks {
                s.use(PublishContext(state: cacheRoot.appendingPathComponent("publish/" + s.name),
                                     previous: ledger.map { .init(output: output, fingerprint: $0.output) }))
                try s.begin(staging: staging.staging)
            }
            try FaultPoint.check("publish-write")
            // Sinks with heavy ordered work write and finish on threads of their own; on any
            // failure they are stopped (before the staging folder is abandoned).
            let threads = sinks.map { $0.ownThread ? SinkThread($0, capacity: 64) : nil }
            defer { for t in threads { t?.cancel() } }
            let written = try writeDocuments(published, records, prepared.job, dedup, threads: threads,
                                             reuse: ledger.map { ($0, staging.staging) })
            let summaries = written.summaries
            timings.end("publish")
            var manifest = self.manifest(records, summaries, scan: scan, stamps: prepared.job.newStamps.stamps, versions: versions)
            let corpus = CorpusSummary(documents: summaries, manifest: manifest)
            for t in threads { try t?.submit(.finish(corpus)) }
            for (s, t) in zip(sinks, threads) where t == nil { try s.finish(corpus) }
            for t in threads { try t?.wait() }
            timings.end("finish")
            manifest.run.timings = timings.total()
            manifest.run.memory = timings.memory(budgetMiB: config.memoryBudgetMiB)
            try ManifestWriter.write(manifest, to: staging.staging.appendingPathComponent("manifest.json"))
            progress.finishStage()
            FaultPoint.pause("publish")
            try FaultPoint.check("before-commit")
            if cancellation.isSet { throw RunCancelled() }   // a signal during the last writes: stop before the swap
            try beforeCommit?()
            try staging.commit()
            if let fingerprint = manifest.run.fingerprint {
                PublishLedger(output: fingerprint, sinks: sinksHash(versions), documents: written.hashes).store(cache: cacheRoot)
            }
            if written.linked > 0 { progress.log("\(written.linked) of \(published.count) documents unchanged: their files linked from the previous Output/") }
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Every published document, read back when not held in memory, given what dedup found
    /// about it and handed to each sink: the per-document work done ahead on all cores, the
    /// ordered writes here. Returns the documents' summaries for the index pages.
    func writeDocuments(_ published: [String], _ records: RunRecords, _ job: RunJob, _ dedup: DedupResult,
                        threads: [SinkThread?], reuse: (ledger: PublishLedger, staging: URL)?) throws -> WrittenDocuments {
        let sinks = self.sinks, keys = records.documentKeys, previous = output
        let linked = AtomicCounter()
        let ahead = ReadAhead<PublishItem>(count: published.count, threads: workers, depth: 4 * workers,
                                            niceness: Self.publishWorkerNiceness) { n in
            let id = published[n]
            guard var doc = job.documents.take(id) ?? keys[id].flatMap({ job.cache.load($0)?.document }) else {
                return .failed(PublishFailure("the processed document \(id) could not be read back from the cache"))
            }
            return InFlight.document(doc.source.path, .publish) {
                dedup.apply(to: &doc)
                let hash = PublishLedger.hashes(doc)
                do {
                    let before = reuse?.ledger.documents[id]
                    // Unchanged since the Output/ being replaced: its own files are linked, not written again.
                    if let reuse, before == hash,
                       PublishLedger.link(sinks.flatMap { $0.documentFiles(id) }, from: previous, to: reuse.staging) {
                        _ = linked.next()
                        return .ready(doc, try sinks.map { try $0.prepareUnchanged(doc) }, hash: hash)
                    }
                    // Only its copies or similar-clause links changed (a new document elsewhere).
                    if reuse != nil, before?.content == hash.content {
                        return .ready(doc, try sinks.map { try $0.prepareLinksChanged(doc) }, hash: hash)
                    }
                    return .ready(doc, try sinks.map { try $0.prepare(doc) }, hash: hash)
                } catch { return .failed(error) }
            }
        }
        defer { ahead.cancel() }
        var written = WrittenDocuments()
        for n in published.indices {
            if cancellation.isSet { throw RunCancelled() }
            // A published document must be written: losing it silently would leave the
            // manifest listing a document that Output/ does not have.
            let item = ahead.take(n)
            if case .failed(let e)? = item { throw e }
            guard case .ready(let doc, let parts, let hash)? = item else {
                throw PublishFailure("the document \(published[n]) was not prepared for publishing")
            }
            try InFlight.document(doc.source.path, .publish) {
                for (k, p) in parts.enumerated() {
                    if let t = threads[k] { try t.submit(.write(doc, p)) } else { try sinks[k].write(doc, prepared: p) }
                }
            }
            written.summaries.append(DocumentSummary(doc))
            written.hashes[doc.id] = hash
            progress.advance(1)
        }
        written.linked = linked.count
        return written
    }

    /// What `writeDocuments` leaves: the summaries for the index pages, the hashes for the
    /// next run's `PublishLedger`, and how many documents' files were linked, not written.
    struct WrittenDocuments {
        var summaries: [DocumentSummary] = []
        var hashes: [String: PublishLedger.Hashes] = [:]
        var linked = 0
    }

    /// Hash of what shapes the published files beyond each document (`PublishLedger.sinks`).
    func sinksHash(_ versions: [String: String]) -> String {
        SHA256Digest.hex((["formats=" + config.publish.formats.joined(separator: ","), Self.publishVersion, BuildIdentity.current]
                          + versions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "\n"))
    }

    /// The manifest: every input's entry (with the warnings of documents an editor should
    /// look at), counts that describe Output/ rather than this run's work (so two runs over
    /// the same input write the same manifest), versions and the no-change fingerprint.
    func manifest(_ records: RunRecords, _ summaries: [DocumentSummary], scan: ScannedCorpus,
                  stamps: [String: DocumentCache.FileStamp], versions: [String: String]) -> Manifest {
        var inputs = records.inputs
        let review = Dictionary(summaries.filter { !$0.quality.warnings.isEmpty }.map { ($0.id, $0.quality.warnings) },
                                uniquingKeysWith: { a, _ in a })
        for k in inputs.indices where inputs[k].status == .published {
            if let w = inputs[k].document.flatMap({ review[$0] }) { inputs[k].warnings = w }
        }
        let counts = ["inputs": scan.files.count, "published": records.report.published, "duplicate": records.report.duplicates,
                      "rejected": records.report.rejected.count, "needs_review": review.count]
        var run = RunInfo(counts: counts, timings: [:], versions: versions, configHash: scan.configHash)
        run.fingerprint = fingerprint(files: scan.files, stamps: stamps, runHash: scan.runHash)
        return Manifest(inputs: inputs, run: run)
    }
}
