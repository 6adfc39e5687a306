/*
 * The example daemon, built against the library as configured (echod),
 * the same binary run where the kernel refuses accept4 and the socket type
 * flags (a seccomp filter; the library falls back at run time), and built
 * against the emulated copy (echod_emul, in echod_emul_test, which only
 * "make check" runs: that copy is not installed), serves concurrent clients,
 * hands out close-on-exec non-blocking descriptors, stops cleanly on
 * SIGTERM/SIGINT and answers bad arguments as a user expects.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <netinet/in.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

#define CLIENTS 50
#define PAYLOAD 3000

/* Start the daemon behind the seccomp filter of the "_refused" cases. */
static int refuse_in_daemon;

/* Install that filter (in the daemon's child before exec, or to see
 * whether it can be installed): -1 if this kernel cannot. */
static int
refuse_native_calls(void)
{
	const unsigned flags = SOCK_CLOEXEC | SOCK_NONBLOCK;

	if (sctrace_refuse_if(SCTRACE_ACCEPT4, 3, flags, ENOSYS) == -1)
		return -1;
#ifdef __linux__
	if (sctrace_refuse_if(SYS_socket, 1, flags, EINVAL) == -1 ||
	    sctrace_refuse_if(SYS_socketpair, 1, flags, EINVAL) == -1)
		return -1;
#endif
	return 0;
}

#ifndef SC_TEST_EMULATED
/* For the "_refused" cases: skip where no filter can be installed. */
static void
require_refusal(void)
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	ATF_REQUIRE(pid != -1);
	if (pid == 0)
		_exit(refuse_native_calls() == 0 ? 0 : 90);
	ATF_REQUIRE(waitpid(pid, &st, 0) == pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 90)
		atf_tc_skip("the kernel cannot install a seccomp filter here");
	ATF_REQUIRE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	refuse_in_daemon = 1;
}
#endif

struct daemon {
	pid_t pid;
	int out;		/* its stdout */
	int err;		/* its stderr */
	unsigned port;
};

/* Start PROG ARG with stdout and stderr on pipes and, if NOFILE is not
 * 0, that limit on its descriptors. */
static void
start_limited(const atf_tc_t *tc, const char *prog, const char *arg,
              struct daemon *d, int nofile)
{
	char path[PATH_MAX];
	int o[2], e[2];

	snprintf(path, sizeof path, "%s/%s",
	    atf_tc_get_config_var(tc, "srcdir"), prog);
	ATF_REQUIRE(pipe(o) == 0 && pipe(e) == 0);
	d->pid = fork();
	ATF_REQUIRE(d->pid != -1);
	if (d->pid == 0) {
		struct rlimit rl;
		int fd;

#ifdef __linux__
		/* A failed check must not leave the daemon running. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
		dup2(o[1], 1);
		dup2(e[1], 2);
		for (fd = 3; fd < 1024; fd++)
			close(fd);
		if (nofile > 0 && getrlimit(RLIMIT_NOFILE, &rl) == 0) {
			rl.rlim_cur = (rlim_t)nofile;
			if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
				_exit(126);
		}
		if (refuse_in_daemon && refuse_native_calls() == -1)
			_exit(125);
		execl(path, prog, arg, (char *)NULL);
		_exit(127);
	}
	close(o[1]);
	close(e[1]);
	d->out = o[0];
	d->err = e[0];
	d->port = 0;
}

static void
start(const atf_tc_t *tc, const char *prog, const char *arg, struct daemon *d)
{
	start_limited(tc, prog, arg, d, 0);
}

/* Read one line from FD within 10 s; NULL at end of file or time-out. */
static const char *
read_line(int fd)
{
	static char line[256];
	size_t n = 0;

	while (n < sizeof line - 1) {
		struct pollfd p = { fd, POLLIN, 0 };

		if (poll(&p, 1, 10000) != 1 || read(fd, line + n, 1) != 1)
			return n ? line : NULL;
		if (line[n] == '\n')
			break;
		n++;
	}
	line[n] = '\0';
	return line;
}

/* Wait up to 10 s for the daemon to exit; its exit status, and the CPU
 * time it used in *CPU_MS if that is not NULL. */
static int
finish_cpu(struct daemon *d, long *cpu_ms)
{
	struct rusage ru;
	int st, i;

	for (i = 0; i < 1000; i++) {
		pid_t r = wait4(d->pid, &st, WNOHANG, &ru);

		ATF_REQUIRE(r != -1);
		if (r == d->pid) {
			ATF_REQUIRE_MSG(WIFEXITED(st), "echod died of signal %d",
			    WIFSIGNALED(st) ? WTERMSIG(st) : 0);
			if (cpu_ms != NULL)
				*cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) *
				    1000L + (ru.ru_utime.tv_usec +
				    ru.ru_stime.tv_usec) / 1000;
			return WEXITSTATUS(st);
		}
		usleep(10000);
	}
	kill(d->pid, SIGKILL);
	waitpid(d->pid, &st, 0);
	atf_tc_fail("echod did not stop within 10 s");
	return -1;
}

static int
finish(struct daemon *d)
{
	return finish_cpu(d, NULL);
}

static void
start_listening(const atf_tc_t *tc, const char *prog, struct daemon *d,
                int nofile)
{
	const char *l;

	start_limited(tc, prog, "0", d, nofile);
	l = read_line(d->out);
	ATF_REQUIRE_MSG(l != NULL, "echod printed no port");
	ATF_REQUIRE_MSG(sscanf(l, "echod: listening on 127.0.0.1:%u",
	    &d->port) == 1 && d->port > 0, "unexpected first line '%s'", l);
}

static int
client(unsigned port)
{
	struct sockaddr_in sin;
	struct timeval tv = { 10, 0 };
	int c = socket(AF_INET, SOCK_STREAM, 0);

	ATF_REQUIRE(c != -1);
	ATF_REQUIRE(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((unsigned short)port);
	ATF_REQUIRE_MSG(connect(c, (struct sockaddr *)&sin, sizeof sin) == 0,
	    "connect: %s", strerror(errno));
	return c;
}

static void
serves_concurrent_clients(const atf_tc_t *tc, const char *prog)
{
	static char out[CLIENTS][PAYLOAD], in[PAYLOAD];
	struct daemon d;
	int c[CLIENTS], i, j, n, cl, nb;
	const char *l;

	start_listening(tc, prog, &d, 0);
	for (i = 0; i < CLIENTS; i++) {
		c[i] = client(d.port);
		for (j = 0; j < PAYLOAD; j++)
			out[i][j] = (char)(i * 7 + j * 13);
	}
	/* All clients talk at once, in two pieces each. */
	for (i = 0; i < CLIENTS; i++)
		ATF_REQUIRE(write(c[i], out[i], PAYLOAD / 2) == PAYLOAD / 2);
	for (i = 0; i < CLIENTS; i++)
		ATF_REQUIRE(write(c[i], out[i] + PAYLOAD / 2, PAYLOAD - PAYLOAD / 2)
		    == PAYLOAD - PAYLOAD / 2);
	for (i = 0; i < CLIENTS; i++) {
		ssize_t r;

		for (n = 0; n < PAYLOAD; n += (int)r) {
			r = read(c[i], in + n, (size_t)(PAYLOAD - n));
			ATF_REQUIRE_MSG(r > 0, "client %d: echo stopped after %d "
			    "bytes: %s", i, n, r == 0 ? "end of file" :
			    strerror(errno));
		}
		ATF_CHECK_MSG(memcmp(in, out[i], PAYLOAD) == 0,
		    "client %d: data came back altered", i);
	}

	/* The daemon's own view of its accepted descriptors. */
	ATF_REQUIRE(kill(d.pid, SIGUSR1) == 0);
	l = read_line(d.out);
	ATF_REQUIRE_MSG(l != NULL, "no status line");
	ATF_REQUIRE_MSG(sscanf(l, "echod: clients %d cloexec %d nonblock %d",
	    &n, &cl, &nb) == 3, "unexpected status line '%s'", l);
	ATF_CHECK_EQ_MSG(n, CLIENTS, "%s", l);
	ATF_CHECK_EQ_MSG(cl, CLIENTS, "not all close-on-exec: %s", l);
	ATF_CHECK_EQ_MSG(nb, CLIENTS, "not all non-blocking: %s", l);

	for (i = 0; i < CLIENTS; i++)
		close(c[i]);
	ATF_REQUIRE(kill(d.pid, SIGTERM) == 0);
	ATF_CHECK_EQ(finish(&d), 0);
	l = read_line(d.out);
	ATF_CHECK_MSG(l != NULL && strcmp(l, "echod: stopped") == 0,
	    "last line '%s'", l ? l : "(none)");
}

static void
stops_on_sigint(const atf_tc_t *tc, const char *prog)
{
	struct daemon d;
	char b;
	int c;

	start_listening(tc, prog, &d, 0);
	c = client(d.port);
	ATF_REQUIRE(write(c, "x", 1) == 1);
	ATF_REQUIRE(read(c, &b, 1) == 1 && b == 'x');
	ATF_REQUIRE(kill(d.pid, SIGINT) == 0);
	ATF_CHECK_EQ(finish(&d), 0);
}

static void
help_and_bad_arguments(const atf_tc_t *tc, const char *prog)
{
	static const char *const bad[] = { "abc", "70000", "-1", "8x" };
	struct daemon d;
	const char *l;
	size_t i;

	start(tc, prog, "--help", &d);
	ATF_CHECK_EQ(finish(&d), 0);
	l = read_line(d.out);
	ATF_CHECK_MSG(l != NULL && strncmp(l, "usage: echod", 12) == 0,
	    "--help printed '%s'", l ? l : "(nothing)");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		start(tc, prog, bad[i], &d);
		ATF_CHECK_EQ_MSG(finish(&d), 2, "port '%s'", bad[i]);
		l = read_line(d.err);
		ATF_CHECK_MSG(l != NULL && strstr(l, bad[i]) != NULL,
		    "no complaint naming '%s': '%s'", bad[i], l ? l : "");
		l = read_line(d.err);
		ATF_CHECK_MSG(l != NULL && strncmp(l, "usage: echod", 12) == 0,
		    "no usage after '%s'", bad[i]);
	}
	start(tc, prog, NULL, &d);
	ATF_CHECK_EQ_MSG(finish(&d), 2, "no port");
}

#define EXHAUST_NOFILE 24	/* about 18 clients, the rest must wait */
#define EXHAUST_CLIENTS 60
#define SATURATED_MS 1500

static int
readable(int fd, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, ms) == 1;
}

/*
 * More clients than the daemon has descriptors: it must neither spin while
 * saturated nor lose anyone, and must serve the rest as descriptors free.
 */
static void
survives_exhaustion(const atf_tc_t *tc, const char *prog)
{
	int c[EXHAUST_CLIENTS], served[EXHAUST_CLIENTS], i, nserved = 0;
	int first_round, rounds;
	struct daemon d;
	long cpu_ms;
	char b;

	start_listening(tc, prog, &d, EXHAUST_NOFILE);
	for (i = 0; i < EXHAUST_CLIENTS; i++) {
		c[i] = client(d.port);
		served[i] = 0;
		ATF_REQUIRE(write(c[i], "x", 1) == 1);
	}
	/* Saturated once the first client is served: the daemon then holds
	 * all it can and has more pending; stay there SATURATED_MS. */
	ATF_REQUIRE_MSG(readable(c[0], 10000), "no client served in 10 s");
	usleep(SATURATED_MS * 1000);
	for (i = 0; i < EXHAUST_CLIENTS; i++)
		if (readable(c[i], 0)) {
			ATF_REQUIRE(read(c[i], &b, 1) == 1 && b == 'x');
			served[i] = 1;
			nserved++;
		}
	first_round = nserved;
	ATF_CHECK_MSG(first_round > 0 && first_round < EXHAUST_CLIENTS,
	    "%d of %d served while limited to %d descriptors", first_round,
	    EXHAUST_CLIENTS, EXHAUST_NOFILE);

	/* Hang up the served clients; the waiting ones must get their turn. */
	for (rounds = 0; nserved < EXHAUST_CLIENTS && rounds < 100; rounds++) {
		for (i = 0; i < EXHAUST_CLIENTS; i++)
			if (served[i] == 1) {
				close(c[i]);
				served[i] = 2;
			}
		for (i = 0; i < EXHAUST_CLIENTS; i++)
			if (!served[i] && readable(c[i], 0)) {
				ATF_REQUIRE(read(c[i], &b, 1) == 1 && b == 'x');
				served[i] = 1;
				nserved++;
			}
		usleep(100000);
	}
	ATF_CHECK_EQ_MSG(nserved, EXHAUST_CLIENTS, "%d clients never served",
	    EXHAUST_CLIENTS - nserved);

	ATF_REQUIRE(kill(d.pid, SIGTERM) == 0);
	ATF_CHECK_EQ(finish_cpu(&d, &cpu_ms), 0);
	printf("%s: %d of %d clients served at once under RLIMIT_NOFILE %d, "
	    "all %d after %d rounds; CPU %ld ms over >= %d ms saturated\n",
	    prog, first_round, EXHAUST_CLIENTS, EXHAUST_NOFILE, nserved,
	    rounds, cpu_ms, SATURATED_MS);
	/* Spinning on EMFILE would burn about SATURATED_MS of CPU. */
	ATF_CHECK_MSG(cpu_ms < SATURATED_MS / 5, "echod used %ld ms of CPU: "
	    "it busy-loops when out of descriptors", cpu_ms);
}

#ifdef SC_TEST_EMULATED
# define SC_REFUSE_IF(refuse) (void)(refuse)
#else
# define SC_REFUSE_IF(refuse) do { if (refuse) require_refusal(); } while (0)
#endif
#define ECHOD_TCS(name, prog, refuse, what)			\
	ATF_TC(name##__concurrent_clients);				\
	ATF_TC_HEAD(name##__concurrent_clients, tc)			\
	{								\
		atf_tc_set_md_var(tc, "descr", "echod on the " what	\
		    " library echoes " "50 concurrent clients intact, "	\
		    "reports their descriptors close-on-exec and "	\
		    "non-blocking, and stops on SIGTERM");		\
	}								\
	ATF_TC_BODY(name##__concurrent_clients, tc)			\
	{								\
		SC_REFUSE_IF(refuse);					\
		serves_concurrent_clients(tc, #prog);			\
	}								\
	ATF_TC(name##__stops_on_sigint);				\
	ATF_TC_HEAD(name##__stops_on_sigint, tc)			\
	{								\
		atf_tc_set_md_var(tc, "descr", "echod on the " what	\
		    " library stops on SIGINT and closes its clients");	\
	}								\
	ATF_TC_BODY(name##__stops_on_sigint, tc)			\
	{								\
		SC_REFUSE_IF(refuse);					\
		stops_on_sigint(tc, #prog);				\
	}								\
	ATF_TC(name##__usage);						\
	ATF_TC_HEAD(name##__usage, tc)					\
	{								\
		atf_tc_set_md_var(tc, "descr", "echod on the " what	\
		    " library: --help prints usage and exits 0; a bad or "	\
		    "missing port is named, with usage, and exits 2");	\
	}								\
	ATF_TC_BODY(name##__usage, tc)					\
	{								\
		SC_REFUSE_IF(refuse);					\
		help_and_bad_arguments(tc, #prog);			\
	}								\
	ATF_TC(name##__descriptor_exhaustion);				\
	ATF_TC_HEAD(name##__descriptor_exhaustion, tc)			\
	{								\
		atf_tc_set_md_var(tc, "descr", "echod on the " what	\
		    " library, out of descriptors, backs off instead of "	\
		    "spinning and serves every waiting client once "	\
		    "descriptors free up");				\
	}								\
	ATF_TC_BODY(name##__descriptor_exhaustion, tc)			\
	{								\
		SC_REFUSE_IF(refuse);					\
		survives_exhaustion(tc, #prog);				\
	}

#ifdef SC_TEST_EMULATED
ECHOD_TCS(echod_emul, echod_emul, 0, "emulated")
#else
ECHOD_TCS(echod, echod, 0, "configured")
ECHOD_TCS(echod_refused, echod, 1, "configured, natively refused,")
#endif

ATF_TP_ADD_TCS(tp)
{
#ifdef SC_TEST_EMULATED
	ATF_TP_ADD_TC(tp, echod_emul__concurrent_clients);
	ATF_TP_ADD_TC(tp, echod_emul__stops_on_sigint);
	ATF_TP_ADD_TC(tp, echod_emul__usage);
	ATF_TP_ADD_TC(tp, echod_emul__descriptor_exhaustion);
#else
	ATF_TP_ADD_TC(tp, echod__concurrent_clients);
	ATF_TP_ADD_TC(tp, echod__stops_on_sigint);
	ATF_TP_ADD_TC(tp, echod__usage);
	ATF_TP_ADD_TC(tp, echod__descriptor_exhaustion);
	ATF_TP_ADD_TC(tp, echod_refused__concurrent_clients);
	ATF_TP_ADD_TC(tp, echod_refused__stops_on_sigint);
	ATF_TP_ADD_TC(tp, echod_refused__usage);
	ATF_TP_ADD_TC(tp, echod_refused__descriptor_exhaustion);
#endif
	return atf_no_error();
}
