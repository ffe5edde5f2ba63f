import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a finished program left: its exit status and everything it wrote.
public struct ProgramResult: Sendable {
    public var status: Int32
    /// Standard output, byte for byte.
    public var output: Data
    public var stderr: String
    /// Peak resident memory in KiB, when the run was measured (`measureMemory`).
    public var maxRSSKiB: Int?
    /// Whether it was killed for running past its time limit.
    public var timedOut = false

    /// Standard output as text.
    public var stdout: String { String(decoding: output, as: UTF8.self) }
}

/// A started program whose output goes to temporary files (no pipe can fill and block it).
public final class RunningProgram: @unchecked Sendable {
    public let process: Process
    let outFile: URL, errFile: URL, inFile: URL?, rssFile: URL?

    init(process: Process, outFile: URL, errFile: URL, inFile: URL?, rssFile: URL?) {
        self.process = process; self.outFile = outFile; self.errFile = errFile; self.inFile = inFile; self.rssFile = rssFile
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGKILL, SIGINT, …) to the program.
    public func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the program to end (killing it after `timeout` seconds, if given) and
    /// returns what it wrote; the temporary files are removed.
    public func wait(timeout: TimeInterval? = nil) -> ProgramResult {
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { timedOut = true; kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        var kib: Int?
        // /usr/bin/time writes its own lines ("Command exited …") to its file, not to stderr.
        if let rssFile, let s = try? String(contentsOf: rssFile, encoding: .utf8) {
            for line in s.split(separator: "\n") where line.hasPrefix("maxrss=") { kib = Int(line.dropFirst(7)) }
        }
        let result = ProgramResult(status: process.terminationStatus, output: (try? Data(contentsOf: outFile)) ?? Data(),
                                   stderr: String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self),
                                   maxRSSKiB: kib, timedOut: timedOut)
        for f in [outFile, errFile] + [inFile, rssFile].compactMap({ $0 }) { try? FileManager.default.removeItem(at: f) }
        return result
    }
}

/// Runs programs for the tests (python3 checkers, a browser); `GazetteBinary` runs gazette itself.
public enum Program {
    /// Starts `executable args…` in `directory` with `environment` added to the test's own.
    /// With `measureMemory`, it runs under /usr/bin/time (when present) to read its peak RSS;
    /// leave it off where a signal must reach the program itself.
    public static func start(_ executable: URL, _ args: [String], in directory: URL? = nil, environment: [String: String] = [:],
                             stdin: Data? = nil, measureMemory: Bool = false) throws -> RunningProgram {
        let tmp = FileManager.default.temporaryDirectory, tag = UUID().uuidString
        let out = tmp.appendingPathComponent("gz-out-\(tag)"), err = tmp.appendingPathComponent("gz-err-\(tag)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        var rss: URL?
        if measureMemory && FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
            rss = tmp.appendingPathComponent("gz-rss-\(tag)")
            p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            p.arguments = ["-f", "maxrss=%M", "-o", rss!.path, executable.path] + args
        } else {
            p.executableURL = executable
            p.arguments = args
        }
        if let directory { p.currentDirectoryURL = directory }
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        var input: URL?
        if let stdin {
            input = tmp.appendingPathComponent("gz-in-\(tag)")
            try stdin.write(to: input!)
            p.standardInput = try FileHandle(forReadingFrom: input!)
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        return RunningProgram(process: p, outFile: out, errFile: err, inFile: input, rssFile: rss)
    }

    /// Runs `executable args…` to its end (or kills it after `timeout` seconds).
    public static func run(_ executable: URL, _ args: [String], in directory: URL? = nil, environment: [String: String] = [:],
                           stdin: Data? = nil, timeout: TimeInterval? = nil) throws -> ProgramResult {
        try start(executable, args, in: directory, environment: environment, stdin: stdin).wait(timeout: timeout)
    }

    /// Runs a command found on PATH (`python3`, …) through /usr/bin/env.
    public static func run(command: String, _ args: [String], in directory: URL? = nil, timeout: TimeInterval? = nil) throws -> ProgramResult {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [command] + args, in: directory, timeout: timeout)
    }
}
