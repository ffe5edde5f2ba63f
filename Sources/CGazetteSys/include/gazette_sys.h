#ifndef GAZETTE_SYS_H
#define GAZETTE_SYS_H
/// Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int gazette_exchange_paths(const char *a, const char *b);
/// Keeps glibc's malloc to at most `arenas` heaps shared by all threads (by default it
/// makes up to eight per core, each keeping the memory its threads freed). No-op elsewhere.
void gazette_limit_malloc_arenas(int arenas);
/// Gives the heap memory already freed back to the system (glibc malloc_trim). No-op elsewhere.
void gazette_release_free_memory(void);
#endif
