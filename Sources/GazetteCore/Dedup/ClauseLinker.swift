import Foundation
import GazetteModel

/// Links each clause to the most similar clauses of other documents.
///
/// Identical clauses (same canonical text) are first folded into one class, so a
/// boilerplate paragraph shared by thousands of documents is compared once, not once per
/// pair of copies. Classes are bucketed by their LSH band keys; each candidate pair is
/// scored by the exact Jaccard similarity of the two shingle sets and kept when it
/// reaches `clause_threshold`. A clause's links are then its identical copies in other
/// documents (score 1.0) and the members of its best-scoring neighbour classes: at most
/// one link per other document (its best clause there), best first, then by document
/// id and clause id, at most `clause_links`.
struct ClauseLinker {
    var settings: DedupSettings
    /// Candidate pairs scored together (16 bytes each while pending).
    static let chunk = 1 << 16

    /// Calls `emit` with each document's links (clause id → similar clauses, best first), in
    /// the order of `docs`, for the documents that have any. The documents' hashes and band
    /// keys are emptied once copied (the caller hands them over, so they are not held twice;
    /// measured at 100,000 files the link phase's peak fell only from 1,100 to 1,088 MiB).
    func links(_ docs: inout [(id: String, clauses: ClauseSignatures)], stats: inout [String: Int],
               emit: (String, [String: [SimilarClause]]) -> Void) {
        // Entries, in (document, clause) order, with their hashes and band keys copied into
        // flat arrays (one pass over the documents, then no per-access struct traffic).
        let bandCount = docs.first { $0.clauses.count > 0 }?.clauses.bandCount ?? 0
        let total = docs.reduce(0) { $0 + ($1.clauses.bandCount == bandCount ? $1.clauses.count : 0) }
        var eDoc: [Int32] = [], eClause: [Int32] = [], eExact: [UInt64] = [], eBands: [UInt32] = []
        eDoc.reserveCapacity(total); eClause.reserveCapacity(total); eExact.reserveCapacity(total)
        eBands.reserveCapacity(total * bandCount)
        for d in docs.indices where docs[d].clauses.bandCount == bandCount {
            for c in 0..<docs[d].clauses.count { eDoc.append(Int32(d)); eClause.append(Int32(c)) }
            eExact += docs[d].clauses.exact
            eBands += docs[d].clauses.bands
            docs[d].clauses.exact = []
            docs[d].clauses.bands = []
        }
        let entries = eDoc.count
        stats["clauses"] = entries
        if entries == 0 { return }

        // Classes of identical clauses: members[classStart[c]..<classStart[c+1]], in entry order.
        let members = (0..<entries).sorted { (eExact[$0], $0) < (eExact[$1], $1) }
        var classStart: [Int] = [], classOf = [Int32](repeating: 0, count: entries)
        for (k, e) in members.enumerated() {
            if k == 0 || eExact[members[k - 1]] != eExact[e] { classStart.append(k) }
            classOf[e] = Int32(classStart.count - 1)
        }
        let classes = classStart.count
        classStart.append(entries)
        stats["clause_classes"] = classes

        // Candidate pairs of classes, scored on their first member.
        let keep = settings.clauseLinks + 2
        var top = [[(score: Float, cls: Int32)]](repeating: [], count: classes)
        func offer(_ c: Int, _ other: Int, _ s: Float) {
            let key = (s, -Int32(other))
            if top[c].count == keep, let last = top[c].last, (last.score, -last.cls) >= key { return }
            let at = top[c].firstIndex { ($0.score, -$0.cls) < key } ?? top[c].count
            top[c].insert((s, Int32(other)), at: at)
            if top[c].count > keep { top[c].removeLast() }
        }
        var candidates = 0, linked = 0
        let threshold = Float(settings.clauseThreshold)
        let repEntry = (0..<classes).map { members[classStart[$0]] }
        func rep(_ c: Int) -> (doc: Int, clause: Int) { let e = repEntry[c]; return (Int(eDoc[e]), Int(eClause[e])) }
        // Pairs are gathered in the LSH order a chunk at a time and scored on every core; the
        // top lists keep the best `keep` by (score, class), whatever order they are offered in.
        var pending: [(Int32, Int32)] = []
        pending.reserveCapacity(Self.chunk)
        func score() {
            let pairs = pending
            let scores = [Float](unsafeUninitializedCapacity: pairs.count) { buffer, initialized in
                let base = buffer.baseAddress
                DispatchQueue.concurrentPerform(iterations: (pairs.count + 4095) / 4096) { part in
                    for k in (part * 4096)..<min(pairs.count, part * 4096 + 4096) {
                        let ra = rep(Int(pairs[k].0)), rb = rep(Int(pairs[k].1))
                        (base! + k).initialize(to: Float(Shingler.jaccard(docs[ra.doc].clauses.shingles(of: ra.clause),
                                                                          docs[rb.doc].clauses.shingles(of: rb.clause))))
                    }
                }
                initialized = pairs.count
            }
            for (k, s) in scores.enumerated() where s >= threshold {
                let a = Int(pairs[k].0), b = Int(pairs[k].1)
                linked += 1; offer(a, b, s); offer(b, a, s)
            }
            pending.removeAll(keepingCapacity: true)
        }
        LSHCandidates(count: classes, bands: bandCount, cap: 128, window: 16).forEachPair(key: { c, b in
            eBands[repEntry[c] * bandCount + b]
        }) { a, b in
            let ra = rep(a), rb = rep(b)
            // Two single clauses of one document: nothing to link.
            if ra.doc == rb.doc && classStart[a + 1] - classStart[a] == 1 && classStart[b + 1] - classStart[b] == 1 { return }
            candidates += 1
            pending.append((Int32(a), Int32(b)))
            if pending.count == Self.chunk { score() }
        }
        if !pending.isEmpty { score() }
        stats["clause_candidate_pairs"] = candidates
        stats["clause_linked_pairs"] = linked

        // Links per clause, handed over a document at a time (entries are in document order).
        var current: (doc: Int32, links: [String: [SimilarClause]]) = (-1, [:])
        func flush() { if !current.links.isEmpty { emit(docs[Int(current.doc)].id, current.links) } }
        let limit = settings.clauseLinks
        for e in 0..<entries {
            let d = eDoc[e]
            if d != current.doc { flush(); current = (d, [:]) }
            var picks: [(score: Float, doc: Int32, clause: Int32)] = []
            func gather(_ c: Int, _ s: Float) {
                var taken = 0
                for k in classStart[c]..<classStart[c + 1] {
                    let m = members[k]
                    if eDoc[m] == d { continue }
                    if let i = picks.firstIndex(where: { $0.doc == eDoc[m] }) {
                        if picks[i].score >= s { continue }
                        picks.remove(at: i)
                    }
                    picks.append((s, eDoc[m], eClause[m]))
                    taken += 1
                    if taken > limit { break }
                }
            }
            let c = Int(classOf[e])
            gather(c, 1)
            for (s, other) in top[c] { gather(Int(other), s) }
            if picks.isEmpty { continue }
            picks.sort { ($1.score, $0.doc, $0.clause) < ($0.score, $1.doc, $1.clause) }
            current.links[docs[Int(d)].clauses.ids[Int(eClause[e])]] = picks.prefix(limit).map {
                SimilarClause(doc: docs[Int($0.doc)].id, clause: docs[Int($0.doc)].clauses.ids[Int($0.clause)],
                              score: (Double($0.score) * 1000).rounded() / 1000)
            }
        }
        flush()
    }
}
