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
            // Parse first and check data files apart, so a missing taxonomy does not throw
            // away the rest of the configuration (the corpus folder, the other data files).
            if let data = FileManager.default.contents(atPath: configURL.path) {
                do {
                    config = try PipelineConfig.parse(String(decoding: data, as: UTF8.self), file: configURL.path)
                    d += config.missingDataFiles(base: base)
                } catch let e as ConfigurationError { d += e.diagnostics } catch {
                    d.append(Diagnostic(id: "config", severity: .error, message: "\(error)", file: configURL.path))
                }
            } else {
                d.append(Diagnostic(id: "config-missing", severity: .error, message: "cannot read \(configURL.path)",
                                    file: configURL.path, suggestion: "create it, or pass --config with the right path"))
            }
        }
        var loadDiagnostics: [Diagnostic] = []
        let classifier = Classifier.load(config: config, baseDirectory: base, diagnostics: &loadDiagnostics)
        // pipeline.yml's own report of a missing taxonomy (with its line there) says it already.
        for (key, id) in [("classify.taxonomy", "taxonomy-missing"), ("classify.subjects", "subject-classes-missing")]
            where d.contains(where: { $0.id == "data-file-missing" && $0.message.hasPrefix(key + " ") }) {
            loadDiagnostics.removeAll { $0.id == id }
        }
        d += loadDiagnostics
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

    /// Decode every corpus file with the pipeline's own stages, on every core; warn about
    /// cues that match nothing and list units the registry does not resolve. Each file
    /// leaves only the ids of the cues it holds and its unknown unit names, so the corpus
    /// is never held in memory. Returns the documents read.
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
        let matcher = CueMatcher(taxonomy: classifier.taxonomy)
        let files = CorpusScanner.scan(corpus, displayRoot: corpus.lastPathComponent).filter { f in
            let lower = f.path.lowercased()
            return f.problem == nil && config.ingest.extensions.contains(where: { lower.hasSuffix("." + $0) })
        }
        let results = ResultBox<FileFindings>(count: files.count)
        ParallelLoop.run(count: files.count, workers: config.workerThreads,
                         cancellation: CancellationFlag()) { i in
            let f = files[i]
            guard let bytes = try? processor.ingester.readBytes(f.url),
                  let doc = try? processor.process(bytes: bytes, path: f.path, id: CorpusScanner.documentID(for: f.path)) else { return }
            results.set(i, FileFindings(cues: matcher.occurringCues(in: doc.text), unknownUnits: unknownMentions(in: doc)))
        }
        let read = results.values.compactMap { $0 }
        d += unknownUnitDiagnostics(read.flatMap(\.unknownUnits), registryFile: classifier.registry.file)
        guard !read.isEmpty else { return 0 }
        var seen = Set<Int32>()
        for r in read { seen.formUnion(r.cues) }
        for (id, code, cue) in matcher.numberedCues where cue.weight > 0 && !seen.contains(id) {
            d.append(Diagnostic(id: "cue-unmatched", severity: .warning,
                                message: "cue '\(cue.pattern)' of '\(code)' matches nothing in the corpus (\(read.count) documents)",
                                file: taxonomyFile, line: cue.line))
        }
        return read.count
    }

    /// What `gazette check` keeps of one corpus file.
    struct FileFindings {
        var cues: Set<Int32>
        var unknownUnits: [(name: String, place: String)]
    }

    /// One warning per unit name the registry did not resolve, with its count and first place.
    public static func unknownUnits(in docs: [Document], registryFile: String?) -> [Diagnostic] {
        unknownUnitDiagnostics(docs.flatMap(unknownMentions), registryFile: registryFile)
    }

    /// The unit mentions of a document the registry did not resolve, with where each is.
    static func unknownMentions(in doc: Document) -> [(name: String, place: String)] {
        doc.clauses.flatMap { c in
            c.units.filter { $0.kind == "unknown" || $0.canonical == nil }.map { (name: $0.name, place: "\(doc.source.path) (\(c.id))") }
        }
    }

    /// `mentions` in corpus order → one warning per name, sorted by name.
    static func unknownUnitDiagnostics(_ mentions: [(name: String, place: String)], registryFile: String?) -> [Diagnostic] {
        var unknown: [String: (first: String, count: Int)] = [:]
        for m in mentions {
            let seen = unknown[m.name]
            unknown[m.name] = (seen?.first ?? m.place, (seen?.count ?? 0) + 1)
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
