import Foundation
import GazetteModel
import Yams

/// Whether the work areas apply to a document at all (taxonomy.yml `scope:`).
///
/// The areas describe open-government work (政务公开). A regulation on another subject, a
/// statistics bulletin or a press transcript is not about it: its clauses get no area
/// (`area: null`, the reason in each clause's evidence) and keep their topics. A document is
/// about open-government work when its title names it (`title` phrases), or when its text is
/// dense with its vocabulary (`body` phrases, each occurrence counted, at least
/// `body_per_1000_chars` per 1,000 characters) — the second catches plans whose title was lost
/// or says only 工作要点.
///
/// Measured on the devset and the samples: open-government documents have 15–59 body hits
/// per 1,000 characters, all others 0–2.3 (an enforcement-publicity regulation, the highest).
public struct AreaScope: Sendable, Equatable {
    public var titlePhrases: [String]
    public var bodyPhrases: [String]
    public var bodyPer1000Chars: Double
    public var line: Int?

    public init(titlePhrases: [String] = [], bodyPhrases: [String] = [], bodyPer1000Chars: Double = 6, line: Int? = nil) {
        self.titlePhrases = titlePhrases; self.bodyPhrases = bodyPhrases; self.bodyPer1000Chars = bodyPer1000Chars; self.line = line
    }

    /// The decision for one document, with the sentence `gazette inspect` shows.
    public struct Decision: Sendable, Equatable {
        public var applies: Bool
        public var reason: String
    }

    public func decide(titles: [String], text: String) -> Decision {
        for t in titles where !t.isEmpty {
            if let p = titlePhrases.first(where: { t.contains($0) }) {
                return Decision(applies: true, reason: "the title names open-government work (\(p))")
            }
        }
        let chars = max(text.unicodeScalars.count, 1)
        let hits = Self.occurrences(of: bodyPhrases, in: text)
        let density = Double(hits) * 1000 / Double(chars)
        let shown = (density * 10).rounded() / 10
        if density >= bodyPer1000Chars {
            return Decision(applies: true, reason: "open-government vocabulary \(shown) per 1,000 characters ≥ \(Self.format(bodyPer1000Chars))")
        }
        return Decision(applies: false,
                        reason: "not about open-government work: no scope phrase in the title, open-government vocabulary \(shown) per 1,000 characters < \(Self.format(bodyPer1000Chars)) (taxonomy.yml scope)")
    }

    /// Occurrences of every phrase in `text`, each counted on its own (overlaps count twice).
    static func occurrences(of phrases: [String], in text: String) -> Int {
        let hay = Array(text.utf8)
        var total = 0
        for p in phrases {
            let needle = Array(p.utf8)
            guard let first = needle.first, needle.count <= hay.count else { continue }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var k = 1
                    while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                    if k == needle.count { total += 1; i += needle.count; continue }
                }
                i += 1
            }
        }
        return total
    }

    static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    static let keys = ["title", "body", "body_per_1000_chars"]

    static func read(_ n: Node, _ r: YAMLNodeReader, _ d: inout [Diagnostic]) -> AreaScope? {
        guard let m = r.mapping(n, "scope", &d) else { return nil }
        r.checkKeys(m, known: keys, section: "scope", &d)
        var s = AreaScope(line: n.mark?.line)
        if let v = m["title"], let l = r.stringList(v, "scope.title", &d) { s.titlePhrases = l.filter { !$0.isEmpty } }
        if let v = m["body"], let l = r.stringList(v, "scope.body", &d) { s.bodyPhrases = l.filter { !$0.isEmpty } }
        if let v = m["body_per_1000_chars"], let x = r.double(v, "scope.body_per_1000_chars", &d) { s.bodyPer1000Chars = x }
        if s.titlePhrases.isEmpty && s.bodyPhrases.isEmpty {
            d.append(Diagnostic(id: "scope-empty", severity: .error,
                                message: "'scope' has neither title nor body phrases: no document would get a work area",
                                file: r.file, line: n.mark?.line, suggestion: "list phrases, or remove 'scope' so the areas apply to every document"))
        }
        return s
    }
}
