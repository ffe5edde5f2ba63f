import Foundation

/// Layout recovery: the text of a document laid out one paragraph a line, with every clause
/// label at the start of a line, whatever layout the file arrived in.
///
/// Real bodies arrive flattened onto one line (crawler exports), hard-wrapped at a fixed
/// width (PDF-to-text), with crawler header lines or Markdown front matter on top, with
/// Markdown and inline-HTML residue, letterspaced headings (`总 则`) and page furniture
/// (`－ 3 －`). Each of those layout families is a `LayoutRecognizer` of its own with its
/// own fixtures; this type runs them in a fixed order:
///
/// 1. page furniture first: a page number between two wrapped lines would stop them joining;
/// 2. hard wraps are joined while line lengths still show the wrap width — before markup
///    removal changes them, and before header fields, which a wrap may have cut in two; a
///    flattened file that was also wrapped is one line again;
/// 3. header fields: front matter and crawler headers are metadata, and markup removal
///    would otherwise take their `---` fences and `key: value` lines for text;
/// 4. markup residue: HTML tags and Markdown block syntax mark paragraph boundaries even in
///    a flattened file, so they become line breaks;
/// 5. split numbers and letterspacing close up what an extractor spread out;
/// 6. a task table flattened into text gets one row a line back, before the flattening
///    splitter would cut its cells apart;
/// 7. flattened lines are split at paragraph gaps and at inline labels that continue the
///    numbering;
/// 8. page chrome glued to a line's last sentence goes on a line of its own, for the line
///    rules to drop.
///
/// It runs in the clean stage after the character repairs (so full-width digits and odd
/// spaces are folded) and before the line rules (so chrome that a flattened page carries
/// inline stands on lines of its own and is dropped like any other chrome line).
public struct LayoutRecovery: Sendable {
    public init() {}

    /// Run on the file's text as decoded, before the character repairs: entity decoding and
    /// folding change line lengths, which would hide the wrap width.
    static let beforeRepairs: [any LayoutRecognizer] = [PageFurnitureRecognizer(), HardWrapRecognizer()]
    static let afterRepairs: [any LayoutRecognizer] = [
        HeaderFieldRecognizer(), MarkupResidueRecognizer(), SplitNumberRecognizer(), LetterspacingRecognizer(), TaskTableRecognizer(),
        FlattenedTextRecognizer(), ChromeTailRecognizer(),
    ]

    /// Steps 1–2 on the decoded text; the result goes through the repairs, then into `recover`.
    public func rejoin(_ text: String) -> LaidOutText {
        let unix = FastText.containsByte(text, 0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return run(Self.beforeRepairs, on: unix, LayoutPage(lines: FastText.lines(unix)))
    }

    /// Steps 3–8 on the repaired text, continuing the record `rejoin` began.
    public func recover(_ text: String, after early: LaidOutText? = nil) -> LaidOutText {
        var page = LayoutPage(lines: FastText.lines(text))
        if let e = early { page.decisions = e.decisions; page.families = e.families; page.fields = e.fields }
        return run(Self.afterRepairs, on: text, page)
    }

    /// The recognizers in order; `text` itself comes back when none of them acted (most
    /// files), without joining its lines again.
    func run(_ recognizers: [any LayoutRecognizer], on text: String, _ start: LayoutPage) -> LaidOutText {
        var page = start
        for r in recognizers { r.apply(&page) }
        let acted = page.decisions.count > start.decisions.count
        return LaidOutText(text: acted ? page.lines.joined(separator: "\n") : text, families: page.families,
                           decisions: page.decisions, fields: page.fields)
    }
}

/// One layout family: finds its layout in the lines and rewrites it, logging each decision.
protocol LayoutRecognizer: Sendable {
    /// The family's name, as recorded in a document's quality record (`flattened`, `hard-wrap` …).
    var name: String { get }
    func apply(_ page: inout LayoutPage)
}

/// The lines being laid out, and what was decided about them.
struct LayoutPage {
    var lines: [String]
    var decisions: [LayoutDecision] = []
    var fields: [HeaderField] = []
    var families: [String] = []

    /// Replaces each line that `split` cuts by its parts, noting the cut for `family`.
    mutating func splitLines(_ family: String, _ split: (String) -> [String]?) {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            if let parts = split(line) {
                note(family, .split, line)
                out.append(contentsOf: parts)
            } else {
                out.append(line)
            }
        }
        lines = out
    }

    mutating func note(_ family: String, _ action: LayoutDecision.Action, _ text: String) {
        if !families.contains(family) { families.append(family) }
        decisions.append(LayoutDecision(family: family, action: action, text: String(text.prefix(60))))
    }
}

/// The layout stage's output.
public struct LaidOutText: Sendable, Equatable {
    public var text: String
    /// The layout families found (in the order they acted); empty for a file already one paragraph a line.
    public var families: [String]
    public var decisions: [LayoutDecision]
    /// Metadata carried by the file's header (crawler lines, front matter), taken out of the text.
    public var fields: [HeaderField]
}

/// A line re-joined, split, dropped or read as a field, for `gazette inspect`.
public struct LayoutDecision: Sendable, Equatable, Codable {
    public enum Action: String, Sendable, Codable { case split, join, drop, field, rewrite }
    public var family: String
    public var action: Action
    /// The text at the decision (its first 60 characters).
    public var text: String
}

/// A metadata field found in a file's header, with where it came from.
public struct HeaderField: Sendable, Equatable, Codable {
    /// The metadata key as the page tables name it: 标题, 发布日期, 发文字号, 发布机构, 来源, url.
    public var key: String
    public var value: String
    /// `crawler-header` or `front-matter`.
    public var source: String
}

extension Unicode.Scalar {
    /// CJK ideographs, CJK and full-width punctuation: the characters between which a space is layout, not text.
    var isWide: Bool {
        let v = value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3000 && v <= 0x303F)
            || (v >= 0xFF01 && v <= 0xFF0F) || (v >= 0xFF1A && v <= 0xFF20) || (v >= 0xFF3B && v <= 0xFF40) || (v >= 0xFF5B && v <= 0xFF65)
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x2014 || v == 0x2026 || v == 0x25CB
    }

    var isHan: Bool {
        let v = value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }
}
