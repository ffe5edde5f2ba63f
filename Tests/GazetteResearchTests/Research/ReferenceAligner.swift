import Foundation
import GazetteModel
@testable import GazetteResearch

// The research pages' computations as they were before the pruned and shared versions
// (aligner, topic similarity, coverage table's unmatched clauses), kept verbatim so that
// PruningTests can pin the fast versions to them on generated clause sets.

/// The aligner before Dice came from a shared bigram index and LCS was pruned by length.
struct ReferenceAligner {
    /// τ: the least similarity for two clauses to be counterparts.
    var threshold: Double = 0.5
    /// Least bigram Dice for a pair to be scored at all (clauses under 12 characters are
    /// always scored). Pairs reaching τ share far more bigrams than this; unrelated clauses
    /// of one genre share 0.1–0.2, so the filter spares most LCS computations.
    var candidateDice: Double = 0.2
    /// Least bigram Dice between a clause and each part of a merge or split (a part of 30%
    /// of the clause already has Dice ≈ 0.46 with it).
    var partDice: Double = 0.2
    /// Least topic similarity for pass three; nil turns pass three off.
    var topicThreshold: Double? = 0.12
    /// Whether pairs carry their inline character diff (`ops`); off where only the
    /// statuses are read (the coverage table).
    var inlineOps = true

    init(threshold: Double = 0.5, candidateDice: Double = 0.2, topicThreshold: Double? = 0.12) {
        self.threshold = threshold; self.candidateDice = candidateDice; self.topicThreshold = topicThreshold
    }

    /// One alignment step: clause indexes on each side.
    struct Step { var a: [Int]; var b: [Int]; var lcs: Int; var topic: Double? = nil }

    func align(_ a: [ComparableClause], _ b: [ComparableClause]) -> [DiffPair] {
        alignDetailed(a, b).pairs
    }

    /// The alignment, with the bigram Dice of every pair (row-major, `a` × `b`) and the LCS
    /// length of every pair scored (-1 where not computed; every pair whose Dice reaches
    /// `candidateDice` is scored).
    func alignDetailed(_ a: [ComparableClause], _ b: [ComparableClause]) -> (pairs: [DiffPair], dice: [Double], lcs: [Int]) {
        let n = a.count, m = b.count
        var dice = [Double](repeating: 0, count: n * m)
        var lcs = [Int](repeating: -1, count: n * m)
        for i in 0..<n { for j in 0..<m { dice[i * m + j] = Similarity.dice(a[i].bigrams, b[j].bigrams) } }
        func cand(_ i: Int, _ j: Int) -> Bool { dice[i * m + j] >= candidateDice || min(a[i].key.count, b[j].key.count) < 12 }
        func pairLCS(_ i: Int, _ j: Int) -> Int {
            if lcs[i * m + j] < 0 { lcs[i * m + j] = a[i].masks.lcs([b[j].key]) }
            return lcs[i * m + j]
        }
        func gain(_ l: Int, _ mass: Int) -> Double { 2 * Double(l) - threshold * Double(mass) }
        func pairStep(_ i: Int, _ j: Int) -> (Double, Step)? {
            guard cand(i, j) else { return nil }
            let l = pairLCS(i, j), mass = a[i].key.count + b[j].key.count
            let g = mass == 0 ? 1 : gain(l, mass)
            return g > 0 ? (g, Step(a: [i], b: [j], lcs: l)) : nil
        }
        func splitStep(_ i: Int, _ j: Int) -> (Double, Step)? {   // a[i] ↔ b[j], b[j+1]
            guard j + 1 < m, dice[i * m + j] >= partDice, dice[i * m + j + 1] >= partDice else { return nil }
            let l = a[i].masks.lcs([b[j].key, b[j + 1].key])
            let g = gain(l, a[i].key.count + b[j].key.count + b[j + 1].key.count)
            return g > 0 ? (g, Step(a: [i], b: [j, j + 1], lcs: l)) : nil
        }
        func mergeStep(_ i: Int, _ j: Int) -> (Double, Step)? {   // a[i], a[i+1] ↔ b[j]
            guard i + 1 < n, dice[i * m + j] >= partDice, dice[(i + 1) * m + j] >= partDice else { return nil }
            let l = b[j].masks.lcs([a[i].key, a[i + 1].key])
            let g = gain(l, a[i].key.count + a[i + 1].key.count + b[j].key.count)
            return g > 0 ? (g, Step(a: [i, i + 1], b: [j], lcs: l)) : nil
        }

        // Pass one: order-preserving DP. s[i][j] = best gain over a[..<i], b[..<j].
        let w = m + 1
        var s = [Double](repeating: 0, count: (n + 1) * w)
        var back = [Step?](repeating: nil, count: (n + 1) * w)
        var moveKind = [UInt8](repeating: 0, count: (n + 1) * w)   // 1 skip a, 2 skip b, 3 step
        for i in 0...n {
            for j in 0...m where i > 0 || j > 0 {
                var best = -Double.infinity, kind: UInt8 = 0, step: Step? = nil
                if i > 0 { best = s[(i - 1) * w + j]; kind = 1 }
                if j > 0 && s[i * w + j - 1] > best { best = s[i * w + j - 1]; kind = 2 }
                if i > 0 && j > 0, let (g, st) = pairStep(i - 1, j - 1), s[(i - 1) * w + j - 1] + g > best {
                    best = s[(i - 1) * w + j - 1] + g; kind = 3; step = st
                }
                if i > 0 && j > 1, let (g, st) = splitStep(i - 1, j - 2), s[(i - 1) * w + j - 2] + g > best {
                    best = s[(i - 1) * w + j - 2] + g; kind = 3; step = st
                }
                if i > 1 && j > 0, let (g, st) = mergeStep(i - 2, j - 1), s[(i - 2) * w + j - 1] + g > best {
                    best = s[(i - 2) * w + j - 1] + g; kind = 3; step = st
                }
                s[i * w + j] = best; moveKind[i * w + j] = kind; back[i * w + j] = step
            }
        }
        var ordered: [Step] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            switch moveKind[i * w + j] {
            case 1: i -= 1
            case 2: j -= 1
            default:
                let st = back[i * w + j]!
                ordered.append(st); i -= st.a.count; j -= st.b.count
            }
        }
        ordered.reverse()

        // Pass two: moves among the unmatched, greedily by gain.
        var usedA = [Bool](repeating: false, count: n), usedB = [Bool](repeating: false, count: m)
        for st in ordered { st.a.forEach { usedA[$0] = true }; st.b.forEach { usedB[$0] = true } }
        var options: [(Double, Step)] = []
        for i in 0..<n where !usedA[i] {
            for j in 0..<m where !usedB[j] {
                if let o = pairStep(i, j) { options.append(o) }
                if j + 1 < m, !usedB[j + 1], let o = splitStep(i, j) { options.append(o) }
                if i + 1 < n, !usedA[i + 1], let o = mergeStep(i, j) { options.append(o) }
            }
        }
        options.sort { x, y in
            x.0 != y.0 ? x.0 > y.0 : (x.1.a.first!, x.1.b.first!, x.1.a.count + x.1.b.count) < (y.1.a.first!, y.1.b.first!, y.1.a.count + y.1.b.count)
        }
        var moved: [Int: Step] = [:]   // keyed by first B index
        var topicInOrder = Set<Int>()  // pass-three pairs consistent with pass one's order
        for (_, st) in options where st.a.allSatisfy({ !usedA[$0] }) && st.b.allSatisfy({ !usedB[$0] }) {
            st.a.forEach { usedA[$0] = true }; st.b.forEach { usedB[$0] = true }
            moved[st.b[0]] = st
        }

        // Which matches stay in order: the largest order-preserving subset of all steps
        // (counted in clauses, then characters); the others are the moves. This reads a
        // move as the fewest clauses out of place, whatever their length.
        var steps = ordered + moved.values
        steps.sort { ($0.a[0], $0.b[0]) < ($1.a[0], $1.b[0]) }
        if !steps.isEmpty {
            func weight(_ st: Step) -> (Int, Int) {
                (st.a.count + st.b.count, st.a.reduce(0) { $0 + a[$1].key.count } + st.b.reduce(0) { $0 + b[$1].key.count })
            }
            var best = steps.map(weight), prev = [Int](repeating: -1, count: steps.count)
            for x in steps.indices {
                for y in 0..<x where steps[y].b.last! < steps[x].b[0] && steps[y].a.last! < steps[x].a[0] {
                    let w = weight(steps[x]), cand = (best[y].0 + w.0, best[y].1 + w.1)
                    if cand > best[x] { best[x] = cand; prev[x] = y }
                }
            }
            var end = 0
            for x in steps.indices where best[x] > best[end] { end = x }
            var keep = Set<Int>()
            var k = end
            while k >= 0 { keep.insert(k); k = prev[k] }
            ordered = steps.indices.filter { keep.contains($0) }.map { steps[$0] }
            moved = [:]
            for x in steps.indices where !keep.contains(x) { moved[steps[x].b[0]] = steps[x] }
        }

        // Pass three: mutual best topic counterparts among what is left.
        if let tau = topicThreshold {
            let leftA = (0..<n).filter { !usedA[$0] }, leftB = (0..<m).filter { !usedB[$0] }
            if !leftA.isEmpty && !leftB.isEmpty {
                let topic = ReferenceTopicSimilarity(a, b, onlyA: leftA, onlyB: leftB)
                var r = [Double](repeating: 0, count: leftA.count * leftB.count)
                for (x, i) in leftA.enumerated() { for (y, j) in leftB.enumerated() { r[x * leftB.count + y] = topic.score(i, j) } }
                let w2 = leftB.count
                func bestY(_ x: Int) -> Int { leftB.indices.max { (r[x * w2 + $0], -$0) < (r[x * w2 + $1], -$1) }! }
                func bestX(_ y: Int) -> Int { leftA.indices.max { (r[$0 * w2 + y], -$0) < (r[$1 * w2 + y], -$1) }! }
                for (x, i) in leftA.enumerated() {
                    let y = bestY(x), best = r[x * w2 + y]
                    guard best >= tau, bestX(y) == x else { continue }
                    let j = leftB[y]
                    var st = Step(a: [i], b: [j], lcs: 0)
                    var score = best
                    // A neighbour whose own best counterpart is the same clause joins as a merge or split.
                    for x2 in [x - 1, x + 1] where st.b.count == 1 && x2 >= 0 && x2 < leftA.count && abs(leftA[x2] - i) == 1 && a[leftA[x2]].clause.level == a[i].clause.level && !usedA[leftA[x2]] && bestY(x2) == y {
                        let joined = ReferenceTopicSimilarity.cosine(ReferenceTopicSimilarity.sum(topic.a[i], topic.a[leftA[x2]]), topic.b[j])
                        if joined > score { score = joined; st.a = [min(i, leftA[x2]), max(i, leftA[x2])] }
                    }
                    for y2 in [y - 1, y + 1] where st.a.count == 1 && y2 >= 0 && y2 < leftB.count && abs(leftB[y2] - j) == 1 && b[leftB[y2]].clause.level == b[j].clause.level && !usedB[leftB[y2]] && bestX(y2) == x {
                        let joined = ReferenceTopicSimilarity.cosine(topic.a[i], ReferenceTopicSimilarity.sum(topic.b[j], topic.b[leftB[y2]]))
                        if joined > score { score = joined; st.b = [min(j, leftB[y2]), max(j, leftB[y2])] }
                    }
                    if st.a.allSatisfy({ !usedA[$0] }) == false || st.b.allSatisfy({ !usedB[$0] }) == false { continue }
                    st.a.forEach { usedA[$0] = true }; st.b.forEach { usedB[$0] = true }
                    st.lcs = st.a.count == 2 ? b[j].masks.lcs(st.a.map { a[$0].key }) : a[i].masks.lcs(st.b.map { b[$0].key })
                    st.topic = (score * 1000).rounded() / 1000
                    if ordered.allSatisfy({ ($0.a[0] < st.a[0]) == ($0.b[0] < st.b[0]) }) { topicInOrder.insert(st.a[0]) }
                    moved[st.b[0]] = st
                }
            }
        }

        // Emit in reading order: walk both documents along pass one's steps.
        var out: [DiffPair] = []
        var group = 0
        func emit(_ st: Step, isMove: Bool) {
            let sa = st.a.map { a[$0] }, sb = st.b.map { b[$0] }
            let mass = sa.reduce(0) { $0 + $1.key.count } + sb.reduce(0) { $0 + $1.key.count }
            let score = mass == 0 ? 1 : 2 * Double(st.lcs) / Double(mass)
            let same = Array(sa.map(\.key).joined()) == Array(sb.map(\.key).joined())
            let textA = sa.map(\.display).joined(separator: "\n"), textB = sb.map(\.display).joined(separator: "\n")
            // A character diff reads well only between close texts; rewritten pairs show both texts whole.
            let ops: [InlineDiff.Op]? = !inlineOps || textA == textB || score < threshold ? nil : InlineDiff.diff(textA, textB)
            let r = (score * 1000).rounded() / 1000
            if st.a.count == 1 && st.b.count == 1 {
                var status: DiffPair.Status = isMove ? .moved : (same ? .unchanged : .modified)
                if st.topic != nil && topicInOrder.contains(st.a[0]) { status = .modified }
                var p = DiffPair(a: sa[0].id, b: sb[0].id, status: status, score: same ? 1 : r, ops: ops)
                if let t = st.topic { p.basis = "topic"; p.topicScore = t }
                out.append(p)
            } else {
                group += 1
                let status: DiffPair.Status = st.a.count == 1 ? .split : .merged
                var first = true
                for x in sa { for y in sb {
                    var p = DiffPair(a: x.id, b: y.id, status: status, score: r, group: group, ops: first ? ops : nil)
                    if let t = st.topic { p.basis = "topic"; p.topicScore = t }
                    out.append(p)
                    first = false
                } }
            }
        }
        var ai = 0, bj = 0
        func flush(toA: Int, toB: Int) {
            while ai < toA { if !usedA[ai] { out.append(DiffPair(a: a[ai].id, b: nil, status: .removed, score: nil)) }; ai += 1 }
            while bj < toB {
                if let st = moved[bj] { emit(st, isMove: true) }
                else if !usedB[bj] { out.append(DiffPair(a: nil, b: b[bj].id, status: .added, score: nil)) }
                bj += 1
            }
        }
        for st in ordered {
            flush(toA: st.a[0], toB: st.b[0])
            emit(st, isMove: false)
            ai = st.a.last! + 1; bj = st.b.last! + 1
        }
        flush(toA: n, toB: m)
        return (out, dice, lcs)
    }
}


/// Topic similarity before the shared document frequencies and the all-pairs scores.
struct ReferenceTopicSimilarity {
    /// Sparse vector: sorted bigrams and their weights, with its norm.
    struct Vector { var keys: [UInt64]; var weights: [Double]; var norm: Double }
    let a: [Vector]
    let b: [Vector]

    /// Vectors for every clause of both documents.
    init(_ ca: [ComparableClause], _ cb: [ComparableClause]) {
        self.init(ca, cb, onlyA: Array(ca.indices), onlyB: Array(cb.indices))
    }

    /// Vectors only for the clauses `onlyA` and `onlyB` (the others stay empty); the
    /// document frequencies are still taken over all clauses of both documents.
    init(_ ca: [ComparableClause], _ cb: [ComparableClause], onlyA: [Int], onlyB: [Int]) {
        // Document frequency of each bigram: sorted keys and counts (bigrams are distinct per clause).
        var all: [UInt64] = []
        all.reserveCapacity(ca.reduce(0) { $0 + $1.bigrams.count } + cb.reduce(0) { $0 + $1.bigrams.count })
        for c in ca { all.append(contentsOf: c.bigrams) }
        for c in cb { all.append(contentsOf: c.bigrams) }
        all.sort()
        var dfKeys: [UInt64] = [], dfCounts: [Int] = []
        for g in all { if dfKeys.last == g { dfCounts[dfCounts.count - 1] += 1 } else { dfKeys.append(g); dfCounts.append(1) } }
        func df(_ g: UInt64) -> Int {
            var lo = 0, hi = dfKeys.count
            while lo < hi { let mid = (lo + hi) / 2; if dfKeys[mid] < g { lo = mid + 1 } else { hi = mid } }
            return lo < dfKeys.count && dfKeys[lo] == g ? dfCounts[lo] : 1
        }
        let n = Double(ca.count + cb.count)
        func vector(_ c: ComparableClause) -> Vector {
            var grams: [UInt64] = []
            grams.reserveCapacity(c.key.count + c.headingKey.count)
            for key in [c.key, c.headingKey] where key.count >= 2 {
                for i in 1..<key.count { grams.append(UInt64(key[i - 1]) << 32 | UInt64(key[i])) }
            }
            grams.sort()
            var keys: [UInt64] = [], weights: [Double] = []
            var i = 0
            while i < grams.count {
                var j = i + 1
                while j < grams.count && grams[j] == grams[i] { j += 1 }
                keys.append(grams[i])
                weights.append((1 + log(Double(j - i))) * log(n / Double(df(grams[i])) + 1))
                i = j
            }
            return Vector(keys: keys, weights: weights, norm: sqrt(weights.reduce(0) { $0 + $1 * $1 }))
        }
        let empty = Vector(keys: [], weights: [], norm: 0)
        var va = [Vector](repeating: empty, count: ca.count), vb = [Vector](repeating: empty, count: cb.count)
        for i in onlyA { va[i] = vector(ca[i]) }
        for j in onlyB { vb[j] = vector(cb[j]) }
        a = va; b = vb
    }

    static func cosine(_ x: Vector, _ y: Vector) -> Double {
        guard x.norm > 0, y.norm > 0 else { return 0 }
        var i = 0, j = 0, dot = 0.0
        while i < x.keys.count && j < y.keys.count {
            if x.keys[i] == y.keys[j] { dot += x.weights[i] * y.weights[j]; i += 1; j += 1 }
            else if x.keys[i] < y.keys[j] { i += 1 } else { j += 1 }
        }
        return dot / (x.norm * y.norm)
    }

    func score(_ i: Int, _ j: Int) -> Double { Self.cosine(a[i], b[j]) }

    /// The vector of two clauses read as one (for merges and splits).
    static func sum(_ x: Vector, _ y: Vector) -> Vector {
        var keys: [UInt64] = [], weights: [Double] = []
        var i = 0, j = 0
        while i < x.keys.count || j < y.keys.count {
            if j >= y.keys.count || (i < x.keys.count && x.keys[i] < y.keys[j]) { keys.append(x.keys[i]); weights.append(x.weights[i]); i += 1 }
            else if i >= x.keys.count || y.keys[j] < x.keys[i] { keys.append(y.keys[j]); weights.append(y.weights[j]); j += 1 }
            else { keys.append(x.keys[i]); weights.append(x.weights[i] + y.weights[j]); i += 1; j += 1 }
        }
        return Vector(keys: keys, weights: weights, norm: sqrt(weights.reduce(0) { $0 + $1 * $1 }))
    }
}


/// The coverage table's unmatched clauses before the shared alignment and the pruned best scores.
enum ReferenceCoverage {
    static func unmatchedClauses(_ before: [PreparedDocument], _ after: [PreparedDocument], threshold: Double) -> ([CoverageTable.ClauseRef], [CoverageTable.ClauseRef]) {
        func pooled(_ docs: [PreparedDocument]) -> [(doc: String, clause: Clause, prepared: PreparedClause)] {
            docs.flatMap { d in d.clauses.map { p in var c = p.clause; c.id = d.document.id + "#" + c.id; return (d.document.id, c, p) } }
        }
        let pb = pooled(before), pa = pooled(after)
        let renames = UnitRenames.forClauses(pb.map(\.clause) + pa.map(\.clause))
        let cb = pb.map { ComparableClause($0.prepared, renames: renames, clause: $0.clause) }
        let ca = pa.map { ComparableClause($0.prepared, renames: renames, clause: $0.clause) }
        var aligner = ReferenceAligner(threshold: threshold)
        aligner.inlineOps = false   // only the statuses are read
        let (pairs, dice, lcs) = aligner.alignDetailed(cb, ca)
        let added = Set(pairs.filter { $0.status == .added }.compactMap(\.b)), removed = Set(pairs.filter { $0.status == .removed }.compactMap(\.a))
        // Best similarity to the other year: Dice and LCS are symmetric, so the aligner's
        // matrices (before × after) serve both directions.
        let m = ca.count
        func best(_ i: Int, _ j: Int) -> Double? {   // before i, after j
            guard dice[i * m + j] >= 0.2 else { return nil }
            let l = lcs[i * m + j] >= 0 ? lcs[i * m + j] : cb[i].masks.lcs([ca[j].key])
            let total = cb[i].key.count + ca[j].key.count
            return total == 0 ? 1 : 2 * Double(l) / Double(total)
        }
        func ref(_ entry: (doc: String, clause: Clause, prepared: PreparedClause), _ x: ComparableClause, _ score: Double) -> CoverageTable.ClauseRef {
            CoverageTable.ClauseRef(doc: entry.doc, clause: String(x.id.dropFirst(entry.doc.count + 1)), text: x.display, best: (score * 1000).rounded() / 1000)
        }
        var new: [CoverageTable.ClauseRef] = [], dropped: [CoverageTable.ClauseRef] = []
        for j in ca.indices where added.contains(ca[j].id) {
            var b = 0.0
            for i in cb.indices { if let s = best(i, j) { b = max(b, s) } }
            new.append(ref(pa[j], ca[j], b))
        }
        for i in cb.indices where removed.contains(cb[i].id) {
            var b = 0.0
            for j in ca.indices { if let s = best(i, j) { b = max(b, s) } }
            dropped.append(ref(pb[i], cb[i], b))
        }
        return (new, dropped)
    }
}
