import Foundation
import GazetteModel

/// Gives a document its official subject class (主题分类) from `SubjectClasses`: the page's own
/// value normalised to the code list where the page has one, else a prediction from the title,
/// the issuer and the text, with the cues behind it as evidence.
///
/// Prediction, and why so: a document's title names its subject (个人所得税专项附加扣除暂行办法),
/// while its text also mentions the fields it touches (education, housing, medical costs), so a
/// cue in the title counts `title_weight` times its weight; in the text it counts weight ×
/// log2(1 + occurrences) — how often a word recurs says what the text is about, with less to
/// say at each doubling — and a class's k-th strongest text cue only `breadth_decay`^k of that,
/// so a field with a large vocabulary does not win a long document on breadth alone. Phrases
/// are matched leftmost-longest across the whole code list, so 养老保险 speaks for social
/// security and not also for insurance, and neutral phrases (人民政府) hide the cue words inside
/// them (民政). The issuer's kind (国家税务总局) adds `issuer_points` to its class. A first-level
/// class scores its own cues and all its sub-classes' (the unit of the measure is the first
/// level); its best sub-class is named when it holds enough of the first level's points.
public struct SubjectClassifier: Sendable {
    public let classes: SubjectClasses
    let automaton: CueAutomaton
    /// Per automaton entry (a phrase): the cues it stands for, none for a neutral phrase.
    let phraseCues: [[(code: String, cue: SubjectCue)]]
    let phrases: [String]

    public init(classes: SubjectClasses) {
        self.classes = classes
        var index: [String: Int] = [:]
        var phrases: [String] = []
        var cues: [[(code: String, cue: SubjectCue)]] = []
        func add(_ phrase: String, _ item: (code: String, cue: SubjectCue)?) {
            let k: Int
            if let i = index[phrase] { k = i } else { k = phrases.count; index[phrase] = k; phrases.append(phrase); cues.append([]) }
            if let item { cues[k].append(item) }
        }
        for c in classes.classes {
            for cue in c.cues { add(cue.phrase, (c.code, cue)) }
            for s in c.subs { for cue in s.cues { add(cue.phrase, (s.code, cue)) } }
        }
        for n in classes.neutral { add(n, nil) }
        automaton = CueAutomaton(cues: phrases.enumerated().map { (Int32($0.offset), $0.element, false) })
        phraseCues = cues
        self.phrases = phrases
    }

    /// No classes: page values stay unrecognised and nothing is predicted.
    public init() { self.init(classes: SubjectClasses()) }

    /// `doc` with its `subject`: the page's value (set by the structure stage, `source` page)
    /// normalised to the code list, or a prediction where the page gave none. Applied again to
    /// its own result it gives the same (the page's value is kept in `raw`).
    public func assign(_ doc: Document) -> Document {
        var d = doc
        if let page = d.subject, page.source == .page {
            let raw = page.raw ?? page.name
            // The structure stage's evidence line (where the value was read), without what an earlier assignment added.
            var s = DocumentSubject(code: nil, name: raw, source: .page, raw: raw, evidence: Array(page.evidence.prefix(1)))
            let file = classes.file.map { ($0 as NSString).lastPathComponent } ?? "subject_classes.yml"
            if let r = classes.resolve(raw), let name = classes.fullName(r.code) {
                s.code = r.code; s.name = name
                if !r.unread.isEmpty {
                    s.evidence.append("partly read: \(r.unread.joined(separator: "、")) is not in \(file)")
                    if !d.quality.warnings.contains(Self.unrecognisedWarning) { d.quality.warnings.append(Self.unrecognisedWarning) }
                }
            } else {
                s.evidence.append("not in the code list (\(file)): kept as written")
                if let p = predict(d), let code = p.code { s.evidence.append("the text would say \(code) \(p.name) (\(Score.format(p.score ?? 0)))") }
                if !d.quality.warnings.contains(Self.unrecognisedWarning) { d.quality.warnings.append(Self.unrecognisedWarning) }
            }
            d.subject = s
            return d
        }
        d.subject = predict(d)
        return d
    }

    public static let unrecognisedWarning = "subject-unrecognised"

    /// One cue's contribution: where, how often, how many points to which code.
    struct Hit {
        var code: String
        var phrase: String
        var place: String
        var count: Int
        var points: Double
    }

    /// The predicted subject of `doc` from its title (and plan title), issuer and text; nil
    /// when no class reaches `min_score`.
    public func predict(_ doc: Document) -> DocumentSubject? {
        var titles = [doc.title]
        if !doc.planTitle.isEmpty, !doc.title.contains(doc.planTitle) { titles.append(doc.planTitle) }
        return predict(title: titles.joined(separator: "\n"), issuer: doc.issuer, text: doc.text)
    }

    public func predict(title: String, issuer: String?, text: String) -> DocumentSubject? {
        let r = classes.rules
        var hits: [Hit] = []
        // Title: each phrase once.
        var titleSeen = Set<Int32>()
        for (id, _) in matches(title) where titleSeen.insert(id).inserted {
            for (code, cue) in phraseCues[Int(id)] where cue.place != .body {
                hits.append(Hit(code: code, phrase: cue.phrase, place: "title", count: 1, points: cue.weight * r.titleWeight))
            }
        }
        // Text: log2(1 + occurrences), occurrences up to the cap.
        var counts: [Int32: Int] = [:]
        for (id, _) in matches(text) { counts[id, default: 0] += 1 }
        for (id, n) in counts.sorted(by: { $0.key < $1.key }) {
            for (code, cue) in phraseCues[Int(id)] where cue.place != .title {
                let k = Double(min(n, r.bodyRepeatCap))
                hits.append(Hit(code: code, phrase: cue.phrase, place: "text", count: n, points: cue.weight * r.bodyWeight * log2(1 + k)))
            }
        }
        // Issuer: the longest fragment in each issuer named, neutral phrases (人民政府, whose
        // 民政 is no civil-affairs office) blanked out first.
        for part in (issuer ?? "").components(separatedBy: CharacterSet(charactersIn: "、,，;； ")) where !part.isEmpty {
            var best: SubjectClasses.IssuerCue? = nil
            var name = part
            for n in classes.neutral where name.contains(n) { name = name.replacingOccurrences(of: n, with: "\u{FFFC}") }
            for c in classes.issuers where name.contains(c.fragment) {
                if best == nil || c.fragment.count > best!.fragment.count { best = c }
            }
            if let b = best { hits.append(Hit(code: b.code, phrase: part + " (" + b.fragment + ")", place: "issuer", count: 1, points: r.issuerPoints)) }
        }
        hits = hits.filter { $0.points != 0 }
        guard !hits.isEmpty else { return nil }

        // First-level scores: own cues plus every sub-class's; sub-class scores: their own. The
        // text hits of one class count less the more there are (the k-th strongest × decay^k),
        // so a field with a large vocabulary does not win on breadth alone.
        func first(_ code: String) -> String { String(code.split(separator: ".", maxSplits: 1)[0]) }
        func total(_ group: [Hit]) -> (Double, [Hit]) {
            var counted: [Hit] = [], sum = 0.0, k = 0.0
            for h in group.sorted(by: Self.stronger) {
                var c = h
                if h.place == "text" { c.points = h.points * pow(r.breadthDecay, k); k += 1 }
                sum += c.points; counted.append(c)
            }
            return (sum, counted)
        }
        var level1: [String: Double] = [:], level2: [String: Double] = [:]
        var counted1: [String: [Hit]] = [:]
        for (code, group) in Dictionary(grouping: hits, by: { first($0.code) }) { (level1[code], counted1[code]) = total(group) }
        for (code, group) in Dictionary(grouping: hits.filter { $0.code.contains(".") }, by: \.code) { level2[code] = total(group).0 }
        let order = classes.allCodes
        func rank(_ c: String) -> Int { order.firstIndex(of: c) ?? order.count }
        let ranked = level1.sorted { $0.value != $1.value ? $0.value > $1.value : rank($0.key) < rank($1.key) }
        guard let top = ranked.first, top.value >= r.minScore, top.value > 0 else { return nil }
        var code = top.key
        let subs = level2.filter { first($0.key) == top.key }.sorted { $0.value != $1.value ? $0.value > $1.value : rank($0.key) < rank($1.key) }
        if let s = subs.first, s.value >= r.subClassMinScore, s.value >= r.subClassMinShare * top.value { code = s.key }

        var evidence: [String] = []
        let name = classes.fullName(code) ?? code
        evidence.append("\(code) \(name) \(Score.format(top.value))" + (code == top.key ? "" : " (sub-class \(Score.format(subs[0].value)))")
                        + ": " + explain(counted1[top.key] ?? []))
        if ranked.count > 1 {
            let second = ranked[1]
            evidence.append("runner-up \(second.key) \(classes.fullName(second.key) ?? second.key) \(Score.format(second.value)): "
                            + explain(counted1[second.key] ?? []))
        }
        return DocumentSubject(code: code, name: name, source: .predicted, score: (top.value * 100).rounded() / 100, evidence: evidence)
    }

    static func stronger(_ a: Hit, _ b: Hit) -> Bool {
        a.points != b.points ? a.points > b.points : (a.place, a.phrase, a.code) < (b.place, b.phrase, b.code)
    }

    /// The strongest hits, strongest first: `title 个人所得税 +12`, `text 纳税人 ×5 +7.7`.
    func explain(_ hits: [Hit], limit: Int = 6) -> String {
        let sorted = hits.sorted(by: Self.stronger)
        var parts = sorted.prefix(limit).map { h in
            "\(h.place) \(h.phrase)" + (h.count > 1 ? " ×\(h.count)" : "") + " +\(Score.format(h.points))"
        }
        if sorted.count > limit { parts.append("… \(sorted.count - limit) more") }
        return parts.joined(separator: ", ")
    }

    /// The phrases of `text`, leftmost-longest: at each position the longest phrase starting
    /// there, the next search after its end (so the cue words inside a longer phrase, or
    /// inside a neutral one, do not count again).
    func matches(_ text: String) -> [(id: Int32, location: Int32)] {
        guard !text.isEmpty, !phrases.isEmpty else { return [] }
        var all: [CueMatch] = []
        _ = automaton.scan(text, into: &all)
        all.sort { $0.location != $1.location ? $0.location < $1.location : $0.length > $1.length }
        var out: [(id: Int32, location: Int32)] = []
        var end: Int32 = 0
        for m in all where m.location >= end {
            end = m.location + m.length
            if !phraseCues[Int(m.id)].isEmpty { out.append((m.id, m.location)) }
        }
        return out
    }
}
