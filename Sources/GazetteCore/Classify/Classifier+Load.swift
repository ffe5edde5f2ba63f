import Foundation
import GazetteModel

extension Classifier {
    /// Bump when the classifier's code changes what it would write for the same data files.
    public static let algorithmVersion = "classify-3"

    /// Hash of the taxonomy, registry and overrides in force (their file contents) and the
    /// algorithm version: part of the cache key, so an editor's change to any of them
    /// reclassifies every document.
    public var fingerprint: String { dataHash.isEmpty ? Self.algorithmVersion : dataHash }

    /// The classifier for `config` (taxonomy and unit registry paths relative to `baseDirectory`).
    ///
    /// Invalid data files throw `ConfigurationError` (exit 2). A missing file leaves that part
    /// empty — every clause `general`, every unit `unresolved` — so a bare corpus still runs;
    /// `gazette check` reports the missing file as an error.
    public static func load(config: PipelineConfig, baseDirectory: URL) throws -> Classifier {
        var diags: [Diagnostic] = []
        let c = load(config: config, baseDirectory: baseDirectory, diagnostics: &diags)
        let errors = diags.filter { $0.severity == .error && !$0.id.hasSuffix("-missing") }
        if !errors.isEmpty { throw ConfigurationError(errors) }
        return c
    }

    /// As `load(config:baseDirectory:)`, collecting every diagnostic instead of throwing.
    public static func load(config: PipelineConfig, baseDirectory: URL, diagnostics: inout [Diagnostic]) -> Classifier {
        let urls = dataFiles(config: config, baseDirectory: baseDirectory)
        let taxonomy = TaxonomyLoader.load(urls.taxonomy, diagnostics: &diagnostics)
        let registry = UnitRegistryLoader.load(urls.units, diagnostics: &diagnostics)
        let overrides = Overrides.load(urls.overrides, taxonomy: taxonomy, diagnostics: &diagnostics)
        let subjects = SubjectClassesLoader.load(urls.subjects, diagnostics: &diagnostics)
        var parts = [algorithmVersion]
        for u in [urls.taxonomy, urls.units, urls.overrides, urls.subjects] {
            let data = FileManager.default.contents(atPath: u.path) ?? Data()
            parts.append(u.lastPathComponent + ":" + SHA256Digest.hex(Array(data)))
        }
        let empty = Taxonomy(areas: [TaxonomyCode(code: "general")], topics: [])
        return Classifier(taxonomy: taxonomy ?? empty, registry: registry ?? UnitRegistry(), overrides: overrides,
                          subjects: SubjectClassifier(classes: subjects ?? SubjectClasses()),
                          dataHash: SHA256Digest.hex(parts.joined(separator: "\n")))
    }

    /// The four data files named by `classify:` in pipeline.yml.
    public static func dataFiles(config: PipelineConfig, baseDirectory: URL) -> (taxonomy: URL, units: URL, overrides: URL, subjects: URL) {
        func url(_ p: String) -> URL { p.hasPrefix("/") ? URL(fileURLWithPath: p) : baseDirectory.appendingPathComponent(p) }
        return (url(config.classify.taxonomy), url(config.classify.units), url(config.classify.overrides), url(config.classify.subjects))
    }
}
