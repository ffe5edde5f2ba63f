#ifndef GAZETTE_SYS_H
#define GAZETTE_SYS_H
/// Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int gazette_exchange_paths(const char *a, const char *b);
/// Gives the heap memory already freed back to the system (glibc malloc_trim). No-op elsewhere.
void gazette_release_free_memory(void);
/// Writes every file of the file system holding `path` (a directory) to disk: Linux syncfs,
/// one call for a whole tree of new files instead of an fsync each. 0, or -1 with errno.
int gazette_sync_filesystem(const char *path);
/// fsync of a directory, making the names in it (a rename) durable. 0, or -1 with errno.
int gazette_sync_directory(const char *path);
/// Lowers the calling thread's scheduling priority by `increment` nice steps (Linux: the
/// nice value is per thread). Any process may lower its own threads. 0, or -1 with errno.
int gazette_lower_thread_priority(int increment);
#endif
