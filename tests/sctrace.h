/*
 * Counting a program's system calls with ptrace (Linux), and refusing one
 * with a seccomp filter.  Used by the tests and the benchmark; no ATF.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SC_SCTRACE_H
#define SC_SCTRACE_H

#include <sys/syscall.h>

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

#define SCTRACE_KEEP 64		/* system call numbers kept, for messages */

struct sctrace {
	long count;		/* system calls made by FN */
	long accept4;		/* of which accept4 */
	long nr[SCTRACE_KEEP];	/* the first ones' numbers */
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

#endif /* SC_SCTRACE_H */
