import Foundation
import GazetteOutput
import GazetteModel
#if canImport(Glibc)
import Glibc
#endif

/// What the committed Output/ holds, document by document: the hash of each published
/// document's final form (after dedup's copies and clause links), so the next run links
/// the per-document files (`OutputSink.documentFiles`) of the documents that did not
/// change from the old tree into the staging folder instead of rendering and writing them
/// again — after one new file, a rule edit that changes few labels, or a `--full` run of
/// the same corpus.
///
/// Each document has two hashes (`Hashes`): of its content, and of that with its copies and
/// its clauses' links to similar clauses — which a new document elsewhere changes in many
/// documents at once (a new best match), so sinks can update just those (`OutputSink.prepareLinksChanged`).
///
/// Kept in the cache folder (`publish-ledger.tsv`: a header line, then `id TAB hash TAB
/// content hash` lines) and trusted only for the Output/ it was written for: its manifest's
/// fingerprint, and the same publish settings and build (`sinks`). An Output/ replaced or
/// edited by hand since (another fingerprint) or a `--full` run publishes everything.
public struct PublishLedger: Equatable, Sendable {
    /// `run.fingerprint` of the manifest of the Output/ this ledger describes.
    public var output: String
    /// Hash of what shaped the files beyond each document: formats, publish version, build.
    public var sinks: String
    /// Published document id → the hashes of its final form (`hashes(_:)`).
    public var documents: [String: Hashes]

    public init(output: String, sinks: String, documents: [String: Hashes]) {
        self.output = output; self.sinks = sinks; self.documents = documents
    }

    static let fileName = "publish-ledger.tsv"
    static let magic = "gazette-publish-ledger-2"

    /// What a published document was: `content` is the SHA-256 of its binary encoding (every
    /// field any sink reads) without its copies and similar-clause links; `whole` adds those.
    public struct Hashes: Equatable, Sendable {
        public var whole: String
        public var content: String
        public init(whole: String, content: String) { self.whole = whole; self.content = content }
    }

    /// The hashes of a document's final form.
    public static func hashes(_ document: Document) -> Hashes {
        var content = document
        content.duplicates = []
        var links = ""
        for d in document.duplicates { links += "d\t\(d.path)\t\(d.sha256)\t\(d.similarity)\n" }
        for k in content.clauses.indices where !content.clauses[k].similar.isEmpty {
            links += "c\t" + content.clauses[k].id
            for s in content.clauses[k].similar { links += "\t\(s.doc) \(s.clause) \(s.score)" }
            links += "\n"
            content.clauses[k].similar = []
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.text.utf8.count * 3 + 4096)
        DocumentBinary.encode(content, into: &bytes)
        let c = SHA256Digest.hex(bytes)
        return Hashes(whole: SHA256Digest.hex(Array((c + "\n" + links).utf8)), content: c)
    }

    /// The ledger in `cache` when it describes `output` as it is now and was written with
    /// the same `sinks`; nil otherwise.
    static func current(cache: URL, output: URL, sinks: String) -> PublishLedger? {
        guard let ledger = load(cache: cache), ledger.sinks == sinks,
              let fingerprint = PipelineRunner.previousRun(output)?.fingerprint, fingerprint == ledger.output else { return nil }
        return ledger
    }

    static func load(cache: URL) -> PublishLedger? {
        guard let data = FileManager.default.contents(atPath: cache.appendingPathComponent(fileName).path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let head = lines.next()?.split(separator: "\t").map(String.init), head.count == 3, head[0] == magic else { return nil }
        var documents: [String: Hashes] = [:]
        while let line = lines.next() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3 else { return nil }
            documents[String(f[0])] = Hashes(whole: String(f[1]), content: String(f[2]))
        }
        return PublishLedger(output: head[1], sinks: head[2], documents: documents)
    }

    /// Writes the ledger (a temporary file renamed over the old one).
    func store(cache: URL) {
        var text = "\(Self.magic)\t\(output)\t\(sinks)\n"
        for id in documents.keys.sorted() { text += id + "\t" + documents[id]!.whole + "\t" + documents[id]!.content + "\n" }
        FileOutput.replace(Data(text.utf8), at: cache.appendingPathComponent(Self.fileName))
    }

    /// Links `paths` (relative to the two folders) from the old output into the staging
    /// folder; all or none: on any failure the links made are removed and false returned,
    /// so the caller writes the files instead (never through a link into the old tree).
    public static func link(_ paths: [String], from old: URL, to staging: URL) -> Bool {
        var made: [String] = []
        for p in paths {
            let target = staging.appendingPathComponent(p).path
            if Glibc.link(old.appendingPathComponent(p).path, target) != 0 {
                for m in made { unlink(m) }
                return false
            }
            made.append(target)
        }
        return true
    }
}
