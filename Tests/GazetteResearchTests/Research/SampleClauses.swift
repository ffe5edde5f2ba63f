import Foundation
import GazetteModel

/// Test-only clause splitter: cuts a plan's text at numbered headings (一、 / （一） / (一) /
/// 1. / 1、), stops at the 政策解读 appendix, and makes the first sentence the heading.
/// The real clause tree comes from the structure stage; this only feeds the alignment tests.
enum SampleClauses {
    static let corpus: URL = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let shared = repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : URL(fileURLWithPath: "/work/shared/corpus")
    }()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    }

    static func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static let headingPattern = try! NSRegularExpression(
        pattern: #"^\s*(([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[)）]|(\d{1,2})[.、．](?!\d))"#)

    /// Clauses of `text`, ids c1, c2, ….
    static func split(_ text: String, prefix: String = "c") -> [Clause] {
        var clauses: [(label: String, body: String)] = []
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.contains("【政策解读】") || line.contains("【政策解讀】") || line.hasPrefix("附件") { break }
            let ns = line as NSString
            if let m = headingPattern.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) {
                clauses.append((ns.substring(with: m.range(at: 1)), ns.substring(from: m.range.location + m.range.length)))
            } else if !clauses.isEmpty {
                clauses[clauses.count - 1].body += line
            }
        }
        return clauses.enumerated().map { k, c in
            make(id: "\(prefix)\(k + 1)", label: c.label, body: c.body)
        }
    }

    static func make(id: String, label: String = "", body: String) -> Clause {
        let heading = firstSentence(body)
        let level = label.hasSuffix("、") && !label.first!.isNumber ? 1 : label.first?.isNumber == true ? 3 : 2
        return Clause(id: id, parent: nil, level: level, label: label, number: 0, heading: heading, text: body, original: body)
    }

    static func firstSentence(_ s: String) -> String {
        if let r = s.firstIndex(where: { $0 == "。" || $0 == "；" }) { return String(s[..<r]) }
        return s
    }

    /// Sentences of `s`, each keeping its final 。.
    static func sentences(_ s: String) -> [String] {
        var out: [String] = [], cur = ""
        for ch in s { cur.append(ch); if ch == "。" { out.append(cur); cur = "" } }
        if !cur.trimmingCharacters(in: .whitespaces).isEmpty { out.append(cur) }
        return out
    }

    static func document(id: String, clauses: [Clause], region: String? = nil, year: Int? = nil) -> Document {
        Document(id: id, title: id, planTitle: id, docType: .workPlan, region: region, year: year,
                 source: Source(path: id, sha256: "", format: "txt", encoding: "utf-8"), clauses: clauses)
    }
}

/// SplitMix64: a small seeded generator so every run makes the same scripts.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
