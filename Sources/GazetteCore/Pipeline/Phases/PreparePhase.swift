import Foundation
import GazetteModel
import GazetteOutput

/// What one run shares across its worker threads.
final class RunJob: @unchecked Sendable {
    let files: [CorpusFile]
    let ids: [String]
    let cache: DocumentCache
    /// Hash of what the stages before dedup read (summaries' keys).
    let prepareHash: String
    /// Hash of the whole configuration, the classifier's data files included (documents' keys).
    let configHash: String
    let useCache: Bool
    let newStamps = StampBox()
    /// Prepared inputs (by file index) waiting for the complete stage.
    let held: HeldValues<Int, StructureInput>
    /// Structured documents (by id) waiting for publish.
    let documents: HeldValues<String, Document>
    /// Which copy of each text dedup will keep; nil when the run does not deduplicate.
    let sameText: SameTextPreference?
    /// Every prepared input's sample and clause signatures, out of memory until read.
    let signatures: SignatureSpill
    /// Pages with attachments (page index → attachment indices) and each attachment's page.
    var attachments: [Int: [Int]] = [:] { didSet { pageOf = Dictionary(attachments.flatMap { p, a in a.map { ($0, p) } }, uniquingKeysWith: min) } }
    private(set) var pageOf: [Int: Int] = [:]
    private let holdLock = NSLock()

    init(files: [CorpusFile], ids: [String], cache: DocumentCache, prepareHash: String, configHash: String, useCache: Bool,
         preparedBudget: Int, documentBudget: Int, sameText: SameTextPreference?, spill: URL?) {
        self.files = files; self.ids = ids; self.cache = cache
        self.prepareHash = prepareHash; self.configHash = configHash; self.useCache = useCache
        held = HeldValues(budget: preparedBudget)
        documents = HeldValues(budget: documentBudget)
        self.sameText = sameText
        signatures = SignatureSpill(folder: spill)
    }

    /// Holds input `i` for the complete stage, within the budget, unless dedup prefers
    /// another input with the same normalized text (then at most one of them is held, the
    /// one that will be structured), so fewer canonical copies are read a second time.
    func hold(_ i: Int, _ input: StructureInput, candidate: DedupCandidate, bytes: Int) {
        holdLock.lock(); defer { holdLock.unlock() }
        if let sameText {
            let (preferred, displaced) = sameText.offer(i, candidate)
            guard preferred else { return }
            if let displaced { _ = held.take(displaced) }
            if !held.offer(i, input, bytes: bytes) { sameText.withdraw(i, candidate) }
        } else {
            held.offer(i, input, bytes: bytes)
        }
    }
}

/// What the prepare phase made of every input: a summary (or why it was rejected), by file index.
struct PreparedCorpus {
    var job: RunJob
    var outcomes: [PipelineRunner.Outcome?]
}

extension PipelineRunner {
    /// What prepare made of one file: a summary, a rejection (with the file's hash when it
    /// was read), or — for an attachment — the page whose document it is part of.
    enum Outcome { case prepared(Prepared), rejected(String?, RejectReason), attachment(of: Int) }

    /// An input that went through prepare: its cache keys and summary.
    struct Prepared {
        /// The summary's key.
        var key: String
        /// The structured document's key (under the whole configuration).
        var documentKey: String
        var summary: PreparedSummary
        /// True when this run did any stage's work for it (rather than the cache).
        var fresh: Bool
        /// True when this run structured it (rather than classifying its cached structure).
        var structuredAnew = false
        /// Where the summary's sample and clause signatures went (`SignatureSpill`); nil
        /// while they are in `summary`.
        var spilled: SignatureSpill.Refs? = nil
    }

    /// Prepare: ingest, clean, normalize and sign every input on all cores, or take its
    /// summary from the cache; the new file stamps are stored for the next run.
    func prepare(_ scan: ScannedCorpus) throws -> PreparedCorpus {
        progress.stage("prepare", total: scan.files.count)
        let job = RunJob(files: scan.files, ids: scan.ids, cache: scan.cache, prepareHash: scan.prepareHash, configHash: scan.configHash,
                         useCache: !full, preparedBudget: preparedBudget, documentBudget: documentBudget,
                         sameText: config.runs("dedup") ? SameTextPreference() : nil, spill: cacheRoot)
        job.attachments = scan.attachments
        let stamps = scan.stamps
        let prepared = ResultBox<Outcome>(count: scan.files.count)
        crashes.load(cacheRoot: cacheRoot)
        ParallelLoop.run(count: scan.files.count, workers: workers, cancellation: cancellation) { [self] i in
            FaultPoint.pause("process")
            let outcome = InFlight.document(scan.files[i].path, .prepare) { prepareOne(i, job: job, stamps: stamps) }
            prepared.set(i, job.signatures.stash(outcome))
            progress.advance(1)
        }
        progress.finishStage()
        if cancellation.isSet { throw RunCancelled() }
        scan.cache.storeStamps(job.newStamps.stamps)
        crashes.store(cacheRoot: cacheRoot)
        afterPrepare?()
        return PreparedCorpus(job: job, outcomes: prepared.values)
    }

    /// Ingest, clean, normalize and sign input `i`, or take its summary from the cache.
    func prepareOne(_ i: Int, job: RunJob, stamps: [String: DocumentCache.FileStamp]) -> Outcome {
        let f = job.files[i]
        if let p = f.problem { return .rejected(nil, p) }
        if let page = job.pageOf[i] { return .attachment(of: page) }
        if let crashed = crashRejection(i, job: job, stamps: stamps) { return crashed }
        if let members = job.attachments[i] { return prepareUnit(i, members: members, job: job, stamps: stamps) }
        let ext = f.path.lowercased()
        guard config.ingest.extensions.contains(where: { ext.hasSuffix("." + $0) }) else {
            return .rejected(nil, RejectReason("unsupported-type", "file type not taken as input (expected \(config.ingest.extensions.joined(separator: ", ")))"))
        }
        // Known unchanged file with a valid cache entry: no read at all.
        if let s = stamps[f.path], s.size == f.size, s.mtime == f.mtimeNanos {
            let (key, documentKey) = Self.cacheKeys(sha256: s.sha256, id: job.ids[i], job: job)
            if let hit = cachedSummary(key, job: job) {
                job.newStamps.set(f.path, s)
                return .prepared(Prepared(key: key, documentKey: documentKey, summary: hit, fresh: false))
            }
        }
        let bytes: [UInt8]
        do { bytes = try read(f) } catch let r as RejectReason { return .rejected(nil, r) } catch {
            return .rejected(nil, RejectReason("unreadable", "\(error)"))
        }
        let sha = SHA256Digest.hex(bytes)
        job.newStamps.set(f.path, DocumentCache.FileStamp(size: f.size, mtime: f.mtimeNanos, sha256: sha))
        let (key, documentKey) = Self.cacheKeys(sha256: sha, id: job.ids[i], job: job)
        if let hit = cachedSummary(key, job: job) { return .prepared(Prepared(key: key, documentKey: documentKey, summary: hit, fresh: false)) }
        do {
            let input = try prepare(bytes: bytes, sha256: sha, file: f, id: job.ids[i])
            InFlight.stage(.sign)
            let summary = PreparedSummary(sha256: sha, conversion: input.source.conversion,
                                          length: SimpleText.scalarCount(input.normalized.text),
                                          signature: DedupSignature.document(text: input.normalized.text, settings: config.dedup,
                                                                             script: input.source.script),
                                          structuredKey: "")
            job.cache.storeSummary(summary, key: key)
            job.hold(i, input, candidate: DedupCandidate(id: job.ids[i], path: f.path, sha256: sha, conversion: summary.conversion,
                                                         length: summary.length, signature: summary.signature),
                     bytes: Self.heldBytes(input))
            return .prepared(Prepared(key: key, documentKey: documentKey, summary: summary, fresh: true))
        } catch let r as RejectReason {
            return .rejected(sha, r)
        } catch {
            return .rejected(sha, RejectReason("internal", "\(error)"))
        }
    }

    func read(_ f: CorpusFile) throws -> [UInt8] {
        if f.size > config.ingest.maxFileBytes {
            throw RejectReason("too-large", "\(f.size) bytes is over the limit of \(config.ingest.maxFileBytes)")
        }
        return try processor.ingester.readBytes(f.url)
    }

    func prepare(bytes: [UInt8], sha256: String, file f: CorpusFile, id: String) throws -> StructureInput {
        InFlight.stage(.ingest)
        return try processor.prepare(ingested: processor.ingester.ingest(bytes: bytes, path: f.path, sha256: sha256), id: id)
    }

    /// The keys of an input's summary (what prepare made of it: not the classifier's concern)
    /// and of its structured document (classified with this run's data files).
    static func cacheKeys(sha256: String, id: String, job: RunJob) -> (summary: String, document: String) {
        (DocumentCache.key(sha256: sha256, id: id, configHash: job.prepareHash),
         DocumentCache.key(sha256: sha256, id: id, configHash: job.configHash))
    }

    /// A cached summary made with this run's dedup parameters.
    func cachedSummary(_ key: String, job: RunJob) -> PreparedSummary? {
        guard job.useCache, let s = job.cache.loadSummary(key), s.signature.parameters == config.dedup.signatureFingerprint else { return nil }
        return s
    }

    /// Rough memory held by a prepared input or a document (UTF-8 text plus its source-script copy).
    static func heldBytes(_ input: StructureInput) -> Int {
        input.normalized.text.utf8.count + (input.source.conversion == "none" ? 0 : input.normalized.original.utf8.count) + 1024
    }

    static func heldBytes(_ doc: Document) -> Int {
        doc.text.utf8.count * 3 + 4096
    }
}
