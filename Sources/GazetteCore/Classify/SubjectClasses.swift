import Foundation
import GazetteModel

/// The code list of gov.cn's official subject classes (主题分类) from `subject_classes.yml`:
/// first-level classes and their sub-classes with codes, names and accepted spellings, the cues
/// that predict a class, the issuer table and the numbers that weigh them.
///
/// Editors change the YAML, never this type (`SubjectClassesLoader` reads it, `SubjectClassifier`
/// applies it).
public struct SubjectClasses: Sendable {
    /// A first-level class (`code` without a dot) or a sub-class (`first.sub`).
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        /// Other spellings a page may write the class in.
        public var spellings: [String]
        public var cues: [SubjectCue]
        /// Sub-classes (first-level classes only).
        public var subs: [Entry]
        /// Line of the code's key in the file.
        public var line: Int?

        public init(code: String, name: String, spellings: [String] = [], cues: [SubjectCue] = [], subs: [Entry] = [], line: Int? = nil) {
            self.code = code; self.name = name; self.spellings = spellings; self.cues = cues; self.subs = subs; self.line = line
        }
    }

    /// A part of an issuer's name and the class it speaks for.
    public struct IssuerCue: Sendable, Equatable {
        public var fragment: String
        public var code: String
        public var line: Int?
        public init(fragment: String, code: String, line: Int? = nil) { self.fragment = fragment; self.code = code; self.line = line }
    }

    public var classes: [Entry]
    public var rules: SubjectRules
    /// Characters or strings between the levels of a page's value (`\`, `/`, `>`, `－` …).
    public var separators: [String]
    /// Phrases that are no cue and hide the cue words inside them.
    public var neutral: [String]
    public var issuers: [IssuerCue]
    /// The file it was read from, for evidence and diagnostics.
    public var file: String?

    public init(classes: [Entry] = [], rules: SubjectRules = SubjectRules(), separators: [String] = ["\\", "/"], neutral: [String] = [],
                issuers: [IssuerCue] = [], file: String? = nil) {
        self.classes = classes; self.rules = rules; self.separators = separators; self.neutral = neutral
        self.issuers = issuers; self.file = file
        index()
    }

    /// Folded spelling → code, for first-level classes and for sub-classes whose name is unique.
    private(set) var alone: [String: String] = [:]
    /// First-level code → folded spelling of a sub-class → code.
    private(set) var within: [String: [String: String]] = [:]
    /// Code → entry and its full name.
    private(set) var byCode: [String: (entry: Entry, fullName: String)] = [:]

    mutating func index() {
        alone = [:]; within = [:]; byCode = [:]
        var subCount: [String: Int] = [:]
        for c in classes { for s in c.subs { for n in [s.name] + s.spellings { subCount[Self.fold(n), default: 0] += 1 } } }
        for c in classes {
            byCode[c.code] = (c, c.name)
            for n in [c.name] + c.spellings where alone[Self.fold(n)] == nil { alone[Self.fold(n)] = c.code }
            var w: [String: String] = [:]
            for s in c.subs {
                byCode[s.code] = (s, c.name + "\\" + s.name)
                for n in [s.name] + s.spellings { let f = Self.fold(n); if w[f] == nil { w[f] = s.code } }
            }
            within[c.code] = w
        }
        // A sub-class alone: only where its spelling is unique and is no first-level spelling.
        for c in classes {
            for s in c.subs {
                for n in [s.name] + s.spellings {
                    let f = Self.fold(n)
                    if subCount[f] == 1, alone[f] == nil { alone[f] = s.code }
                }
            }
        }
    }

    /// The entry of `code`.
    public func entry(_ code: String) -> Entry? { byCode[code]?.entry }

    /// The full name of `code`: 一级\二级, or the first-level name.
    public func fullName(_ code: String) -> String? { byCode[code]?.fullName }

    /// Every code: first-level classes, each followed by its sub-classes.
    public var allCodes: [String] { classes.flatMap { [$0.code] + $0.subs.map(\.code) } }

    /// What a page's value names: the code, and the parts of the value that named nothing.
    public struct Resolution: Sendable, Equatable {
        public var code: String
        /// Parts left unread: a sub-class the first level does not have (综合政务\未知 → 综合政务, [未知]).
        public var unread: [String]
    }

    /// The code a page's value names, or nil when it names none: split at the separators,
    /// each part folded; 一级\二级 must be a sub-class of that first level (a sub-class it does
    /// not have leaves the first level, with the part unread); one part alone may be a
    /// first-level class or a unique sub-class. A value whose levels are separated by white
    /// space only (综合政务 政务公开) is read that way when it does not resolve with the spaces
    /// folded away.
    public func resolve(_ value: String) -> Resolution? {
        let folded = resolve(parts: split(value, atSpaces: false))
        if let f = folded, f.unread.isEmpty { return f }
        let spaced = value.unicodeScalars.contains(where: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
            ? resolve(parts: split(value, atSpaces: true)) : nil
        if let s = spaced, s.unread.isEmpty { return s }
        return folded ?? spaced
    }

    func resolve(parts: [String]) -> Resolution? {
        guard !parts.isEmpty else { return nil }
        if parts.count == 1 { return alone[parts[0]].map { Resolution(code: $0, unread: []) } }
        // The first part that is a first-level class, and a part after it naming one of its sub-classes.
        for (i, p) in parts.enumerated() {
            guard let first = alone[p], !first.contains(".") else { continue }
            let rest = Array(parts[(i + 1)...])
            if let k = rest.firstIndex(where: { self.within[first]?[$0] != nil }) {
                return Resolution(code: within[first]![rest[k]]!, unread: Array(parts[..<i]) + rest.enumerated().filter { $0.offset != k }.map(\.element))
            }
            return Resolution(code: first, unread: Array(parts[..<i]) + rest)
        }
        // No first level named: the last part that is a sub-class on its own (主题\政务公开).
        guard let k = parts.lastIndex(where: { self.alone[$0] != nil }) else { return nil }
        return Resolution(code: alone[parts[k]]!, unread: parts.enumerated().filter { $0.offset != k }.map(\.element))
    }

    /// A page's value cut at the separators (and white space) into folded, non-empty parts.
    func split(_ value: String, atSpaces: Bool) -> [String] {
        var parts = [value]
        for sep in separators + (atSpaces ? [" ", "\u{3000}", "\t"] : []) where !sep.isEmpty {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        return parts.map(Self.fold).filter { !$0.isEmpty }
    }

    /// A spelling as compared: white space dropped, ASCII brackets and commas as their
    /// full-width forms, 、 for the other list commas.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case " ", "\t", "\n", "\r", "\u{3000}", "\u{00A0}": continue
            case "(": out.append("（")
            case ")": out.append("）")
            case ",", "，", "；", ";", "·": out.append("、")
            default: out.append(u)
            }
        }
        return String(out)
    }
}

/// A phrase that speaks for a subject class, and where it counts.
public struct SubjectCue: Sendable, Equatable {
    /// `any`: the title (× `title_weight`, once a phrase) and the text (× `body_weight` an
    /// occurrence); `title` or `body`: that place only.
    public enum Place: String, Sendable, CaseIterable { case any, title, body }
    public var phrase: String
    public var weight: Double
    public var place: Place
    public var line: Int?
    public init(_ phrase: String, weight: Double, place: Place = .any, line: Int? = nil) {
        self.phrase = phrase; self.weight = weight; self.place = place; self.line = line
    }
}

/// The numbers of `rules:` in subject_classes.yml.
public struct SubjectRules: Sendable, Equatable {
    /// Multiplier of a cue found in the title (each phrase once).
    public var titleWeight = 6.0
    /// Multiplier of a cue found in the text, which counts log2(1 + occurrences).
    public var bodyWeight = 1.0
    /// Occurrences of one cue in the text beyond this count add nothing.
    public var bodyRepeatCap = 31
    /// The k-th strongest text hit of a class counts `breadthDecay`^k of its points (k from 0).
    public var breadthDecay = 0.65
    /// Points an issuer fragment adds to its class.
    public var issuerPoints = 4.0
    /// The best first-level class is predicted only from this score up.
    public var minScore = 3.0
    /// Its best sub-class is named only from this score up, and when it holds at least this
    /// share of the first level's score (else the first-level code alone: a document the first
    /// level's own cues decide, 政府工作报告, is not put in a sub-class by a few words of its text).
    public var subClassMinScore = 2.0
    public var subClassMinShare = 0.4
    public init() {}

    static let keys = ["title_weight", "body_weight", "body_repeat_cap", "breadth_decay", "issuer_points", "min_score",
                       "sub_class_min_score", "sub_class_min_share"]
}
