import Foundation
import GazetteModel

/// Stage 5: label each clause with one work area and zero or more policy topics, each with
/// scores and evidence, and resolve each unit mention through the unit registry.
///
/// Order, and why:
/// 1. clauses are visited deepest first (reverse reading order), so a parent sees its
///    children's final labels;
/// 2. a clause without children is scored from its cues (heading, body, parent heading);
///    its topics are chosen first because they support the `disclosure` area;
/// 3. a clause with children takes the area a strict majority of them have; without a
///    majority its heading decides (ties → the children's plurality); its topics are the
///    ones its heading names plus each child's main topic, none for a cross-field container;
/// 4. an editor's override (overrides.yml) replaces the result for its clause, before the
///    clause's parent looks at it.
///
/// A document outside the taxonomy's `scope` (not about open-government work) gets no area on
/// any clause, the reason in each clause's evidence; its topics are chosen as everywhere else.
public struct Classifier: Sendable {
    public var taxonomy: Taxonomy
    public var registry: UnitRegistry
    public var overrides: Overrides
    /// The official subject class (subject_classes.yml): read from the page, or predicted.
    public var subjects: SubjectClassifier
    /// Hash of the data files' contents (see `fingerprint`).
    public var dataHash: String
    let matcher: CueMatcher

    public init(taxonomy: Taxonomy, registry: UnitRegistry = UnitRegistry(), overrides: Overrides = Overrides(),
                subjects: SubjectClassifier = SubjectClassifier(), dataHash: String = "") {
        self.taxonomy = taxonomy; self.registry = registry; self.overrides = overrides; self.subjects = subjects; self.dataHash = dataHash
        matcher = CueMatcher(taxonomy: taxonomy)
    }

    /// An empty taxonomy: every clause gets `general`.
    public init() { self.init(taxonomy: Taxonomy(areas: [TaxonomyCode(code: "general")], topics: [])) }

    public func classify(_ doc: Document) -> Document {
        var d = doc
        let region = d.region ?? registry.region(in: [d.issuer ?? "", d.title, d.planTitle].joined(separator: " "))
        d.issuerUnits = IssuerUnits.names(d.issuer).map { registry.resolve(UnitMention(name: $0, role: .issuer), region: region) }
        let scope = taxonomy.scope?.decide(titles: [d.title, d.planTitle], text: d.text)
        let areasApply = scope?.applies ?? true
        // The first clause of each id (a parent's heading), and each heading's cue scan, made
        // once: a heading is read as its clause's own and again as each child's parent heading.
        var first: [String: Int] = [:]
        var byParent: [String: [Int]] = [:]
        for (i, c) in d.clauses.enumerated() {
            if first[c.id] == nil { first[c.id] = i }
            if let p = c.parent { byParent[p, default: []].append(i) }
        }
        var scans = [TextMatches?](repeating: nil, count: d.clauses.count)
        func headingScan(_ k: Int) -> TextMatches {
            if let s = scans[k] { return s }
            let s = matcher.scan(d.clauses[k].heading).0
            scans[k] = s
            return s
        }
        for i in d.clauses.indices.reversed() {
            var c = d.clauses[i]
            let label: LabelDecision
            if let kids = byParent[c.id], !kids.isEmpty {
                // A parent is labelled from its heading and its children: no body to cut out.
                label = labelParent(heading: headingScan(i), level: c.level, children: kids.map { d.clauses[$0] },
                                    childHeadings: kids.map(headingScan), areasApply: areasApply)
            } else {
                let parent = c.parent.flatMap { first[$0] }.map(headingScan) ?? TextMatches()
                label = labelLeaf(matcher.analyze(heading: headingScan(i), body: Self.body(of: c), parent: parent), areasApply: areasApply)
            }
            c.area = label.area; c.topics = label.topics; c.evidence = label.evidence; c.scores = label.scores
            if let scope, !scope.applies { c.evidence.insert("area none: \(scope.reason)", at: 0) }
            if let o = overrides.find(document: d.id, clause: c.id) {
                if let a = o.area { c.area = a }
                if let t = o.topics { c.topics = t }
                c.evidence.insert("override (\(overrides.file ?? "overrides.yml")\(o.line.map { ":\($0)" } ?? "")): area \(c.area ?? "none"), topics [\(c.topics.joined(separator: ", "))]" + (o.note.map { " — \($0)" } ?? ""), at: 0)
            }
            c.units = c.units.map { registry.resolve($0, region: region) }
            d.clauses[i] = c
        }
        d.topics = documentTopics(d)
        return subjects.assign(d)
    }

    /// The clause text without a repeated heading.
    static func body(of c: Clause) -> String {
        let t = trimmed(Substring(c.text), .whitespacesAndNewlines)
        guard !c.heading.isEmpty else { return t }
        // The heading, with or without its label, at the start of the first line.
        let window = t.prefix(c.heading.count + c.label.count + 4)
        if let r = find(c.heading, in: window) {
            return trimmed(t[r.upperBound...], headingTail)
        }
        return t
    }

    static let headingTail = CharacterSet(charactersIn: "。.：: \n")

    /// `text.range(of: s)`: a scalar search when both texts only hold scalars that no other
    /// sequence is canonically equivalent to (then Foundation's comparison is exact), else
    /// Foundation's search.
    static func find(_ s: String, in text: Substring) -> Range<String.Index>? {
        guard isPlain(s.unicodeScalars), isPlain(text.unicodeScalars) else { return text.range(of: s) }
        let needle = Array(s.unicodeScalars)
        guard let head = needle.first else { return text.range(of: s) }
        let hay = text.unicodeScalars
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i] == head {
                var j = hay.index(after: i), k = 1
                while k < needle.count && j != hay.endIndex && hay[j] == needle[k] { j = hay.index(after: j); k += 1 }
                if k == needle.count { return i ..< j }
            }
            i = hay.index(after: i)
        }
        return nil
    }

    /// Whether every scalar is ASCII, a CJK ideograph, CJK or fullwidth punctuation (not the
    /// combining tone marks), or general punctuation: none decomposes or combines.
    static func isPlain<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        scalars.allSatisfy { s in
            switch s.value {
            case 0x09, 0x0A, 0x20 ..< 0x7F, 0x2010 ... 0x2027, 0x2030 ... 0x205E, 0x3000 ... 0x3029, 0x3030 ... 0x303F,
                 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xFF00 ... 0xFFEF: return true
            default: return false
            }
        }
    }

    /// `trimmingCharacters(in:)` by Unicode scalars, without bridging to NSString (the
    /// same result: it too drops the scalars of `set` at both ends).
    static func trimmed(_ s: Substring, _ set: CharacterSet) -> String {
        let u = s.unicodeScalars
        guard let first = u.firstIndex(where: { !set.contains($0) }),
              let last = u.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(Substring(u[first...last]))
    }
}

/// The labels of one clause before they are written into it.
struct LabelDecision {
    /// nil when the document is outside the taxonomy's scope.
    var area: String?
    var topics: [String]
    var evidence: [String]
    var scores: [String: Double]
}

extension Classifier {
    /// Scores of every topic, best first, and the ones that pass the thresholds. `scored`: the
    /// first result's `all` for the same clause (scores do not depend on `factor`).
    func topicScores(_ m: ClauseMatches, factor: Double = 1, scored: [Score]? = nil) -> (all: [Score], kept: [Score]) {
        let r = taxonomy.rules
        let all: [Score] = scored ?? matcher.scoreTopics(m).filter { $0.total > 0 }.sorted(by: Self.byScore)
        guard let best = all.first?.total else { return (all, []) }
        let need = factor * max(r.topicMinScore, r.topicPer100Chars * Double(m.bodyCharacters) / 100)
        let kept = all.filter { $0.headingPoints >= r.headingTopicMin || ($0.total >= need && $0.total >= r.topicRelativeToBest * best) }
        return (all, kept)
    }

    static func byScore(_ a: Score, _ b: Score) -> Bool { a.total != b.total ? a.total > b.total : a.code < b.code }

    /// Labels of a clause without children, from the matches of its heading, body and parent heading.
    /// `areasApply` false: topics only, each on its own score (no area to support or to doubt them).
    func labelLeaf(_ m: ClauseMatches, areasApply: Bool = true) -> LabelDecision {
        let r = taxonomy.rules
        var (allTopics, topics) = topicScores(m)
        if !areasApply {
            var scores: [String: Double] = [:]
            for t in allTopics { scores["topic." + t.code] = (t.total * 100).rounded() / 100 }
            return LabelDecision(area: nil, topics: topics.map(\.code),
                                 evidence: topics.map { "topic \($0.code) \(Score.format($0.total)): \($0.explanation)" }, scores: scores)
        }
        var areas = matcher.scoreAreas(m)
        if !topics.isEmpty, let k = areas.firstIndex(where: { $0.code == r.topicSupportArea }) {
            let pts = topics.reduce(0.0) { $0 + r.topicSupport * ($1.headingPoints >= r.headingTopicMin ? r.headingTopicSupport : 1) }
            areas[k].total += pts
            areas[k].hits.append(CueHit(cue: "topics " + topics.map(\.code).joined(separator: ","), place: "fields", count: topics.count, points: pts))
        }
        var area: Score? = nil
        for a in areas where a.total > 0 && a.total > (area?.total ?? 0) { area = a }
        if let area, area.code != r.topicSupportArea, r.topicOutsideFactor != 1 {
            (allTopics, topics) = topicScores(m, factor: r.topicOutsideFactor, scored: allTopics)
        }
        var evidence: [String] = []
        if let area {
            evidence.append("area \(area.code) \(Score.format(area.total)): \(area.explanation)")
            let others: [Score] = areas.filter { $0.code != area.code && $0.total > 0 }.sorted(by: Self.byScore)
            if let second = others.first {
                evidence.append("runner-up \(second.code) \(Score.format(second.total)): \(second.explanation)")
            }
        } else {
            evidence.append("area \(r.defaultArea): no area cue found")
        }
        for t in topics { evidence.append("topic \(t.code) \(Score.format(t.total)): \(t.explanation)") }
        var scores: [String: Double] = [:]
        for a in areas where a.total != 0 { scores["area." + a.code] = (a.total * 100).rounded() / 100 }
        for t in allTopics { scores["topic." + t.code] = (t.total * 100).rounded() / 100 }
        return LabelDecision(area: area?.code ?? r.defaultArea, topics: topics.map(\.code), evidence: evidence, scores: scores)
    }

    /// Labels of a clause with children: `heading`, the matches of its heading; `childHeadings`,
    /// those of each child's heading.
    func labelParent(heading: TextMatches, level: Int, children: [Clause], childHeadings: [TextMatches],
                     areasApply: Bool = true) -> LabelDecision {
        let hm = ClauseMatches(heading: heading)
        let r = taxonomy.rules
        var counts: [String: Int] = [:]
        for k in children { if let a = k.area { counts[a, default: 0] += 1 } }
        let order = taxonomy.areas.map(\.code)
        func rank(_ a: String) -> Int { order.firstIndex(of: a) ?? order.count }
        let tally: [(key: String, value: Int)] = counts.sorted { (a: (key: String, value: Int), b: (key: String, value: Int)) -> Bool in
            if a.value != b.value { return a.value > b.value }
            return rank(a.key) < rank(b.key)
        }
        let tallyText = tally.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var evidence: [String] = []
        var area: String?
        if !areasApply {
            area = nil
        } else if let top = tally.first, top.value * 2 > children.count {
            area = top.key
            evidence.append("area \(top.key): \(top.value) of \(children.count) children (\(tallyText))")
        } else {
            // The heading decides among the areas it names; naming several, the children's
            // plurality among those decides, then the heading's score, then taxonomy order.
            let named = matcher.scoreAreas(hm).filter { $0.total > 0 }
            if var pick = named.first {
                for t in named.dropFirst() {
                    let (n, m) = (counts[t.code] ?? 0, counts[pick.code] ?? 0)
                    if n > m || (n == m && t.total > pick.total) { pick = t }
                }
                area = pick.code
                let others = named.filter { $0.code != pick.code }.map(\.code)
                evidence.append("area \(pick.code): no majority among children (\(tallyText)); the heading decides: \(pick.explanation)"
                                + (others.isEmpty ? "" : " (also names \(others.joined(separator: ", ")))"))
            } else {
                let plurality = tally.first?.key ?? r.defaultArea
                area = plurality
                evidence.append("area \(plurality): no majority among children (\(tallyText)) and no area cue in the heading; plurality")
            }
        }
        // Topics: the heading's own, plus each child's main topic.
        let own = topicScores(hm).kept.map(\.code)
        var childMain: [String] = []
        var withTopics = 0
        for (k, kh) in zip(children, childHeadings) where !k.topics.isEmpty {
            withTopics += 1
            let named = topicScores(ClauseMatches(heading: kh)).kept.map(\.code).filter { k.topics.contains($0) }
            for t in (named.isEmpty ? [k.topics[0]] : named) where !childMain.contains(t) { childMain.append(t) }
        }
        var topics: [String]
        if level <= r.crossFieldMaxLevel && withTopics >= r.crossFieldTopics && Set(childMain).count >= r.crossFieldTopics {
            topics = own
            evidence.append("topics: cross-field container (\(withTopics) children on \(Set(childMain).count) fields); only the heading's own topics")
        } else {
            topics = own
            for t in childMain where !topics.contains(t) { topics.append(t) }
            if !topics.isEmpty { evidence.append("topics: heading [\(own.joined(separator: ","))] + children's main topics [\(childMain.joined(separator: ","))]") }
        }
        let tOrder = taxonomy.topics.map(\.code)
        topics.sort { (tOrder.firstIndex(of: $0) ?? 99) < (tOrder.firstIndex(of: $1) ?? 99) }
        var scores: [String: Double] = [:]
        for (a, n) in counts { scores["children." + a] = Double(n) }
        return LabelDecision(area: area, topics: topics, evidence: evidence, scores: scores)
    }
}
