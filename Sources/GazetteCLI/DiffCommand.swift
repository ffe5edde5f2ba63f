import ArgumentParser
import Foundation
import GazetteCore
import GazetteModel
import GazetteResearch

/// `gazette diff A B`: align the clauses of two documents (see `DocumentDiff` for the JSON).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Align the clauses of two documents: unchanged, modified, moved, merged, split, added, removed.",
        discussion: """
        A and B are document ids (Output/documents/<id>.json), document JSON files, or raw
        .txt/.html inputs (run through the stages like `gazette inspect`). Renamed units
        (e.g. 市环保局 → 市生态环境局) count as unchanged wording.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, html }

    @OptionGroup(title: "Configuration") var options: ConfigOptions
    @Argument(help: "Document A (id or file).") var a: String
    @Argument(help: "Document B (id or file).") var b: String
    @Option(help: "Output format: text, json, csv or html.") var format: Format = .text
    @Option(help: "Output folder holding documents/<id>.json (default: the configuration's).") var output: String?
    @Flag(help: "Plain text without ANSI colours.") var noColor = false
    @Option(help: "Least similarity for two clauses to be counterparts.") var threshold: Double = 0.5

    func run() throws {
        let loader = try DocumentArgumentLoader(options: options, output: output)
        let docA = try loader.load(a), docB = try loader.load(b)
        let diff = DocumentDiff.make(docA, docB, aligner: ClauseAligner(threshold: threshold))
        let r = DiffRenderer(diff: diff, a: docA, b: docB)
        switch format {
        case .json: FileHandle.standardOutput.write(try r.json()); print()
        case .csv: FileHandle.standardOutput.write(Data(r.csv().utf8))
        case .html: FileHandle.standardOutput.write(Data(r.html().utf8))
        case .text: print(r.text(color: !noColor && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil))
        }
    }
}

/// Resolves a diff argument to a document: an id under the Output folder, a document JSON
/// file, or a raw input file processed like `gazette inspect`.
struct DocumentArgumentLoader {
    let config: PipelineConfig
    let base: URL
    let outputFolder: URL
    let options: ConfigOptions

    init(options: ConfigOptions, output: String?) throws {
        do { (config, base) = try options.load() } catch let e as ConfigurationError { throw failConfiguration(e) }
        self.options = options
        if let output { outputFolder = URL(fileURLWithPath: output) } else {
            outputFolder = config.output.hasPrefix("/") ? URL(fileURLWithPath: config.output) : base.appendingPathComponent(config.output)
        }
    }

    func load(_ arg: String) throws -> Document {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: arg, isDirectory: &isDir), !isDir.boolValue {
            if arg.lowercased().hasSuffix(".json") { return try decode(URL(fileURLWithPath: arg)) }
            return try process(arg)
        }
        let byID = outputFolder.appendingPathComponent("documents").appendingPathComponent(arg + ".json")
        if !arg.contains("/"), fm.fileExists(atPath: byID.path) { return try decode(byID) }
        FileHandle.standardError.write(Data("gazette diff: \(arg) is neither a file nor a document id in \(outputFolder.path)/documents\n".utf8))
        throw ExitCode(ExitStatus.usage)
    }

    func decode(_ url: URL) throws -> Document {
        do { return try DocumentStore.load(file: url) } catch {
            FileHandle.standardError.write(Data("gazette diff: \(error)\n".utf8)); throw ExitCode(ExitStatus.usage)
        }
    }

    func process(_ path: String) throws -> Document {
        let processor: DocumentProcessor
        do { processor = try DocumentProcessor.make(config: config, baseDirectory: base) } catch let e as ConfigurationError { throw failConfiguration(e) }
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("gazette: cannot read \(path)\n".utf8)); throw ExitCode(ExitStatus.rejected)
        }
        do { return try processor.process(bytes: Array(data), path: path, id: CorpusScanner.documentID(for: path)) } catch {
            FileHandle.standardError.write(Data("gazette: \(path) rejected: \(error)\n".utf8)); throw ExitCode(ExitStatus.rejected)
        }
    }
}
