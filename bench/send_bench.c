/*
 * send with MSG_NOSIGNAL: the C library's send, sockcompat_send on the
 * native path, and the guard (sockcompat-sigpipe-mask.c, linked in a
 * second time as bench_emul_send), in one run.  Prints figures; judges
 * nothing.
 *
 *   send_bench [--quick] [--csv FILE]
 *   send_bench --loop libc|shim N     (what callgrind runs)
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sockcompat.h"
#include "sctrace.h"
#include "bench.h"

ssize_t bench_emul_send(int, const void *, size_t, int);

#define BATCH 128		/* datagrams sent timed, then drained */

static int rounds = 200;	/* batches per strategy */
static FILE *csv;

static ssize_t
s_libc(int fd, const void *b, size_t n, int f)
{
	return send(fd, b, n, f);
}

static const struct strategy {
	const char *name;
	ssize_t (*fn)(int, const void *, size_t, int);
} strategies[] = {
	{ "libc send", s_libc },
	{ "sockcompat, native path", sockcompat_send },
	{ "sockcompat, guard (mask)", bench_emul_send },
};
#define NSTRAT (sizeof strategies / sizeof strategies[0])

static void
row(const char *section, const char *what, const char *cond, double value,
    const char *unit, double ratio)
{
	if (ratio > 0)
		printf("  %-28s %-22s %10.1f %-6s %6.3fx\n", what, cond, value,
		    unit, ratio);
	else
		printf("  %-28s %-22s %10.1f %s\n", what, cond, value, unit);
	if (csv)
		fprintf(csv, "%s,%s,%s,%.3f,%s,%.4f\n", section, what, cond,
		    value, unit, ratio);
}

/* 1. System calls per send, counted with ptrace in a child. ----------- */

struct trace_arg {
	const struct strategy *s;
	int gone;		/* the peer has gone: EPIPE */
	int blocked;		/* the program blocks SIGPIPE itself */
};

static int
traced_send(void *p)
{
	const struct trace_arg *a = p;
	int sv[2];
	sigset_t set;

	/* Set-up happens inside FN; the count is corrected below. */
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
		return 2;
	if (a->gone)
		close(sv[1]);
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(a->blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
	return a->s->fn(sv[0], "x", 1, MSG_NOSIGNAL) == -1 && !a->gone;
}

static void
syscalls(void)
{
	static const char *const cond[] = { "live peer", "peer gone (EPIPE)",
	    "SIGPIPE blocked, live", "SIGPIPE blocked, gone" };
	struct trace_arg a;
	struct sctrace t;
	const char *why;
	long base = -1;
	unsigned s;
	int c, r;

	printf("1. System calls per send(MSG_NOSIGNAL), ptrace-counted\n");
	for (s = 0; s < NSTRAT; s++)
		for (c = 0; c < 4; c++) {
			a.s = &strategies[s];
			a.gone = c & 1;
			a.blocked = c >> 1;
			r = sctrace_run(NULL, traced_send, &a, &t, &why);
			if (r == -1) {
				printf("  (not measured: %s)\n", why);
				return;
			}
			/* socketpair, close when gone, sigprocmask: set-up. */
			if (s == 0 && c == 0)
				base = t.count - 1;
			row("syscalls", strategies[s].name, cond[c],
			    (double)(t.count - base - (c & 1)), "calls", 0);
		}
}

/* 2. Time per send: datagrams to a live peer, drained between batches. */

static void
timing(void)
{
	double *t[NSTRAT], start, med[NSTRAT];
	char buf[16];
	unsigned s;
	int sv[2], r, i, sz = 1 << 20;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == -1)
		bench_die("socketpair");
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sz, sizeof sz);
	setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &sz, sizeof sz);
	for (s = 0; s < NSTRAT; s++)
		if ((t[s] = calloc((size_t)rounds, sizeof *t[s])) == NULL)
			bench_die("calloc");
	for (r = 0; r < rounds; r++)
		for (s = 0; s < NSTRAT; s++) {
			start = bench_now_ns();
			for (i = 0; i < BATCH; i++)
				if (strategies[s].fn(sv[0], "x", 1,
				    MSG_NOSIGNAL) != 1)
					bench_die("send");
			t[s][r] = (bench_now_ns() - start) / BATCH;
			for (i = 0; i < BATCH; i++)
				if (recv(sv[1], buf, sizeof buf, 0) != 1)
					bench_die("recv");
		}
	printf("\n2. Time per send(MSG_NOSIGNAL) of 1 byte (AF_UNIX datagram, "
	    "median of %d batches of %d)\n", rounds, BATCH);
	for (s = 0; s < NSTRAT; s++) {
		med[s] = bench_median(t[s], rounds);
		row("ns_per_send", strategies[s].name, "live peer", med[s], "ns",
		    med[s] / med[0]);
		free(t[s]);
	}
	close(sv[0]);
	close(sv[1]);
}

/* 3. Instructions: this program's --loop under callgrind. ------------- */

int bench_loop_libc(int fd, int n);
int bench_loop_shim(int fd, int n);

__attribute__((noinline)) int
bench_loop_libc(int fd, int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++)
		bad += send(fd, "x", 1, MSG_NOSIGNAL) != 1;
	return bad;
}

__attribute__((noinline)) int
bench_loop_shim(int fd, int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++)
		bad += sockcompat_send(fd, "x", 1, MSG_NOSIGNAL) != 1;
	return bad;
}

static int
loop_main(const char *which, int n)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == -1 || n > 256)
		return 1;
	if (strcmp(which, "shim") == 0)
		return bench_loop_shim(sv[0], n) != 0;
	return bench_loop_libc(sv[0], n) != 0;
}

static void
instructions(const char *self)
{
	const int n1 = BENCH_LOOP_SHORT, n2 = BENCH_LOOP_LONG;
	double per_libc, per_shim;

	printf("\n3. User-space instructions per send (callgrind, loops of %d "
	    "and %d sends; the difference cancels set-up)\n", n1, n2);
	if (bench_instructions(self, &per_libc, &per_shim) == -1) {
		printf("  (not measured: valgrind's callgrind is not available)\n");
		return;
	}
	row("instructions", "libc send", "MSG_NOSIGNAL", per_libc, "instr", 0);
	row("instructions", "sockcompat, native path", "MSG_NOSIGNAL",
	    per_shim, "instr", per_shim / per_libc);
	row("instructions", "added by the shim", "MSG_NOSIGNAL",
	    per_shim - per_libc, "instr", 0);
}

int
main(int argc, char **argv)
{
	int quick, r;

	if ((r = bench_args(argc, argv, "send_bench",
	    "section,what,condition,value,unit,ratio", loop_main, &quick, &csv)) >= 0)
		return r;
	if (quick)
		rounds = 20;
	printf("sockcompat send benchmark%s\n\n", quick ? " (quick)" : "");
	syscalls();
	timing();
	instructions(argv[0]);
	if (csv)
		fclose(csv);
	return 0;
}
