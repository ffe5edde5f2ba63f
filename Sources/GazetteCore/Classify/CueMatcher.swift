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
                regexes[cue.pattern] = try? NSRegularExpression(pattern: cue.label)
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

    /// Locations (UTF-16) of a cue's matches in a text.
    func matches(_ cue: Cue, in text: NSString) -> [Int] {
        guard text.length > 0 else { return [] }
        if cue.isRegex {
            guard let re = regexes[cue.pattern] else { return [] }
            return re.matches(in: text as String, range: NSRange(location: 0, length: text.length)).map(\.range.location)
        }
        var out: [Int] = []
        var from = 0
        while from < text.length {
            let r = text.range(of: cue.pattern, options: .literal, range: NSRange(location: from, length: text.length - from))
            if r.location == NSNotFound { break }
            out.append(r.location)
            from = r.location + max(1, r.length)
        }
        return out
    }

    /// Whether a cue occurs anywhere in `text` (for `gazette check`).
    public func occurs(_ cue: Cue, in text: String) -> Bool { !matches(cue, in: text as NSString).isEmpty }

    /// The score of one code for a clause. `isTopic` turns on the enumeration discount.
    public func score(_ code: TaxonomyCode, _ ctx: ClauseContext, isTopic: Bool) -> Score {
        let heading = ctx.heading as NSString, body = ctx.body as NSString, parent = ctx.parentHeading as NSString
        let lists = isTopic ? enumerations(in: body) : []
        var hits: [CueHit] = []
        for cue in code.cues {
            let places: [(String, NSString, Double)]
            switch cue.place {
            case .any: places = [("heading", heading, rules.headingWeight), ("body", body, rules.bodyWeight), ("parent", parent, rules.parentWeight)]
            case .heading: places = [("heading", heading, 1)]
            case .body: places = [("body", body, 1)]
            case .parent: places = [("parent", parent, 1)]
            }
            for (name, text, mult) in places {
                let found = matches(cue, in: text)
                guard !found.isEmpty else { continue }
                var amount = Double(found.count)
                if name == "body" {
                    amount = found.reduce(0) { acc, loc in
                        acc + (lists.contains { NSLocationInRange(loc, $0) } ? rules.enumerationFactor : 1)
                    }
                    amount = min(amount, Double(rules.bodyRepeatCap))
                } else {
                    amount = 1      // a heading says a thing once
                }
                let points = cue.weight * mult * amount
                hits.append(CueHit(cue: cue.label, place: name, count: found.count, points: points))
            }
        }
        return Score(code: code.code, total: hits.reduce(0) { $0 + $1.points }, hits: hits)
    }
}
