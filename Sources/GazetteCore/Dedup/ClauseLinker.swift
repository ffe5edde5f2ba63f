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
    /// the order of `ids`, for the documents that have any. `signatures(d)` gives document
    /// `d`'s clause signatures and is called twice per document (the runner reads them from
    /// its spill file): first for the clauses' hashes, which fold identical clauses into
    /// classes, then for the band keys and shingles of each class's first member, all that
    /// scoring reads. What is held grows with the distinct clauses, not with every copy of
    /// a boilerplate paragraph.
    func links(ids: [String], signatures: (Int) -> ClauseSignatures, stats: inout [String: Int],
               emit: (String, [String: [SimilarClause]]) -> Void) {
        // Entries in (document, clause) order with their hashes; each document's clause ids.
        let bandCount = settings.clauseBands
        var eDoc: [Int32] = [], eClause: [Int32] = [], eExact: [UInt64] = [], eShingles: [UInt32] = []
        var clauseIDs: [[String]] = []
        clauseIDs.reserveCapacity(ids.count)
        for d in ids.indices {
            let c = signatures(d)
            guard c.bandCount == bandCount, c.count > 0 else { clauseIDs.append([]); continue }
            for k in 0..<c.count { eDoc.append(Int32(d)); eClause.append(Int32(k)) }
            eExact += c.exact
            for k in 0..<c.count { eShingles.append(c.offsets[k + 1] - c.offsets[k]) }
            clauseIDs.append(c.ids)
        }
        let entries = eDoc.count
        stats["clauses"] = entries
        if entries == 0 { return }

        // Classes of identical clauses: members[classStart[c]..<classStart[c+1]], in entry order.
        let members = (0..<entries).sorted { (eExact[$0], $0) < (eExact[$1], $1) }.map { Int32($0) }
        var classStart: [Int] = [], classOf = [Int32](repeating: 0, count: entries)
        for (k, e) in members.enumerated() {
            if k == 0 || eExact[Int(members[k - 1])] != eExact[Int(e)] { classStart.append(k) }
            classOf[Int(e)] = Int32(classStart.count - 1)
        }
        eExact = []
        let classes = classStart.count
        classStart.append(entries)
        stats["clause_classes"] = classes
        let repEntry = (0..<classes).map { Int(members[classStart[$0]]) }
        func rep(_ c: Int) -> (doc: Int, clause: Int) { let e = repEntry[c]; return (Int(eDoc[e]), Int(eClause[e])) }

        // The first member's band keys and shingles, per class, read in a second pass
        // (in entry order, so each class's shingles are `shingles[from[c]..<to[c]]`).
        var classBands = [UInt32](repeating: 0, count: classes * bandCount)
        var from = [UInt32](repeating: 0, count: classes), to = [UInt32](repeating: 0, count: classes)
        // Sized exactly: growing it by doubling held up to three times its size while it was copied.
        var shingles: [UInt16] = []
        shingles.reserveCapacity(repEntry.reduce(0) { $0 + Int(eShingles[$1]) })
        eShingles = []
        var e = 0
        for d in ids.indices where !clauseIDs[d].isEmpty {
            let c = signatures(d)
            // Read back differently (a spill that failed): its entries keep no shingles.
            guard c.ids == clauseIDs[d], c.bandCount == bandCount else { e += clauseIDs[d].count; continue }
            for k in 0..<c.count {
                let cls = Int(classOf[e])
                if repEntry[cls] == e {
                    for b in 0..<bandCount { classBands[cls * bandCount + b] = c.band(k, b) }
                    from[cls] = UInt32(shingles.count)
                    shingles += c.shingles(of: k)
                    to[cls] = UInt32(shingles.count)
                }
                e += 1
            }
        }
        func classShingles(_ c: Int) -> ArraySlice<UInt16> { shingles[Int(from[c])..<Int(to[c])] }

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
                        (base! + k).initialize(to: Float(Shingler.jaccard(classShingles(Int(pairs[k].0)),
                                                                          classShingles(Int(pairs[k].1)))))
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
            classBands[c * bandCount + b]
        }) { a, b in
            let ra = rep(a), rb = rep(b)
            // Two single clauses of one document: nothing to link.
            if ra.doc == rb.doc && classStart[a + 1] - classStart[a] == 1 && classStart[b + 1] - classStart[b] == 1 { return }
            candidates += 1
            pending.append((Int32(a), Int32(b)))
            if pending.count == Self.chunk { score() }
        }
        if !pending.isEmpty { score() }
        classBands = []; shingles = []; from = []; to = []
        stats["clause_candidate_pairs"] = candidates
        stats["clause_linked_pairs"] = linked

        // Links per clause, handed over a document at a time (entries are in document order).
        var current: (doc: Int32, links: [String: [SimilarClause]]) = (-1, [:])
        func flush() { if !current.links.isEmpty { emit(ids[Int(current.doc)], current.links) } }
        let limit = settings.clauseLinks
        for e in 0..<entries {
            let d = eDoc[e]
            if d != current.doc { flush(); current = (d, [:]) }
            var picks: [(score: Float, doc: Int32, clause: Int32)] = []
            func gather(_ c: Int, _ s: Float) {
                var taken = 0
                for k in classStart[c]..<classStart[c + 1] {
                    let m = Int(members[k])
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
            current.links[clauseIDs[Int(d)][Int(eClause[e])]] = picks.prefix(limit).map {
                SimilarClause(doc: ids[Int($0.doc)], clause: clauseIDs[Int($0.doc)][Int($0.clause)],
                              score: (Double($0.score) * 1000).rounded() / 1000)
            }
        }
        flush()
    }
}
