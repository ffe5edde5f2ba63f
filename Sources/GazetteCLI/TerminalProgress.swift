import Foundation
import GazetteCore

/// Progress on a terminal: a bar with stage, count and rate, redrawn in place.
/// Not on a terminal (cron): plain timestamped log lines at the start and end of each stage.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private let tty: Bool
    private var name = ""
    private var total = 0
    private var done = 0
    private var started = Date()
    private var lastDraw = Date.distantPast

    static func make(quiet: Bool) -> ProgressReporter {
        quiet ? SilentProgress() : TerminalProgress(tty: isatty(STDERR_FILENO) == 1)
    }

    init(tty: Bool) { self.tty = tty }

    func stage(_ name: String, total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.name = name; self.total = total; done = 0; started = Date()
        if !tty { emit("\(name): start (\(total) items)") }
    }

    func advance(_ count: Int) {
        lock.lock(); defer { lock.unlock() }
        done += count
        guard tty, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        draw()
    }

    /// The bar line: stage, bar, count, rate (caller holds the lock).
    private func draw() {
        lastDraw = Date()
        let width = 30
        let frac = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int(frac * Double(width))
        let rate = Double(done) / max(0.001, Date().timeIntervalSince(started))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(bar) \(done)/\(total) \(String(format: "%.0f", rate))/s  ".utf8))
    }

    func log(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        emit(message)
    }

    func finishStage() {
        lock.lock(); defer { lock.unlock() }
        let secs = Date().timeIntervalSince(started)
        if tty {
            draw()
            FileHandle.standardError.write(Data(String(format: " %.2f s\n", secs).utf8))
        }
        else { emit("\(name): done \(done)/\(total) in \(String(format: "%.2f", secs)) s") }
    }

    private func emit(_ s: String) {
        let f = ISO8601DateFormatter()
        // On a terminal, clear a half-drawn bar first so the message gets its own clean line.
        let clear = tty ? "\r\u{1B}[K" : ""
        FileHandle.standardError.write(Data("\(clear)\(f.string(from: Date())) gazette \(s)\n".utf8))
    }
}
