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
#include <sys/types.h>
/// Starts `path` with `argv` and `envp` in a process group of its own, its standard input
/// /dev/null, standard output `out_fd`, standard error `err_fd`, `input_fd` as descriptor 3
/// and no other descriptor; CPU time limited to `cpu_seconds` (SIGXCPU, then SIGKILL a
/// second later) and address space to `address_space_bytes` (0: no limit), no core file,
/// killed when the calling thread ends (Linux). The child's pid (also its group id), or -1.
pid_t gazette_spawn_limited(const char *path, char *const argv[], char *const envp[], int input_fd, int out_fd,
                            int err_fd, long cpu_seconds, long address_space_bytes);
/// pipe2 with O_CLOEXEC: no child started meanwhile by another thread inherits the pipe. 0, or -1 with errno.
int gazette_pipe_cloexec(int fds[2]);
/// 1 when `pid` has exited and is not reaped yet (its group id stays reserved), else 0.
int gazette_exited_unreaped(pid_t pid);
/// A new file in `folder` (mkostemp: mode 0600, a unique name, close-on-exec), unlinked at
/// once so nothing is left behind however the process ends. The descriptor, or -1 with errno.
int gazette_unlinked_temp(const char *folder);
#endif
