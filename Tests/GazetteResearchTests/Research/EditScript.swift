import Foundation
import GazetteModel
@testable import GazetteResearch
import GazetteTestSupport

/// Generates a document B from a document A by known random edits, and the alignment a
/// correct diff must report. Edits touch distinct substantive clauses (≥ 40 characters),
/// so the expected answer is unambiguous:
/// - delete a clause → removed; insert a clause of another document → added;
/// - move a clause past at least two untouched clauses → moved;
/// - modify: replace, drop or insert one sentence (≤ 35% of the clause) → modified;
/// - merge two adjacent clauses → merged ×2; split one at a sentence boundary → split ×2.
struct EditScript {
    enum Kind: String, CaseIterable { case delete, insert, move, modify, merge, split }
    /// Expected (a, b, status) triples.
    typealias Triple = Hashable3
    struct Hashable3: Hashable, CustomStringConvertible {
        var a: String?
        var b: String?
        var status: String
        init(a: String?, b: String?, status: String) { self.a = a; self.b = b; self.status = status }
        var description: String { "\(status)(\(a ?? "-"),\(b ?? "-"))" }
    }

    struct Item { var tag: Int; var heading: String; var text: String; var origins: [String]; var kind: String }

    var a: [Clause]
    var b: [Clause] = []
    var expected: Set<Hashable3> = []
    var edits: [Kind] = []

    static func bigrams(_ c: Clause) -> [UInt64] { ComparableClause(c, renames: UnitRenames(rules: [])).bigrams }

    static func substantive(_ c: Clause) -> Bool { ComparableClause.normalize(c.text).count >= 40 }

    /// A script of `count` edits on `base`, inserting clauses from `pool`; nil when the draw cannot be applied.
    static func make(base: [Clause], pool: [Clause], count: Int, rng: inout SplitMix64) -> EditScript? {
        var items = base.enumerated().map { Item(tag: $0.offset, heading: $0.element.heading, text: $0.element.text, origins: [$0.element.id], kind: "same") }
        var nextTag = base.count
        var deleted: [String] = []
        var edits: [Kind] = []
        let byID = Dictionary(uniqueKeysWithValues: base.map { ($0.id, $0) })
        let aPosition = Dictionary(uniqueKeysWithValues: base.enumerated().map { ($0.element.id, $0.offset) })
        let baseBigrams = base.map(bigrams)
        let sentencePool = pool.flatMap { SampleClauses.sentences($0.text) }.filter { $0.count >= 10 }
        func eligible(_ k: Int) -> Bool { items[k].kind == "same" && substantive(byID[items[k].origins[0]]!) }
        for _ in 0..<count {
            let kind = Kind.allCases.randomElement(using: &rng)!
            let candidates = items.indices.filter(eligible)
            guard !candidates.isEmpty else { return nil }
            switch kind {
            case .delete:
                let k = candidates.randomElement(using: &rng)!
                deleted.append(items[k].origins[0]); items.remove(at: k)
            case .insert:
                guard let c = pool.filter(substantive).randomElement(using: &rng),
                      !baseBigrams.contains(where: { Similarity.dice($0, bigrams(c)) >= 0.4 }) else { return nil }
                let pos = Int.random(in: 0...items.count, using: &rng)
                items.insert(Item(tag: nextTag, heading: c.heading, text: c.text, origins: [], kind: "added"), at: pos)
                nextTag += 1
            case .move:
                let k = candidates.randomElement(using: &rng)!
                var item = items.remove(at: k)
                item.kind = "moved"
                let targets = (0...items.count).filter { abs($0 - k) >= 3 }
                guard let t = targets.randomElement(using: &rng) else { return nil }
                items.insert(item, at: t)
            case .modify:
                let k = candidates.randomElement(using: &rng)!
                var s = SampleClauses.sentences(items[k].text)
                guard s.count >= 3 else { return nil }
                let total = s.reduce(0) { $0 + $1.count }
                let j = Int.random(in: 1..<s.count, using: &rng)   // keep the heading sentence
                let other = sentencePool.filter { Double($0.count) <= 0.35 * Double(total) }
                switch Int.random(in: 0..<3, using: &rng) {
                case 0:
                    guard Double(s[j].count) <= 0.35 * Double(total), let r = other.randomElement(using: &rng) else { return nil }
                    s[j] = r
                case 1:
                    guard Double(s[j].count) <= 0.35 * Double(total) else { return nil }
                    s.remove(at: j)
                default:
                    guard let r = other.randomElement(using: &rng) else { return nil }
                    s.insert(r, at: j)
                }
                items[k].text = s.joined(); items[k].kind = "modified"
            case .merge:
                let pairs = candidates.filter { $0 + 1 < items.count && eligible($0 + 1)
                    && aPosition[items[$0 + 1].origins[0]]! == aPosition[items[$0].origins[0]]! + 1 }
                guard let k = pairs.randomElement(using: &rng) else { return nil }
                let second = items.remove(at: k + 1)
                items[k].text += second.text; items[k].origins.append(second.origins[0]); items[k].kind = "merged"
            case .split:
                let k = candidates.randomElement(using: &rng)!
                let s = SampleClauses.sentences(items[k].text)
                let total = s.reduce(0) { $0 + $1.count }
                var acc = 0
                let cuts = (1..<max(1, s.count)).filter { c in
                    acc = s[..<c].reduce(0) { $0 + $1.count }
                    return Double(acc) >= 0.3 * Double(total) && Double(total - acc) >= 0.3 * Double(total)
                }
                guard s.count >= 2, let cut = cuts.randomElement(using: &rng) else { return nil }
                let first = s[..<cut].joined(), rest = s[cut...].joined()
                items[k].text = first; items[k].kind = "split"
                var second = items[k]
                second.tag = nextTag; nextTag += 1
                second.text = rest; second.heading = SampleClauses.firstSentence(rest)
                items.insert(second, at: k + 1)
            }
            edits.append(kind)
        }
        // The parts of a split stay next to each other (a clause inserted between them makes
        // it two edits no single reading explains).
        let splitOrigins = Set(items.filter { $0.kind == "split" }.map { $0.origins[0] })
        for o in splitOrigins {
            let at = items.indices.filter { items[$0].kind == "split" && items[$0].origins[0] == o }
            if at.count != 2 || at[1] != at[0] + 1 { return nil }
        }
        // Moves must cross at least two untouched clauses, or another reading is as good.
        let aPos = Dictionary(uniqueKeysWithValues: base.enumerated().map { ($0.element.id, $0.offset) })
        for (bp, item) in items.enumerated() where item.kind == "moved" {
            let ap = aPos[item.origins[0]]!
            let crossed = items.enumerated().filter { q, x in
                x.kind == "same" && ((aPos[x.origins[0]]! < ap) != (q < bp))
            }.count
            if crossed < 2 { return nil }
        }
        var script = EditScript(a: base)
        script.edits = edits
        for (k, item) in items.enumerated() {
            let id = "b\(k + 1)"
            script.b.append(SampleClauses.make(id: id, body: item.text))
            switch item.kind {
            case "same": script.expected.insert(.init(a: item.origins[0], b: id, status: "unchanged"))
            case "added": script.expected.insert(.init(a: nil, b: id, status: "added"))
            case "merged": for o in item.origins { script.expected.insert(.init(a: o, b: id, status: "merged")) }
            default: script.expected.insert(.init(a: item.origins[0], b: id, status: item.kind))
            }
        }
        for d in deleted { script.expected.insert(.init(a: d, b: nil, status: "removed")) }
        return script
    }
}
