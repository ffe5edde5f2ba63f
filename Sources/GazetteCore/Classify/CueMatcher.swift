import Foundation

/// The text of one clause as the classifier sees it: its heading, its body and the
/// heading of the section it belongs to.
public struct ClauseContext: Sendable {
    public var heading: String
    public var body: String
    public var parentHeading: String
    public init(heading: String, body: String, parentHeading: String = "") {
        self.heading = heading; self.body = body; self.parentHeading = parentHeading
    }
}

/// How one cue contributed to a code's score.
public struct CueHit: Sendable, Equatable {
    public var cue: String
    public var place: String     // heading | body | parent
    public var count: Int
    public var points: Double

    public var description: String {
        let n = count > 1 ? "×\(count)" : ""
        return "\(place)「\(cue)」\(n) \(points >= 0 ? "+" : "")\(Score.format(points))"
    }
}

/// A code's total and the hits that made it.
public struct Score: Sendable, Equatable {
    public var code: String
    public var total: Double
    public var hits: [CueHit]

    public var headingPoints: Double { hits.filter { $0.place == "heading" }.reduce(0) { $0 + $1.points } }
    public var explanation: String {
        hits.sorted { abs($0.points) > abs($1.points) }.prefix(4).map(\.description).joined(separator: ", ")
    }
    /// A score for people: two places, no trailing ".0".
    public static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// Every cue match in one text, sorted by cue id, then position (UTF-16).
struct TextMatches {
    var matches: [CueMatch] = []

    /// The matches of the cue ids in `ids` (consecutive in `matches`).
    func slice(_ ids: Range<Int32>) -> Range<Int> {
        var lo = 0, hi = matches.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if matches[mid].id < ids.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < matches.count && matches[end].id < ids.upperBound { end += 1 }
        return lo ..< end
    }
}

/// The matches of a clause's three texts, computed once and shared by every code.
public struct ClauseMatches {
    var heading = TextMatches(), body = TextMatches(), parent = TextMatches()
    /// The body's enumerations as UTF-16 [start, end) (only when the body has a cue match).
    var lists: [(start: Int32, end: Int32)] = []
    var bodyLength = 0
    /// The body itself and its scalar count, for its character count (the topic threshold).
    var bodyText = ""
    var bodySize = CueAutomaton.Size()
    /// Characters of the body (`SimpleText.count(body)`).
    var bodyCharacters: Int { bodySize.simple ? bodySize.scalars : bodyText.count }
}

/// Counts cue hits in a clause and turns them into scores, with the weights of `ClassifyRules`.
///
/// Literal cues of the whole taxonomy are found in one pass per text by a `CueAutomaton`;
/// a regular expression that is a literal at the start of a line (`^公开`) joins the automaton,
/// other regular expressions are compiled once. Cues are numbered consecutively per code, so
/// a code's matches are one run of a text's matches sorted by cue id. Hits of topic cues
/// inside an enumeration (four or more items joined by 、) are discounted: a clause that
/// lists example fields is not about each of them.
public final class CueMatcher: @unchecked Sendable {
    let rules: ClassifyRules
    private let automaton: CueAutomaton
    /// Regular-expression cues the automaton cannot find.
    private var regexes: [(id: Int32, re: NSRegularExpression)] = []
    /// Each code of the taxonomy (areas, then topics) with its cue ids and cues.
    private var plans: [CodePlan] = []
    private var planIndex: [String: Int] = [:]
    private let areaCount: Int

    final class CodePlan {
        var code: String
        var ids: Range<Int32>
        var cues: [Cue]
        var labels: [String]
        /// Index of the first cue with the same label (hits of one phrase merge).
        var group: [Int]
        /// Whether each cue counts in the heading, body, parent heading.
        var counts: [[Bool]]

        init(code: String, ids: Range<Int32>, cues: [Cue], labels: [String], group: [Int], counts: [[Bool]]) {
            self.code = code; self.ids = ids; self.cues = cues; self.labels = labels; self.group = group; self.counts = counts
        }
    }

    static let places = ["heading", "body", "parent"]

    public init(taxonomy: Taxonomy) {
        rules = taxonomy.rules
        areaCount = taxonomy.areas.count
        var next: Int32 = 0
        var literals: [(id: Int32, text: String, atLineStart: Bool)] = []
        for c in taxonomy.areas + taxonomy.topics {
            let first = next
            for cue in c.cues {
                let id = next; next += 1
                if cue.isRegex {
                    if let lit = Self.lineStartLiteral(cue.label) {
                        literals.append((id, lit, true))
                    } else if let re = try? NSRegularExpression(pattern: cue.label, options: [.anchorsMatchLines]) {
                        regexes.append((id, re))
                    }
                } else {
                    literals.append((id, cue.pattern, false))
                }
            }
            let labels = c.cues.map(\.label)
            let group = labels.indices.map { i in labels.firstIndex(of: labels[i])! }
            let counts = Self.places.map { p in c.cues.map { $0.place == .any || $0.place.rawValue == p } }
            if planIndex[c.code] == nil { planIndex[c.code] = plans.count }
            plans.append(CodePlan(code: c.code, ids: first ..< next, cues: c.cues, labels: labels, group: group, counts: counts))
        }
        automaton = CueAutomaton(cues: literals)
    }

    /// The literal of a regular expression `^LITERAL` whose literal has no special character
    /// and no line break, else nil. With `anchorsMatchLines`, it matches the literal at the
    /// start of the text and after each line terminator.
    static func lineStartLiteral(_ pattern: String) -> String? {
        guard pattern.hasPrefix("^") else { return nil }
        let lit = pattern.dropFirst()
        guard !lit.isEmpty else { return nil }
        for s in lit.unicodeScalars {
            let v = s.value
            let ascii = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            let plain = v >= 0xA0 && v != 0x2028 && v != 0x2029
            if !(ascii || plain) { return nil }
        }
        return String(lit)
    }

    /// All cue matches in a text, and its size.
    func scan(_ text: String) -> (TextMatches, CueAutomaton.Size) {
        guard !text.isEmpty else { return (TextMatches(), CueAutomaton.Size()) }
        var out: [CueMatch] = []
        let size = automaton.scan(text, into: &out)
        for (id, re) in regexes {
            for r in re.matches(in: text, range: NSRange(location: 0, length: size.utf16)) {
                out.append(CueMatch(id: id, location: Int32(r.range.location), length: Int32(r.range.length)))
            }
        }
        if out.count > 1 {
            out.sort { $0.id != $1.id ? $0.id < $1.id : $0.location < $1.location }
        }
        return (TextMatches(matches: out), size)
    }

    /// Enumerations of the body: UTF-16 [start, end) of each stretch between separators with
    /// at least `enumerationMinItems` - 1 commas 、.
    func enumerations(in body: String) -> [(start: Int32, end: Int32)] {
        var out: [(start: Int32, end: Int32)] = []
        let need = rules.enumerationMinItems - 1
        var start: Int32 = 0, items = 0, pos: Int32 = 0
        for s in body.unicodeScalars {
            switch s.value {
            case 0x3002, 0xFF1B, 0x3B, 0xFF0C, 0x2C, 0xFF1A, 0x3A, 0x0A, 0xFF01, 0xFF1F:   // 。；;，,：:\n！？
                if items >= need { out.append((start, pos)) }
                start = pos + 1; items = 0
            case 0x3001: items += 1      // 、
            default: break
            }
            pos += s.value < 0x10000 ? 1 : 2
        }
        if items >= need { out.append((start, pos)) }
        return out
    }

    /// Scan a clause's texts once; score any number of codes against the result.
    public func analyze(_ ctx: ClauseContext) -> ClauseMatches {
        analyze(heading: scan(ctx.heading).0, body: ctx.body, parent: scan(ctx.parentHeading).0)
    }

    /// The matches of a clause whose heading and parent heading are already scanned.
    func analyze(heading: TextMatches, body: String, parent: TextMatches) -> ClauseMatches {
        var m = ClauseMatches(heading: heading, parent: parent)
        (m.body, m.bodySize) = scan(body)
        m.bodyLength = m.bodySize.utf16
        if !m.body.matches.isEmpty { m.lists = enumerations(in: body) }
        m.bodyText = body
        return m
    }

    /// Every cue of the taxonomy with the id its matches carry (areas, then topics, each
    /// code's cues in order), for `gazette check`.
    public var numberedCues: [(id: Int32, code: String, cue: Cue)] {
        plans.flatMap { p in zip(p.ids, p.cues).map { (id: $0, code: p.code, cue: $1) } }
    }

    /// The ids of the cues that occur anywhere in `text` — found as the classifier finds
    /// them, in one scan for the whole taxonomy (for `gazette check`).
    public func occurringCues(in text: String) -> Set<Int32> {
        Set(scan(text).0.matches.map(\.id))
    }

    /// The score of one code for a clause (scans the clause; use `analyze` once for many codes).
    public func score(_ code: TaxonomyCode, _ ctx: ClauseContext, isTopic: Bool) -> Score {
        score(code, analyze(ctx), isTopic: isTopic)
    }

    /// The score of one code of the matcher's taxonomy. `isTopic` turns on the enumeration
    /// discount; areas get the long-body damping instead (a long clause touches many things
    /// in passing).
    ///
    /// Within one code and one place the longest match wins: 做好信息公开 in a heading counts
    /// as that cue only, not also as the 信息公开 inside it.
    public func score(_ code: TaxonomyCode, _ m: ClauseMatches, isTopic: Bool) -> Score {
        guard let k = planIndex[code.code] else { return Score(code: code.code, total: 0, hits: []) }
        return score(plan: plans[k], m, isTopic: isTopic)
    }

    /// Scores of every area, in taxonomy order.
    func scoreAreas(_ m: ClauseMatches) -> [Score] {
        plans[..<areaCount].map { score(plan: $0, m, isTopic: false) }
    }

    /// Scores of every topic, in taxonomy order.
    func scoreTopics(_ m: ClauseMatches) -> [Score] {
        plans[areaCount...].map { score(plan: $0, m, isTopic: true) }
    }

    private func score(plan: CodePlan, _ m: ClauseMatches, isTopic: Bool) -> Score {
        let s0 = m.heading.slice(plan.ids), s1 = m.body.slice(plan.ids), s2 = m.parent.slice(plan.ids)
        // Most codes have no cue in a clause: answer those without building anything.
        if s0.isEmpty && s1.isEmpty && s2.isEmpty {
            return Score(code: plan.code, total: 0, hits: [])
        }
        var hits: [CueHit] = []
        var groups: [Int] = []
        if !s0.isEmpty { addHits(plan, place: 0, m.heading.matches, s0, m, isTopic: isTopic, &hits, &groups) }
        if !s1.isEmpty { addHits(plan, place: 1, m.body.matches, s1, m, isTopic: isTopic, &hits, &groups) }
        if !s2.isEmpty { addHits(plan, place: 2, m.parent.matches, s2, m, isTopic: isTopic, &hits, &groups) }
        return Score(code: plan.code, total: hits.reduce(0) { $0 + $1.points }, hits: hits)
    }

    /// The hits of one code in one place (0 heading, 1 body, 2 parent heading): `s`, the code's
    /// run of `all`. `groups`: the phrase group of each hit.
    private func addHits(_ plan: CodePlan, place p: Int, _ all: [CueMatch], _ s: Range<Int>, _ m: ClauseMatches, isTopic: Bool,
                         _ hits: inout [CueHit], _ groups: inout [Int]) {
        let counts = plan.counts[p]
        let first = Int(plan.ids.lowerBound)
        let mult = p == 0 ? rules.headingWeight : p == 1 ? rules.bodyWeight : rules.parentWeight
        let damping = !isTopic && rules.bodyLengthNorm > 0 && Double(m.bodyLength) > rules.bodyLengthNorm
            ? rules.bodyLengthNorm / Double(m.bodyLength) : 1
        let placeHits = hits.count
        var j = s.lowerBound
        while j < s.upperBound {
            let id = all[j].id
            var e = j + 1
            while e < s.upperBound && all[e].id == id { e += 1 }
            defer { j = e }
            let ci = Int(id) - first
            guard counts[ci] else { continue }
            var count = 0
            var amount = 0.0
            for f in j ..< e {
                let fl = all[f].location, fe = all[f].end, flen = all[f].length
                // Drop a match inside a longer match of another cue that counts here.
                var inside = false
                for o in s {
                    let x = all[o]
                    if x.id != id && x.length > flen && x.location <= fl && x.end >= fe && counts[Int(x.id) - first] { inside = true; break }
                }
                if inside { continue }
                count += 1
                if p == 1 {
                    amount = amount + (isTopic && m.lists.contains { fl >= $0.start && fl < $0.end } ? rules.enumerationFactor : 1)
                }
            }
            guard count > 0 else { continue }
            if p == 1 {
                amount = min(amount, Double(rules.bodyRepeatCap)) * damping
            } else {
                amount = 1      // a heading says a thing once
            }
            let cue = plan.cues[ci]
            let points = cue.weight * (cue.place == .any ? mult : 1) * amount
            // One evidence item per phrase and place, even when an `any` cue and a place cue share it.
            let g = plan.group[ci]
            if let h = groups[placeHits...].firstIndex(of: g) {
                hits[h].points += points; hits[h].count = max(hits[h].count, count)
            } else {
                hits.append(CueHit(cue: plan.labels[ci], place: Self.places[p], count: count, points: points))
                groups.append(g)
            }
        }
    }
}
