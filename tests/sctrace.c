/*
 * Counting system calls with ptrace, refusing one with seccomp (Linux).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
# include <sys/prctl.h>
# include <sys/ptrace.h>
# include <sys/syscall.h>
# include <linux/filter.h>
# include <linux/seccomp.h>
#endif

#include "sctrace.h"

long
sctrace_count(const struct sctrace *t, long nr)
{
	long i, n = 0;

	for (i = 0; i < t->count && i < SCTRACE_KEEP; i++)
		n += t->nr[i] == nr;
	return n;
}

long
sctrace_find(const struct sctrace *t, long nr, long arg1)
{
	long i;

	for (i = 0; i < t->count && i < SCTRACE_KEEP; i++)
		if (t->nr[i] == nr && t->arg1[i] == arg1)
			return i;
	return -1;
}

const char *
sctrace_str(const struct sctrace *t)
{
	static char buf[SCTRACE_KEEP * 8];
	size_t off = 0;
	long i;

	buf[0] = '\0';
	for (i = 0; i < t->count && i < SCTRACE_KEEP && off < sizeof buf; i++)
		off += (size_t)snprintf(buf + off, sizeof buf - off, "%s%ld",
		    i ? " " : "", t->nr[i]);
	return buf;
}

#ifdef __linux__

/*
 * The traced child leaves with exit(), so that a coverage build writes
 * what it ran; LeakSanitizer, which would then check for leaks, cannot
 * work under ptrace and fails the exit.  This is its documented switch.
 */
static int in_traced_child;
int __lsan_is_turned_off(void);

int
__lsan_is_turned_off(void)
{
	return in_traced_child;
}

/* A system call the code under test never makes, to mark FN's start and end. */
#define MARKER SYS_getppid

static int
give_up(pid_t pid, const char **why, const char *reason)
{
	int st;

	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	*why = reason;
	return -1;
}

int
sctrace_run(void (*setup)(void *), int (*fn)(void *), void *arg,
            struct sctrace *out, const char **why)
{
	struct __ptrace_syscall_info info;
	int st, markers = 0, sig = 0;
	pid_t pid;

	memset(out, 0, sizeof *out);
	fflush(NULL);		/* the child exits with exit(), see below */
	pid = fork();
	if (pid == -1) {
		*why = "fork failed";
		return -1;
	}
	if (pid == 0) {
		int r;

		in_traced_child = 1;
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == -1)
			_exit(125);
		raise(SIGSTOP);
		if (setup != NULL)
			setup(arg);
		syscall(MARKER);
		r = fn(arg);
		syscall(MARKER);
		/* exit(), not _exit(): a coverage build writes its counts
		 * of the code the child ran at exit. */
		exit(r);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st)) {
		if (WIFEXITED(st) && WEXITSTATUS(st) == 125)
			*why = "ptrace is not permitted here";
		else
			*why = "the traced child did not stop";
		return -1;
	}
	if (ptrace(PTRACE_SETOPTIONS, pid, NULL,
	    (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL)) == -1)
		return give_up(pid, why, "ptrace options not supported here");
	for (;;) {
		if (ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)sig) == -1 ||
		    waitpid(pid, &st, 0) != pid)
			return give_up(pid, why, "lost the traced child");
		sig = 0;
		if (WIFEXITED(st))
			break;
		if (WIFSIGNALED(st)) {
			/* A crash is a result, not a reason to skip. */
			*why = "the traced child was killed by a signal";
			return SCTRACE_DIED;
		}
		if (WSTOPSIG(st) != (SIGTRAP | 0x80)) {
			sig = WSTOPSIG(st);
			continue;
		}
		if (ptrace(PTRACE_GET_SYSCALL_INFO, pid,
		    (void *)sizeof info, &info) <= 0)
			return give_up(pid, why,
			    "PTRACE_GET_SYSCALL_INFO not supported here");
		if (info.op != PTRACE_SYSCALL_INFO_ENTRY)
			continue;
		if ((long)info.entry.nr == MARKER) {
			markers++;
		} else if (markers == 1) {
			if (out->count < SCTRACE_KEEP) {
				out->nr[out->count] = (long)info.entry.nr;
				out->arg1[out->count] =
				    (long)info.entry.args[1];
			}
			out->count++;
			if ((long)info.entry.nr == SCTRACE_ACCEPT4)
				out->accept4++;
		}
	}
	/* Before the first marker: SETUP's own exit status (it may say
	 * that, say, a filter could not be installed); after it, FN died. */
	if (markers == 1) {
		*why = "the traced child exited inside the traced function";
		return SCTRACE_DIED;
	}
	return WEXITSTATUS(st);
}

int
sctrace_refuse(long nr, int err)
{
	return sctrace_refuse_if(nr, 0, 0, err);
}

/* The low 32 bits of system call argument ARG. */
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
# define ARG_LOW(arg) (offsetof(struct seccomp_data, args) + 8 * (arg) + 4)
#else
# define ARG_LOW(arg) (offsetof(struct seccomp_data, args) + 8 * (arg))
#endif

int
sctrace_refuse_if(long nr, int arg, unsigned mask, int err)
{
	const unsigned ret_errno = SECCOMP_RET_ERRNO |
	    ((unsigned)err & SECCOMP_RET_DATA);
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)nr, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (unsigned)ARG_LOW(arg)),
		/* mask 0 refuses always: JSET of 0 never jumps to allow */
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, mask ? mask : ~0U, 0,
		    mask ? 1 : 0),
		BPF_STMT(BPF_RET | BPF_K, ret_errno),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog;

	if (nr < 0) {
		errno = ENOSYS;
		return -1;
	}
	prog.len = (unsigned short)(sizeof f / sizeof f[0]);
	prog.filter = f;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}

#else /* !__linux__ */

int
sctrace_run(void (*setup)(void *), int (*fn)(void *), void *arg,
            struct sctrace *out, const char **why)
{
	(void)setup;
	(void)fn;
	(void)arg;
	memset(out, 0, sizeof *out);
	*why = "system-call tracing is implemented for Linux only";
	return -1;
}

int
sctrace_refuse(long nr, int err)
{
	return sctrace_refuse_if(nr, 0, 0, err);
}

int
sctrace_refuse_if(long nr, int arg, unsigned mask, int err)
{
	(void)nr;
	(void)arg;
	(void)mask;
	(void)err;
	errno = ENOSYS;
	return -1;
}

#endif /* !__linux__ */
