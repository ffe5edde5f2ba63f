#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/resource.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include "gazette_sys.h"

/* The child's side of gazette_spawn_limited: only async-signal-safe calls between fork and exec. */
static void child(const char *path, char *const argv[], char *const envp[], int input_fd, int out_fd, int err_fd,
                  long cpu_seconds, long address_space_bytes, pid_t parent) {
    setpgid(0, 0);
#if defined(__linux__)
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
#endif
    /* Out of the way of 0-3 first, so no descriptor is overwritten before it is copied. */
    int in = fcntl(input_fd, F_DUPFD, 10), out = fcntl(out_fd, F_DUPFD, 10), err = fcntl(err_fd, F_DUPFD, 10);
    int null = open("/dev/null", O_RDONLY);
    if (in < 0 || out < 0 || err < 0 || null < 0) _exit(127);
    if (dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 || dup2(in, 3) < 0) _exit(127);
#if defined(SYS_close_range)
    if (syscall(SYS_close_range, 4U, ~0U, 0U) != 0)
#endif
    { long max = sysconf(_SC_OPEN_MAX); for (long fd = 4; fd < (max > 0 && max < 65536 ? max : 65536); fd++) close((int)fd); }
    struct rlimit cpu = { (rlim_t)cpu_seconds, (rlim_t)cpu_seconds + 1 };
    struct rlimit as = { (rlim_t)address_space_bytes, (rlim_t)address_space_bytes };
    struct rlimit none = { 0, 0 };
    if (cpu_seconds > 0 && setrlimit(RLIMIT_CPU, &cpu) != 0) _exit(127);
    if (address_space_bytes > 0 && setrlimit(RLIMIT_AS, &as) != 0) _exit(127);
    setrlimit(RLIMIT_CORE, &none);
    sigset_t all;
    sigemptyset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    struct sigaction dfl = { 0 };
    dfl.sa_handler = SIG_DFL;
    for (int s = 1; s < 32; s++) if (s != SIGKILL && s != SIGSTOP) sigaction(s, &dfl, NULL);
    execve(path, argv, envp);
    _exit(126);
}

pid_t gazette_spawn_limited(const char *path, char *const argv[], char *const envp[], int input_fd, int out_fd,
                            int err_fd, long cpu_seconds, long address_space_bytes) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) child(path, argv, envp, input_fd, out_fd, err_fd, cpu_seconds, address_space_bytes, parent);
    if (pid > 0) setpgid(pid, pid);   /* also here: no race with a kill of the group right after */
    return pid;
}

int gazette_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

int gazette_exited_unreaped(pid_t pid) {
    siginfo_t info = { 0 };
    int rc = waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT);
    if (rc < 0) return errno == EINTR ? 0 : 1;
    return info.si_pid != 0;
}

int gazette_unlinked_temp(const char *folder) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s/gazette-office-XXXXXX", folder) >= (int)sizeof path) { errno = ENAMETOOLONG; return -1; }
    int fd = mkostemp(path, O_CLOEXEC);
    if (fd >= 0) unlink(path);
    return fd;
}
