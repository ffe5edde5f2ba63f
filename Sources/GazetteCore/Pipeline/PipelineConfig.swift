import Foundation
import GazetteModel
import Yams

/// `pipeline.yml`: folders, the stages to run and each stage's settings.
///
/// Read through Yams' node API rather than `Decodable` so that every problem —
/// an unknown key, a wrong type, an unknown stage — is reported with its file and line
/// and a suggestion, like a compiler diagnostic.
public struct PipelineConfig: Sendable, Equatable {
    public static let stageOrder = ["ingest", "clean", "normalize", "structure", "classify", "dedup", "publish"]
    /// Stages a run cannot leave out: ingest reads every input, and structure makes the
    /// document record that every output is built from. The others can be left out of
    /// `stages:` (see `runs(_:)` and README "Stages").
    public static let requiredStages = ["ingest", "structure"]

    public var file: String?
    public var corpus: String = "Corpus"
    public var output: String = "Output"
    public var cache: String = ".gazette-cache"
    public var stages: [String] = PipelineConfig.stageOrder
    public var ingest = IngestSettings()
    public var classify = ClassifySettings()
    public var dedup = DedupSettings()
    public var publish = PublishSettings()
    /// Worker threads for per-document stages (0 = one per core).
    public var workers: Int = 0
    /// The run's memory budget in MiB (`memory.budget_mib`): what the runner may hold of the
    /// corpus in memory is derived from it, and `run.memory` in the manifest is measured against it.
    public var memoryBudgetMiB: Int = PipelineConfig.defaultMemoryBudgetMiB
    public static let defaultMemoryBudgetMiB = 1024
    /// `workers`, with 0 resolved to the number of cores.
    public var workerThreads: Int { workers > 0 ? workers : max(1, ProcessInfo.processInfo.activeProcessorCount) }
    /// Line in pipeline.yml of each data file named there (`classify.taxonomy` …), for diagnostics.
    public var dataFileLines: [String: Int] = [:]

    public init() {}

    /// Whether `stages:` lists `stage`: what the runner and the document processor ask
    /// before doing a stage's work.
    public func runs(_ stage: String) -> Bool { stages.contains(stage) }

    /// The hash of everything that changes per-document results (part of cache keys).
    public func hash(extra: [String] = []) -> String {
        var parts = ["v1", stages.joined(separator: ","), "\(ingest.maxFileBytes)", "\(ingest.maxInflatedBytes)", "\(ingest.maxLineChars)",
                     ingest.extensions.joined(separator: ",")]
        // Only when set: the keys of existing caches stay valid under the default.
        if ingest.maxPages != IngestSettings.defaults.maxPages { parts.append("pages=\(ingest.maxPages)") }
        parts += extra
        return SHA256Digest.hex(parts.joined(separator: "\u{1F}"))
    }

    /// Load and validate. Paths in the file are relative to the file's folder.
    public static func load(_ url: URL) throws -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError([Diagnostic(id: "config-missing", severity: .error, message: "cannot read \(url.path)",
                                                 file: url.path, suggestion: "create it, or pass --config with the right path")])
        }
        let config = try parse(String(decoding: data, as: UTF8.self), file: url.path)
        let missing = config.missingDataFiles(base: url.deletingLastPathComponent())
        if !missing.isEmpty { throw ConfigurationError(missing) }
        return config
    }

    /// Data files named in pipeline.yml that do not exist. Only files the configuration
    /// names explicitly are checked (the taxonomy, and the subject classes when named); the rest
    /// are optional.
    public func missingDataFiles(base: URL) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (key, path) in [("classify.taxonomy", classify.taxonomy), ("classify.subjects", classify.subjects)] {
            guard let line = dataFileLines[key] else { continue }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
            if !FileManager.default.fileExists(atPath: url.path) {
                out.append(Diagnostic(id: "data-file-missing", severity: .error, message: "\(key) names \(path), which does not exist",
                                      file: file, line: line, suggestion: "create \(url.path), or correct the path (relative to this file)"))
            }
        }
        return out
    }

    public static func parse(_ yaml: String, file: String) throws -> PipelineConfig {
        var diags: [Diagnostic] = []
        var config = PipelineConfig()
        config.file = file
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch let e as YamlError {
            throw ConfigurationError([YAMLNodeReader.diagnostic(for: e, file: file)])
        } catch {
            throw ConfigurationError([Diagnostic(id: "yaml-syntax", severity: .error, message: "\(error)", file: file)])
        }
        guard let root = node else { return config }
        let r = YAMLNodeReader(file: file)
        guard let map = r.mapping(root, "the top level", &diags) else { throw ConfigurationError(diags) }
        let known = ["corpus", "output", "cache", "stages", "workers", "memory", "ingest", "classify", "dedup", "publish"]
        for (k, v) in map {
            guard let key = k.string else { continue }
            switch key {
            case "corpus": if let s = r.string(v, key, &diags) { config.corpus = s }
            case "output": if let s = r.string(v, key, &diags) { config.output = s }
            case "cache": if let s = r.string(v, key, &diags) { config.cache = s }
            case "workers":
                if let i = r.int(v, key, &diags) {
                    if i < 0 { diags.append(Diagnostic(id: "out-of-range", severity: .error, message: "'workers' must be 0 (one per core) or more",
                                                       file: file, line: v.mark?.line, column: v.mark?.column, suggestion: "write workers: 0")) }
                    config.workers = max(0, i)
                }
            case "stages": config.readStages(v, r, &diags)
            case "memory":
                guard let m = r.mapping(v, key, &diags) else { break }
                r.checkKeys(m, known: ["budget_mib"], section: key, &diags)
                if let n = m["budget_mib"], let i = r.positiveInt(n, "budget_mib", &diags) { config.memoryBudgetMiB = i }
            case "ingest": if let m = r.mapping(v, key, &diags) { config.readIngest(m, r, &diags) }
            case "classify": if let m = r.mapping(v, key, &diags) { config.readClassify(m, r, &diags) }
            case "dedup":
                guard let m = r.mapping(v, key, &diags) else { break }
                r.checkKeys(m, known: DedupSettings.keys, section: key, &diags)
                config.dedup.read(m, reader: r, &diags)
            case "publish": if let m = r.mapping(v, key, &diags) { config.readPublish(m, r, &diags) }
            case "clean", "normalize", "structure":
                // These stages take no settings (their rules live in code and data files):
                // a section for them would be silently ignored, so it is an error.
                diags.append(Diagnostic(id: "unread-section", severity: .error,
                                        message: "'\(key)' has no settings: nothing reads this section", file: file,
                                        line: k.mark?.line, column: k.mark?.column,
                                        suggestion: "remove the section; to leave the stage out, drop it from 'stages'"))
            default:
                diags.append(Diagnostic(id: "unknown-key", severity: .error, message: "unknown key '\(key)'", file: file,
                                        line: k.mark?.line, column: k.mark?.column,
                                        suggestion: YAMLNodeReader.suggest(key, among: known)))
            }
        }
        if diags.contains(where: { $0.severity == .error }) { throw ConfigurationError(diags) }
        return config
    }

    /// `stages:`: known names, the required ones present, kept in pipeline order.
    mutating func readStages(_ v: Node, _ r: YAMLNodeReader, _ diags: inout [Diagnostic]) {
        guard let list = r.stringList(v, "stages", &diags) else { return }
        for (i, s) in list.enumerated() where !Self.stageOrder.contains(s) {
            let line = (v.sequence?[i].mark?.line).map { $0 } ?? v.mark?.line
            diags.append(Diagnostic(id: "unknown-stage", severity: .error, message: "unknown stage '\(s)'",
                                    file: r.file, line: line, suggestion: YAMLNodeReader.suggest(s, among: Self.stageOrder)))
        }
        for s in Self.requiredStages where !list.contains(s) {
            diags.append(Diagnostic(id: "required-stage", severity: .error,
                                    message: "stage '\(s)' cannot be left out of 'stages'",
                                    file: r.file, line: v.mark?.line, column: v.mark?.column,
                                    suggestion: "add \(s): \(s == "ingest" ? "it reads every input" : "every output is built from the document it makes")"))
        }
        stages = Self.stageOrder.filter { list.contains($0) }
    }

    mutating func readIngest(_ m: Node.Mapping, _ r: YAMLNodeReader, _ diags: inout [Diagnostic]) {
        r.checkKeys(m, known: ["max_file_bytes", "max_inflated_bytes", "max_line_chars", "max_pages", "extensions"], section: "ingest", &diags)
        if let n = m["max_pages"], let i = r.positiveInt(n, "max_pages", &diags) { ingest.maxPages = i }
        if let n = m["max_line_chars"], let i = r.positiveInt(n, "max_line_chars", &diags) { ingest.maxLineChars = i }
        if let n = m["max_file_bytes"], let i = r.positiveInt(n, "max_file_bytes", &diags) { ingest.maxFileBytes = i }
        if let n = m["max_inflated_bytes"], let i = r.positiveInt(n, "max_inflated_bytes", &diags) { ingest.maxInflatedBytes = i }
        if let n = m["extensions"], let l = r.stringList(n, "extensions", &diags) { ingest.extensions = l }
    }

    mutating func readClassify(_ m: Node.Mapping, _ r: YAMLNodeReader, _ diags: inout [Diagnostic]) {
        r.checkKeys(m, known: ["taxonomy", "units", "overrides", "subjects"], section: "classify", &diags)
        if let n = m["taxonomy"], let s = r.string(n, "taxonomy", &diags) {
            classify.taxonomy = s
            dataFileLines["classify.taxonomy"] = n.mark?.line
        }
        if let n = m["units"], let s = r.string(n, "units", &diags) { classify.units = s }
        if let n = m["overrides"], let s = r.string(n, "overrides", &diags) { classify.overrides = s }
        if let n = m["subjects"], let s = r.string(n, "subjects", &diags) {
            classify.subjects = s
            dataFileLines["classify.subjects"] = n.mark?.line
        }
    }

    mutating func readPublish(_ m: Node.Mapping, _ r: YAMLNodeReader, _ diags: inout [Diagnostic]) {
        r.checkKeys(m, known: ["formats"], section: "publish", &diags)
        guard let n = m["formats"], let l = r.stringList(n, "formats", &diags) else { return }
        for (i, f) in l.enumerated() where !PublishSettings.allFormats.contains(f) {
            diags.append(Diagnostic(id: "unknown-format", severity: .error, message: "unknown publish format '\(f)'",
                                    file: r.file, line: n.sequence?[i].mark?.line ?? n.mark?.line,
                                    suggestion: YAMLNodeReader.suggest(f, among: PublishSettings.allFormats)))
        }
        publish.formats = l
    }
}

/// Settings of the classify stage: the data files editors change.
public struct ClassifySettings: Sendable, Equatable {
    public var taxonomy = "taxonomy.yml"
    public var units = "units.yml"
    public var overrides = "overrides.yml"
    /// The official subject classes (主题分类): code list, spellings and cues.
    public var subjects = "subject_classes.yml"
    public init() {}
}

/// Output formats to publish.
public struct PublishSettings: Sendable, Equatable {
    public static let allFormats = ["json", "jsonl", "csv", "sqlite", "site"]
    public var formats: [String] = PublishSettings.allFormats
    public init() {}
}

/// Helpers that read Yams nodes and report type errors with a line.
public struct YAMLNodeReader {
    public var file: String
    public init(file: String) { self.file = file }

    public func mapping(_ n: Node, _ what: String, _ d: inout [Diagnostic]) -> Node.Mapping? {
        if let m = n.mapping { return m }
        d.append(type(n, what, "a mapping (key: value lines)")); return nil
    }
    public func string(_ n: Node, _ what: String, _ d: inout [Diagnostic]) -> String? {
        if let s = n.scalar?.string { return s }
        d.append(type(n, what, "a string")); return nil
    }
    public func int(_ n: Node, _ what: String, _ d: inout [Diagnostic]) -> Int? {
        if let s = n.scalar?.string, let i = Int(s) { return i }
        d.append(type(n, what, "a whole number")); return nil
    }
    /// A whole number above zero (sizes and limits).
    public func positiveInt(_ n: Node, _ what: String, _ d: inout [Diagnostic]) -> Int? {
        guard let i = int(n, what, &d) else { return nil }
        if i > 0 { return i }
        d.append(Diagnostic(id: "out-of-range", severity: .error, message: "'\(what)' must be above zero", file: file,
                            line: n.mark?.line, column: n.mark?.column, suggestion: "write a positive number of bytes or characters"))
        return nil
    }
    public func double(_ n: Node, _ what: String, _ d: inout [Diagnostic]) -> Double? {
        if let s = n.scalar?.string, let x = Double(s) { return x }
        d.append(type(n, what, "a number")); return nil
    }
    public func stringList(_ n: Node, _ what: String, _ d: inout [Diagnostic]) -> [String]? {
        guard let seq = n.sequence else { d.append(type(n, what, "a list such as [a, b]")); return nil }
        var out: [String] = []
        for item in seq {
            guard let s = item.scalar?.string else { d.append(type(item, what, "a list of strings")); return nil }
            out.append(s)
        }
        return out
    }
    public func checkKeys(_ m: Node.Mapping, known: [String], section: String, _ d: inout [Diagnostic]) {
        for (k, _) in m {
            guard let key = k.string, !known.contains(key) else { continue }
            d.append(Diagnostic(id: "unknown-key", severity: .error, message: "unknown key '\(key)' in '\(section)'",
                                file: file, line: k.mark?.line, column: k.mark?.column,
                                suggestion: Self.suggest(key, among: known)))
        }
    }
    func type(_ n: Node, _ what: String, _ want: String) -> Diagnostic {
        Diagnostic(id: "wrong-type", severity: .error, message: "'\(what)' must be \(want)", file: file,
                   line: n.mark?.line, column: n.mark?.column, suggestion: "write \(what) as \(want)")
    }

    public static func diagnostic(for e: YamlError, file: String) -> Diagnostic {
        var line: Int? = nil, col: Int? = nil
        let text = "\(e)"
        // Yams describes marks as "file:LINE:COL: …"; pull the first pair of numbers.
        if let r = text.range(of: #"(\d+):(\d+)"#, options: .regularExpression) {
            let parts = text[r].split(separator: ":")
            line = Int(parts[0]); col = Int(parts[1])
        }
        // "3:7: error: parser: while parsing … \ndid not find expected ',' …\n<source excerpt>": keep the two message lines.
        var first = text.split(separator: "\n").prefix(2).joined(separator: ": ")
        if let r = first.range(of: #"^\d+:\d+: error: "#, options: .regularExpression) { first.removeSubrange(r) }
        return Diagnostic(id: "yaml-syntax", severity: .error, message: "invalid YAML: \(first)", file: file,
                          line: line, column: col, suggestion: "check indentation and that every key is followed by ':'")
    }

    /// "did you mean …" by edit distance.
    public static func suggest(_ word: String, among: [String]) -> String? {
        func dist(_ a: [Character], _ b: [Character]) -> Int {
            var prev = Array(0...b.count)
            for (i, ca) in a.enumerated() {
                var cur = [i + 1]
                for (j, cb) in b.enumerated() { cur.append(min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (ca == cb ? 0 : 1))) }
                prev = cur
            }
            return prev[b.count]
        }
        let best = among.map { ($0, dist(Array(word), Array($0))) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, word.count / 3) else { return "expected one of: \(among.joined(separator: ", "))" }
        return "did you mean '\(best.0)'?"
    }
}
