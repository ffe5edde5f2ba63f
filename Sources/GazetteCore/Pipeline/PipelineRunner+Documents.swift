import Foundation
import GazetteModel

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

    init(files: [CorpusFile], ids: [String], cache: DocumentCache, prepareHash: String, configHash: String, useCache: Bool,
         preparedBudget: Int, documentBudget: Int) {
        self.files = files; self.ids = ids; self.cache = cache
        self.prepareHash = prepareHash; self.configHash = configHash; self.useCache = useCache
        held = HeldValues(budget: preparedBudget)
        documents = HeldValues(budget: documentBudget)
    }

    /// Of the inputs with the same normalized text, the one held and its dedup candidate.
    private var heldByText: [String: (index: Int, candidate: DedupCandidate)] = [:]
    private let heldLock = NSLock()

    /// Holds input `i` for the complete stage unless an input with the same normalized text
    /// that the canonical-copy rule prefers is held already (then at most one of them is
    /// structured, and it is that one): the budget goes to distinct texts, so fewer
    /// canonical copies are read and prepared a second time.
    func hold(_ i: Int, _ input: StructureInput, candidate: DedupCandidate, bytes: Int) {
        heldLock.lock(); defer { heldLock.unlock() }
        let text = candidate.signature.textHash
        if let current = heldByText[text] {
            guard Deduplicator.preferred(candidate, current.candidate) else { return }
            _ = held.take(current.index)
            heldByText[text] = nil
        }
        if held.offer(i, input, bytes: bytes) { heldByText[text] = (i, candidate) }
    }
}

extension PipelineRunner {
    enum Outcome { case prepared(Prepared), rejected(String?, RejectReason) }

    /// An input that went through prepare: its cache keys and summary.
    struct Prepared {
        /// The summary's key.
        var key: String
        /// The structured document's key (under the whole configuration).
        var documentKey: String
        var summary: PreparedSummary
        /// True when this run did any stage's work for it (rather than the cache).
        var fresh: Bool
    }

    enum Completion { case done(ClauseSignatures, fresh: Bool), failed(RejectReason) }

    /// Ingest, clean, normalize and sign input `i`, or take its summary from the cache.
    func prepareOne(_ i: Int, job: RunJob, stamps: [String: DocumentCache.FileStamp]) -> Outcome {
        let f = job.files[i]
        if let p = f.problem { return .rejected(nil, p) }
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

    /// Structure and classify a canonical copy (or find it in the cache), returning its clause signatures.
    func completeOne(_ i: Int, prepared p: Prepared, job: RunJob) -> Completion {
        if p.summary.isStructured(as: p.documentKey) && job.useCache && job.cache.hasValidDocument(p.documentKey) {
            _ = job.held.take(i)
            return .done(p.summary.signature.clauses, fresh: false)
        }
        let input: StructureInput
        if let held = job.held.take(i) {
            input = held
        } else {
            // Not kept in memory (over budget, or a cached input that was a duplicate until
            // now): read and prepare it again, provided the file is still what was signed.
            let f = job.files[i]
            do {
                let bytes = try read(f)
                let sha = SHA256Digest.hex(bytes)
                guard sha == p.summary.sha256 else {
                    throw RejectReason("changed-during-run", "the file changed while the run was reading it; the next run takes it")
                }
                input = try prepare(bytes: bytes, sha256: sha, file: f, id: job.ids[i])
            } catch let r as RejectReason { return .failed(r) } catch {
                return .failed(RejectReason("unreadable", "\(error)"))
            }
        }
        let doc = processor.complete(input)
        let clauses = ClauseSignatures.make(for: doc, settings: config.dedup)
        if job.cache.store(ProcessedDocument(document: doc, clauses: clauses), key: p.documentKey) {
            var summary = p.summary
            summary.signature.clauses = clauses
            summary.structuredKey = p.documentKey
            job.cache.storeSummary(summary, key: p.key)
            job.documents.offer(doc.id, doc, bytes: Self.heldBytes(doc))
        } else {
            // The cache could not take it: publish must have it from memory.
            job.documents.force(doc.id, doc, bytes: Self.heldBytes(doc))
        }
        return .done(clauses, fresh: true)
    }

    func read(_ f: CorpusFile) throws -> [UInt8] {
        if f.size > config.ingest.maxFileBytes {
            throw RejectReason("too-large", "\(f.size) bytes is over the limit of \(config.ingest.maxFileBytes)")
        }
        return try processor.ingester.readBytes(f.url)
    }

    func prepare(bytes: [UInt8], sha256: String, file f: CorpusFile, id: String) throws -> StructureInput {
        try processor.prepare(ingested: processor.ingester.ingest(bytes: bytes, path: f.path, sha256: sha256), id: id)
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
