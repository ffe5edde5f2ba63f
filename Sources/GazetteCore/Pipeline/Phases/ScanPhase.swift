import Foundation
import GazetteModel

/// What the scan phase found: every entry under the corpus with its document id, the
/// stamps of the last run, and the hashes that key the cache and the no-change check.
struct ScannedCorpus {
    var files: [CorpusFile]
    var ids: [String]
    var cache: DocumentCache
    /// Stamps (size, mtime, SHA-256) of the files the last run read; empty with `--full`.
    var stamps: [String: DocumentCache.FileStamp]
    /// Hash of the whole configuration, the classifier's data files included (documents' keys).
    var configHash: String
    /// Hash of what the stages before dedup read (summaries' keys): an edited rule leaves it as it is.
    var prepareHash: String
    /// Everything that shapes Output/ beyond the per-document results.
    var runHash: String
    /// Pages with attachments: page index → attachment indices (`AttachmentLinks`).
    var attachments: [Int: [Int]] = [:]
}

extension PipelineRunner {
    /// Scan: list every entry under the corpus (so each ends in the manifest), give it an
    /// id, and work out the hashes this run's cache entries and output are keyed on.
    func scan(versions: [String: String]) throws -> ScannedCorpus {
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            throw ConfigurationError([Diagnostic(id: "corpus-missing", severity: .error, message: "corpus folder \(corpus.path) does not exist",
                                                 suggestion: "create it or pass --corpus")])
        }
        let files = CorpusScanner.scan(corpus, displayRoot: corpus.lastPathComponent)
        let cache = DocumentCache(root: cacheRoot)
        let build = "build=" + BuildIdentity.current
        let configHash = config.hash(extra: [processor.classifier.fingerprint, Self.codeVersion, build])
        // Ingest, clean, normalize and sign read nothing of the classifier's data files: an
        // edited rule leaves every input's summary valid and only structures the canonical copies again.
        let prepareHash = config.hash(extra: ["prepare", Self.codeVersion, build])
        let runHash = SHA256Digest.hex([configHash, "formats=" + config.publish.formats.joined(separator: ","),
                                        "dedup=\(config.dedup)", Self.publishVersion]
                                       .joined(separator: "\n") + versions.sorted { $0.key < $1.key }.map { "\n\($0.key)=\($0.value)" }.joined())
        var scanned = ScannedCorpus(files: files, ids: Self.assignIDs(files), cache: cache, stamps: full ? [:] : cache.loadStamps(),
                                    configHash: configHash, prepareHash: prepareHash, runHash: runHash)
        scanned.attachments = AttachmentLinks.units(files) { [processor, config] f in
            guard f.size <= config.ingest.maxFileBytes, let bytes = try? processor.ingester.readBytes(f.url) else { return nil }
            return Gzip.isGzip(bytes) ? try? Gzip.inflate(bytes, cap: config.ingest.maxInflatedBytes) : bytes
        }
        return scanned
    }

    /// The report of the last run when nothing changed since (same files, same stamps, same
    /// configuration): then there is nothing to do.
    func unchangedSinceLastRun(_ scan: ScannedCorpus) -> RunReport? {
        guard !full, let current = fingerprint(files: scan.files, stamps: scan.stamps, runHash: scan.runHash),
              let old = Self.previousRun(output), old.fingerprint == current else { return nil }
        var report = RunReport(); report.unchanged = true
        report.published = old.published; report.duplicates = old.duplicates
        report.rejected = old.rejected
        progress.log("nothing changed since the last run (\(scan.files.count) inputs); Output/ left as it is")
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
}
