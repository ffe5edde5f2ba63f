import Foundation
import XCTest

/// The built `gazette` executable, run as a user would: the one way the tests launch it.
public enum GazetteBinary {
    /// $GAZETTE_BIN, else the debug build (`make build-debug`), else the release build
    /// (`make build`); the test is skipped when none is built.
    public static func locate() throws -> URL {
        if let env = ProcessInfo.processInfo.environment["GAZETTE_BIN"] { return URL(fileURLWithPath: env) }
        for config in ["debug", "release"] {
            let url = Fixtures.root.appendingPathComponent(".build/\(config)/gazette")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("gazette binary not built (make build-debug)")
    }

    /// The OpenCC dictionaries `make` unpacks, for runs whose working folder is not the package.
    static var environment: [String: String] {
        let data = Fixtures.root.appendingPathComponent(".deps/opencc/share/opencc")
        guard ProcessInfo.processInfo.environment["GAZETTE_OPENCC_DATA"] == nil,
              FileManager.default.fileExists(atPath: data.appendingPathComponent("t2s.json").path) else { return [:] }
        return ["GAZETTE_OPENCC_DATA": data.path]
    }

    /// Starts `gazette args…` in `directory` (the package root unless given) without waiting,
    /// for tests that signal or race it.
    public static func start(_ args: [String], in directory: URL = Fixtures.root, environment: [String: String] = [:],
                             stdin: Data? = nil, measureMemory: Bool = false) throws -> RunningProgram {
        try Program.start(try locate(), args, in: directory, environment: Self.environment.merging(environment) { _, new in new },
                          stdin: stdin, measureMemory: measureMemory)
    }

    /// Runs `gazette args…` to its end (killed after `timeout` seconds, 600 unless given).
    public static func run(_ args: [String], in directory: URL = Fixtures.root, environment: [String: String] = [:],
                           stdin: Data? = nil, timeout: TimeInterval = 600, measureMemory: Bool = false) throws -> ProgramResult {
        try start(args, in: directory, environment: environment, stdin: stdin, measureMemory: measureMemory).wait(timeout: timeout)
    }

    /// Standard output of `gazette args…`; fails the test unless it exits 0.
    public static func output(_ args: [String], in directory: URL = Fixtures.root,
                              file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        let r = try run(args, in: directory)
        XCTAssertEqual(r.status, 0, "gazette \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        return r.output
    }
}
