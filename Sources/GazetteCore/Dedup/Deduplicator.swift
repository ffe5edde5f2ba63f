import Foundation
import GazetteModel

/// The corpus-wide decision of the dedup stage.
public struct DedupResult: Sendable {
    /// For each document id that is a duplicate: the canonical document's id.
    public var canonicalOf: [String: String] = [:]
    /// For each canonical id: its other copies, in path order.
    public var copies: [String: [DuplicateCopy]] = [:]
    /// For each document: clause id → similar clauses elsewhere, best first.
    public var links = ClauseLinkStore()
    /// Every document's links at once (tests and small corpora; a run reads `links` a
    /// document at a time).
    public var similar: [String: [String: [SimilarClause]]] {
        Dictionary(uniqueKeysWithValues: links.ids.map { ($0, links.links(of: $0)) })
    }
    /// Counts for logs and benchmarks: exact groups, LSH candidate pairs, verified pairs.
    public var stats: [String: Int] = [:]
    public init() {}
}

/// A document as the dedup stage sees it.
public struct DedupCandidate: Sendable {
    public var id: String
    public var path: String
    public var sha256: String
    public var conversion: String
    public var length: Int
    public var signature: DedupSignature
    public init(id: String, path: String, sha256: String, conversion: String, length: Int, signature: DedupSignature) {
        self.id = id; self.path = path; self.sha256 = sha256; self.conversion = conversion
        self.length = length; self.signature = signature
    }
}

/// Stage 6: one record per document, and links between similar clauses.
///
/// Order, and why:
/// 1. exact groups by the hash of the canonical text — free, and it leaves only distinct
///    texts for the next steps;
/// 2. LSH over the distinct texts' MinHash bands gives candidate pairs (sub-quadratic);
/// 3. each candidate pair is verified by the Jaccard similarity of the shingle sets
///    (`DedupSignature.similarity`); pairs at or above `threshold` are joined;
/// 4. each joined group is split around its canonical copy (`preferred`): a member whose
///    own similarity to the canonical copy is below `threshold − chainSlack` got in only
///    through a chain of near copies and starts a group of its own — so two different
///    documents cannot be merged through a run of small edits;
/// 5. clause links among the canonical documents only (`ClauseLinker`).
public struct Deduplicator: Sendable {
    public var settings: DedupSettings
    /// How far below `threshold` a member may be from its canonical copy when it was joined
    /// through other copies.
    public static let chainSlack = 0.08
    public init(settings: DedupSettings) { self.settings = settings }

    /// Both steps at once, for candidates whose signatures carry their clauses.
    public func run(_ docs: [DedupCandidate]) -> DedupResult {
        var result = group(docs)
        let published = docs.filter { result.canonicalOf[$0.id] == nil }
        linkClauses(published.map { ($0.id, $0.signature.clauses) }, into: &result)
        return result
    }

    /// Steps 1–4: which documents are copies of which. Needs only the document-level
    /// signatures, so the runner calls it before the clauses are found. `samples`, when
    /// given, supplies each candidate's shingle sample (by index) for the pairs compared:
    /// the runner keeps them on disk, and `docs` carry empty ones.
    public func group(_ docs: [DedupCandidate], samples: ((Int) -> [UInt32])? = nil) -> DedupResult {
        var result = DedupResult()
        let started = Date()
        let n = docs.count
        if n == 0 { return result }
        func similarity(_ a: Int, _ b: Int) -> Double {
            guard let samples else { return docs[a].signature.similarity(to: docs[b].signature) }
            var x = docs[a].signature, y = docs[b].signature
            x.sample = samples(a); y.sample = samples(b)
            return x.similarity(to: y)
        }

        // 1. Exact groups; `reps` holds one member of each, `group[i]` the group of doc i.
        let byHash = (0..<n).sorted { (docs[$0].signature.textHash, $0) < (docs[$1].signature.textHash, $1) }
        var group = [Int](repeating: 0, count: n)
        var reps: [Int] = []
        for (k, i) in byHash.enumerated() {
            if k == 0 || docs[byHash[k - 1]].signature.textHash != docs[i].signature.textHash { reps.append(i) }
            group[i] = reps.count - 1
        }
        result.stats["exact_groups"] = reps.count

        // 2–3. Candidate pairs among distinct texts, verified.
        var uf = UnionFind(reps.count)
        var candidates = 0, verified = 0
        let rows = settings.rows, bands = min(settings.bands, docs[reps[0]].signature.minhash.count / max(1, rows))
        let keys: [UInt32] = reps.flatMap { MinHasher.bandKeys(docs[$0].signature.minhash[...], bands: bands, rows: rows) }
        LSHCandidates(count: reps.count, bands: bands).forEachPair(key: { keys[$0 * bands + $1] }) { a, b in
            candidates += 1
            if similarity(reps[a], reps[b]) >= settings.threshold {
                verified += 1
                uf.union(a, b)
            }
        }
        result.stats["candidate_pairs"] = candidates
        result.stats["verified_pairs"] = verified

        // 4. Groups around canonical copies.
        var components: [Int: [Int]] = [:]
        for i in 0..<n { components[uf.find(group[i]), default: []].append(i) }
        for root in components.keys.sorted() {
            let members = components[root]!
            var remaining = members.count == 1 ? members : members.sorted { Self.preferred(docs[$0], docs[$1]) }
            while let canon = remaining.first {
                var rest: [Int] = []
                var copies: [DuplicateCopy] = []
                for m in remaining.dropFirst() {
                    let sim = group[m] == group[canon] ? 1.0 : similarity(canon, m)
                    if sim >= settings.threshold - Self.chainSlack {
                        result.canonicalOf[docs[m].id] = docs[canon].id
                        copies.append(DuplicateCopy(path: docs[m].path, sha256: docs[m].sha256, similarity: (sim * 1000).rounded() / 1000))
                    } else { rest.append(m) }
                }
                if !copies.isEmpty {
                    result.copies[docs[canon].id] = copies.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
                }
                remaining = rest
            }
        }

        result.stats["ms_documents"] = Int(Date().timeIntervalSince(started) * 1000)
        return result
    }

    /// Step 5: clause links among the published documents (id, clause signatures), in any
    /// order, into a `ClauseLinkStore` spilled under `spill` (in memory without it).
    public func linkClauses(_ published: [(id: String, clauses: ClauseSignatures)], into result: inout DedupResult, spill: URL? = nil) {
        linkClauses(ids: published.map(\.id), signatures: { published[$0].clauses }, into: &result, spill: spill)
    }

    /// Step 5 for documents whose clause signatures are read when needed: `signatures(k)`
    /// gives those of `ids[k]` (called twice per document, see `ClauseLinker`).
    public func linkClauses(ids: [String], signatures: (Int) -> ClauseSignatures, into result: inout DedupResult, spill: URL? = nil) {
        let order = ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        let linking = Date()
        let store = ClauseLinkStore(folder: spill)
        ClauseLinker(settings: settings).links(ids: order.map { ids[$0] }, signatures: { signatures(order[$0]) },
                                               stats: &result.stats) { store.add($0, $1) }
        result.links = store
        result.stats["ms_clauses"] = Int(Date().timeIntervalSince(linking) * 1000)
    }

    /// The canonical-copy rule, in order: an original in simplified script (no conversion)
    /// before a converted copy, and among converted ones a mostly simplified source
    /// ("mixed") before a traditional one — a simplified original with a few characters
    /// that also occur in traditional text is still the original; an official government
    /// source before an unknown one, and that before an aggregator (`SourceRank`); the more
    /// complete (longer) text; then the path in byte order, so the choice is deterministic.
    public static func preferred(_ a: DedupCandidate, _ b: DedupCandidate) -> Bool {
        let ac = a.conversion == "none", bc = b.conversion == "none"
        if ac != bc { return ac }
        let order = ["simplified": 0, "mixed": 1]
        let asr = order[a.signature.script] ?? 2, bsr = order[b.signature.script] ?? 2
        if asr != bsr { return asr < bsr }
        let ar = SourceRank.of(path: a.path), br = SourceRank.of(path: b.path)
        if ar != br { return ar > br }
        if a.length != b.length { return a.length > b.length }
        return a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
    }
}

/// Disjoint sets with path halving and union by index (the smaller root wins, so the
/// result does not depend on the order of unions).
struct UnionFind {
    var parent: [Int]
    init(_ n: Int) { parent = Array(0..<n) }
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }
    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra == rb { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }
}
