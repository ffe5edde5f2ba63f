import CGazetteSys
import Foundation

/// Test seam: failures and pauses injected at named points of a run, driven by the
/// environment so end-to-end tests can drive the built binary.
///
/// - `GAZETTE_FAULT=publish-write` makes publishing fail as a full disk would (ENOSPC);
///   `publish-write:EROFS` as a read-only file system; `before-commit` fails just before
///   the staging folder is swapped in.
/// - `GAZETTE_FAULT_DELAY=process=200,publish=3000` sleeps that many milliseconds at each
///   point (per document for `process`), so a test can deliver a signal mid-run.
/// - `GAZETTE_FAULT=trap-in-structure:plan-3` crashes the process for real while the input
///   whose path contains `plan-3` is in stage `structure` (any `InFlight.Stage`): an array
///   index out of range, which Swift traps on (SIGILL); `overflow-in-<stage>:<substring>`
///   recurses until the thread's stack overflows (SIGSEGV); `abort-in-<stage>:<substring>`
///   calls abort(3) as a C library does on a broken invariant (SIGABRT).
/// Without these variables every call is a no-op costing one dictionary lookup.
public enum FaultPoint {
    static let faults: [String: String] = parse(ProcessInfo.processInfo.environment["GAZETTE_FAULT"])
    static let delays: [String: Int] = parse(ProcessInfo.processInfo.environment["GAZETTE_FAULT_DELAY"]).compactMapValues { Int($0) }

    static func parse(_ spec: String?) -> [String: String] {
        var out: [String: String] = [:]
        for part in (spec ?? "").split(separator: ",") {
            let kv = part.split(separator: part.contains("=") ? "=" : ":", maxSplits: 1).map(String.init)
            out[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        return out
    }

    /// Throw the injected failure for `point`, if any.
    public static func check(_ point: String) throws {
        guard let kind = faults[point] else { return }
        let code: POSIXErrorCode = kind == "EROFS" ? .EROFS : kind == "EIO" ? .EIO : .ENOSPC
        throw POSIXError(code)
    }

    /// Pause at `point` when a delay is configured.
    public static func pause(_ point: String) {
        if let ms = delays[point], ms > 0 { usleep(useconds_t(ms) * 1000) }
    }

    /// True when a crash fault is configured (`InFlight` checks it on every mark).
    static let crashes: Bool = faults.keys.contains { k in ["trap-in-", "overflow-in-", "abort-in-"].contains { k.hasPrefix($0) } }

    /// Crashes the process if a crash fault names `stage` and the input in flight on this thread.
    static func crash(_ stage: InFlight.Stage) {
        guard let path = InFlight.path else { return }
        func matches(_ kind: String) -> Bool {
            guard let part = faults["\(kind)-in-\(stage.name)"] else { return false }
            return part.isEmpty || path.contains(part)
        }
        if matches("trap") {
            let none: [Int] = []
            let value = none[path.utf8.count]   // index out of range: a Swift runtime trap
            if value == Int.min { print(value) }
        }
        if matches("overflow") { _ = gazette_recurse(0) }
        if matches("abort") { abort() }
    }
}
