#ifndef GAZETTE_SYS_H
#define GAZETTE_SYS_H
/// Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int gazette_exchange_paths(const char *a, const char *b);
/// Gives the heap memory already freed back to the system (glibc malloc_trim). No-op elsewhere.
void gazette_release_free_memory(void);
#endif
