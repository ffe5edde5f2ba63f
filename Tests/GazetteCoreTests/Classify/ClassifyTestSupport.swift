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

    /// A document whose clauses are given as (id, parent, heading, body).
    static func document(id: String = "doc", region: String? = nil, _ clauses: [(String, String?, String, String)]) -> Document {
        let cs = clauses.enumerated().map { i, c in
            Clause(id: c.0, parent: c.1, level: c.1 == nil ? 1 : 2, label: "", number: i + 1, heading: c.2, text: c.3, original: c.3)
        }
        return Document(id: id, region: region, source: source(), clauses: cs)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-classify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
