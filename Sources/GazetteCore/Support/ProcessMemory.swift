import CGazetteSys
import Foundation

/// The process's heap, for runs that hold a large corpus stage by stage: what one stage
/// freed is given back before the next grows, so the peak is that of the largest stage
/// rather than the sum of what each thread's heap kept. (Fewer heaps would keep less, but
/// two heaps for a run's five or six threads cost 5–10 % of its time in contention.)
/// Also the peak resident set of each phase, for the manifest and the memory budget.
public enum ProcessMemory {
    /// Gives freed heap memory back to the system (at the end of a stage).
    public static func releaseFreed() { gazette_release_free_memory() }

    /// The peak resident set since the process started, in bytes (`VmHWM` of
    /// /proc/self/status); nil where there is no /proc. (Not reset per phase: resetting it
    /// through /proc/self/clear_refs would also reset the `ru_maxrss` that `time` and the
    /// bench report.)
    public static func peakResident() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kib = line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return kib.map { $0 * 1024 }
        }
        return nil
    }
}
