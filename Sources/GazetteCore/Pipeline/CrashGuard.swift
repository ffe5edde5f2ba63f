import CGazetteSys
import Foundation
import GazetteOutput
#if canImport(Glibc)
import Glibc
#endif

/// Which document each thread is working on, and in which stage, so that when the process
/// dies of a trap or a fault the supervising `gazette run` knows which input to leave out
/// of the next attempt (`gazette_crash.c` writes the crashing thread's mark from the
/// signal handler). Setting a mark is two thread-local stores and, per document, one
/// small allocation; without `CrashGuard.install` nothing is ever written.
public enum InFlight {
    /// The per-document stages, as named in `crashed-in-<stage>` (numbers as in gazette_crash.c).
    public enum Stage: Int32, CaseIterable, Sendable {
        case prepare = 1, ingest, clean, normalize, sign, structure, classify, publish
        public var name: String { String(cString: gazette_stage_name(rawValue)) }
    }

    /// Runs `body` with input `path` in flight at `stage` on this thread; the mark in
    /// force before is restored afterwards.
    public static func document<T>(_ path: String, _ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let mark = strdup(CrashNote.escape(path))
        var oldStage: Int32 = 0
        let old = gazette_inflight_swap(mark, stage.rawValue, &oldStage)
        defer { _ = gazette_inflight_swap(old, oldStage, nil); free(mark) }
        if FaultPoint.crashes { FaultPoint.crash(stage) }
        return try body()
    }

    /// The document in flight on this thread moves on to `stage`.
    public static func stage(_ stage: Stage) {
        gazette_inflight_set_stage(stage.rawValue)
        if FaultPoint.crashes { FaultPoint.crash(stage) }
    }

    /// The (escaped) path in flight on this thread.
    static var path: String? { gazette_inflight_path().map { String(cString: $0) } }
}

/// An input that was in flight on the thread that crashed: where, which stage, which signal.
public struct CrashNote: Equatable, Sendable, Codable {
    public var path: String
    public var stage: String
    public var signal: String
    public init(path: String, stage: String, signal: String) { self.path = path; self.stage = stage; self.signal = signal }

    /// The manifest's reason, the same every run the crash is remembered (so the manifest
    /// stays byte-identical for the same corpus).
    public var reason: RejectReason {
        RejectReason("crashed-in-\(stage)", "\(signal) while this input was in \(stage); the run went on without it "
                     + "(remembered until the file or the gazette build changes)")
    }

    /// One report or skip-list line: `stage TAB path TAB signal`, the path escaped.
    public var line: String { "\(stage)\t\(Self.escape(path))\t\(signal)" }

    /// Paths with a tab, a line break or a percent sign are written %-escaped, so every note is one line.
    static func escape(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x25 || $0 == 0 }) else { return path }
        var out = ""
        for ch in path.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "\t": out += "%09"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            case "\0": out += "%00"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("%") else { return s }
        return s.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%00", with: "\0")
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// The notes of a crash report or skip list; lines that are not notes (a torn last
    /// line) are left out.
    public static func parse(_ text: String) -> [CrashNote] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 3, !f[0].isEmpty, !f[1].isEmpty, f[2].hasPrefix("SIG") else { return nil }
            return CrashNote(path: unescape(f[1]), stage: f[0], signal: f[2])
        }
    }
}

/// The worker side of `gazette run`'s supervision, driven by the environment the
/// supervisor sets: the crash report to write to, the inputs to skip.
public enum CrashGuard {
    /// A file the signal handler appends the crashing thread's mark to.
    public static let reportVariable = "GAZETTE_CRASH_REPORT"
    /// A file of notes (`CrashNote.line`) of inputs earlier attempts crashed on.
    public static let skipVariable = "GAZETTE_SKIP_LIST"

    /// Ends this process (SIGKILL) when its parent `pid` ends; false when it already has.
    public static func dieWithParent(_ pid: Int32) -> Bool { gazette_die_with_parent(pid) == 0 }

    /// Installs the crash handlers when a supervisor asked for a report; true when it did.
    @discardableResult
    public static func installFromEnvironment() -> Bool {
        guard let path = ProcessInfo.processInfo.environment[reportVariable], !path.isEmpty else { return false }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0, gazette_crash_guard_install(fd) == 0 else { return false }
        return true
    }

    /// The inputs the supervisor said to skip, by path.
    public static func skipListFromEnvironment() -> [String: CrashNote] {
        guard let path = ProcessInfo.processInfo.environment[skipVariable],
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        return Dictionary(CrashNote.parse(text).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Inputs that crashed a run: those this run's supervisor said to skip, and those earlier
/// runs of the same build crashed on (`<cache>/crashes.json`, by the file's SHA-256 and path), so
/// an unchanged file does not crash every night. A new build (`BuildIdentity`,
/// `PipelineRunner.codeVersion`) tries them all again.
public final class CrashLedger: @unchecked Sendable {
    struct Stored: Codable { var version: String; var crashes: [String: CrashNote] }

    /// This run's skip list, by input path.
    public var skip: [String: CrashNote] = [:]
    private var known: [String: CrashNote] = [:]
    private var knownPaths = Set<String>()
    private var seen: [String: CrashNote] = [:]
    private let lock = NSLock()
    private var loaded = false

    public init() {}

    static var version: String { PipelineRunner.codeVersion + "|build=" + BuildIdentity.current }

    static func file(_ cacheRoot: URL) -> URL { cacheRoot.appendingPathComponent("crashes.json") }

    func load(cacheRoot: URL) {
        loaded = true
        guard let data = FileManager.default.contents(atPath: Self.file(cacheRoot).path),
              let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.version == Self.version else { return }
        known = stored.crashes
        knownPaths = Set(known.values.map(\.path))
    }

    var isEmpty: Bool { skip.isEmpty && known.isEmpty }

    /// Why input `path` is not to be processed, if it crashed a run; `sha256` gives its
    /// content hash (read only when needed).
    /// Remembered by content and path: the same bytes under another name are tried again
    /// (as they were, after this one crashed, in the run that met the crash).
    func check(path: String, sha256: () -> String?) -> RejectReason? {
        if let note = skip[path] {
            if let sha = sha256() { lock.lock(); seen[sha + " " + path] = note; lock.unlock() }
            return note.reason
        }
        guard knownPaths.contains(path), let sha = sha256(), let note = known[sha + " " + path] else { return nil }
        lock.lock(); seen[sha + " " + path] = note; lock.unlock()
        return note.reason
    }

    /// Keeps the crashes this run met (and only those) for the next run.
    func store(cacheRoot: URL) {
        guard loaded else { return }
        lock.lock(); let crashes = seen; lock.unlock()
        let url = Self.file(cacheRoot)
        if crashes.isEmpty {
            if !known.isEmpty || FileManager.default.fileExists(atPath: url.path) { try? FileManager.default.removeItem(at: url) }
            return
        }
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? enc.encode(Stored(version: Self.version, crashes: crashes)) else { return }
        FileOutput.replace(data, at: url)
    }
}

extension PipelineRunner {
    /// The rejection of input `i` when it crashed this run's earlier attempt or an earlier
    /// run of this build; nil (at the cost of a dictionary check) otherwise. The file's
    /// hash comes from its stamp, or from reading it (never ingesting it).
    func crashRejection(_ i: Int, job: RunJob, stamps: [String: DocumentCache.FileStamp]) -> Outcome? {
        guard !crashes.isEmpty else { return nil }
        let f = job.files[i]
        var sha: String?
        let reason = crashes.check(path: f.path) {
            if let s = stamps[f.path], s.size == f.size, s.mtime == f.mtimeNanos { sha = s.sha256; return sha }
            sha = (try? read(f)).map { SHA256Digest.hex($0) }
            return sha
        }
        guard let reason else { return nil }
        if let sha { job.newStamps.set(f.path, DocumentCache.FileStamp(size: f.size, mtime: f.mtimeNanos, sha256: sha)) }
        return .rejected(sha, reason)
    }
}
