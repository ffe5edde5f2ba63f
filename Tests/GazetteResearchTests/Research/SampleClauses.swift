import Foundation
import GazetteModel
import GazetteTestSupport

/// Test-only clause splitter: cuts a plan's text at numbered headings (一、 / （一） / (一) /
/// 1. / 1、), stops at the 政策解读 appendix, and makes the first sentence the heading.
/// The real clause tree comes from the structure stage; this only feeds the alignment tests.
enum SampleClauses {
    static var corpus: URL { Fixtures.samples }

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
