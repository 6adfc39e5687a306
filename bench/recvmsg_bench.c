/*
 * What each recvmsg with MSG_CMSG_CLOEXEC costs through sockcompat,
 * against the C library's recvmsg with the kernel's flag and libwayland's
 * strategy, in the same run.  Prints figures; passes or fails nothing.
 * "make bench" runs it after accept_bench.
 *
 *   recvmsg_bench [--quick] [--csv FILE]
 *   recvmsg_bench --loop libc|shim N     (for the instruction count)
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>
#include "sockcompat-xopen.h"

#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sockcompat.h"
#include "sctrace.h"
#include "bench.h"

/* The emulation, built once more under other names for this program. */
ssize_t bench_emul_recvmsg(int, struct msghdr *, int);

#define MAXFDS 8
#define BATCH 64		/* messages queued, then received timed */

static int rounds = 60;
static FILE *csv;

/* Strategies ---------------------------------------------------------- */

static ssize_t
s_libc(int s, struct msghdr *m)
{
	return recvmsg(s, m, MSG_CMSG_CLOEXEC);
}

static ssize_t
s_shim(int s, struct msghdr *m)
{
	return sockcompat_recvmsg(s, m, MSG_CMSG_CLOEXEC);
}

static ssize_t
s_emul(int s, struct msghdr *m)
{
	return bench_emul_recvmsg(s, m, MSG_CMSG_CLOEXEC);
}

/* libwayland's wl_os_recvmsg_cloexec where the flag is not trusted: plain
 * recvmsg, then F_GETFD and F_SETFD (read-modify-write) per descriptor. */
static ssize_t
s_wayland_fallback(int s, struct msghdr *m)
{
	ssize_t r = recvmsg(s, m, 0);
	struct cmsghdr *c;

	if (r == -1)
		return -1;
	for (c = CMSG_FIRSTHDR(m); c != NULL; c = CMSG_NXTHDR(m, c)) {
		unsigned char *p = CMSG_DATA(c), *end = (unsigned char *)c +
		    c->cmsg_len;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		for (; p + sizeof(int) <= end; p += sizeof(int)) {
			int fd, fl;

			memcpy(&fd, p, sizeof fd);
			fl = fcntl(fd, F_GETFD);
			if (fl != -1)
				fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
		}
	}
	return r;
}

static const struct strategy {
	const char *name;
	ssize_t (*fn)(int, struct msghdr *);
} strategies[] = {
	{ "libc recvmsg(MSG_CMSG_CLOEXEC)", s_libc },
	{ "sockcompat, native path", s_shim },
	{ "sockcompat, emulated", s_emul },
	{ "libwayland fallback (F_GETFD+F_SETFD)", s_wayland_fallback },
};
#define NSTRAT (sizeof strategies / sizeof strategies[0])

static const int fdcounts[] = { 0, 1, 4 };
#define NCOUNTS (sizeof fdcounts / sizeof fdcounts[0])

/* Scaffolding ---------------------------------------------------------- */

static void
row(const char *section, const char *what, int nfds, double value,
    const char *unit, double ratio)
{
	char fds[32];

	snprintf(fds, sizeof fds, "%d fd%s", nfds, nfds == 1 ? "" : "s");
	if (ratio > 0)
		printf("  %-40s %-8s %10.1f %-6s %6.3fx\n", what, fds, value,
		    unit, ratio);
	else
		printf("  %-40s %-8s %10.1f %s\n", what, fds, value, unit);
	if (csv)
		fprintf(csv, "%s,%s,%d,%.3f,%s,%.4f\n", section, what, nfds,
		    value, unit, ratio);
}

/* One byte and NFDS descriptors (dups of stdin) in one SCM_RIGHTS. */
static void
send_msg(int s, int nfds)
{
	union {
		struct cmsghdr align;
		unsigned char buf[CMSG_SPACE(sizeof(int) * MAXFDS)];
	} ctl;
	struct msghdr m;
	struct iovec iov;
	char byte = 'b';
	int fds[MAXFDS], i;

	memset(&m, 0, sizeof m);
	iov.iov_base = &byte;
	iov.iov_len = 1;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	if (nfds > 0) {
		struct cmsghdr *c;

		for (i = 0; i < nfds; i++)
			fds[i] = 0;
		m.msg_control = ctl.buf;
		m.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		c = CMSG_FIRSTHDR(&m);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)nfds);
	}
	if (sendmsg(s, &m, 0) != 1)
		bench_die("sendmsg");
}

/* Receive one message with FN into a fresh header; close what came. */
struct rx {
	struct msghdr m;
	struct iovec iov;
	char byte;
	/* Last: clang does not take glibc's CMSG_SPACE as a constant. */
	union {
		struct cmsghdr align;
		unsigned char buf[CMSG_SPACE(sizeof(int) * MAXFDS)];
	} ctl;
};

static void
rx_init(struct rx *r)
{
	memset(&r->m, 0, sizeof r->m);
	r->iov.iov_base = &r->byte;
	r->iov.iov_len = 1;
	r->m.msg_iov = &r->iov;
	r->m.msg_iovlen = 1;
	r->m.msg_control = r->ctl.buf;
	r->m.msg_controllen = sizeof r->ctl.buf;
}

static void
rx_close(struct rx *r)
{
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(&r->m); c != NULL; c = CMSG_NXTHDR(&r->m, c)) {
		size_t i, n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);

		for (i = 0; i < n; i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
			close(fd);
		}
	}
}

/* 1. System calls per message (ptrace). -------------------------------- */

struct traced {
	int s, n;
	const struct strategy *st;
};

static int
traced_recvs(void *p)
{
	struct traced *t = p;
	struct rx r;
	int i;

	for (i = 0; i < t->n; i++) {
		rx_init(&r);
		if (t->st->fn(t->s, &r.m) != 1)
			return 1;
	}
	return 0;
}

static void
syscalls(void)
{
	const int n = 16;
	size_t c, s;

	printf("\n1. System calls per recvmsg (ptrace count over %d messages; "
	    "the received descriptors are not closed)\n", n);
	for (c = 0; c < NCOUNTS; c++)
		for (s = 0; s < NSTRAT; s++) {
			struct traced t;
			struct sctrace out;
			const char *why = NULL;
			int sv[2], i, r;

			if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
				bench_die("socketpair");
			for (i = 0; i < n; i++)
				send_msg(sv[0], fdcounts[c]);
			t.s = sv[1];
			t.n = n;
			t.st = &strategies[s];
			r = sctrace_run(NULL, traced_recvs, &t, &out, &why);
			if (r == -1)
				printf("  (not counted: %s)\n", why);
			else if (r != 0)
				printf("  (not counted: status %d)\n", r);
			else
				row("syscalls_per_recvmsg", strategies[s].name,
				    fdcounts[c], (double)out.count / n, "calls", 0);
			close(sv[0]);
			close(sv[1]);
		}
}

/* 2. Time per message, strategies alternating batch by batch. --------- */

static double
one_batch(int sv[2], const struct strategy *s, int nfds)
{
	struct rx r[BATCH];
	double t0, t1;
	int i;

	for (i = 0; i < BATCH; i++) {
		send_msg(sv[0], nfds);
		rx_init(&r[i]);
	}
	t0 = bench_now_ns();
	for (i = 0; i < BATCH; i++)
		if (s->fn(sv[1], &r[i].m) != 1)
			bench_die("recvmsg");
	t1 = bench_now_ns();
	for (i = 0; i < BATCH; i++)
		rx_close(&r[i]);
	return (t1 - t0) / BATCH;
}

static void
per_message(void)
{
	size_t c, s;
	int sv[2], k;

	printf("\n2. Time per recvmsg (%d messages queued, then received "
	    "timed; median of %d alternating batches; ratio to libc)\n",
	    BATCH, rounds);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
		bench_die("socketpair");
	for (c = 0; c < NCOUNTS; c++) {
		double *v[NSTRAT], base;

		for (s = 0; s < NSTRAT; s++)
			if ((v[s] = malloc(sizeof(double) * (size_t)rounds)) == NULL)
				bench_die("malloc");
		for (k = 0; k < rounds; k++)
			for (s = 0; s < NSTRAT; s++)
				v[s][k] = one_batch(sv, &strategies[s], fdcounts[c]);
		base = bench_median(v[0], rounds);
		for (s = 0; s < NSTRAT; s++) {
			double m = bench_median(v[s], rounds);

			row("ns_per_recvmsg", strategies[s].name, fdcounts[c], m,
			    "ns", m / base);
			free(v[s]);
		}
	}
	close(sv[0]);
	close(sv[1]);
}

/* 3. Instructions: run this program's --loop under callgrind. ---------- */

/* Not static, not inlined: callgrind collects inside these only. */
int bench_loop_libc(int s, struct rx *r, int n);
int bench_loop_shim(int s, struct rx *r, int n);

__attribute__((noinline)) int
bench_loop_libc(int s, struct rx *r, int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++)
		bad += recvmsg(s, &r[i].m, MSG_CMSG_CLOEXEC) != 1;
	return bad;
}

__attribute__((noinline)) int
bench_loop_shim(int s, struct rx *r, int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++)
		bad += sockcompat_recvmsg(s, &r[i].m, MSG_CMSG_CLOEXEC) != 1;
	return bad;
}

static int
loop_main(const char *which, int n)
{
	struct rx *r = calloc((size_t)n, sizeof *r);
	int sv[2], i, bad;

	if (r == NULL || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
		bench_die("setup");
	for (i = 0; i < n; i++) {
		send_msg(sv[0], 1);
		rx_init(&r[i]);
	}
	if (strcmp(which, "shim") == 0)
		bad = bench_loop_shim(sv[1], r, n);
	else
		bad = bench_loop_libc(sv[1], r, n);
	return bad != 0;
}

static void
instructions(const char *self)
{
	const int n1 = BENCH_LOOP_SHORT, n2 = BENCH_LOOP_LONG;
	double per_libc, per_shim;

	printf("\n3. User-space instructions per call (callgrind, loops of %d "
	    "and %d messages of 1 fd; the difference cancels set-up)\n", n1, n2);
	if (bench_instructions(self, &per_libc, &per_shim) == -1) {
		printf("  (not measured: valgrind's callgrind is not available)\n");
		return;
	}
	row("instructions", "libc recvmsg(MSG_CMSG_CLOEXEC)", 1, per_libc,
	    "instr", 0);
	row("instructions", "sockcompat, native path", 1, per_shim, "instr",
	    per_shim / per_libc);
	row("instructions", "added by the shim", 1, per_shim - per_libc,
	    "instr", 0);
}

int
main(int argc, char **argv)
{
	int quick, r;

	if ((r = bench_args(argc, argv, "recvmsg_bench",
	    "section,strategy,fds,value,unit,ratio", loop_main, &quick, &csv)) >= 0)
		return r;
	if (quick)
		rounds = 15;
	printf("sockcompat recvmsg benchmark (%s)\n", quick ? "quick" : "full");
	syscalls();
	per_message();
	instructions(argv[0]);
	if (csv)
		fclose(csv);
	return 0;
}
