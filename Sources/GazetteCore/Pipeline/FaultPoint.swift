import Foundation

/// Test seam: failures and pauses injected at named points of a run, driven by the
/// environment so end-to-end tests can drive the built binary.
///
/// - `GAZETTE_FAULT=publish-write` makes publishing fail as a full disk would (ENOSPC);
///   `publish-write:EROFS` as a read-only file system; `before-commit` fails just before
///   the staging folder is swapped in.
/// - `GAZETTE_FAULT_DELAY=process=200,publish=3000` sleeps that many milliseconds at each
///   point (per document for `process`), so a test can deliver a signal mid-run.
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
}
