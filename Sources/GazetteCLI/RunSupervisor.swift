import Foundation
import GazetteCore
#if canImport(Glibc)
import Glibc
#endif

/// `gazette run` as a supervisor: the work is done by the same binary started again as a
/// worker (same arguments, standard input, output and error), so that a trap or a fault
/// while one document is processed — an index out of range, a stack overflowed by deep
/// nesting, a library's abort — costs one attempt, not the night. The worker's crash
/// handler names the input and stage that were in flight on the crashing thread
/// (`InFlight`); the next attempt skips that input (rejected as `crashed-in-<stage>`) and
/// publishes everything else. A dead worker's lock is released by the kernel and its
/// staging folder removed by the next attempt; Output/ is only ever swapped whole.
///
/// Exit codes are the worker's. A crash no input can be blamed for, or more crashing
/// inputs than `maxRetries`, is an internal failure (4). SIGINT and SIGTERM are passed on
/// to the worker. `GAZETTE_NO_SUPERVISOR=1` runs the work in this process (for a debugger).
enum RunSupervisor {
    static let optOutVariable = "GAZETTE_NO_SUPERVISOR"
    /// Set in the worker: the supervisor's pid, so the worker dies with it.
    static let supervisorVariable = "GAZETTE_SUPERVISOR_PID"
    /// Attempts after the first, each one more crashing input left out.
    static let maxRetries = 16

    /// Whether this process supervises (rather than does the work itself).
    static var shouldSupervise: Bool {
        let env = ProcessInfo.processInfo.environment
        return env[CrashGuard.reportVariable] == nil && (env[optOutVariable] ?? "").isEmpty
            && FileManager.default.fileExists(atPath: "/proc/self/exe")
    }

    /// In the worker: die with the supervisor (a `kill -9` of `gazette run` stops the whole run).
    static func bindToSupervisor() {
        guard let s = ProcessInfo.processInfo.environment[supervisorVariable], let pid = pid_t(s) else { return }
        if !CrashGuard.dieWithParent(pid) { exit(ExitStatus.internalFailure) }   // it died before the request
        RunLock.holderPID = pid
    }

    /// What one attempt ended with.
    enum Ending: Equatable { case exited(Int32), signaled(Int32) }

    /// What to do after an attempt ended.
    enum Decision: Equatable {
        /// Return this exit code.
        case finish(Int32)
        /// Start another attempt without these inputs (the new ones first).
        case retry([CrashNote])
        /// Internal failure, with the message for standard error.
        case fail(String)
    }

    /// The supervisor's rule, apart from processes: the worker's exit code passes through;
    /// a death by signal after a stop was asked for is 130; a crash with a report naming
    /// inputs not skipped yet is retried without them, within `maxRetries`; any other death
    /// is an internal failure.
    static func decide(_ ending: Ending, report: [CrashNote], skipped: [CrashNote], attempt: Int, stopping: Bool) -> Decision {
        let sig: Int32
        switch ending {
        case .exited(let code): return .finish(code)
        case .signaled(let s): sig = s
        }
        let name = signalName(sig)
        if stopping { return .finish(130) }
        let known = Set(skipped.map(\.path))
        var fresh: [CrashNote] = []
        for note in report where !known.contains(note.path) && !fresh.contains(where: { $0.path == note.path }) { fresh.append(note) }
        if fresh.isEmpty {
            let what = report.isEmpty ? "outside the processing of any one input" : "again on an input it had left out"
            return .fail("internal failure: the run died of \(name) \(what); Output/ left as it was")
        }
        if attempt > maxRetries {
            return .fail("internal failure: the run crashed \(attempt) times, on \(skipped.count + fresh.count) inputs "
                         + "(last \(fresh[0].path) in \(fresh[0].stage), \(name)); giving up, Output/ left as it was")
        }
        return .retry(fresh)
    }

    static func signalName(_ sig: Int32) -> String {
        switch sig {
        case SIGSEGV: return "SIGSEGV"
        case SIGBUS: return "SIGBUS"
        case SIGILL: return "SIGILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGABRT: return "SIGABRT"
        case SIGFPE: return "SIGFPE"
        case SIGKILL: return "SIGKILL"
        case SIGTERM: return "SIGTERM"
        case SIGINT: return "SIGINT"
        default: return "signal \(sig)"
        }
    }

    /// Runs the attempts; returns the exit code.
    static func run() -> Int32 {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            say("gazette: internal failure: cannot create \(dir.path): \(error)")
            return ExitStatus.internalFailure
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("crash-report"), skipList = dir.appendingPathComponent("skip-list")
        var env = ProcessInfo.processInfo.environment
        env[CrashGuard.reportVariable] = report.path
        env[CrashGuard.skipVariable] = skipList.path
        env[supervisorVariable] = String(getpid())

        let forward = SignalForwarder()
        defer { forward.stop() }
        var skipped: [CrashNote] = []
        var attempt = 1
        while true {
            guard FileManager.default.createFile(atPath: report.path, contents: nil),
                  FileManager.default.createFile(atPath: skipList.path, contents: Data(skipped.map { $0.line + "\n" }.joined().utf8)) else {
                say("gazette: internal failure: cannot write the crash report or skip list in \(dir.path)")
                return ExitStatus.internalFailure
            }
            guard let pid = spawn(env) else {
                say("gazette: internal failure: cannot start the worker: \(String(cString: strerror(errno)))")
                return ExitStatus.internalFailure
            }
            forward.child = pid
            let ending = wait(pid)
            forward.child = 0
            let notes = CrashNote.parse((try? String(contentsOf: report, encoding: .utf8)) ?? "")
            switch decide(ending, report: notes, skipped: skipped, attempt: attempt, stopping: forward.stopping) {
            case .finish(let code):
                return code
            case .fail(let message):
                say("gazette: " + message)
                return ExitStatus.internalFailure
            case .retry(let fresh):
                for n in fresh {
                    say("gazette: the run crashed (\(n.signal)) in \(n.stage) on \(n.path); starting it again without that input")
                }
                skipped += fresh
                attempt += 1
            }
        }
    }

    static func say(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    /// Starts /proc/self/exe (this very binary, even if a new build replaced its file) with
    /// this process's arguments, `env`, the default action for every signal and none blocked.
    static func spawn(_ env: [String: String]) -> pid_t? {
        let args = CommandLine.arguments
        let argv = args.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all); sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/proc/self/exe", nil, &attr, argv, envp)
        if rc != 0 { errno = rc; return nil }
        return pid
    }

    static func wait(_ pid: pid_t) -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(ExitStatus.internalFailure) }
        }
        // WIFEXITED / WTERMSIG by hand (Glibc's macros do not import).
        let sig = status & 0x7f
        if sig == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(sig)
    }
}

/// SIGINT and SIGTERM to the supervisor are passed on to the worker, which stops cleanly.
final class SignalForwarder: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var _child: pid_t = 0
    private var _stopping = false

    var child: pid_t {
        get { lock.lock(); defer { lock.unlock() }; return _child }
        set { lock.lock(); _child = newValue; let stop = _stopping; lock.unlock(); if stop && newValue > 0 { kill(newValue, SIGTERM) } }
    }
    var stopping: Bool { lock.lock(); defer { lock.unlock() }; return _stopping }

    init() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler { [self] in
                lock.lock(); _stopping = true; let pid = _child; lock.unlock()
                if pid > 0 { kill(pid, sig) }
            }
            s.resume()
            sources.append(s)
        }
    }

    func stop() { for s in sources { s.cancel() } }
}
