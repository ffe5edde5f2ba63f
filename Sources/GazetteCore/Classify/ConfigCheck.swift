import Foundation
import GazetteModel

/// What `gazette check` does, as a library call the tests can run without a process:
/// validate pipeline.yml, the taxonomy, the unit registry and the overrides, then look at
/// the corpus for cues that match nothing and for units the registry does not know.
///
/// Every problem is a `Diagnostic` with file and line; errors make the command exit 2,
/// warnings are printed and leave the exit status 0.
public enum ConfigCheck {
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var documents = 0
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    /// - Parameters:
    ///   - configURL: pipeline.yml; a missing file means the built-in defaults when `allowMissing`.
    ///   - corpus: overrides the corpus folder named in the configuration.
    public static func run(configURL: URL, allowMissing: Bool = false, corpus: URL? = nil) -> Result {
        var d: [Diagnostic] = []
        let base = configURL.deletingLastPathComponent()
        var config = PipelineConfig()
        if FileManager.default.fileExists(atPath: configURL.path) || !allowMissing {
            do { config = try PipelineConfig.load(configURL) } catch let e as ConfigurationError { d += e.diagnostics } catch {
                d.append(Diagnostic(id: "config", severity: .error, message: "\(error)", file: configURL.path))
            }
        }
        let classifier = Classifier.load(config: config, baseDirectory: base, diagnostics: &d)
        let files = Classifier.dataFiles(config: config, baseDirectory: base)
        let corpusURL = corpus ?? (config.corpus.hasPrefix("/") ? URL(fileURLWithPath: config.corpus) : base.appendingPathComponent(config.corpus))
        var result = Result(diagnostics: [])
        if FileManager.default.fileExists(atPath: corpusURL.path) {
            result.documents = checkCorpus(corpusURL, config: config, base: base, classifier: classifier,
                                           taxonomyFile: files.taxonomy.path, &d)
        } else {
            d.append(Diagnostic(id: "corpus-missing", severity: .warning, message: "corpus folder \(corpusURL.path) does not exist; cues and units not checked against it",
                                file: configURL.path))
        }
        result.diagnostics = sorted(d)
        return result
    }

    /// Decode every corpus file with the pipeline's own stages; warn about cues that match
    /// nothing and list units the registry does not resolve. Returns the documents read.
    static func checkCorpus(_ corpus: URL, config: PipelineConfig, base: URL, classifier: Classifier,
                            taxonomyFile: String, _ d: inout [Diagnostic]) -> Int {
        let processor: DocumentProcessor
        do {
            var p = try DocumentProcessor.make(config: config, baseDirectory: base)
            p.classifier = classifier
            processor = p
        } catch let e as ConfigurationError {
            d += e.diagnostics.filter { !d.contains($0) }
            return 0
        } catch { return 0 }
        var texts: [String] = []
        var docs: [Document] = []
        for f in CorpusScanner.scan(corpus, displayRoot: corpus.lastPathComponent) where f.problem == nil {
            let lower = f.path.lowercased()
            guard config.ingest.extensions.contains(where: { lower.hasSuffix("." + $0) }),
                  let bytes = try? processor.ingester.readBytes(f.url),
                  let doc = try? processor.process(bytes: bytes, path: f.path, id: CorpusScanner.documentID(for: f.path)) else { continue }
            texts.append(doc.text)
            var slim = doc
            slim.text = ""; slim.preamble = ""; slim.closing = ""; slim.appendices = []
            docs.append(slim)
        }
        d += unknownUnits(in: docs, registryFile: classifier.registry.file)
        guard !texts.isEmpty else { return 0 }
        let matcher = CueMatcher(taxonomy: classifier.taxonomy)
        for code in classifier.taxonomy.areas + classifier.taxonomy.topics {
            for cue in code.cues where cue.weight > 0 && !texts.contains(where: { matcher.occurs(cue, in: $0) }) {
                d.append(Diagnostic(id: "cue-unmatched", severity: .warning,
                                    message: "cue '\(cue.pattern)' of '\(code.code)' matches nothing in the corpus (\(texts.count) documents)",
                                    file: taxonomyFile, line: cue.line))
            }
        }
        return texts.count
    }

    /// One warning per unit name the registry did not resolve, with its count and first place.
    public static func unknownUnits(in docs: [Document], registryFile: String?) -> [Diagnostic] {
        var unknown: [String: (first: String, count: Int)] = [:]
        for doc in docs {
            for c in doc.clauses {
                for u in c.units where u.kind == "unknown" || u.canonical == nil {
                    let n = unknown[u.name]?.count ?? 0
                    unknown[u.name] = (unknown[u.name]?.first ?? "\(doc.source.path) (\(c.id))", n + 1)
                }
            }
        }
        return unknown.sorted(by: { $0.key < $1.key }).map { name, seen in
            Diagnostic(id: "unit-unknown", severity: .warning,
                       message: "unknown unit '\(name)' (\(seen.count)×, first in \(seen.first))",
                       file: registryFile, suggestion: "add it to the unit registry with its full name, or as an alias")
        }
    }

    /// Errors first, then by file and line, so the output reads like a compiler's.
    static func sorted(_ d: [Diagnostic]) -> [Diagnostic] {
        d.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if (x.severity == .error) != (y.severity == .error) { return x.severity == .error }
            if (x.file ?? "") != (y.file ?? "") { return (x.file ?? "") < (y.file ?? "") }
            if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }
}
