import ArgumentParser
import Foundation
import GazetteCore

/// `gazette check`: validate pipeline.yml, the taxonomy and the unit registry.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate pipeline.yml, the taxonomy and the unit registry; report problems with file and line.",
        discussion: """
        Errors: unknown keys and wrong types in pipeline.yml, unknown area/topic codes, duplicate unit
        aliases, renames to unknown units and rename cycles, invalid overrides. Warnings: cues that
        match nothing in the corpus, units in the corpus the registry does not resolve (by region, with counts and documents).
        With --labels, also a per-label report of the corpus: for every area and topic, the clauses
        that got it and the cues that fired in them, most first.
        Exit status 2 when there is an error, 0 otherwise.
        """)

    @OptionGroup(title: "Configuration") var options: ConfigOptions
    @Option(help: "Corpus folder (overrides the configuration).") var corpus: String?
    @Flag(name: .shortAndLong, help: "Print only errors.") var quiet = false
    @Flag(help: "Print, for every area and topic, the clauses of the corpus that got it and the cues behind them.") var labels = false

    func run() throws {
        let result = ConfigCheck.run(configURL: URL(fileURLWithPath: options.config), allowMissing: options.config == "pipeline.yml",
                                     corpus: corpus.map { URL(fileURLWithPath: $0) }, labels: labels)
        var lines: [String] = []
        for d in result.diagnostics where !quiet || d.severity == .error { lines.append(d.description) }
        if !lines.isEmpty { FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
        if let report = result.labels, let taxonomy = result.taxonomy { print(report.render(taxonomy: taxonomy)) }
        print("gazette check: \(result.errors) error\(result.errors == 1 ? "" : "s"), \(result.warnings) warning\(result.warnings == 1 ? "" : "s")"
              + " (\(result.documents) corpus documents read)")
        if result.errors > 0 { throw ExitCode(ExitStatus.usage) }
    }
}
