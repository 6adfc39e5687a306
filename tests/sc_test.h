/*
 * Helpers shared by the sockcompat test programs.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SC_TEST_H
#define SC_TEST_H

#include <sys/types.h>
#include <sys/socket.h>

#include "sockcompat.h"

/*
 * Which implementation this test program exercises: the "_emul_" programs
 * link the library built with emulation forced; the others link it as
 * configured, which takes the native path where configure found one.
 */
#ifdef SC_TEST_EMULATED
# define SC_T_NATIVE_ACCEPT4 0
# define SC_T_NATIVE_SOCK_FLAGS 0
#else
# ifdef SC_NATIVE_ACCEPT4
#  define SC_T_NATIVE_ACCEPT4 1
# else
#  define SC_T_NATIVE_ACCEPT4 0
# endif
# ifdef SC_NATIVE_SOCK_FLAGS
#  define SC_T_NATIVE_SOCK_FLAGS 1
# else
#  define SC_T_NATIVE_SOCK_FLAGS 0
# endif
#endif

/* A listening socket on loopback (AF_INET, AF_INET6) or a path in the
 * test's work directory (AF_UNIX).  Skips the test if the family is not
 * available here. */
int sc_t_listen(int family);
/* A client connected to LISTENER; the connection is then pending. */
int sc_t_connect(int listener);
/* Is a connection pending on LISTENER (waiting up to TIMEOUT_MS)? */
int sc_t_pending(int listener, int timeout_ms);

int sc_t_fd_flags(int fd);	/* fcntl(F_GETFD), required to work */
int sc_t_fl_flags(int fd);	/* fcntl(F_GETFL), required to work */
void sc_t_set_fl(int fd, int add);	/* F_SETFL |= ADD */
/* Assert that FD has exactly the descriptor flags and the O_NONBLOCK,
 * O_ASYNC state that native accept4/socket would give for FLAGS. */
void sc_t_check_flags(int fd, int flags);
/* How many descriptors are open. */
int sc_t_open_fds(void);

/* Is FD open in a program started by exec (posix_spawn or fork+exec of
 * the sc_fdprobe helper next to the test program)? */
int sc_t_open_after_exec(const char *srcdir, int fd, int use_spawn);

/*
 * System-call tracing (Linux ptrace).  Runs SETUP then, between two marker
 * calls, FN in a traced child; records the numbers of the system calls FN
 * made.  Returns FN's result (the child's exit status), or skips the test
 * if this system or sandbox does not allow tracing.
 */
#define SC_T_MAX_CALLS 64
struct sc_t_trace {
	int count;
	long nr[SC_T_MAX_CALLS];
};
int sc_t_trace(void (*setup)(void *), int (*fn)(void *), void *arg,
               struct sc_t_trace *out);
/*
 * Skip a test that counts every system call when ThreadSanitizer is built
 * in: its interceptors make calls of their own (mmap after socket()).
 */
void sc_t_require_exact_counts(void);
/* How many of the recorded calls were accept4 (directly or by socketcall
 * where the system multiplexes socket calls). */
int sc_t_count_accept4(const struct sc_t_trace *t);
/* The recorded calls as text, for failure messages. */
const char *sc_t_trace_str(const struct sc_t_trace *t);

/*
 * Make system call NR (SYS_accept4, SYS_accept...) fail with ERR for the
 * rest of this process (a seccomp filter; call it in a child).  Returns -1
 * with errno set if the kernel cannot install filters.
 */
int sc_t_refuse(long nr, int err);

#endif /* SC_TEST_H */
