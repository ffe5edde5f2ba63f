import CGazetteSys

/// The process's heap, for runs that hold a large corpus stage by stage: what one stage
/// freed is given back before the next grows, so the peak is that of the largest stage
/// rather than the sum of what each thread's heap kept. (Fewer heaps would keep less, but
/// two heaps for a run's five or six threads cost 5–10 % of its time in contention.)
public enum ProcessMemory {
    /// Gives freed heap memory back to the system (at the end of a stage).
    public static func releaseFreed() { gazette_release_free_memory() }
}
