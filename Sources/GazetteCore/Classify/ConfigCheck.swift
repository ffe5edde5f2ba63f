import Foundation
import GazetteModel

/// What `gazette check` does, as a library call the tests can run without a process:
/// validate pipeline.yml, the taxonomy, the unit registry and the overrides, then look at
/// the corpus for cues that match nothing and for units the registry does not resolve.
///
/// Every problem is a `Diagnostic` with file and line; errors make the command exit 2,
/// warnings are printed and leave the exit status 0.
public enum ConfigCheck {
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var documents = 0
        /// Per-label counts of the corpus, when asked for (`gazette check --labels`).
        public var labels: LabelReport?
        /// The taxonomy the corpus was labelled with (to render `labels`).
        public var taxonomy: Taxonomy?
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    /// - Parameters:
    ///   - configURL: pipeline.yml; a missing file means the built-in defaults when `allowMissing`.
    ///   - corpus: overrides the corpus folder named in the configuration.
    ///   - labels: also count, per area and topic, the clauses and the cues behind them.
    public static func run(configURL: URL, allowMissing: Bool = false, corpus: URL? = nil, labels: Bool = false) -> Result {
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
        result.taxonomy = classifier.taxonomy
        if FileManager.default.fileExists(atPath: corpusURL.path) {
            (result.documents, result.labels) = checkCorpus(corpusURL, config: config, base: base, classifier: classifier,
                                                            taxonomyFile: files.taxonomy.path, labels: labels, &d)
        } else {
            d.append(Diagnostic(id: "corpus-missing", severity: .warning, message: "corpus folder \(corpusURL.path) does not exist; cues and units not checked against it",
                                file: configURL.path))
        }
        result.diagnostics = sorted(d)
        return result
    }

    /// Decode every corpus file with the pipeline's own stages, on every core; warn about
    /// cues that match nothing and list units the registry does not resolve. Each file
    /// leaves only the ids of the cues it holds and its unresolved unit names, so the corpus
    /// is never held in memory. Returns the documents read.
    static func checkCorpus(_ corpus: URL, config: PipelineConfig, base: URL, classifier: Classifier,
                            taxonomyFile: String, labels: Bool = false, _ d: inout [Diagnostic]) -> (Int, LabelReport?) {
        let processor: DocumentProcessor
        do {
            var p = try DocumentProcessor.make(config: config, baseDirectory: base)
            p.classifier = classifier
            processor = p
        } catch let e as ConfigurationError {
            d += e.diagnostics.filter { !d.contains($0) }
            return (0, nil)
        } catch { return (0, nil) }
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
            var report: LabelReport? = nil
            if labels { report = LabelReport(); report?.add(doc, classifier: classifier) }
            results.set(i, FileFindings(cues: matcher.occurringCues(in: doc.text), unresolved: unresolvedMentions(in: doc), labels: report))
        }
        let read = results.values.compactMap { $0 }
        var unresolved = UnresolvedUnits()
        for r in read { unresolved.merge(r.unresolved) }
        d += unresolvedUnitDiagnostics(unresolved, registryFile: classifier.registry.file)
        var report: LabelReport? = labels ? LabelReport() : nil
        for r in read { if let l = r.labels { report?.merge(l) } }
        guard !read.isEmpty else { return (0, report) }
        var seen = Set<Int32>()
        for r in read { seen.formUnion(r.cues) }
        for (id, code, cue) in matcher.numberedCues where cue.weight > 0 && !seen.contains(id) {
            d.append(Diagnostic(id: "cue-unmatched", severity: .warning,
                                message: "cue '\(cue.pattern)' of '\(code)' matches nothing in the corpus (\(read.count) documents)",
                                file: taxonomyFile, line: cue.line))
        }
        return (read.count, report)
    }

    /// What `gazette check` keeps of one corpus file.
    struct FileFindings {
        var cues: Set<Int32>
        var unresolved: UnresolvedUnits
        var labels: LabelReport?
    }

    /// One warning per unit name the registry did not resolve in a region, grouped by region,
    /// with its count and the documents it occurs in.
    public static func unresolvedUnits(in docs: [Document], registryFile: String?) -> [Diagnostic] {
        var all = UnresolvedUnits()
        for d in docs { all.add(d, as: d.source.path) }
        return unresolvedUnitDiagnostics(all, registryFile: registryFile)
    }

    /// The unit mentions of a document the registry did not resolve.
    static func unresolvedMentions(in doc: Document) -> UnresolvedUnits {
        var u = UnresolvedUnits()
        u.add(doc, as: doc.source.path)
        return u
    }

    /// Documents named in one warning; the rest are counted.
    static let documentsShown = 5

    /// One warning per region and name: by region, most frequent first.
    static func unresolvedUnitDiagnostics(_ all: UnresolvedUnits, registryFile: String?) -> [Diagnostic] {
        all.list.map { e in
            let shown = e.documents.prefix(documentsShown).joined(separator: ", ")
            let more = e.documents.count > documentsShown ? " and \(e.documents.count - documentsShown) more" : ""
            return Diagnostic(id: "unit-unresolved", severity: .warning,
                              message: "unresolved unit '\(e.name)' in \(e.region): \(e.count)× in \(e.documents.count) document\(e.documents.count == 1 ? "" : "s") (\(shown)\(more))",
                              file: registryFile, suggestion: "add it to the unit registry with its full name, or as an alias or department")
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
