/*
 * Helpers shared by the sockcompat test programs.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SC_TEST_H
#define SC_TEST_H

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "sockcompat.h"
#include "sctrace.h"

/*
 * Which implementation this test program exercises: the "_emul_" programs
 * link the library built with emulation forced; the others link it as
 * configured, which takes the native path where configure found one.
 */
#ifdef SC_TEST_EMULATED
# define SC_T_NATIVE_ACCEPT4 0
# define SC_T_NATIVE_SOCK_FLAGS 0
#else
# ifdef SOCKCOMPAT_NATIVE_ACCEPT4
#  define SC_T_NATIVE_ACCEPT4 1
# else
#  define SC_T_NATIVE_ACCEPT4 0
# endif
# ifdef SOCKCOMPAT_NATIVE_SOCK_FLAGS
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

/*
 * Leave this process no free descriptor: RLIMIT_NOFILE just above the
 * highest one in use, and the holes below it filled.  Undo it before ATF
 * needs a descriptor for its result.
 */
struct sc_t_full {
	struct rlimit saved;
	int top, n, fd[256];
};
void sc_t_fill_fds(struct sc_t_full *f);
void sc_t_unfill_fds(struct sc_t_full *f);

/* Is FD open in a program started by exec (posix_spawn or fork+exec of
 * the sc_fdprobe helper next to the test program)? */
int sc_t_open_after_exec(const char *srcdir, int fd, int use_spawn);

/*
 * Count the system calls FN makes, in a traced child (see sctrace.h);
 * skips the test where this system or sandbox cannot trace.
 */
int sc_t_trace(void (*setup)(void *), int (*fn)(void *), void *arg,
               struct sctrace *out);
/*
 * Skip a test that counts every system call when ThreadSanitizer is built
 * in: its interceptors make calls of their own (mmap after socket()).
 */
void sc_t_require_exact_counts(void);

#endif /* SC_TEST_H */
