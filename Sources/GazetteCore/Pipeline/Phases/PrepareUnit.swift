import Foundation
import GazetteModel

/// What became of one attachment of a page, kept in the page's summary so that every file
/// is accounted for in the manifest even when the summary comes from the cache.
struct UnitMember: Equatable {
    var path: String
    /// "body", "appendix", "same text as the page", or nil when the file was rejected.
    var role: String?
    var rejection: RejectReason?

    var encoded: String {
        if let r = rejection { return [path, "rejected", r.code, r.detail].joined(separator: "\u{1F}") }
        return [path, role ?? ""].joined(separator: "\u{1F}")
    }

    init(path: String, role: String) { self.path = path; self.role = role }
    init(path: String, rejection: RejectReason) { self.path = path; self.rejection = rejection }

    init?(encoded: String) {
        let p = encoded.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        if p.count == 4, p[1] == "rejected" { self.init(path: p[0], rejection: RejectReason(p[2], p[3])) }
        else if p.count == 2 { self.init(path: p[0], role: p[1]) }
        else { return nil }
    }

    static func == (a: UnitMember, b: UnitMember) -> Bool { a.encoded == b.encoded }
}

/// A page and its attachments read from disk: the unit's hash (of every member's bytes),
/// the prepared input and what became of each attachment.
struct ReadUnit {
    var hash: String
    var input: StructureInput
    var members: [UnitMember]
}

extension PipelineRunner {
    /// The hash a page with attachments is cached and deduplicated under: of every member's
    /// SHA-256 in order, so a changed attachment makes the document anew.
    static func unitHash(_ shas: [String]) -> String {
        shas.count == 1 ? shas[0] : SHA256Digest.hex("unit\n" + shas.joined(separator: "\n"))
    }

    /// Prepare for a page with attachments (`ScannedCorpus.attachments`): taken from the
    /// cache when every member's stamp is known and unchanged, else read and assembled.
    func prepareUnit(_ i: Int, members: [Int], job: RunJob, stamps: [String: DocumentCache.FileStamp]) -> Outcome {
        let all = [i] + members
        let known = all.compactMap { k -> DocumentCache.FileStamp? in
            let f = job.files[k]
            guard let s = stamps[f.path], s.size == f.size, s.mtime == f.mtimeNanos else { return nil }
            return s
        }
        if known.count == all.count {
            let (key, documentKey) = Self.cacheKeys(sha256: Self.unitHash(known.map(\.sha256)), id: job.ids[i], job: job)
            if let hit = cachedSummary(key, job: job) {
                for (k, s) in zip(all, known) { job.newStamps.set(job.files[k].path, s) }
                return .prepared(Prepared(key: key, documentKey: documentKey, summary: hit, fresh: false))
            }
        }
        do {
            let unit = try readUnit(i, members: members, job: job, recordStamps: true)
            let (key, documentKey) = Self.cacheKeys(sha256: unit.hash, id: job.ids[i], job: job)
            if let hit = cachedSummary(key, job: job) { return .prepared(Prepared(key: key, documentKey: documentKey, summary: hit, fresh: false)) }
            InFlight.stage(.sign)
            var summary = PreparedSummary(sha256: unit.hash, conversion: unit.input.source.conversion,
                                          length: SimpleText.scalarCount(unit.input.normalized.text),
                                          signature: DedupSignature.document(text: unit.input.normalized.text, settings: config.dedup,
                                                                             script: unit.input.source.script),
                                          structuredKey: "")
            summary.members = unit.members.map(\.encoded)
            job.cache.storeSummary(summary, key: key)
            job.hold(i, unit.input, candidate: DedupCandidate(id: job.ids[i], path: job.files[i].path, sha256: unit.hash,
                                                              conversion: summary.conversion, length: summary.length,
                                                              signature: summary.signature),
                     bytes: Self.heldBytes(unit.input))
            return .prepared(Prepared(key: key, documentKey: documentKey, summary: summary, fresh: true))
        } catch let r as RejectReason {
            return .rejected(nil, r)
        } catch {
            return .rejected(nil, RejectReason("internal", "\(error)"))
        }
    }

    /// Reads and ingests the page and each attachment (a file that cannot be read is
    /// recorded as rejected and the document made of the others), then assembles them.
    func readUnit(_ i: Int, members: [Int], job: RunJob, recordStamps: Bool) throws -> ReadUnit {
        var shas: [String] = [], ingested: [Int: IngestedText] = [:], failures: [Int: RejectReason] = [:]
        for k in [i] + members {
            let f = job.files[k]
            InFlight.stage(.ingest)
            do {
                let bytes = try read(f)
                let sha = SHA256Digest.hex(bytes)
                shas.append(sha)
                if recordStamps { job.newStamps.set(f.path, DocumentCache.FileStamp(size: f.size, mtime: f.mtimeNanos, sha256: sha)) }
                do { ingested[k] = try processor.ingester.ingest(bytes: bytes, path: f.path, sha256: sha) } catch let r as RejectReason { failures[k] = r }
            } catch let r as RejectReason {
                shas.append("unread:" + r.code); failures[k] = r
            }
        }
        let unit = IngestedUnit(page: ingested[i], attachments: members.compactMap { ingested[$0] })
        if let r = failures[i], unit.attachments.isEmpty { throw r }
        let (input, roles) = try processor.prepare(unit: unit, id: job.ids[i])
        let role = Dictionary(roles.map { ($0.path, $0.role) }, uniquingKeysWith: { a, _ in a })
        let list = members.map { k -> UnitMember in
            let path = job.files[k].path
            if let r = failures[k] { return UnitMember(path: path, rejection: r) }
            if let r = role[path] { return UnitMember(path: path, role: r) }
            return UnitMember(path: path, rejection: RejectReason("no-chinese-text", "the attachment holds no Chinese text"))
        }
        return ReadUnit(hash: Self.unitHash(shas), input: input, members: list)
    }
}
