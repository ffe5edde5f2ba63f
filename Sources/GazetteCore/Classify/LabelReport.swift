import Foundation
import GazetteModel

/// What `gazette check --labels` prints: for every area and topic, how many clauses of the
/// corpus got it, and which cues fired in those clauses how often — so an editor sees which
/// words a label rests on, which cues never decide anything, and how many documents are outside
/// the areas' scope (taxonomy.yml `scope:`).
///
/// A clause with children takes its area from them (see `Classifier`); such clauses are
/// counted as "from children" instead of by cue.
public struct LabelReport: Sendable, Equatable {
    public var documents = 0
    /// Documents whose clauses got no area, and the clauses they hold.
    public var outOfScope = 0
    public var outOfScopeClauses = 0
    public var clauses = 0
    /// "area disclosure" / "topic finance" → clauses with that label.
    public var clausesByLabel: [String: Int] = [:]
    /// Label → cue → clauses in which the cue added points to the label.
    public var cuesByLabel: [String: [String: Int]] = [:]
    /// Label → clauses whose area came from their children.
    public var fromChildren: [String: Int] = [:]

    public init() {}

    /// Counts one classified document. `classifier`: the one that labelled it.
    public mutating func add(_ doc: Document, classifier: Classifier) {
        documents += 1
        clauses += doc.clauses.count
        if !doc.clauses.isEmpty, doc.clauses.allSatisfy({ $0.area == nil }) {
            outOfScope += 1; outOfScopeClauses += doc.clauses.count
        }
        let matcher = classifier.matcher
        let hasChildren = Set(doc.clauses.compactMap(\.parent))
        var headingOf: [String: String] = [:]
        for c in doc.clauses where headingOf[c.id] == nil { headingOf[c.id] = c.heading }
        for c in doc.clauses {
            var labels: [(key: String, code: TaxonomyCode?, isTopic: Bool)] = []
            if let a = c.area { labels.append(("area " + a, classifier.taxonomy.area(a), false)) }
            for t in c.topics { labels.append(("topic " + t, classifier.taxonomy.topic(t), true)) }
            guard !labels.isEmpty else { continue }
            let parent = c.parent.flatMap { headingOf[$0] } ?? ""
            let m = matcher.analyze(ClauseContext(heading: c.heading, body: Classifier.body(of: c), parentHeading: parent))
            for l in labels {
                clausesByLabel[l.key, default: 0] += 1
                if !l.isTopic && hasChildren.contains(c.id) { fromChildren[l.key, default: 0] += 1; continue }
                guard let code = l.code else { continue }
                let fired = Set(matcher.score(code, m, isTopic: l.isTopic).hits.filter { $0.points > 0 }.map(\.cue))
                for cue in fired { cuesByLabel[l.key, default: [:]][cue, default: 0] += 1 }
            }
        }
    }

    public mutating func merge(_ o: LabelReport) {
        documents += o.documents; outOfScope += o.outOfScope; outOfScopeClauses += o.outOfScopeClauses; clauses += o.clauses
        clausesByLabel.merge(o.clausesByLabel, uniquingKeysWith: +)
        fromChildren.merge(o.fromChildren, uniquingKeysWith: +)
        for (k, v) in o.cuesByLabel { cuesByLabel[k, default: [:]].merge(v, uniquingKeysWith: +) }
    }

    /// The report as text: one block per label of the taxonomy (in its order), the labels no
    /// clause got included, each cue with the clauses it fired in, most first.
    public func render(taxonomy: Taxonomy, topCues: Int = 12) -> String {
        var out = ["Labels on \(documents) documents, \(clauses) clauses; \(outOfScope) documents (\(outOfScopeClauses) clauses) "
                   + "outside the areas' scope (area none)."]
        func block(_ key: String, _ code: TaxonomyCode) {
            let n = clausesByLabel[key] ?? 0
            let share = clauses > 0 ? String(format: "%.1f", Double(n) * 100 / Double(clauses)) : "0.0"
            var line = "\(key) \(code.name.isEmpty ? "" : code.name + " ")— \(n) clause\(n == 1 ? "" : "s") (\(share)%)"
            if let k = fromChildren[key], k > 0 { line += ", \(k) from their children" }
            out.append(line)
            let cues = (cuesByLabel[key] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            if !cues.isEmpty {
                out.append("    cues: " + cues.prefix(topCues).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                           + (cues.count > topCues ? " … (\(cues.count - topCues) more)" : ""))
            }
            let fired = Set(cues.map(\.key))
            let silent = code.cues.filter { cue in cue.weight > 0 && !fired.contains(cue.label) }.count
            if silent > 0 { out.append("    \(silent) of its \(code.cues.filter { $0.weight > 0 }.count) cues decided no clause") }
        }
        for a in taxonomy.areas { block("area " + a.code, a) }
        for t in taxonomy.topics { block("topic " + t.code, t) }
        return out.joined(separator: "\n")
    }
}
