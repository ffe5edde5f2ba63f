import Foundation
import XCTest

/// The built `gazette` executable, run from the package root as a user would.
enum GazetteBinary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func locate() throws -> URL {
        for config in ["debug", "release"] {
            let url = root.appendingPathComponent(".build/\(config)/gazette")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        XCTFail("gazette binary not built: run `swift build` (or `make build-debug`) first")
        throw CocoaError(.fileNoSuchFile)
    }

    /// Standard output of `gazette args…`; fails the test on a non-zero exit.
    static func run(_ bin: URL, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        p.currentDirectoryURL = root
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "gazette \(args.joined(separator: " "))", file: file, line: line)
        return data
    }
}
