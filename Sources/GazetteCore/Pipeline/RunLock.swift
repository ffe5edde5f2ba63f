import Foundation

/// An exclusive lock on an output folder, so overlapping cron runs cannot collide.
///
/// `flock` on `<output>.lock`: the kernel releases it when the holder dies, even by
/// SIGKILL, so a stale lock can never block the next run. The holder's pid is written
/// into the file for the message the loser prints.
public final class RunLock {
    public let url: URL
    private var fd: Int32 = -1
    /// The pid written into the lock file: this process's, or under `gazette run`'s
    /// supervisor the supervisor's (the process a user or cron started, and would signal).
    nonisolated(unsafe) public static var holderPID: Int32 = getpid()
    /// Told once when `acquire(wait: true)` has to block (for a log line).
    public var onWait: ((String) -> Void)?

    public init(output: URL) {
        url = output.deletingLastPathComponent().appendingPathComponent("." + output.lastPathComponent + ".lock")
    }

    public enum Failure: Error, CustomStringConvertible {
        case held(by: String)
        case unusable(String)
        public var description: String {
            switch self {
            case .held(let who): return "another gazette run holds the lock (\(who)); try again later or pass --wait"
            case .unusable(let why): return "cannot create the lock file: \(why)"
            }
        }
    }

    /// Take the lock; with `wait`, block until it is free.
    public func acquire(wait: Bool) throws {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw Failure.unusable(String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let who = holder.isEmpty ? "unknown process" : "pid \(holder)"
            guard wait else { close(fd); fd = -1; throw Failure.held(by: who) }
            onWait?("waiting for the lock held by another gazette run (\(who))")
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { let e = String(cString: strerror(errno)); close(fd); fd = -1; throw Failure.unusable(e) }
            }
        }
        ftruncate(fd, 0)
        let pid = "\(Self.holderPID)\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    public func release() {
        guard fd >= 0 else { return }
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
