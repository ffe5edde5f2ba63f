// The classify stage's cue matching and labelling as they were before the Aho–Corasick
// matcher (commit 27f5150), copied verbatim with renamed types, so that
// CueMatcherEquivalenceTests can pin the new matcher's results to the old ones.
// Do not edit: it is the reference.
import Foundation
@testable import GazetteCore

/// How one cue contributed to a code's score.
public struct LegacyCueHit: Sendable, Equatable {
    public var cue: String
    public var place: String     // heading | body | parent
    public var count: Int
    public var points: Double

    public var description: String {
        let n = count > 1 ? "×\(count)" : ""
        return "\(place)「\(cue)」\(n) \(points >= 0 ? "+" : "")\(LegacyScore.format(points))"
    }
}

/// A code's total and the hits that made it.
public struct LegacyScore: Sendable, Equatable {
    public var code: String
    public var total: Double
    public var hits: [LegacyCueHit]

    public var headingPoints: Double { hits.filter { $0.place == "heading" }.reduce(0) { $0 + $1.points } }
    public var explanation: String {
        hits.sorted { abs($0.points) > abs($1.points) }.prefix(4).map(\.description).joined(separator: ", ")
    }
    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// Every cue match in one text, by cue id (UTF-16 ranges).
struct LegacyTextMatches {
    var byCue: [Int: [NSRange]] = [:]
    /// The smallest and largest cue id with a match (an empty range when none).
    var lowest = Int.max, highest = Int.min

    mutating func note(_ id: Int) { if id < lowest { lowest = id }; if id > highest { highest = id } }

    /// Whether any cue of `range` matched: a cheap bounds test before looking at the keys.
    func any(in range: Range<Int>) -> Bool {
        guard !byCue.isEmpty, lowest < range.upperBound, highest >= range.lowerBound else { return false }
        if byCue.count <= range.count { return byCue.keys.contains(where: range.contains) }
        return range.contains { byCue[$0] != nil }
    }
}

/// Scans of the headings of one document, by text (a scan does not depend on where the text
/// stands). Used by one thread at a time: one classify call.
final class LegacyHeadingScans {
    var byText: [String: LegacyTextMatches] = [:]
}

/// The matches of a clause's three texts, computed once and shared by every code.
public struct LegacyClauseMatches {
    var heading = LegacyTextMatches(), body = LegacyTextMatches(), parent = LegacyTextMatches()
    var lists: [NSRange] = []
    var bodyLength = 0
    /// Characters of the body (`body.count`), for the topic threshold.
    var bodyCharacters = 0
}

/// Counts cue hits in a clause and turns them into scores, with the weights of `ClassifyRules`.
///
/// Literal cues of the whole taxonomy are indexed by their first UTF-16 unit, so each text is
/// scanned once for all of them (a clause is scored against 27 codes of ~20 cues each);
/// regular expressions are compiled once. Hits of topic cues inside an enumeration (four or
/// more items joined by 、) are discounted: a clause that lists example fields is not about
/// each of them.
public final class LegacyCueMatcher: @unchecked Sendable {
    let rules: ClassifyRules
    private var regexes: [Int: NSRegularExpression] = [:]
    /// Literal cues by first UTF-16 unit: (cue id, the cue's UTF-16 units).
    private var literals: [UInt16: [(id: Int, units: [UInt16])]] = [:]
    /// `literals` as a table over every UTF-16 unit: index into `buckets`, or -1 (a
    /// dictionary lookup per character was most of the scan).
    private var heads = [Int32](repeating: -1, count: 1 << 16)
    private var buckets: [[(id: Int, units: [UInt16])]] = []
    /// Cue ids of each code, in the order of its cues.
    private var ids: [String: [Int]] = [:]
    /// The same ids as a range (a code's cues are numbered consecutively).
    private var idRanges: [String: Range<Int>] = [:]

    public init(taxonomy: Taxonomy) {
        rules = taxonomy.rules
        var next = 0
        for c in taxonomy.areas + taxonomy.topics {
            var mine: [Int] = []
            for cue in c.cues {
                let id = next; next += 1
                mine.append(id)
                if cue.isRegex {
                    regexes[id] = try? NSRegularExpression(pattern: cue.label, options: [.anchorsMatchLines])
                } else if let first = cue.pattern.utf16.first {
                    literals[first, default: []].append((id, Array(cue.pattern.utf16)))
                }
            }
            ids[c.code] = mine
            idRanges[c.code] = (mine.first ?? next) ..< next
        }
        for (first, cands) in literals.sorted(by: { $0.key < $1.key }) {
            heads[Int(first)] = Int32(buckets.count)
            buckets.append(cands)
        }
    }

    /// All cue matches in a text: one pass for the literals, then the regular expressions.
    func scan(_ text: String) -> LegacyTextMatches {
        var out = LegacyTextMatches()
        guard !text.isEmpty else { return out }
        let u = Self.utf16(text)
        for i in u.indices {
            let h = heads[Int(u[i])]
            if h < 0 { continue }
            for (id, pat) in buckets[Int(h)] where i + pat.count <= u.count {
                var k = 1
                while k < pat.count && u[i + k] == pat[k] { k += 1 }
                if k == pat.count {
                    // Non-overlapping occurrences of one cue, like a left-to-right search.
                    if let last = out.byCue[id]?.last, NSMaxRange(last) > i { continue }
                    out.byCue[id, default: []].append(NSRange(location: i, length: pat.count))
                    out.note(id)
                }
            }
        }
        for (id, re) in regexes {
            let found = re.matches(in: text, range: NSRange(location: 0, length: u.count)).map(\.range)
            if !found.isEmpty { out.byCue[id] = found; out.note(id) }
        }
        return out
    }

    /// The UTF-16 units of `text` in one pass over its scalars (`Array(text.utf16)` measured
    /// the UTF-16 length first, a second pass).
    static func utf16(_ text: String) -> [UInt16] {
        var u: [UInt16] = []
        u.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x10000 { u.append(UInt16(v)) } else {
                u.append(UInt16(0xD800 + ((v - 0x10000) >> 10))); u.append(UInt16(0xDC00 + ((v - 0x10000) & 0x3FF)))
            }
        }
        return u
    }

    static let enumerationSeparators: Set<UInt16> = Set("。；;，,：:\n！？".utf16)

    /// Ranges (UTF-16) of the body's enumerations.
    func enumerations(in body: String) -> [NSRange] {
        var out: [NSRange] = []
        let seps = Self.enumerationSeparators
        let dun = "、".utf16.first!
        var start = 0, items = 0
        let u = Self.utf16(body)
        for i in 0...u.count {
            if i == u.count || seps.contains(u[i]) {
                if items >= rules.enumerationMinItems - 1 { out.append(NSRange(location: start, length: i - start)) }
                start = i + 1; items = 0
            } else if u[i] == dun {
                items += 1
            }
        }
        return out
    }

    /// Scan a clause's texts once; score any number of codes against the result.
    public func analyze(_ ctx: ClauseContext) -> LegacyClauseMatches { analyze(ctx, memo: nil) }

    /// `analyze`, taking headings already scanned in the same document from `memo` (a
    /// heading is scanned as its clause's own and again as each child's parent heading).
    func analyze(_ ctx: ClauseContext, memo: LegacyHeadingScans?) -> LegacyClauseMatches {
        var m = LegacyClauseMatches()
        m.heading = scanHeading(ctx.heading, memo); m.body = scan(ctx.body); m.parent = scanHeading(ctx.parentHeading, memo)
        m.lists = enumerations(in: ctx.body)
        m.bodyLength = ctx.body.utf16.count
        m.bodyCharacters = SimpleText.count(ctx.body)
        return m
    }

    func scanHeading(_ text: String, _ memo: LegacyHeadingScans?) -> LegacyTextMatches {
        guard let memo else { return scan(text) }
        if let hit = memo.byText[text] { return hit }
        let r = scan(text)
        memo.byText[text] = r
        return r
    }

    /// Whether a cue occurs anywhere in `text` (for `gazette check`).
    public func occurs(_ cue: Cue, in text: String) -> Bool {
        if cue.isRegex {
            guard let re = try? NSRegularExpression(pattern: cue.label, options: [.anchorsMatchLines]) else { return false }
            return re.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
        return text.contains(cue.pattern)
    }

    /// The score of one code for a clause (scans the clause; use `analyze` once for many codes).
    public func score(_ code: TaxonomyCode, _ ctx: ClauseContext, isTopic: Bool) -> LegacyScore {
        score(code, analyze(ctx), isTopic: isTopic)
    }

    /// The score of one code. `isTopic` turns on the enumeration discount; areas get the
    /// long-body damping instead (a long clause touches many things in passing).
    ///
    /// Within one code and one place the longest match wins: 做好信息公开 in a heading counts
    /// as that cue only, not also as the 信息公开 inside it.
    public func score(_ code: TaxonomyCode, _ m: LegacyClauseMatches, isTopic: Bool) -> LegacyScore {
        // Most codes have no cue in a clause: answer those without building anything.
        if let range = idRanges[code.code],
           !(m.heading.any(in: range) || m.body.any(in: range) || m.parent.any(in: range)) {
            return LegacyScore(code: code.code, total: 0, hits: [])
        }
        let cueIDs = ids[code.code] ?? []
        let places: [(String, LegacyTextMatches, Double)] = [("heading", m.heading, rules.headingWeight),
                                                       ("body", m.body, rules.bodyWeight),
                                                       ("parent", m.parent, rules.parentWeight)]
        let damping = !isTopic && rules.bodyLengthNorm > 0 && Double(m.bodyLength) > rules.bodyLengthNorm
            ? rules.bodyLengthNorm / Double(m.bodyLength) : 1
        var hits: [LegacyCueHit] = []
        for (place, texts, mult) in places where !texts.byCue.isEmpty {
            // Every match of every cue that counts in this place, then drop the ones inside a longer one.
            var found: [(cue: Int, range: NSRange)] = []
            for (i, cue) in code.cues.enumerated() where i < cueIDs.count && (cue.place == .any || cue.place.rawValue == place) {
                for r in texts.byCue[cueIDs[i]] ?? [] { found.append((i, r)) }
            }
            guard !found.isEmpty else { continue }
            let kept = found.filter { f in
                !found.contains { o in
                    o.cue != f.cue && o.range.length > f.range.length
                        && o.range.location <= f.range.location && NSMaxRange(o.range) >= NSMaxRange(f.range)
                }
            }
            for (i, cue) in code.cues.enumerated() {
                let mine = kept.filter { $0.cue == i }
                guard !mine.isEmpty else { continue }
                var amount: Double
                if place == "body" {
                    amount = mine.reduce(0) { acc, f in
                        acc + (isTopic && m.lists.contains { NSLocationInRange(f.range.location, $0) } ? rules.enumerationFactor : 1)
                    }
                    amount = min(amount, Double(rules.bodyRepeatCap)) * damping
                } else {
                    amount = 1      // a heading says a thing once
                }
                let points = cue.weight * (cue.place == .any ? mult : 1) * amount
                hits.append(LegacyCueHit(cue: cue.label, place: place, count: mine.count, points: points))
            }
        }
        // One evidence item per phrase and place, even when an `any` cue and a place cue share it.
        var merged: [LegacyCueHit] = []
        for h in hits {
            if let i = merged.firstIndex(where: { $0.cue == h.cue && $0.place == h.place }) {
                merged[i].points += h.points; merged[i].count = max(merged[i].count, h.count)
            } else { merged.append(h) }
        }
        return LegacyScore(code: code.code, total: merged.reduce(0) { $0 + $1.points }, hits: merged)
    }
}
