/*
 * Counting a program's system calls with ptrace (Linux), and refusing one
 * with a seccomp filter.  Used by the tests and the benchmark; no ATF.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SC_SCTRACE_H
#define SC_SCTRACE_H

/* The system-call numbers, where the system has the (non-standard) header:
 * config.h says (m4/sockcompat_testsys.m4). */
#ifdef HAVE_SYS_SYSCALL_H
# include <sys/syscall.h>
#endif

/*
 * The accept4 system call's number, or -1 where the kernel has none
 * (NetBSD's is paccept, macOS has neither): refusing it then fails, and
 * the tests that need a refusing kernel skip as they do where tracing is
 * not allowed.
 */
#ifdef SYS_accept4
# define SCTRACE_ACCEPT4 SYS_accept4
#else
# define SCTRACE_ACCEPT4 (-1L)
#endif

/* The same for the calls the fallback tests count: NetBSD's socket is
 * SYS___socket30, illumos's SYS_so_socket and SYS_so_socketpair. */
#ifdef SYS_socket
# define SCTRACE_SOCKET SYS_socket
#else
# define SCTRACE_SOCKET (-1L)
#endif
#ifdef SYS_socketpair
# define SCTRACE_SOCKETPAIR SYS_socketpair
#else
# define SCTRACE_SOCKETPAIR (-1L)
#endif
#ifdef SYS_fcntl
# define SCTRACE_FCNTL SYS_fcntl
#else
# define SCTRACE_FCNTL (-1L)
#endif
#ifdef SYS_dup
# define SCTRACE_DUP SYS_dup
#else
# define SCTRACE_DUP (-1L)
#endif
/* And the send tests' (on i386 also SYS_socketcall, SYS_send: guarded). */
#ifdef SYS_getsockopt
# define SCTRACE_GETSOCKOPT SYS_getsockopt
#else
# define SCTRACE_GETSOCKOPT (-1L)
#endif
#ifdef SYS_setsockopt
# define SCTRACE_SETSOCKOPT SYS_setsockopt
#else
# define SCTRACE_SETSOCKOPT (-1L)
#endif
#ifdef SYS_sendto
# define SCTRACE_SENDTO SYS_sendto
#else
# define SCTRACE_SENDTO (-1L)
#endif

#define SCTRACE_KEEP 64		/* system call numbers kept, for messages */

struct sctrace {
	long count;		/* system calls made by FN */
	long accept4;		/* of which accept4 */
	long nr[SCTRACE_KEEP];	/* the first ones' numbers */
	long arg1[SCTRACE_KEEP];	/* and second arguments (fcntl's cmd...) */
};

/*
 * In a traced child: run SETUP (if not NULL), then FN between two marker
 * calls, counting the system calls FN makes.  Returns FN's result (the
 * child's exit status, 0-255; SETUP's own if it exits early), -1 with *WHY
 * saying why this system or sandbox cannot trace, or SCTRACE_DIED with
 * *WHY if FN crashed or exited before returning.
 */
#define SCTRACE_DIED 256
int sctrace_run(void (*setup)(void *), int (*fn)(void *), void *arg,
                struct sctrace *out, const char **why);

/* The kept numbers as text, for messages. */
const char *sctrace_str(const struct sctrace *t);

/*
 * Make system call NR fail with ERR for the rest of this process (a
 * seccomp filter: call it in a child).  -1 with errno set if the kernel
 * cannot install filters.
 */
int sctrace_refuse(long nr, int err);

/* The same, only when argument ARG (0-5) has a bit of MASK set: a kernel
 * that refuses the socket type flags, say.  Filters add up. */
int sctrace_refuse_if(long nr, int arg, unsigned mask, int err);

/* How many of the kept system calls were NR. */
long sctrace_count(const struct sctrace *t, long nr);

/* The index of the first kept call NR whose second argument is ARG1, or
 * -1: where fcntl(F_SETFD) comes among the calls, say. */
long sctrace_find(const struct sctrace *t, long nr, long arg1);

#endif /* SC_SCTRACE_H */
