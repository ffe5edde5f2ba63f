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
/// dictionary converted by OpenCC 1.4.2 and 1.1.6) give each form its candidates with their
/// frequencies, and dictionary words around a form with the candidate each implies
/// (资料来源 ← 数据来源, 资料室 ← 资料室). At each form, in order:
/// 1. context words: the dictionary words that match the text around the form, longest first;
///    the candidate with the most frequency among the longest wins;
/// 2. neighbours: the characters just before and after the form, counted over every context
///    word of each candidate (执行 after 平稳: words with 稳运行 or 稳执行);
/// 3. the candidates' own frequencies.
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
    private var byFirst: [Unicode.Scalar: [(scalars: [Unicode.Scalar], word: String)]] = [:]

    /// The chooser over the shipped statistics, built once per process.
    public static let shared = IdiomChooser(source: IdiomChoiceData.source)

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
                byFirst[scalars[0], default: []].append((scalars, f[1]))
            } else if f[0] == "C", f.count == 6, let offset = Int(f[2]), let n = Int(f[5]) {
                forms[f[3], default: Form(candidates: [], contexts: [])].contexts
                    .append(Context(scalars: Array(f[1].unicodeScalars), offset: offset, candidate: f[4], frequency: n))
            }
        }
        sortForms()
    }

    /// The forms and their candidates (tests, documentation).
    private mutating func sortForms() {
        for k in byFirst.keys { byFirst[k]!.sort { $0.scalars.count > $1.scalars.count } }
    }

    public var formCount: Int { forms.count }
    public func candidates(of form: String) -> [String] { forms[form]?.candidates.map(\.word) ?? [] }

    /// `text` with every form replaced by its chosen candidate, and the choices. Forms that
    /// overlap `protected` (scalar ranges: what the curated phrase table matched) are left alone.
    public func choose(_ text: String, protected: [Range<Int>] = []) -> (text: String, choices: [IdiomChoice]) {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var choices: [IdiomChoice] = []
        var i = 0, copied = 0
        var guardIndex = 0
        while i < s.count {
            guard let list = byFirst[s[i]] else { i += 1; continue }
            var match: (String, Form, Int)? = nil
            for (scalars, w) in list where scalars.count <= s.count - i {
                var k = 1
                while k < scalars.count && s[i + k] == scalars[k] { k += 1 }
                if k == scalars.count, let f = forms[w] { match = (w, f, k); break }
            }
            guard let (word, form, len) = match else { i += 1; continue }
            while guardIndex < protected.count && protected[guardIndex].upperBound <= i { guardIndex += 1 }
            if guardIndex < protected.count && protected[guardIndex].lowerBound < i + len { i += 1; continue }
            let (chosen, reason) = decide(form, at: i, length: len, in: s)
            if chosen != word || form.candidates.count > 1 {
                choices.append(IdiomChoice(word: word, candidates: form.candidates.map(\.word), chosen: chosen, reason: reason, offset: i))
            }
            if chosen != word {
                out.append(contentsOf: s[copied..<i])
                out.append(contentsOf: chosen.unicodeScalars)
                copied = i + len
            }
            i += len
        }
        if copied == 0 && choices.allSatisfy({ $0.chosen == $0.word }) { return (text, choices) }
        out.append(contentsOf: s[copied...])
        return (String(out), choices)
    }

    /// The candidate for the form at `start` and the reason, by context words, then neighbours, then frequency.
    func decide(_ form: Form, at start: Int, length: Int, in s: [Unicode.Scalar]) -> (String, String) {
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
        if let (w, _) = Self.top(mass, order: cands) {
            return (w, "context " + cands.compactMap { c in mass[c.word].map { "\(evidence[c.word]!)←\(c.word) \($0)" } }.joined(separator: ", "))
        }
        if form.candidates.count == 1 { return (form.candidates[0].word, "only candidate") }
        // 2. The neighbouring characters, counted over each candidate's context words.
        let before = start > 0 ? s[start - 1] : nil, after = start + length < s.count ? s[start + length] : nil
        var near: [String: Int] = [:]
        for c in form.contexts {
            let end = c.offset + length
            if let b = before, c.offset > 0, c.scalars[c.offset - 1] == b { near[c.candidate, default: 0] += c.frequency }
            if let a = after, end < c.scalars.count, c.scalars[end] == a { near[c.candidate, default: 0] += c.frequency }
        }
        if let (w, _) = Self.top(Self.keeping(form: s, start, length, near), order: cands) {
            let around = (before.map { String($0) } ?? "") + "_" + (after.map { String($0) } ?? "")
            return (w, "neighbours \(around): " + cands.compactMap { c in near[c.word].map { "\(c.word) \($0)" } }.joined(separator: ", "))
        }
        // 3. Frequency.
        var freq: [String: Int] = [:]
        for c in cands { freq[c.word] = c.frequency }
        let chosen = Self.top(Self.keeping(form: s, start, length, freq), order: cands)?.0 ?? cands[0].word
        return (chosen, "frequency " + cands.map { "\($0.word) \($0.frequency)" }.joined(separator: ", "))
    }

    /// How much more weight another candidate needs than the form itself (when the form is a
    /// candidate) to replace it without a context word: the dictionary's frequencies are not
    /// government text's (新增 is rarer than 添加 in jieba, not in a budget report).
    static let keepFactor = 2

    /// `mass` with the form's own weight multiplied by `keepFactor`.
    static func keeping(form s: [Unicode.Scalar], _ start: Int, _ length: Int, _ mass: [String: Int]) -> [String: Int] {
        let word = String(String.UnicodeScalarView(s[start..<(start + length)]))
        var m = mass
        if let own = m[word] { m[word] = own * keepFactor }
        return m
    }

    /// The candidate with the most mass (ties to the earlier, more frequent candidate), or nil.
    static func top(_ mass: [String: Int], order: [Candidate]) -> (String, Int)? {
        var best: (String, Int)? = nil
        for c in order { if let m = mass[c.word], m > (best?.1 ?? 0) { best = (c.word, m) } }
        return best
    }
}
