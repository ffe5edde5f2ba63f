import Foundation
import CGazetteSys
#if canImport(Glibc)
import Glibc
#endif

/// The limits one converter run is held to.
public struct ConverterLimits: Sendable, Equatable {
    /// Wall-clock time before the converter's process group is killed.
    public var wallSeconds: Double = 60
    /// CPU time (RLIMIT_CPU): SIGXCPU, then SIGKILL a second later.
    public var cpuSeconds = 30
    /// Address space (RLIMIT_AS): allocations past it fail inside the converter.
    public var memoryBytes = 512 << 20
    /// Standard output kept; the converter is killed when it writes more.
    public var maxOutputBytes = 64 << 20
    /// Standard error kept (the rest is read and dropped).
    public var maxErrorBytes = 64 << 10
    public init() {}
}

/// How a converter run ended.
enum ConverterRun {
    case exited(status: Int32, output: [UInt8], stderr: String)
    case signaled(signal: Int32, stderr: String)
    case timedOut(seconds: Double)
    case outputTooLarge(limit: Int)
    case couldNotStart(String)
}

/// Runs a converter as a child process under `ConverterLimits`: its own process group
/// (killed whole on timeout, on too much output and after it exits, so no helper it
/// started outlives it), the input as descriptor 3, stdout and stderr read through pipes
/// with a cap, always reaped (no zombie).
enum LimitedProcess {
    static func run(_ executable: String, _ arguments: [String], input: Int32, limits: ConverterLimits) -> ConverterRun {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard gazette_pipe_cloexec(&outPipe) == 0 else { return .couldNotStart(String(cString: strerror(errno))) }
        guard gazette_pipe_cloexec(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1]); return .couldNotStart(String(cString: strerror(errno)))
        }
        defer { close(outPipe[0]); close(errPipe[0]) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ["PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C.UTF-8", "HOME=/nonexistent"]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for p in argv + envp { free(p) } }
        let pid = gazette_spawn_limited(executable, argv, envp, input, outPipe[1], errPipe[1],
                                        limits.cpuSeconds, limits.memoryBytes)
        let spawnErrno = errno
        close(outPipe[1]); close(errPipe[1])
        guard pid > 0 else { return .couldNotStart(String(cString: strerror(spawnErrno))) }

        let deadline = Date().addingTimeInterval(limits.wallSeconds)
        var output: [UInt8] = [], errors: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        var overflow = false, timedOut = false
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { timedOut = true; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let n = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000, 1000).rounded(.up)))
            if n < 0 && errno != EINTR { break }
            for p in fds where p.revents != 0 {
                let got = chunk.withUnsafeMutableBytes { read(p.fd, $0.baseAddress, $0.count) }
                if got < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                if got <= 0 { open.removeAll { $0 == p.fd }; continue }
                if p.fd == outPipe[0] {
                    if output.count + got > limits.maxOutputBytes { overflow = true; break }
                    output.append(contentsOf: chunk[0..<got])
                } else if errors.count < limits.maxErrorBytes {
                    errors.append(contentsOf: chunk[0..<min(got, limits.maxErrorBytes - errors.count)])
                }
            }
            if overflow { break }
        }
        // Its pipes are closed (or we stopped reading): wait for the exit within the deadline.
        if !overflow && !timedOut {
            while !exitedUnreaped(pid) {
                if deadline.timeIntervalSinceNow <= 0 { timedOut = true; break }
                usleep(2_000)
            }
        }
        kill(-pid, SIGKILL)   // the group: the converter (if still running) and whatever it started
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let stderr = String(decoding: errors, as: UTF8.self)
        if overflow { return .outputTooLarge(limit: limits.maxOutputBytes) }
        if timedOut { return .timedOut(seconds: limits.wallSeconds) }
        if status & 0x7F != 0 { return .signaled(signal: status & 0x7F, stderr: stderr) }
        return .exited(status: (status >> 8) & 0xFF, output: output, stderr: stderr)
    }

    static func exitedUnreaped(_ pid: pid_t) -> Bool { gazette_exited_unreaped(pid) != 0 }

    /// A private copy of `bytes` for a converter: a file made by mkstemp (mode 0600, a unique
    /// name) in the temporary folder, unlinked at once; only the open descriptor remains,
    /// handed to the converter as /dev/fd/3, so nothing is left behind even if the run is
    /// killed. The caller closes the descriptor.
    static func privateCopy(_ bytes: [UInt8]) throws -> Int32 {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let fd = gazette_unlinked_temp(folder)
        guard fd >= 0 else { throw RejectReason("unreadable", "cannot make a temporary copy in \(folder): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                let e = errno; close(fd)
                throw RejectReason("unreadable", "cannot write a temporary copy: \(String(cString: strerror(e)))")
            }
            written += n
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    /// `name` if it is a path to an executable file, else the first executable `name` on PATH.
    static func locate(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            var st = stat()
            if stat(candidate, &st) == 0, st.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
