import Foundation

/// Identifies the running executable's build (size and modification time of
/// /proc/self/exe), so that per-document cache entries and the no-change shortcut are
/// not reused by a rebuilt binary whose stages may now give different results.
public enum BuildIdentity {
    public static let current: String = {
        var st = stat()
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (CommandLine.arguments.first ?? "")
        guard stat(path, &st) == 0 else { return "unknown" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec)"
    }()
}
