#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include "gazette_sys.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int gazette_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

void gazette_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

int gazette_sync_filesystem(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
#if defined(__linux__)
    int rc = syncfs(fd);
#else
    int rc = fsync(fd);
#endif
    int saved = errno;
    close(fd);
    errno = saved;
    return rc;
}

int gazette_sync_directory(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return rc;
}

#include <sys/resource.h>
int gazette_lower_thread_priority(int increment) {
#if defined(__linux__)
    /* On Linux the nice value is per thread: `who` 0 is the calling thread. */
    errno = 0;
    int current = getpriority(PRIO_PROCESS, 0);
    if (current == -1 && errno != 0) return -1;
    return setpriority(PRIO_PROCESS, 0, current + increment);
#else
    (void)increment;
    return 0;
#endif
}
