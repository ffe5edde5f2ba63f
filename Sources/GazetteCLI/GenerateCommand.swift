import ArgumentParser
import Foundation

/// `gazette generate` — owned by the helper building it; replaced when that work lands.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Generate a labelled test corpus from the samples (dedup issue)")
    func run() throws {
        FileHandle.standardError.write(Data("gazette generate: not built yet\n".utf8))
        throw ExitCode(4)
    }
}
