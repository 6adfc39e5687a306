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

#include <fcntl.h>

#include "sockcompat.h"
#include "sctrace.h"
#include "scenario.h"	/* O_ASYNC where the system calls it otherwise */

/*
 * The system's own accept, accept4, fcntl, ioctl, close, setsockopt,
 * socket and socketpair, past the definitions
 * a test program gives them: the system call by number where syscall()
 * and the number exist (Linux, FreeBSD, DragonFly), else the C library's
 * definition found by dlsym(RTLD_NEXT) (OpenBSD has no syscall(), NetBSD
 * no SYS_accept4 or SYS_socket, illumos no SYS_accept4).  -1 with ENOSYS
 * if there is neither.  SC_T_ACCEPT_LEN and SC_T_IOCTL_REQUEST are the
 * system's own parameter types (m4/sockcompat_testsys.m4), for the test
 * programs' own definitions of those functions.
 */
#if defined HAVE_ACCEPT4 && HAVE_DECL_ACCEPT4
# define SC_T_HAVE_ACCEPT4 1
#else
# define SC_T_HAVE_ACCEPT4 0	/* NetBSD 6/7 (paccept), macOS */
#endif
int sc_t_sys_accept(int fd, struct sockaddr *addr, socklen_t *len);
int sc_t_sys_accept4(int fd, struct sockaddr *addr, socklen_t *len,
    int flags);
int sc_t_sys_fcntl(int fd, int cmd, long arg);
int sc_t_sys_ioctl(int fd, SC_T_IOCTL_REQUEST req, void *arg);
int sc_t_sys_close(int fd);
int sc_t_sys_setsockopt(int fd, int level, int name, const void *val,
    socklen_t len);
int sc_t_sys_socket(int domain, int type, int protocol);
int sc_t_sys_socketpair(int domain, int type, int protocol, int sv[2]);
/* The C library's NAME past this program's own definition (dlsym with
 * RTLD_NEXT), for the functions a test interposes that have no system
 * call of their own (pthread_sigmask, sigpending, sigtimedwait).  NULL
 * with ENOSYS if there is none. */
void *sc_t_next_definition(const char *name);

/*
 * Which implementation this test program exercises: the "_emul_" programs
 * link the library built with emulation forced; the others link it as
 * configured, which takes the native path where configure found one.
 */
#if defined SC_TEST_EMULATED || defined SC_TEST_REFUSED
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
/* A TCP socket bound to a loopback port and not listening: accept on it
 * fails with EINVAL. */
int sc_t_bound(void);

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
 * Assert that the traced calls T set close-on-exec (fcntl F_SETFD, or
 * ioctl FIOCLEX) before they touch the status flags (F_SETFL, or ioctl
 * FIONBIO): the other order widens the window in which a concurrent
 * fork+exec inherits the descriptor (DESIGN.md, README).  WHAT names the
 * call in messages.
 */
void sc_t_check_cloexec_first(const struct sctrace *t, const char *what);
/*
 * Skip a test that counts every system call when ThreadSanitizer is built
 * in: its interceptors make calls of their own (mmap after socket()).
 */
void sc_t_require_exact_counts(void);

/*
 * The "_refused_" programs link the library as configured (the installed
 * one, once installed) and put each test case behind a seccomp filter that
 * refuses what a kernel or sandbox without accept4 and the type flags
 * refuses: accept4 with flags (ENOSYS), socket and socketpair with
 * SOCK_CLOEXEC or SOCK_NONBLOCK in the type (EINVAL).  The library gives
 * the native calls up on the first refusal; sc_t_refuse() makes that first
 * call, so that each case then sees the emulation and nothing else, as the
 * "_emul_" programs do with a second copy of the code.  Skips where no
 * filter can be installed.
 */
void sc_t_refuse(void);
#ifdef SC_TEST_REFUSED
# undef ATF_TC_BODY
# define ATF_TC_BODY(tc, tcptr)						\
	static void sc_t_body_ ## tc(const atf_tc_t *);			\
	static void atfu_ ## tc ## _body(const atf_tc_t *tcptr)		\
	{								\
		sc_t_refuse();						\
		sc_t_body_ ## tc(tcptr);				\
	}								\
	static void sc_t_body_ ## tc(const atf_tc_t *tcptr ATF_DEFS_ATTRIBUTE_UNUSED)
#endif

#endif /* SC_TEST_H */
