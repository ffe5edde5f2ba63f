import ArgumentParser
import Foundation

/// `gazette compare` — owned by the helper building it; replaced when that work lands.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Coverage tables per region and year (research issue)")
    func run() throws {
        FileHandle.standardError.write(Data("gazette compare: not built yet\n".utf8))
        throw ExitCode(4)
    }
}
