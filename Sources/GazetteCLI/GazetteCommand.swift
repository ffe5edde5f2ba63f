import ArgumentParser
import Foundation
import GazetteCore

/// The `gazette` command and its subcommands.
public struct GazetteCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Turn folders of Chinese government documents into a clean, classified gazette corpus.",
        discussion: """
        Exit codes:
          0  every input published or recognised as a duplicate
          1  the run completed but some inputs were rejected (listed in Output/manifest.json)
          2  usage or configuration error
          3  another run holds the lock
          4  internal failure (Output/ left as it was)
        """,
        version: GazetteVersion.string,
        subcommands: [RunCommand.self, NormalizeCommand.self, InspectCommand.self, CheckCommand.self,
                      DiffCommand.self, CompareCommand.self, GenerateCommand.self, ExtractCommand.self],
        defaultSubcommand: nil)
    public init() {}
}

public enum GazetteVersion {
    public static let string = "0.1.0"
}

/// Exit codes of DESIGN.md.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let rejected: Int32 = 1
    public static let usage: Int32 = 2
    public static let locked: Int32 = 3
    public static let internalFailure: Int32 = 4
}

/// Options shared by commands that read pipeline.yml.
public struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline configuration file.")
    public var config: String = "pipeline.yml"
    public init() {}

    /// Load the configuration; a missing default file means the built-in defaults.
    public func load() throws -> (PipelineConfig, URL) {
        let url = URL(fileURLWithPath: config)
        let base = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: url.path) && config == "pipeline.yml" {
            return (PipelineConfig(), base)
        }
        return (try PipelineConfig.load(url), base)
    }
}

/// Print diagnostics to standard error and exit 2.
func failConfiguration(_ e: ConfigurationError) -> ExitCode {
    FileHandle.standardError.write(Data((e.description + "\n").utf8))
    return ExitCode(ExitStatus.usage)
}
