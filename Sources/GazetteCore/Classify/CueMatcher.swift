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
    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// Counts cue hits in a clause and turns them into scores, with the weights of `ClassifyRules`.
///
/// Regular expressions are compiled once per classifier. Hits of topic cues inside an
/// enumeration (four or more items joined by 、) are discounted: a clause that lists
/// example fields is not about each of them.
public final class CueMatcher: @unchecked Sendable {
    let rules: ClassifyRules
    private var regexes: [String: NSRegularExpression] = [:]

    public init(taxonomy: Taxonomy) {
        rules = taxonomy.rules
        for c in taxonomy.areas + taxonomy.topics {
            for cue in c.cues where cue.isRegex {
                regexes[cue.pattern] = try? NSRegularExpression(pattern: cue.label, options: [.anchorsMatchLines])
            }
        }
    }

    /// Ranges (UTF-16) of the body's enumerations.
    func enumerations(in body: NSString) -> [NSRange] {
        var out: [NSRange] = []
        let seps = CharacterSet(charactersIn: "。；;，,：:\n！？")
        var start = 0
        let n = body.length
        var i = 0
        while i <= n {
            let atEnd = i == n
            if atEnd || seps.contains(UnicodeScalar(body.character(at: i)) ?? " ") {
                let r = NSRange(location: start, length: i - start)
                let seg = body.substring(with: r)
                if seg.filter({ $0 == "、" }).count >= rules.enumerationMinItems - 1 { out.append(r) }
                start = i + 1
            }
            i += 1
        }
        return out
    }

    /// Ranges (UTF-16) of a cue's matches in a text.
    func matches(_ cue: Cue, in text: NSString) -> [NSRange] {
        guard text.length > 0 else { return [] }
        if cue.isRegex {
            guard let re = regexes[cue.pattern] else { return [] }
            return re.matches(in: text as String, range: NSRange(location: 0, length: text.length)).map(\.range)
        }
        var out: [NSRange] = []
        var from = 0
        while from < text.length {
            let r = text.range(of: cue.pattern, options: .literal, range: NSRange(location: from, length: text.length - from))
            if r.location == NSNotFound { break }
            out.append(r)
            from = r.location + max(1, r.length)
        }
        return out
    }

    /// Whether a cue occurs anywhere in `text` (for `gazette check`).
    public func occurs(_ cue: Cue, in text: String) -> Bool { !matches(cue, in: text as NSString).isEmpty }

    /// The score of one code for a clause. `isTopic` turns on the enumeration discount; areas
    /// get the long-body damping instead (a long clause touches many things in passing).
    ///
    /// Within one code and one place the longest match wins: 做好信息公开 in a heading counts
    /// as that cue only, not also as the 信息公开 inside it.
    public func score(_ code: TaxonomyCode, _ ctx: ClauseContext, isTopic: Bool) -> Score {
        let texts: [(String, NSString, Double)] = [("heading", ctx.heading as NSString, rules.headingWeight),
                                                   ("body", ctx.body as NSString, rules.bodyWeight),
                                                   ("parent", ctx.parentHeading as NSString, rules.parentWeight)]
        let bodyLength = (ctx.body as NSString).length
        let lists = isTopic ? enumerations(in: ctx.body as NSString) : []
        let damping = !isTopic && rules.bodyLengthNorm > 0 && bodyLength > Int(rules.bodyLengthNorm)
            ? rules.bodyLengthNorm / Double(bodyLength) : 1
        var hits: [CueHit] = []
        for (place, text, mult) in texts where text.length > 0 {
            // Every match of every cue that counts in this place, then drop the ones inside a longer one.
            var found: [(cue: Int, range: NSRange)] = []
            for (i, cue) in code.cues.enumerated() where cue.place == .any || cue.place.rawValue == place {
                for r in matches(cue, in: text) { found.append((i, r)) }
            }
            let kept = found.filter { m in
                !found.contains { o in
                    o.cue != m.cue && o.range.length > m.range.length
                        && o.range.location <= m.range.location && NSMaxRange(o.range) >= NSMaxRange(m.range)
                }
            }
            for (i, cue) in code.cues.enumerated() {
                let mine = kept.filter { $0.cue == i }
                guard !mine.isEmpty else { continue }
                var amount: Double
                if place == "body" {
                    amount = mine.reduce(0) { acc, m in
                        acc + (lists.contains { NSLocationInRange(m.range.location, $0) } ? rules.enumerationFactor : 1)
                    }
                    amount = min(amount, Double(rules.bodyRepeatCap)) * damping
                } else {
                    amount = 1      // a heading says a thing once
                }
                let points = cue.weight * (cue.place == .any ? mult : 1) * amount
                hits.append(CueHit(cue: cue.label, place: place, count: mine.count, points: points))
            }
        }
        // One evidence item per phrase and place, even when an `any` cue and a place cue share it.
        var merged: [CueHit] = []
        for h in hits {
            if let i = merged.firstIndex(where: { $0.cue == h.cue && $0.place == h.place }) {
                merged[i].points += h.points; merged[i].count = max(merged[i].count, h.count)
            } else { merged.append(h) }
        }
        return Score(code: code.code, total: merged.reduce(0) { $0 + $1.points }, hits: merged)
    }
}
