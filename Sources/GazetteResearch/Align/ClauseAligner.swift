/// Aligns the clauses of two documents, order-aware, allowing moves, merges and splits.
///
/// 1. Candidates: pairs whose character-bigram Dice is at least `candidateDice`.
/// 2. Pass one: an optimal order-preserving alignment by dynamic programming over
///    1:1 matches, splits (one A clause ↔ two consecutive B clauses) and merges
///    (two consecutive A clauses ↔ one B clause). A step gains `2·LCS − τ·(chars involved)`,
///    so it is taken only where the texts share more than τ of their characters in order,
///    and a split beats a plain match only where the second part really comes from the clause.
/// 3. Pass two: among clauses left unmatched, the same kinds of steps without the order
///    constraint, greedily by gain: these are moves (and moved merges/splits).
/// 4. Pass three: clauses still unmatched on both sides that are each other's best
///    counterpart by `TopicSimilarity` (≥ `topicThreshold`) — rewritten clauses on the same
///    subject, as between two years of a plan. They are reported modified (or moved, when
///    out of order with pass one) with `basis: "topic"`.
/// 5. The rest are added (B only) or removed (A only).
public struct ClauseAligner: Sendable {
    /// τ: the least similarity for two clauses to be counterparts.
    public var threshold: Double = 0.5
    /// Least bigram Dice for a pair to be scored at all (clauses under 12 characters are
    /// always scored). Pairs reaching τ share far more bigrams than this; unrelated clauses
    /// of one genre share 0.1–0.2, so the filter spares most LCS computations.
    public var candidateDice: Double = 0.2
    /// Least bigram Dice between a clause and each part of a merge or split (a part of 30%
    /// of the clause already has Dice ≈ 0.46 with it).
    public var partDice: Double = 0.2
    /// Least topic similarity for pass three; nil turns pass three off.
    public var topicThreshold: Double? = 0.12
    /// Whether pairs carry their inline character diff (`ops`); off where only the
    /// statuses are read (the coverage table).
    public var inlineOps = true

    public init(threshold: Double = 0.5, candidateDice: Double = 0.2, topicThreshold: Double? = 0.12) {
        self.threshold = threshold; self.candidateDice = candidateDice; self.topicThreshold = topicThreshold
    }

    /// One alignment step: clause indexes on each side.
    struct Step { var a: [Int]; var b: [Int]; var lcs: Int; var topic: Double? = nil }

    /// LCS length of two clauses. It is symmetric: the longer clause is the pattern, so the
    /// bit-parallel loop looks up the fewer characters (one lookup per text character).
    static func lcs(_ x: ComparableClause, _ y: ComparableClause) -> Int {
        x.key.count >= y.key.count ? x.masks.lcs(y.key) : y.masks.lcs(x.key)
    }

    public func align(_ a: [ComparableClause], _ b: [ComparableClause]) -> [DiffPair] {
        alignDetailed(a, b).pairs
    }

    /// The alignment, with the bigram Dice of every pair (row-major, `a` × `b`) and the LCS
    /// length of pairs scored (-1 where not computed: a candidate pair whose lengths alone
    /// keep its gain from being positive is not scored, see `pairStep`).
    func alignDetailed(_ a: [ComparableClause], _ b: [ComparableClause]) -> (pairs: [DiffPair], dice: [Double], lcs: [Int]) {
        let n = a.count, m = b.count
        let index = BigramIndex(a, b)
        let dice = index.dice(a, b)
        var lcs = [Int](repeating: -1, count: n * m)
        // LCS lengths of the split (a[i] ↔ b[j], b[j+1]) and merge (a[i], a[i+1] ↔ b[j]) at
        // (i, j): pass two asks again for what pass one computed. -1 not computed.
        var splitLCS = [Int](repeating: -1, count: n * m), mergeLCS = [Int](repeating: -1, count: n * m)
        // Key lengths read once (the inner loops then touch no clause).
        let lenA = a.map(\.key.count), lenB = b.map(\.key.count)
        func cand(_ i: Int, _ j: Int) -> Bool { dice[i * m + j] >= candidateDice || min(lenA[i], lenB[j]) < 12 }
        func pairLCS(_ i: Int, _ j: Int) -> Int {
            // Symmetric: the longer clause is the pattern (fewer lookups), as `Self.lcs`.
            if lcs[i * m + j] < 0 { lcs[i * m + j] = lenA[i] >= lenB[j] ? a[i].masks.lcs(b[j].key) : b[j].masks.lcs(a[i].key) }
            return lcs[i * m + j]
        }
        func gain(_ l: Int, _ mass: Int) -> Double { 2 * Double(l) - threshold * Double(mass) }
        // A step's LCS is at most its shorter side, and the gain grows with the LCS: where
        // even that bound gives no positive gain, the step is refused without its LCS.
        func pairStep(_ i: Int, _ j: Int) -> (Double, Step)? {
            guard cand(i, j) else { return nil }
            let la = lenA[i], lb = lenB[j], mass = la + lb
            if mass > 0 && !(gain(min(la, lb), mass) > 0) { return nil }
            let l = pairLCS(i, j)
            let g = mass == 0 ? 1 : gain(l, mass)
            return g > 0 ? (g, Step(a: [i], b: [j], lcs: l)) : nil
        }
        func splitStep(_ i: Int, _ j: Int) -> (Double, Step)? {   // a[i] ↔ b[j], b[j+1]
            guard j + 1 < m, dice[i * m + j] >= partDice, dice[i * m + j + 1] >= partDice else { return nil }
            let la = lenA[i], lb = lenB[j] + lenB[j + 1]
            if !(gain(min(la, lb), la + lb) > 0) { return nil }
            if splitLCS[i * m + j] < 0 { splitLCS[i * m + j] = a[i].masks.lcs([b[j].key, b[j + 1].key]) }
            let l = splitLCS[i * m + j]
            let g = gain(l, la + lb)
            return g > 0 ? (g, Step(a: [i], b: [j, j + 1], lcs: l)) : nil
        }
        func mergeStep(_ i: Int, _ j: Int) -> (Double, Step)? {   // a[i], a[i+1] ↔ b[j]
            guard i + 1 < n, dice[i * m + j] >= partDice, dice[(i + 1) * m + j] >= partDice else { return nil }
            let la = lenA[i] + lenA[i + 1], lb = lenB[j]
            if !(gain(min(la, lb), la + lb) > 0) { return nil }
            if mergeLCS[i * m + j] < 0 { mergeLCS[i * m + j] = b[j].masks.lcs([a[i].key, a[i + 1].key]) }
            let l = mergeLCS[i * m + j]
            let g = gain(l, la + lb)
            return g > 0 ? (g, Step(a: [i, i + 1], b: [j], lcs: l)) : nil
        }

        // Pass one: order-preserving DP. s[i][j] = best gain over a[..<i], b[..<j].
        let w = m + 1
        var s = [Double](repeating: 0, count: (n + 1) * w)
        // The step taken at each cell: an index into `taken` (-1 none); a table of optional
        // steps cost a destroy of every cell.
        var back = [Int32](repeating: -1, count: (n + 1) * w)
        var taken: [Step] = []
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
                s[i * w + j] = best; moveKind[i * w + j] = kind
                if let st = step { back[i * w + j] = Int32(taken.count); taken.append(st) }
            }
        }
        var ordered: [Step] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            switch moveKind[i * w + j] {
            case 1: i -= 1
            case 2: j -= 1
            default:
                let st = taken[Int(back[i * w + j])]
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
                let topic = TopicSimilarity(a, b, onlyA: leftA, onlyB: leftB, index: index)
                let r = topic.scores(rows: leftA, cols: leftB)
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
                        let joined = TopicSimilarity.cosine(TopicSimilarity.sum(topic.a[i], topic.a[leftA[x2]]), topic.b[j])
                        if joined > score { score = joined; st.a = [min(i, leftA[x2]), max(i, leftA[x2])] }
                    }
                    for y2 in [y - 1, y + 1] where st.a.count == 1 && y2 >= 0 && y2 < leftB.count && abs(leftB[y2] - j) == 1 && b[leftB[y2]].clause.level == b[j].clause.level && !usedB[leftB[y2]] && bestX(y2) == x {
                        let joined = TopicSimilarity.cosine(topic.a[i], TopicSimilarity.sum(topic.b[j], topic.b[leftB[y2]]))
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
