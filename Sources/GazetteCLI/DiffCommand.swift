import ArgumentParser
import Foundation

/// `gazette diff` — owned by the helper building it; replaced when that work lands.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Align the clauses of two documents (research issue)")
    func run() throws {
        FileHandle.standardError.write(Data("gazette diff: not built yet\n".utf8))
        throw ExitCode(4)
    }
}
