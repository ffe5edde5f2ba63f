#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include "gazette_sys.h"

/* What this thread is working on: a preformatted input path (owned by the caller, valid
   while it is in flight) and a stage number. initial-exec TLS: reading it from a signal
   handler takes no lock and allocates nothing. */
static __thread const char *inflight_path __attribute__((tls_model("initial-exec")));
static __thread int inflight_stage __attribute__((tls_model("initial-exec")));
static __thread int altstack_checked __attribute__((tls_model("initial-exec")));

static const char *const stage_names[] = {
    "", "prepare", "ingest", "clean", "normalize", "sign", "structure", "classify", "publish",
};
#define STAGE_COUNT ((int)(sizeof stage_names / sizeof stage_names[0]))

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
#define CRASH_SIGNAL_COUNT ((int)(sizeof crash_signals / sizeof crash_signals[0]))
static struct sigaction previous[65];
static volatile int report_fd = -1;
static pthread_key_t altstack_key;

const char *gazette_stage_name(int stage) {
    return stage > 0 && stage < STAGE_COUNT ? stage_names[stage] : "";
}

static const char *signal_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGABRT: return "SIGABRT";
    case SIGFPE: return "SIGFPE";
    default: return "signal";
    }
}

/* The handler: the crashing thread's mark as one line "stage TAB path TAB SIGNAME" with
   write(2) only, then the previous action (the default one, or Swift's backtracer) takes
   over. A fault raised by the kernel (SIGSEGV, SIGILL from ud2, …) is raised again by
   returning to the faulting instruction; one sent by a call (abort, raise) or a trap
   instruction that does not repeat (int3: SIGTRAP) is raised again here. */
static void on_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    int saved = errno;
    const char *path = inflight_path;
    int fd = report_fd;
    if (fd >= 0 && path) {
        const char *stage = gazette_stage_name(inflight_stage);
        const char *name = signal_name(sig);
        struct iovec v[6] = {
            { (void *)stage, strlen(stage) }, { (void *)"\t", 1 }, { (void *)path, strlen(path) },
            { (void *)"\t", 1 }, { (void *)name, strlen(name) }, { (void *)"\n", 1 },
        };
        ssize_t rc;
        do { rc = writev(fd, v, 6); } while (rc < 0 && errno == EINTR);
    }
    sigaction(sig, &previous[sig], NULL);
    if (sig == SIGTRAP || info == NULL || info->si_code <= 0) raise(sig);
    errno = saved;
}

static void free_altstack(void *memory) {
    stack_t off = { 0 };
    off.ss_flags = SS_DISABLE;
    sigaltstack(&off, NULL);
    munmap(memory, GAZETTE_ALTSTACK_BYTES);
}

int gazette_crash_guard_install(int fd) {
    if (pthread_key_create(&altstack_key, free_altstack) != 0) return -1;
    for (int k = 0; k < CRASH_SIGNAL_COUNT; k++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_crash;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        if (sigaction(crash_signals[k], &sa, &previous[crash_signals[k]]) != 0) return -1;
    }
    report_fd = fd;
    return 0;
}

/* A stack to run the handler on when the thread's own stack overflowed: once per thread
   that processes documents, freed when the thread ends. */
static void ensure_altstack(void) {
    altstack_checked = 1;
    stack_t current;
    if (sigaltstack(NULL, &current) != 0 || !(current.ss_flags & SS_DISABLE)) return;
    void *memory = mmap(NULL, GAZETTE_ALTSTACK_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) return;
    stack_t stack = { .ss_sp = memory, .ss_size = GAZETTE_ALTSTACK_BYTES, .ss_flags = 0 };
    if (sigaltstack(&stack, NULL) != 0) { munmap(memory, GAZETTE_ALTSTACK_BYTES); return; }
    pthread_setspecific(altstack_key, memory);
}

const char *gazette_inflight_swap(const char *path, int stage, int *previous_stage) {
    if (report_fd >= 0 && !altstack_checked) ensure_altstack();
    const char *old = inflight_path;
    if (previous_stage) *previous_stage = inflight_stage;
    inflight_path = path;
    inflight_stage = stage;
    return old;
}

void gazette_inflight_set_stage(int stage) { inflight_stage = stage; }

const char *gazette_inflight_path(void) { return inflight_path; }

/* Deep recursion for the stack-overflow fault point: each frame keeps a buffer the
   compiler cannot drop, and the call is not in tail position. */
__attribute__((noinline)) int gazette_recurse(int depth) {
    volatile char pad[512];
    pad[depth & 511] = (char)depth;
    if (depth < 0) return 0;
    return gazette_recurse(depth + 1) + pad[depth & 511];
}

#if defined(__linux__)
#include <sys/prctl.h>
#endif
int gazette_die_with_parent(pid_t expected_parent) {
#if defined(__linux__)
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return -1;
#endif
    return getppid() == expected_parent ? 0 : -1;
}
