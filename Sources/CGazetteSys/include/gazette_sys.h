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
/* Crash attribution (gazette_crash.c). Each thread that processes a document marks it in
   flight — its input path, preformatted, and the stage running — and a handler for
   SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE writes the crashing thread's mark to
   `fd` as "stage TAB path TAB SIGNAME\n" (async-signal-safe), then lets the signal take its
   previous course. Threads get an alternate signal stack at their first mark, so a stack
   overflow is reported too. 0, or -1 with errno. */
#define GAZETTE_ALTSTACK_BYTES (128 * 1024)
int gazette_crash_guard_install(int fd);
/// Marks `path` (kept by the caller until replaced) at `stage` in flight on this thread;
/// returns the previous path and stores the previous stage, for nesting.
const char *gazette_inflight_swap(const char *path, int stage, int *previous_stage);
/// Changes the stage of the document in flight on this thread.
void gazette_inflight_set_stage(int stage);
/// The path in flight on this thread, or NULL.
const char *gazette_inflight_path(void);
/// The name of a stage number ("" for none).
const char *gazette_stage_name(int stage);
/// Asks for SIGKILL when the parent process ends (Linux PR_SET_PDEATHSIG); -1 when the
/// parent is no longer `expected_parent` (it ended before the request), else 0.
int gazette_die_with_parent(pid_t expected_parent);
/// Recurses until the stack overflows (a fault point).
int gazette_recurse(int depth);
#endif
