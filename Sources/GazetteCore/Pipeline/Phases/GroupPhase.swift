import Foundation
import GazetteModel
import GazetteOutput

/// What group and complete leave: which inputs are copies of which, and where the clause
/// signatures of every canonical copy that was structured are in the run's signature
/// spill (by file index).
struct GroupedCorpus {
    var dedup = DedupResult()
    var completed: [Int: SpillFile.Ref] = [:]
}

extension PipelineRunner {
    enum Completion { case done(SpillFile.Ref, fresh: Bool, structuredAnew: Bool = false), failed(RejectReason) }

    /// Group, then complete the canonical copies. A canonical copy that cannot be completed
    /// (its file vanished or changed since it was read) is rejected and the grouping done
    /// again without it, so no duplicate points at a missing document.
    func groupAndComplete(_ prepared: inout PreparedCorpus) throws -> GroupedCorpus {
        var grouped = GroupedCorpus()
        while true {
            grouped.dedup = group(prepared)
            if try !complete(&prepared, grouped: &grouped) { return grouped }
        }
    }

    /// Group: every prepared input's signature against the others (dedup needs all of
    /// them, hence after prepare). Without the dedup stage every input stands alone.
    func group(_ prepared: PreparedCorpus) -> DedupResult {
        guard config.runs("dedup") else { return DedupResult() }
        let job = prepared.job
        var candidates: [DedupCandidate] = [], held: [Prepared] = []
        for (i, o) in prepared.outcomes.enumerated() {
            if case .prepared(let s)? = o {
                candidates.append(DedupCandidate(id: job.ids[i], path: job.files[i].path, sha256: s.summary.sha256,
                                                 conversion: s.summary.conversion, length: s.summary.length, signature: s.summary.signature))
                held.append(s)
            }
        }
        progress.stage("dedup", total: 1)
        // Samples are read back from the spill only for the pairs that are compared.
        let result = Deduplicator(settings: config.dedup).group(candidates) { job.signatures.sample(held[$0]) }
        progress.advance(1); progress.finishStage()
        return result
    }

    /// Complete: structure and classify the canonical copies not completed yet, on all
    /// cores (duplicates are listed, never published, so the two costliest stages skip
    /// them). Returns true when one of them failed and was rejected.
    func complete(_ prepared: inout PreparedCorpus, grouped: inout GroupedCorpus) throws -> Bool {
        let job = prepared.job, dedup = grouped.dedup
        let completed = grouped.completed
        let canonical: [(index: Int, prepared: Prepared)] = prepared.outcomes.enumerated().compactMap { i, o in
            guard case .prepared(let s)? = o, dedup.canonicalOf[job.ids[i]] == nil, completed[i] == nil else { return nil }
            return (i, s)
        }
        job.held.retain { i in dedup.canonicalOf[job.ids[i]] == nil }
        progress.stage("structure", total: canonical.count)
        let done = ResultBox<Completion>(count: canonical.count)
        ParallelLoop.run(count: canonical.count, workers: workers, cancellation: cancellation) { [self] k in
            let i = canonical[k].index
            done.set(k, InFlight.document(job.files[i].path, .structure) { completeOne(i, prepared: canonical[k].prepared, job: job) })
            progress.advance(1)
        }
        progress.finishStage()
        if cancellation.isSet { throw RunCancelled() }
        var failed = false
        for (k, (i, p)) in canonical.enumerated() {
            switch done.values[k] {
            case .done(let clauses, let fresh, let structuredAnew)?:
                grouped.completed[i] = clauses
                if fresh { var s = p; s.fresh = true; s.structuredAnew = structuredAnew; prepared.outcomes[i] = .prepared(s) }
            case .failed(let reason)?:
                prepared.outcomes[i] = .rejected(p.summary.sha256, reason); failed = true
            case nil: continue
            }
        }
        return failed
    }

    /// Link: clauses of the published documents to similar clauses elsewhere (needs every
    /// canonical copy's clause signatures, hence after complete). Then what is left of the
    /// signatures in memory (each input's MinHash; the rest is in `SignatureSpill`) has
    /// served and is dropped before publishing.
    func link(_ grouped: inout GroupedCorpus, _ prepared: inout PreparedCorpus) {
        // The signatures are read from the spill as the linker needs them, not held; what
        // structure freed is given back first.
        ProcessMemory.releaseFreed()
        let job = prepared.job
        let published = grouped.completed.sorted { $0.key < $1.key }
        grouped.completed = [:]
        if config.runs("dedup") {
            Deduplicator(settings: config.dedup).linkClauses(ids: published.map { job.ids[$0.key] },
                                                             signatures: { job.signatures.clauses(at: published[$0].value) },
                                                             into: &grouped.dedup, spill: cacheRoot)
        }
        Self.dropSignatures(&prepared.outcomes)
        ProcessMemory.releaseFreed()
    }

    /// Structure and classify a canonical copy (or find it in the cache), returning its clause signatures.
    func completeOne(_ i: Int, prepared p: Prepared, job: RunJob) -> Completion {
        if p.summary.isStructured(as: p.documentKey) && job.useCache && job.cache.hasValidDocument(p.documentKey) {
            _ = job.held.take(i)
            job.cache.keepStructured(p.key)
            return .done(job.signatures.clauseRef(p), fresh: false)
        }
        // Classified under other rules: classify the structured document again, without the input.
        if job.useCache, let structured = job.cache.loadStructured(p.key) {
            _ = job.held.take(i)
            return finish(i, structured: structured, prepared: p, job: job)
        }
        let input: StructureInput
        if let held = job.held.take(i) {
            input = held
        } else {
            // Not kept in memory (over budget, or a cached input that was a duplicate until
            // now): read and prepare it again, provided the file is still what was signed.
            let f = job.files[i]
            do {
                if let members = job.attachments[i] {
                    let unit = try readUnit(i, members: members, job: job, recordStamps: false)
                    guard unit.hash == p.summary.sha256 else {
                        throw RejectReason("changed-during-run", "the page or an attachment changed while the run was reading it; the next run takes it")
                    }
                    return finish(i, unit.input, prepared: p, job: job)
                }
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
        return finish(i, input, prepared: p, job: job)
    }

    /// Structures `input` and caches the structured document (under the summary's key,
    /// which no classifier data file changes), then classifies it (`finish(_:structured:)`).
    func finish(_ i: Int, _ input: StructureInput, prepared p: Prepared, job: RunJob) -> Completion {
        InFlight.stage(.structure)
        let structured = processor.structurer.structure(input)
        job.cache.storeStructured(structured, key: p.key)
        guard case .done(let clauses, let fresh, _) = finish(i, structured: structured, prepared: p, job: job) else {
            preconditionFailure("classifying never fails")
        }
        return .done(clauses, fresh: fresh, structuredAnew: true)
    }

    /// Classifies a structured document, caches the result and holds it for publish.
    func finish(_ i: Int, structured: Document, prepared p: Prepared, job: RunJob) -> Completion {
        let doc = processor.classify(structured)
        InFlight.stage(.sign)
        let clauses = ClauseSignatures.make(for: doc, settings: config.dedup)
        if job.cache.store(ProcessedDocument(document: doc, clauses: clauses), key: p.documentKey) {
            var summary = job.signatures.restored(p)
            summary.signature.clauses = clauses
            summary.structuredKey = p.documentKey
            job.cache.storeSummary(summary, key: p.key)
            job.documents.offer(doc.id, doc, bytes: Self.heldBytes(doc))
        } else {
            // The cache could not take it: publish must have it from memory.
            job.documents.force(doc.id, doc, bytes: Self.heldBytes(doc))
        }
        return .done(job.signatures.stash(clauses), fresh: true)
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
}
