/*
 * What each accept costs through sockcompat, against the C library's
 * accept4 and the strategies other compatibility code uses.  Prints
 * figures; passes or fails nothing.  "make bench" runs it.
 *
 *   accept_bench [--quick] [--csv FILE]
 *   accept_bench --loop libc|shim N     (for the instruction count)
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sockcompat.h"
#include "sctrace.h"
#include "bench.h"

/* The emulation, built once more under other names for this program. */
int bench_emul_accept4(int, struct sockaddr *, socklen_t *, int);

#define BATCH 64		/* connections queued, then dequeued timed */

static int rounds = 60;		/* batches per strategy and flag set */
static FILE *csv;

/* Strategies ---------------------------------------------------------- */

/*
 * The system's own call, the baseline: accept4, or NetBSD 6/7's paccept;
 * where there is neither (macOS), accept with two fcntl calls, as the
 * emulation's floor does.
 */
#if defined HAVE_ACCEPT4 && HAVE_DECL_ACCEPT4
# define LIBC_NAME "libc accept4"
# define libc_accept4(l, f) accept4((l), NULL, NULL, (f))
#elif defined HAVE_PACCEPT && HAVE_DECL_PACCEPT
# define LIBC_NAME "libc paccept"
# define libc_accept4(l, f) paccept((l), NULL, NULL, NULL, (f))
#else
# define LIBC_NAME "libc accept+fcntl"
static int
libc_accept4(int l, int f)
{
	int fd = accept(l, NULL, NULL);

	if (fd != -1 && ((f & SOCK_CLOEXEC) ? fcntl(fd, F_SETFD, FD_CLOEXEC) :
	    0) == 0 && ((f & SOCK_NONBLOCK) ? fcntl(fd, F_SETFL, O_NONBLOCK) :
	    0) == 0)
		return fd;
	if (fd != -1)
		close(fd);
	return -1;
}
#endif

static int
s_libc(int l, int f)
{
	return libc_accept4(l, f);
}

static int
s_shim(int l, int f)
{
	return sockcompat_accept4(l, NULL, NULL, f);
}

static int
s_emul(int l, int f)
{
	return bench_emul_accept4(l, NULL, NULL, f);
}

/* The floor of any emulation: accept, then one write per flag. */
static int
s_floor(int l, int f)
{
	int fd = accept(l, NULL, NULL);

	if (fd != -1 && (f & SOCK_CLOEXEC))
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (fd != -1 && (f & SOCK_NONBLOCK))
		fcntl(fd, F_SETFL, O_NONBLOCK);
	return fd;
}

/* Read-modify-write per flag, as gnulib's emulation does. */
static int
s_rmw(int l, int f)
{
	int fd = accept(l, NULL, NULL), v;

	if (fd != -1 && (f & SOCK_CLOEXEC) && (v = fcntl(fd, F_GETFD)) != -1)
		fcntl(fd, F_SETFD, v | FD_CLOEXEC);
	if (fd != -1 && (f & SOCK_NONBLOCK) && (v = fcntl(fd, F_GETFL)) != -1)
		fcntl(fd, F_SETFL, v | O_NONBLOCK);
	return fd;
}

static const struct strategy {
	const char *name;
	int (*fn)(int, int);
} strategies[] = {
	{ LIBC_NAME, s_libc },
	{ "sockcompat, native path", s_shim },
	{ "sockcompat, emulated", s_emul },
	{ "accept+F_SETFD+F_SETFL (floor)", s_floor },
	{ "accept+F_GET/SETFD+F_GET/SETFL (rmw)", s_rmw },
};
#define NSTRAT (sizeof strategies / sizeof strategies[0])

static const int flagsets[] = {
	SOCK_CLOEXEC | SOCK_NONBLOCK, SOCK_CLOEXEC, SOCK_NONBLOCK, 0
};
static const char *const flagnames[] = {
	"CLOEXEC|NONBLOCK", "CLOEXEC", "NONBLOCK", "0"
};
#define NFLAGS 4

/* Loopback plumbing ---------------------------------------------------- */

static struct sockaddr_in target;

static int
listener(void)
{
	socklen_t len = sizeof target;
	int l = socket(AF_INET, SOCK_STREAM, 0);

	memset(&target, 0, sizeof target);
	target.sin_family = AF_INET;
	target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (l == -1 || bind(l, (struct sockaddr *)&target, sizeof target) == -1 ||
	    listen(l, 1024) == -1 ||
	    getsockname(l, (struct sockaddr *)&target, &len) == -1)
		bench_die("listener");
	return l;
}

/* A connected client that resets on close, so no TIME_WAIT piles up. */
static int
client(void)
{
	struct linger lg = { 1, 0 };
	int c = socket(AF_INET, SOCK_STREAM, 0);

	if (c == -1 || setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == -1 ||
	    connect(c, (struct sockaddr *)&target, sizeof target) == -1)
		bench_die("client");
	return c;
}

static void
row(const char *section, const char *what, const char *flags, double value,
    const char *unit, double ratio)
{
	if (ratio > 0)
		printf("  %-40s %-17s %10.1f %-6s %6.3fx\n", what, flags, value,
		    unit, ratio);
	else
		printf("  %-40s %-17s %10.1f %s\n", what, flags, value, unit);
	if (csv)
		fprintf(csv, "%s,%s,%s,%.3f,%s,%.4f\n", section, what, flags,
		    value, unit, ratio);
}

/* 3. Time per accept, strategies alternating batch by batch. ----------- */

static double
one_batch(int l, const struct strategy *s, int flags)
{
	int c[BATCH], fd[BATCH], i;
	double t0, t1;

	for (i = 0; i < BATCH; i++)
		c[i] = client();
	t0 = bench_now_ns();
	for (i = 0; i < BATCH; i++)
		fd[i] = s->fn(l, flags);
	t1 = bench_now_ns();
	for (i = 0; i < BATCH; i++) {
		if (fd[i] == -1)
			bench_die(s->name);
		close(fd[i]);
		close(c[i]);
	}
	return (t1 - t0) / BATCH;
}

static void
per_accept(int l)
{
	static double v[NFLAGS][NSTRAT][1000];
	double med[NFLAGS][NSTRAT];
	size_t f, s;
	int r;

	printf("\n3. Time per accept (median of %d batches of %d; ratio to libc "
	    "accept4 with CLOEXEC|NONBLOCK)\n", rounds, BATCH);
	for (r = 0; r < rounds; r++)
		for (f = 0; f < NFLAGS; f++)
			for (s = 0; s < NSTRAT; s++)
				v[f][s][r] = one_batch(l, &strategies[s], flagsets[f]);
	for (f = 0; f < NFLAGS; f++)
		for (s = 0; s < NSTRAT; s++)
			med[f][s] = bench_median(v[f][s], rounds);
	for (f = 0; f < NFLAGS; f++)
		for (s = 0; s < NSTRAT; s++)
			row("ns_per_accept", strategies[s].name, flagnames[f],
			    med[f][s], "ns", med[f][s] / med[0][0]);
	printf("  emulated vs rmw, CLOEXEC|NONBLOCK: %.1f%% cheaper\n",
	    100 * (1 - med[0][2] / med[0][4]));
	if (csv)
		fprintf(csv, "ns_per_accept,emulated cheaper than rmw,%s,%.3f,%%,0\n",
		    flagnames[0], 100 * (1 - med[0][2] / med[0][4]));
}

/* 1, 2. System calls per accept, counted with ptrace. ------------------ */

struct traced {
	int l, flags, n;
	const struct strategy *s;
};

static int
traced_accepts(void *p)
{
	struct traced *t = p;
	int i;

	for (i = 0; i < t->n; i++)
		if (t->s->fn(t->l, t->flags) == -1)
			return 1;
	return 0;
}

static void
refuse_accept4(void *p)
{
	(void)p;
	if (sctrace_refuse(SCTRACE_ACCEPT4, EPERM) == -1)
		_exit(90);
}

static int
count_calls(int l, const struct strategy *s, int flags, int n, int refuse,
            struct sctrace *out)
{
	struct traced t;
	const char *why = NULL;
	int c[64], i, r;

	for (i = 0; i < n; i++)
		c[i] = client();
	t.l = l;
	t.flags = flags;
	t.n = n;
	t.s = s;
	r = sctrace_run(refuse ? refuse_accept4 : NULL, traced_accepts, &t,
	    out, &why);
	/* The child took the connections; close our ends and drain. */
	for (i = 0; i < n; i++)
		close(c[i]);
	if (r == -1)
		printf("  (not counted: %s)\n", why);
	else if (r != 0)
		printf("  (not counted: the traced accepts failed, status %d)\n", r);
	return r;
}

static void
syscalls(int l)
{
	const int n = 32;
	struct sctrace t;
	size_t f, s;

	printf("\n1. System calls per accept (ptrace count over %d accepts)\n", n);
	for (f = 0; f < NFLAGS; f++)
		for (s = 0; s < NSTRAT; s++)
			if (count_calls(l, &strategies[s], flagsets[f], n, 0, &t) == 0)
				row("syscalls_per_accept", strategies[s].name,
				    flagnames[f], (double)t.count / n, "calls", 0);

	printf("\n2. After the fallback verdict (native accept4 refused with EPERM "
	    "by seccomp, %d accepts)\n", n);
	if (count_calls(l, &strategies[1], flagsets[0], n, 1, &t) == 0) {
		row("fallback", "native attempts, first accept (call + probe)",
		    flagnames[0], t.accept4 < 2 ? (double)t.accept4 : 2, "calls", 0);
		row("fallback", "native attempts per accept after the verdict",
		    flagnames[0], (double)(t.accept4 - 2) / (n - 1), "calls", 0);
		row("fallback", "system calls per accept after the verdict",
		    flagnames[0], (double)(t.count - 2 - 3) / (n - 1), "calls", 0);
	}
}

/* 4. Instructions: run this program's --loop under callgrind. ---------- */

/* Not static, not inlined: callgrind collects inside these only. */
int bench_loop_libc(int l, int n);
int bench_loop_shim(int l, int n);

__attribute__((noinline)) int
bench_loop_libc(int l, int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++)
		bad += libc_accept4(l, SOCK_CLOEXEC | SOCK_NONBLOCK) == -1;
	return bad;
}

__attribute__((noinline)) int
bench_loop_shim(int l, int n)
{
	int i, bad = 0;

	for (i = 0; i < n; i++)
		bad += sockcompat_accept4(l, NULL, NULL,
		    SOCK_CLOEXEC | SOCK_NONBLOCK) == -1;
	return bad;
}

static int
loop_main(const char *which, int n)
{
	int l = listener(), i;

	for (i = 0; i < n; i++)
		(void)client();
	if (strcmp(which, "shim") == 0)
		return bench_loop_shim(l, n) != 0;
	return bench_loop_libc(l, n) != 0;
}

static void
instructions(const char *self)
{
	const int n1 = BENCH_LOOP_SHORT, n2 = BENCH_LOOP_LONG;
	double per_libc, per_shim;

	printf("\n4. User-space instructions per call (callgrind, loops of %d "
	    "and %d accepts; the difference cancels set-up)\n", n1, n2);
	if (bench_instructions(self, &per_libc, &per_shim) == -1) {
		printf("  (not measured: valgrind's callgrind is not available)\n");
		return;
	}
	row("instructions", LIBC_NAME, flagnames[0], per_libc, "instr", 0);
	row("instructions", "sockcompat, native path", flagnames[0], per_shim,
	    "instr", 0);
	row("instructions", "added by the shim", flagnames[0],
	    per_shim - per_libc, "instr", 0);
}

/* 5. Threads accepting from one listener. ----------------------------- */

struct run {
	int l, stop, flags;
	long accepted;
	int (*fn)(int, int);
	pthread_mutex_t lock;
};

static void *
acceptor(void *p)
{
	struct run *r = p;
	long mine = 0;

	for (;;) {
		int fd = r->fn(r->l, r->flags);

		if (fd != -1) {
			close(fd);
			mine++;
			continue;
		}
		if (__atomic_load_n(&r->stop, __ATOMIC_RELAXED))
			break;
	}
	pthread_mutex_lock(&r->lock);
	r->accepted += mine;
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

static void *
connector(void *p)
{
	struct run *r = p;

	while (!__atomic_load_n(&r->stop, __ATOMIC_RELAXED))
		close(client());
	return NULL;
}

static double
accept_rate(int (*fn)(int, int), int nthreads, double seconds)
{
	pthread_t a[2], c;
	struct run r;
	double t0;
	int i;

	memset(&r, 0, sizeof r);
	r.l = listener();
	r.flags = SOCK_CLOEXEC;		/* blocking accepts, woken by the stop */
	r.fn = fn;
	pthread_mutex_init(&r.lock, NULL);
	pthread_create(&c, NULL, connector, &r);
	for (i = 0; i < nthreads; i++)
		pthread_create(&a[i], NULL, acceptor, &r);
	t0 = bench_now_ns();
	usleep((useconds_t)(seconds * 1e6));
	__atomic_store_n(&r.stop, 1, __ATOMIC_RELAXED);
	pthread_join(c, NULL);
	shutdown(r.l, SHUT_RDWR);	/* wakes the blocked accepts (Linux) */
	for (i = 0; i < nthreads; i++)
		pthread_join(a[i], NULL);
	close(r.l);
	return r.accepted / ((bench_now_ns() - t0) / 1e9);
}

static void
threads(double seconds, int reps)
{
	int n, k;

	printf("\n5. Accepts per second, threads on one listener (median of %d "
	    "alternating runs of %.1f s)\n", reps, seconds);
	for (n = 1; n <= 2; n++) {
		double libc[9], shim[9], ml, ms;
		char what[64];

		for (k = 0; k < reps; k++) {
			libc[k] = accept_rate(s_libc, n, seconds);
			shim[k] = accept_rate(s_shim, n, seconds);
		}
		ml = bench_median(libc, reps);
		ms = bench_median(shim, reps);
		snprintf(what, sizeof what, LIBC_NAME ", %d thread%s", n,
		    n > 1 ? "s" : "");
		row("accepts_per_s", what, "CLOEXEC", ml, "/s", 0);
		snprintf(what, sizeof what, "sockcompat, %d thread%s", n,
		    n > 1 ? "s" : "");
		row("accepts_per_s", what, "CLOEXEC", ms, "/s", ms / ml);
	}
}

/* 6. Whole connections: connect, accept, close. ------------------------ */

static double
conn_rate(int (*fn)(int, int), int n)
{
	int l = listener(), i;
	double t0 = bench_now_ns();

	for (i = 0; i < n; i++) {
		int c = client(), fd = fn(l, SOCK_CLOEXEC | SOCK_NONBLOCK);

		if (fd == -1)
			bench_die("accept");
		close(fd);
		close(c);
	}
	t0 = bench_now_ns() - t0;
	close(l);
	return n / (t0 / 1e9);
}

static void
connections(int n, int reps)
{
	double libc[9], shim[9], emul[9], ml;
	int k;

	printf("\n6. Whole connections per second (connect + accept + close, "
	    "median of %d alternating runs of %d)\n", reps, n);
	for (k = 0; k < reps; k++) {
		libc[k] = conn_rate(s_libc, n);
		shim[k] = conn_rate(s_shim, n);
		emul[k] = conn_rate(s_emul, n);
	}
	ml = bench_median(libc, reps);
	row("connections_per_s", LIBC_NAME, flagnames[0], ml, "/s", 0);
	row("connections_per_s", "sockcompat, native path", flagnames[0],
	    bench_median(shim, reps), "/s", bench_median(shim, reps) / ml);
	row("connections_per_s", "sockcompat, emulated", flagnames[0],
	    bench_median(emul, reps), "/s", bench_median(emul, reps) / ml);
}

int
main(int argc, char **argv)
{
	int quick, r, l;

	if ((r = bench_args(argc, argv, "accept_bench",
	    "section,strategy,flags,value,unit,ratio", loop_main, &quick, &csv)) >= 0)
		return r;
	if (quick)
		rounds = 15;
	printf("sockcompat accept benchmark (%s)\n", quick ? "quick" : "full");
	l = listener();
	/* The counts first: they fork, and the fallback count needs a process
	 * whose shim has not yet found the native call working. */
	syscalls(l);
	per_accept(l);
	instructions(argv[0]);
	threads(quick ? 0.3 : 1.0, quick ? 3 : 5);
	connections(quick ? 2000 : 10000, quick ? 3 : 5);
	if (csv)
		fclose(csv);
	return 0;
}
