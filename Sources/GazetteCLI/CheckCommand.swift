import ArgumentParser
import Foundation
import GazetteCore

/// `gazette check`: validate pipeline.yml, the taxonomy and the unit registry.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate pipeline.yml, the taxonomy and the unit registry; report problems with file and line.")

    @OptionGroup(title: "Configuration") var options: ConfigOptions

    func run() throws {
        do {
            let (config, base) = try options.load()
            _ = try DocumentProcessor.make(config: config, baseDirectory: base)
            print("gazette check: \(options.config) is valid")
        } catch let e as ConfigurationError {
            throw failConfiguration(e)
        }
    }
}
