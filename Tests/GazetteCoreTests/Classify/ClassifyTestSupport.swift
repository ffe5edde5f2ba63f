import Foundation
import XCTest
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// Shared helpers of the classify tests: the repository's own data files, small
/// taxonomies written inline, and documents built from (heading, body) pairs.
enum ClassifyFixtures {
    static let repoRoot = Fixtures.root

    /// The classifier of the repository's taxonomy.yml, units.yml and overrides.yml.
    static func repositoryClassifier() throws -> Classifier {
        var config = PipelineConfig()
        config.classify = ClassifySettings()
        return try Classifier.load(config: config, baseDirectory: repoRoot)
    }

    static func taxonomy(_ yaml: String, file: String = "taxonomy.yml") throws -> Taxonomy {
        var d: [Diagnostic] = []
        let t = TaxonomyLoader.parse(yaml, file: file, diagnostics: &d)
        let errors = d.filter { $0.severity == .error }
        if !errors.isEmpty { throw ConfigurationError(errors) }
        return try XCTUnwrap(t)
    }

    static func source() -> Source { Source(path: "Corpus/test.txt", sha256: "0", format: "txt", encoding: "utf-8") }

    /// A document whose clauses are given as (id, parent, heading, body). Its title names
    /// open-government work, so the taxonomy's areas apply (see AreaScopeTests for others).
    static func document(id: String = "doc", region: String? = nil, title: String = "政务公开工作要点",
                         _ clauses: [(String, String?, String, String)]) -> Document {
        let cs = clauses.enumerated().map { i, c in
            Clause(id: c.0, parent: c.1, level: c.1 == nil ? 1 : 2, label: "", number: i + 1, heading: c.2, text: c.3, original: c.3)
        }
        return Document(id: id, title: title, region: region, source: source(), clauses: cs)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-classify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A seeded text of cue words, pieces of cue words, overlapping pairs of cues and noise
    /// (separators, every kind of line break, ASCII, emoji, combining marks, numbering).
    static func cueText(_ r: inout SplitMix64, cues: [String], parts: Int) -> String {
        let noise = ["、", "。", "；", ";", "，", ",", "：", ":", "\n", "！", "？", "\r\n", "\r", "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}",
                     "等", "和", "工作", " ", "abc", "A1", "😀", "👩‍👩‍👧", "e\u{301}", "\u{301}", "（一）", "1.", "第二条", "年", "的",
                     "\u{FEFF}", "\t", "公", "开", "信息", "政务"]
        var s = ""
        for _ in 0 ..< parts {
            switch r.below(10) {
            case 0, 1, 2: s += r.pick(cues)
            case 3:
                // Two cues overlapping: the first's tail is the second's head when they share one.
                let a = r.pick(cues), b = r.pick(cues)
                let cut = b.isEmpty ? 0 : r.below(b.count)
                s += a.hasSuffix(String(b.prefix(cut))) ? a + b.dropFirst(cut) : a + b
            case 4:
                let c = r.pick(cues)
                s += String(c.prefix(max(1, c.count - 1)))
            case 5:
                s += String(r.pick(cues).dropFirst())
            default: s += r.pick(noise)
            }
        }
        return s
    }

    /// The literal cue words of `taxonomy` (regular expressions without their `^`).
    static func cueWords(_ taxonomy: Taxonomy) -> [String] {
        (taxonomy.areas + taxonomy.topics).flatMap { c in c.cues.map { $0.isRegex ? String($0.label.drop { $0 == "^" }) : $0.pattern } }
    }
}
