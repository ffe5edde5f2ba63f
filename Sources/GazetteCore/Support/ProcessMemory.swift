import CGazetteSys

/// The process's heap, for runs that hold a large corpus stage by stage: what one stage
/// freed is given back before the next grows, so the peak is that of the largest stage
/// rather than the sum of what each thread's allocator kept.
public enum ProcessMemory {
    /// Limits the allocator to `arenas` heaps shared by all threads; call before starting
    /// threads. glibc otherwise makes up to eight per core, each keeping what its threads freed.
    public static func limitArenas(_ arenas: Int) { gazette_limit_malloc_arenas(Int32(clamping: arenas)) }

    /// Gives freed heap memory back to the system (at the end of a stage).
    public static func releaseFreed() { gazette_release_free_memory() }
}
