import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput

/// Adds the researchers' pages to the HTML gazette: `site/diff/<id>.html` for every
/// published document (its diff against the same region's previous year of the same
/// doc_type, or a page saying there is none), `site/compare.html` (area heat map) and
/// `site/compare/<region>.html` (a region's years and what changed between them).
///
/// Both need documents of other years, so every document waits for `finish`: trimmed to
/// what the pages read and kept in binary form in a spill file of the staging folder (some
/// 40 KB a document in memory would make 100,000 inputs need gigabytes), read back one
/// region at a time.
public final class ResearchSiteSink: OutputSink {
    public let name = "research"
    /// The pages sit inside the site: they use its stylesheet and link its document pages.
    public var requires: [OutputPart] { [.siteAssets, .documentPages] }
    /// Heavy ordered work: written and finished on a thread of its own.
    public var ownThread: Bool { true }
    var site: URL!
    var spill: DocumentSpill<Key>?
    /// Id → hash of the trimmed document kept for the pages (all they read of it).
    var hashes: [String: String] = [:]
    var context: PublishContext?
    /// Bytes of comparison aids (`PreparedDocument(keep:)`: each clause's LCS masks and
    /// scalars, several times its text) held for one region; the documents beyond it have
    /// theirs made again for each comparison. Regions grow with the corpus (some 370
    /// documents at 100,000 files): kept whole, they added 256 MiB to the finish of a
    /// 30,000-file run, 125 MiB without any.
    let keptBytes: Int
    public init(keptBytes: Int = 64 << 20) { self.keptBytes = keptBytes }

    public func use(_ context: PublishContext) { self.context = context }

    /// What `finish` reads of a document before its clauses: where it stands among the others.
    struct Key: Sendable {
        var id: String
        var region: String?
        var docType: String
        var year: Int?
        init(_ d: Document) { id = d.id; region = d.region; docType = d.docType.rawValue; year = d.year }
    }

    public func begin(staging: URL) throws {
        site = staging.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("diff"), withIntermediateDirectories: true)
        spill = DocumentSpill(folder: staging)
        hashes = [:]
    }

    public func write(_ document: Document) throws {
        let d = DocumentStore.trimmedForComparison(document)   // keep only what the pages need
        hashes[d.id] = try spill!.append(d, key: Key(d))
    }

    public func finish(_ corpus: CorpusSummary) throws {
        guard let spill else { return }
        self.spill = nil
        let stored = spill.close()
        let order = stored.keys.indices.sorted { stored.keys[$0].id < stored.keys[$1].id }
        let keys = order.map { stored.keys[$0] }
        func document(_ i: Int) throws -> Document { try stored.document(order[i]) }
        let previous = Self.previousIndex(keys)
        let folder = site.appendingPathComponent("diff")
        // One region at a time: a document's previous year and the coverage table's
        // consecutive years are always in its own region, so only that region's documents
        // and prepared clauses are held. Within a region each document's clauses are prepared
        // once (for its own page, the page of the document after it and the coverage table),
        // and the pages, independent of each other, are rendered on every core.
        var regions: [String: [Int]] = [:]
        for (i, k) in keys.enumerated() { regions[k.region ?? "-", default: []].append(i) }
        // Parts keep their groups (the heat map's counts); each region's changes, with their
        // clauses' texts, wait on disk for its compare page.
        var parts: [CoverageTable] = []
        let changeSpill = SpillFile(folder: site.deletingLastPathComponent(), name: "research-changes")
        var changeRefs: [String: [SpillFile.Ref]] = [:]
        func keep(_ part: CoverageTable) throws {
            var part = part
            for (region, changes) in Dictionary(grouping: part.changes, by: \.region) {
                changeRefs[region, default: []].append(changeSpill.append(Array(try JSONEncoder().encode(changes))))
            }
            part.changes = []
            parts.append(part)
        }
        let reusable = RegionLedger.load(context)
        var ledger = RegionLedger(output: corpus.manifest.run.fingerprint ?? "", regions: [:])
        let failures = FailureBox()
        // Freed region memory is given back every `trimDocuments` documents: after every region
        // (81 at 10k files) the trims and the pages faulted in again cost a third of this stage,
        // and every sixteenth of the corpus (as it was) let what is kept grow with the corpus.
        let trimEvery = Self.trimDocuments
        var sinceTrim = 0
        for key in regions.keys.sorted() {
            if sinceTrim >= trimEvery { ProcessMemory.releaseFreed(); sinceTrim = 0 }
            let members = regions[key]!
            // A region whose documents are all as the previous Output/ had them: its pages are linked, its table part kept.
            let regionHash = SHA256Digest.hex(members.map { keys[$0].id + "\t" + (hashes[keys[$0].id] ?? "") }.joined(separator: "\n"))
            if reusable?.regions[key] == regionHash, let context, let previous = context.previous,
               let part = RegionLedger.part(regionHash, in: context.state),
               PublishLedger.link(members.map { "site/diff/\(keys[$0].id).html" }, from: previous.output,
                                  to: site.deletingLastPathComponent()) {
                try keep(part)
                ledger.regions[key] = regionHash
                continue
            }
            sinceTrim += members.count
            var local: [Int: Int] = [:]
            for (k, i) in members.enumerated() { local[i] = k }
            let docs = try members.map(document)
            var room = keptBytes
            let kept = docs.map { d -> Bool in
                let bytes = PreparedDocument.keptBytes(d)
                if bytes > room { return false }
                room -= bytes
                return true
            }
            let prepared = Parallel.map(members.count) { PreparedDocument(docs[$0], keep: kept[$0]) }
            let shared = Self.sharedYears(members.map { keys[$0].year })
            let known = KnownBox()
            DispatchQueue.concurrentPerform(iterations: members.count) { k in
                let d = docs[k]
                let page: HTMLWriter
                if let p = previous[members[k]], let pk = local[p] {
                    let prev = prepared[pk]
                    let aligner = ClauseAligner()
                    let r = DocumentDiff.makeDetailed(prev, prepared[k], aligner: aligner)
                    page = DiffRenderer(diff: r.diff, a: prev, b: prepared[k]).page()
                    // The coverage table pools these two years: when each holds only these
                    // documents, its alignment is this one, so its unmatched clauses are read here.
                    if let y0 = prev.document.year, let y1 = d.year, shared[y1] == y0,
                       CoverageTable.alignsLike(aligner, threshold: CoverageTable.defaultThreshold) {
                        let u = CoverageTable.unmatched(pairs: r.diff.pairs, dice: r.dice, lcs: r.lcs, before: r.a, after: r.b,
                                                        refBefore: prev.clauses.map { (prev.document.id, $0.clause.id) },
                                                        refAfter: prepared[k].clauses.map { (d.id, $0.clause.id) })
                        known.set(pk * members.count + k, u)
                    }
                } else {
                    page = DiffRenderer.withoutPrevious(d)
                }
                do { try FileOutput.write(page.bytes, to: folder.appendingPathComponent(d.id + ".html")) } catch { failures.add(error) }
            }
            if let e = failures.first { throw e }
            let part = CoverageTable.make(prepared.map(\.document), prepared: prepared, by: Self.coverageBy, axis: .area,
                                          threshold: CoverageTable.defaultThreshold, known: known.values)
            if let context { RegionLedger.store(part, regionHash, in: context.state) }
            try keep(part)
            ledger.regions[key] = regionHash
        }
        if let context { ledger.store(in: context.state) }
        let table = CoverageTable.merged(parts, by: Self.coverageBy, axis: .area, threshold: CoverageTable.defaultThreshold)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("compare"), withIntermediateDirectories: true)
        try CoverageRenderer(table).forEachSitePage(changeRegions: Set(changeRefs.keys), changes: { region in
            try (changeRefs[region] ?? []).flatMap { try JSONDecoder().decode([CoverageTable.Change].self, from: Data(changeSpill.read($0))) }
        }) { path, page in try FileOutput.write(page.bytes, to: site.appendingPathComponent(path)) }
    }

    /// Documents between two trims of freed memory: a sixteenth of a 10,000-file low-duplicate
    /// corpus, fixed so that what the stage keeps does not grow with the corpus.
    static let trimDocuments = 500

    /// The compare page's grouping: one column per region and year.
    static let coverageBy: [CoverageTable.Dimension] = [.region, .year]

    /// For the years of one region's documents: year → the year before it, where the
    /// coverage table compares them as one document each (no other year between them, a
    /// single document in each).
    static func sharedYears(_ years: [Int?]) -> [Int: Int] {
        var count: [Int: Int] = [:]
        for case let y? in years { count[y, default: 0] += 1 }
        let sorted = count.keys.sorted()
        var out: [Int: Int] = [:]
        for (y0, y1) in zip(sorted, sorted.dropFirst()) where count[y0] == 1 && count[y1] == 1 { out[y1] = y0 }
        return out
    }

    /// The latest document of the same region and doc_type from an earlier year (ties: smallest id).
    public static func previous(of d: Document, in docs: [Document]) -> Document? {
        guard let region = d.region, let year = d.year else { return nil }
        return docs.filter { $0.region == region && $0.docType == d.docType && ($0.year ?? Int.max) < year }
            .min { x, y in (x.year! != y.year!) ? x.year! > y.year! : x.id < y.id }
    }

    /// `previous(of:in:)` for every document at once, by grouping on region and doc_type:
    /// O(n log n) instead of a scan of the corpus per document.
    /// - Returns: for each index of `docs`, the index of its previous-year document.
    static func previousIndex(_ docs: [Key]) -> [Int?] {
        var groups: [String: [Int]] = [:]
        for (i, d) in docs.enumerated() where d.region != nil && d.year != nil {
            groups[d.region! + "\u{1F}" + d.docType, default: []].append(i)
        }
        var out = [Int?](repeating: nil, count: docs.count)
        for (_, members) in groups {
            // By year, then id: the previous of a document is the first member of the latest earlier year.
            let sorted = members.sorted { (docs[$0].year!, docs[$0].id) < (docs[$1].year!, docs[$1].id) }
            var firstOfYear: [Int: Int] = [:]
            for i in sorted where firstOfYear[docs[i].year!] == nil { firstOfYear[docs[i].year!] = i }
            let years = firstOfYear.keys.sorted()
            for i in members {
                let y = docs[i].year!
                if let k = years.lastIndex(where: { $0 < y }) { out[i] = firstOfYear[years[k]] }
            }
        }
        return out
    }
}

/// Per region, the hash of its documents as the research pages read them, for the Output/
/// whose manifest fingerprint is `output`: a later run over that Output/ links the diff pages
/// of a region whose hash is unchanged and reads its part of the coverage table back
/// (`parts/<hash>.json`, content-addressed, written as each region is done so that no more
/// than one region's part is held for it) instead of aligning its documents again.
struct RegionLedger: Codable {
    var output: String
    /// Region → hash of its documents.
    var regions: [String: String]

    static let fileName = "regions.json"

    /// The ledger written for the Output/ the context says may be reused from, if any.
    static func load(_ context: PublishContext?) -> RegionLedger? {
        guard let context, let previous = context.previous,
              let data = FileManager.default.contents(atPath: context.state.appendingPathComponent(fileName).path),
              let ledger = try? JSONDecoder().decode(RegionLedger.self, from: data), ledger.output == previous.fingerprint else { return nil }
        return ledger
    }

    static func partURL(_ hash: String, in folder: URL) -> URL { folder.appendingPathComponent("parts/\(hash).json") }

    /// A region's part of the coverage table, stored under the hash of its documents.
    static func part(_ hash: String, in folder: URL) -> CoverageTable? {
        FileManager.default.contents(atPath: partURL(hash, in: folder).path).flatMap { try? JSONDecoder().decode(CoverageTable.self, from: $0) }
    }

    static func store(_ part: CoverageTable, _ hash: String, in folder: URL) {
        let url = partURL(hash, in: folder)
        guard !FileManager.default.fileExists(atPath: url.path), let data = try? JSONEncoder().encode(part) else { return }
        FileOutput.replace(data, at: url)
    }

    /// Writes the ledger into `folder` and removes the parts no region of it names.
    func store(in folder: URL) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        FileOutput.replace(data, at: folder.appendingPathComponent(Self.fileName))
        let kept = Set(regions.values.map { "\($0).json" })
        let parts = folder.appendingPathComponent("parts")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parts.path)) ?? [] where !kept.contains(name) {
            try? FileManager.default.removeItem(at: parts.appendingPathComponent(name))
        }
    }
}

/// Collects the coverage table's unmatched clauses read by concurrent page writers.
final class KnownBox: @unchecked Sendable {
    private let lock = NSLock()
    private var known: CoverageTable.Known = [:]
    func set(_ key: Int, _ value: ([CoverageTable.ClauseRef], [CoverageTable.ClauseRef])) { lock.lock(); known[key] = value; lock.unlock() }
    var values: CoverageTable.Known { lock.lock(); defer { lock.unlock() }; return known }
}

/// Collects errors from concurrent page writers.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ e: Error) { lock.lock(); errors.append(e); lock.unlock() }
    var first: Error? { lock.lock(); defer { lock.unlock() }; return errors.first }
}
