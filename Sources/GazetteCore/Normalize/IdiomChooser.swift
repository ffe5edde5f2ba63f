import Foundation

/// One one-to-many choice made in a Taiwan-idiom document: the word as converted, the mainland
/// words it can stand for, the one chosen, and why.
public struct IdiomChoice: Sendable, Equatable {
    public var word: String
    public var candidates: [String]
    public var chosen: String
    public var reason: String
    /// Offset of the word in the text the chooser read, in Unicode scalars.
    public var offset: Int
}

/// Chooses the mainland original of Taiwan-idiom words that OpenCC's s2twp made from more than
/// one mainland word (资料 ← 数据 or 资料, 执行 ← 运行 or 执行), from their context.
///
/// The statistics (`IdiomChoiceData`, built by scripts/build_idiom_choices.py from jieba's
/// dictionary converted by OpenCC 1.4.2 and 1.1.6, and mainland government sentences written for
/// it) give each form its candidates with their frequencies (general and government usage
/// blended), and dictionary words around a form with the candidate each implies (资料来源 ←
/// 数据来源, 资料室 ← 资料室). At each form, in order:
/// 1. context words: the dictionary words and training windows that match the text around the
///    form, longest first; the candidate with the most frequency among the longest wins (among
///    words one character longer than the form, only if it also wins against the candidates'
///    frequencies: `priorWeight`);
/// 2. neighbours: the characters just before and after the form, counted over every context
///    word of each candidate (执行 after 平稳: words with 稳运行 or 稳执行), weighed the same way;
/// 3. the candidates' own frequencies — unless the form's other occurrences in the document were
///    decided by context and agree (one sense per document).
/// Only documents detected as Taiwan idiom are read (`Normalizer`), so mainland text is never touched.
public struct IdiomChooser: Sendable {
    struct Candidate: Sendable { var word: String; var frequency: Int }
    struct Context: Sendable {
        var scalars: [Unicode.Scalar]
        var offset: Int          // where the form starts inside `scalars`
        var candidate: String
        var frequency: Int
    }
    struct Form: Sendable {
        var candidates: [Candidate]
        var contexts: [Context]
    }

    private var forms: [String: Form] = [:]
    /// The forms by first scalar, longest first: most positions are rejected with one lookup,
    /// and a form is compared scalar by scalar, with no string made until it matches.
    private var byFirst: [[(scalars: [Unicode.Scalar], word: String)]] = [[]]
    /// Bucket of `byFirst` per scalar below U+30000 (0: no form starts with it).
    private var firstIndex = [UInt16](repeating: 0, count: 0x30000)

    /// The chooser over the shipped statistics, built once per process. `GAZETTE_IDIOM_CHOICES`
    /// names a file in data/idiom_choices.tsv's format to read instead: for measuring rebuilt
    /// statistics (scripts/roundtrip_eval.py --choices) without recompiling. Not for production
    /// runs: the pipeline's caches do not know about it.
    public static let shared: IdiomChooser = {
        if let path = ProcessInfo.processInfo.environment["GAZETTE_IDIOM_CHOICES"], !path.isEmpty,
           let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return IdiomChooser(source: text)
        }
        return IdiomChooser(source: IdiomChoiceData.source)
    }()

    /// A chooser over statistics in data/idiom_choices.tsv's format.
    public init(source: String) {
        for line in source.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f[0] == "F", f.count == 3 {
                let cands = f[2].split(separator: ",").compactMap { item -> Candidate? in
                    let p = item.split(separator: ":")
                    guard p.count == 2, let n = Int(p[1]) else { return nil }
                    return Candidate(word: String(p[0]), frequency: n)
                }
                forms[f[1], default: Form(candidates: [], contexts: [])].candidates = cands
                let scalars = Array(f[1].unicodeScalars)
                let first = Int(scalars[0].value)
                guard first < firstIndex.count else { continue }
                if firstIndex[first] == 0 { byFirst.append([]); firstIndex[first] = UInt16(byFirst.count - 1) }
                byFirst[Int(firstIndex[first])].append((scalars, f[1]))
            } else if f[0] == "C", f.count == 6, let offset = Int(f[2]), let n = Int(f[5]) {
                forms[f[3], default: Form(candidates: [], contexts: [])].contexts
                    .append(Context(scalars: Array(f[1].unicodeScalars), offset: offset, candidate: f[4], frequency: n))
            }
        }
        sortForms()
    }

    /// The forms and their candidates (tests, documentation).
    private mutating func sortForms() {
        for k in byFirst.indices { byFirst[k].sort { $0.scalars.count > $1.scalars.count } }
    }

    public var formCount: Int { forms.count }
    public func candidates(of form: String) -> [String] { forms[form]?.candidates.map(\.word) ?? [] }

    /// `text` with every form replaced by its chosen candidate, and the choices. Forms that
    /// overlap `protected` (scalar ranges: what the curated phrase table matched) are left alone.
    public func choose(_ text: String, protected: [Range<Int>] = []) -> (text: String, choices: [IdiomChoice]) {
        let (bytes, choices) = choose(utf8: Array(text.utf8), protected: protected)
        return (choices.contains { $0.chosen != $0.word } ? String(decoding: bytes, as: UTF8.self) : text, choices)
    }

    /// `choose` on UTF-8 bytes (the normalizer's form): the bytes with the choices applied.
    public func choose(utf8 bytes: [UInt8], protected: [Range<Int>] = []) -> (bytes: [UInt8], choices: [IdiomChoice]) {
        // Scalars and where each starts in `bytes` (one more entry: the end).
        var s: [Unicode.Scalar] = []
        var at: [Int] = []
        s.reserveCapacity(bytes.count / 2); at.reserveCapacity(bytes.count / 2 + 1)
        var p = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            s.append(scalar); at.append(p); p += UTF8.width(scalar)
        }
        at.append(p)
        guard p == bytes.count else { return (bytes, []) }   // not well-formed UTF-8: left as it is
        var choices: [IdiomChoice] = []
        var lengths: [Int] = []
        var byFrequency: [Bool] = []
        var votesFrom: [Bool] = []   // decided by context words frequent enough to speak for the document
        var i = 0
        var guardIndex = 0
        while i < s.count {
            let first = Int(s[i].value)
            guard first < firstIndex.count, firstIndex[first] != 0 else { i += 1; continue }
            let list = byFirst[Int(firstIndex[first])]
            var match: (String, Form, Int)? = nil
            for (scalars, w) in list where scalars.count <= s.count - i {
                var k = 1
                while k < scalars.count && s[i + k] == scalars[k] { k += 1 }
                if k == scalars.count, let f = forms[w] { match = (w, f, k); break }
            }
            guard let (word, form, len) = match else { i += 1; continue }
            while guardIndex < protected.count && protected[guardIndex].upperBound <= i { guardIndex += 1 }
            if guardIndex < protected.count && protected[guardIndex].lowerBound < i + len { i += 1; continue }
            let (chosen, reason, mass) = decideWithMass(form, at: i, length: len, in: s)
            choices.append(IdiomChoice(word: word, candidates: form.candidates.map(\.word), chosen: chosen, reason: reason, offset: i))
            lengths.append(len)
            byFrequency.append(mass < 0)
            votesFrom.append(mass >= Self.voteMinimum)
            i += len
        }
        // One sense per document: a form decided by frequency alone takes the candidate its
        // other occurrences' context words (voteMinimum or more) chose, when they agree on one at least twice.
        var votes: [String: [String: Int]] = [:]
        for (c, strong) in zip(choices, votesFrom) where strong && c.candidates.contains(c.chosen) && c.candidates.count > 1 {
            votes[c.word, default: [:]][c.chosen, default: 0] += 1
        }
        for k in choices.indices where byFrequency[k] {
            guard let v = votes[choices[k].word], let (top, n) = v.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
                  n >= 2, n * 2 > v.values.reduce(0, +) else { continue }
            choices[k].chosen = top
            choices[k].reason = "document: " + v.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + " by context elsewhere"
        }
        // Choices of one candidate that keep the word say nothing: not listed.
        let listed = choices.indices.filter { choices[$0].chosen != choices[$0].word || choices[$0].candidates.count > 1 }
        guard listed.contains(where: { choices[$0].chosen != choices[$0].word }) else { return (bytes, listed.map { choices[$0] }) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var copied = 0   // in bytes
        for k in listed where choices[k].chosen != choices[k].word {
            out.append(contentsOf: bytes[copied..<at[choices[k].offset]])
            out.append(contentsOf: choices[k].chosen.utf8)
            copied = at[choices[k].offset + lengths[k]]
        }
        out.append(contentsOf: bytes[copied...])
        return (out, listed.map { choices[$0] })
    }

    /// The candidate for the form at `start` and the reason, by context words, then neighbours, then frequency.
    /// The third value is true when only frequency decided.
    func decide(_ form: Form, at start: Int, length: Int, in s: [Unicode.Scalar]) -> (String, String, Bool) {
        let (w, reason, mass) = decideWithMass(form, at: start, length: length, in: s)
        return (w, reason, mass < 0)
    }

    /// `decide` with the mass that chose (-1: frequency alone).
    func decideWithMass(_ form: Form, at start: Int, length: Int, in s: [Unicode.Scalar]) -> (String, String, Int) {
        var cands = form.candidates
        let word = String(String.UnicodeScalarView(s[start..<(start + length)]))
        // Context words across the form's edge (建设 after 内建) imply the text as it is, even
        // where the form itself is no candidate.
        if !cands.contains(where: { $0.word == word }) { cands.append(Candidate(word: word, frequency: 0)) }
        // 1. Context words matching the text around the form, longest first.
        var best = 0
        var mass: [String: Int] = [:]
        var evidence: [String: String] = [:]
        for c in form.contexts {
            let from = start - c.offset
            guard from >= 0, from + c.scalars.count <= s.count, c.scalars.count >= best else { continue }
            var k = 0
            while k < c.scalars.count && s[from + k] == c.scalars[k] { k += 1 }
            guard k == c.scalars.count else { continue }
            if c.scalars.count > best { best = c.scalars.count; mass = [:]; evidence = [:] }
            mass[c.candidate, default: 0] += c.frequency
            if evidence[c.candidate] == nil { evidence[c.candidate] = String(String.UnicodeScalarView(c.scalars)) }
        }
        var freq: [String: Int] = [:]
        for c in cands { freq[c.word] = c.frequency }
        let kept = Self.keeping(form: s, start, length, freq)
        // Context words one character longer than the form say no more than a neighbour: they
        // decide when their candidate also wins against the prior (a window met once in the
        // training sentences, 建立一 ← 创建一流, does not overturn a frequent candidate).
        if let (w, _) = Self.top(best <= length + 1 ? Self.smoothed(mass, prior: kept) : mass, order: cands),
           let m = mass[w], m >= Self.contextMinimum {
            return (w, "context " + cands.compactMap { c in mass[c.word].map { "\(evidence[c.word]!)←\(c.word) \($0)" } }.joined(separator: ", "), m)
        }
        if form.candidates.count == 1 { return (form.candidates[0].word, "only candidate", 0) }
        // 2. The neighbouring characters, counted over each candidate's context words.
        let before = start > 0 ? s[start - 1] : nil, after = start + length < s.count ? s[start + length] : nil
        var near: [String: Int] = [:]
        for c in form.contexts {
            let end = c.offset + length
            if let b = before, c.offset > 0, c.scalars[c.offset - 1] == b { near[c.candidate, default: 0] += c.frequency }
            if let a = after, end < c.scalars.count, c.scalars[end] == a { near[c.candidate, default: 0] += c.frequency }
        }
        let nearTotal = near.values.reduce(0, +)
        // Neighbours decide when they add up to the noise floor; when they are fewer than the
        // prior's weight and agree with it, frequency decides (and the document may overrule it).
        if nearTotal >= Self.contextMinimum,
           let (w, m) = Self.top(Self.smoothed(near, prior: kept), order: cands), m > 0,
           nearTotal >= Self.priorWeight || w != Self.top(kept, order: cands)?.0 {
            let around = (before.map { String($0) } ?? "") + "_" + (after.map { String($0) } ?? "")
            return (w, "neighbours \(around): " + cands.compactMap { c in near[c.word].map { "\(c.word) \($0)" } }.joined(separator: ", "), min(near[w] ?? 0, Self.voteMinimum - 1))
        }
        // 3. Frequency.
        let chosen = Self.top(kept, order: cands)?.0 ?? cands[0].word
        return (chosen, "frequency " + form.candidates.map { "\($0.word) \($0.frequency)" }.joined(separator: ", "), -1)
    }

    /// Context words (or neighbours) rarer than this (jieba's noise floor is 3) do not decide.
    static let contextMinimum = 10
    /// How much context or neighbour mass the candidates' prior (their frequencies, the form's
    /// own weight multiplied by `keepFactor`) is worth: evidence outweighs the prior only when it
    /// adds up to more than this (one training sentence's window weighs 100 per converter), so a
    /// neighbour seen in one rare dictionary word (手机开启, frequency 5) or a window met once
    /// (建立一 ← 创建一流) cannot overturn a frequent candidate.
    static let priorWeight = 400
    /// A context decision counts as a document vote from this much frequency on.
    static let voteMinimum = 100

    /// How much more weight another candidate needs than the form itself (when the form is a
    /// candidate) to replace it without a context word: the frequencies are not a given
    /// document's (新增 is rarer than 添加 in jieba, not in a budget report). 1.5 since the
    /// frequencies count how often the converters leave the form alone and government usage
    /// (scripts/build_idiom_choices.py); with jieba's alone it was 2.
    static let keepFactor = 1.5

    /// `mass` with the form's own weight multiplied by `keepFactor`.
    static func keeping(form s: [Unicode.Scalar], _ start: Int, _ length: Int, _ mass: [String: Int]) -> [String: Int] {
        let word = String(String.UnicodeScalarView(s[start..<(start + length)]))
        var m = mass
        if let own = m[word] { m[word] = Int((Double(own) * keepFactor).rounded()) }
        return m
    }

    /// Context or neighbour mass with the prior added as `priorWeight` pseudo-counts shared out in
    /// proportion to `prior`: each candidate's `near + priorWeight * prior share`, scaled by
    /// 1000 to stay in integers.
    static func smoothed(_ near: [String: Int], prior: [String: Int]) -> [String: Int] {
        let total = prior.values.reduce(0, +)
        var out: [String: Int] = [:]
        for (c, p) in prior {
            let share = total > 0 ? Double(p) / Double(total) : 0
            out[c] = Int((Double(near[c] ?? 0) + Double(Self.priorWeight) * share) * 1000)
        }
        for (c, n) in near where out[c] == nil { out[c] = n * 1000 }
        return out
    }

    /// The candidate with the most mass (ties to the earlier, more frequent candidate), or nil.
    static func top(_ mass: [String: Int], order: [Candidate]) -> (String, Int)? {
        var best: (String, Int)? = nil
        for c in order { if let m = mass[c.word], m > (best?.1 ?? 0) { best = (c.word, m) } }
        return best
    }
}
