import Foundation
import GazetteModel

extension Classifier {
    /// A document's main topics, in taxonomy order: those its title names; those carried by at
    /// least `documentTopicShare` of its clauses (and at least `documentTopicMinClauses`); and,
    /// for a document without clauses (a one-paragraph decision, a resolution), those its whole
    /// text argues for, scored as one clause whose heading is the title.
    func documentTopics(_ d: Document) -> [String] {
        let r = taxonomy.rules
        var keep = Set<String>()
        let title = matcher.scan(d.title.isEmpty ? d.planTitle : d.title).0
        let m = matcher.analyze(heading: title, body: d.clauses.isEmpty ? d.text : "", parent: TextMatches())
        for t in topicScores(m).kept where d.clauses.isEmpty || t.headingPoints >= r.headingTopicMin { keep.insert(t.code) }
        var counts: [String: Int] = [:]
        for c in d.clauses { for t in Set(c.topics) { counts[t, default: 0] += 1 } }
        let need = max(r.documentTopicMinClauses, Int((Double(d.clauses.count) * r.documentTopicShare).rounded(.up)))
        for (t, n) in counts where n >= need { keep.insert(t) }
        return taxonomy.topics.map(\.code).filter(keep.contains)
    }
}
