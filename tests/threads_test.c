/*
 * Concurrency: many threads accepting from one listener while clients
 * connect: every connection is accepted exactly once, no descriptor is
 * handed out twice, all flags are right.  And the runtime fallback's
 * first calls, made by several threads at once, agree.  Built twice, like
 * the other behaviour tests; run under ThreadSanitizer in CI.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

#define ACCEPTORS 8
#define CONNECTORS 2
#define CONNECTIONS 10000	/* the config variable connections lowers it */
#define MAX_FD 65536

static int listener;
static struct sockaddr_in target;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char id_seen[CONNECTIONS];	/* under lock */
static int connections = CONNECTIONS;
static unsigned char fd_open[MAX_FD];	/* under lock */
static int accepted, duplicates, dup_fds, bad_flags, errors, unread;
static int next_id;	/* under lock */

static int
flags_ok(int fd)
{
	int f = fcntl(fd, F_GETFD), fl = fcntl(fd, F_GETFL);

	return f == FD_CLOEXEC && (fl & O_NONBLOCK) && !(fl & O_ASYNC);
}

static void *
acceptor(void *arg)
{
	(void)arg;
	for (;;) {
		struct pollfd p = { listener, POLLIN, 0 };
		int fd, done, id = -1;

		pthread_mutex_lock(&lock);
		done = accepted + errors >= connections;
		pthread_mutex_unlock(&lock);
		if (done)
			return NULL;
		if (poll(&p, 1, 100) < 1)
			continue;
		fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd == -1) {
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				pthread_mutex_lock(&lock);
				errors++;
				pthread_mutex_unlock(&lock);
			}
			continue;
		}
		/* Each client sends its number; the descriptor is non-blocking,
		 * so wait for it. */
		p.fd = fd;
		if (poll(&p, 1, 5000) != 1 || read(fd, &id, sizeof id) != sizeof id ||
		    id < 0 || id >= connections)
			id = -1;
		pthread_mutex_lock(&lock);
		if (id == -1)
			unread++;
		else if (id_seen[id]++)
			duplicates++;
		if (fd >= MAX_FD || fd_open[fd])
			dup_fds++;
		else
			fd_open[fd] = 1;
		accepted++;
		pthread_mutex_unlock(&lock);
		if (!flags_ok(fd)) {
			pthread_mutex_lock(&lock);
			bad_flags++;
			pthread_mutex_unlock(&lock);
		}
		/* Mark it free before close: after close, another thread may
		 * legitimately get the same number. */
		pthread_mutex_lock(&lock);
		if (fd < MAX_FD)
			fd_open[fd] = 0;
		pthread_mutex_unlock(&lock);
		close(fd);
	}
}

static void *
connector(void *arg)
{
	int i, n = *(int *)arg;

	for (i = 0; i < n; i++) {
		int c = socket(AF_INET, SOCK_STREAM, 0), id;

		pthread_mutex_lock(&lock);
		id = next_id++;
		pthread_mutex_unlock(&lock);
		struct timeval tv = { 10, 0 };
		char b;

		/*
		 * Wait for the server to close first (read sees the end of
		 * file): then the TIME_WAIT is the server's, on the listener's
		 * port, and 10000 connections do not use up the ephemeral
		 * ports other tests need for the next minute.
		 */
		if (c == -1 ||
		    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == -1 ||
		    connect(c, (struct sockaddr *)&target, sizeof target) == -1 ||
		    write(c, &id, sizeof id) != sizeof id ||
		    read(c, &b, 1) != 0) {
			pthread_mutex_lock(&lock);
			errors++;
			pthread_mutex_unlock(&lock);
		}
		if (c != -1)
			close(c);
	}
	return NULL;
}

ATF_TC(threads__accept_exactly_once);
ATF_TC_HEAD(threads__accept_exactly_once, tc)
{
	atf_tc_set_md_var(tc, "descr", "8 threads accept 10000 connections "
	    "from one listener: each exactly once, no descriptor twice, every "
	    "one close-on-exec and non-blocking");
	atf_tc_set_md_var(tc, "timeout", "600");
}
ATF_TC_BODY(threads__accept_exactly_once, tc)
{
	pthread_t a[ACCEPTORS], c[CONNECTORS];
	socklen_t len = sizeof target;
	int per, i, lost;

	connections = (int)atf_tc_get_config_var_as_long_wd(tc, "connections",
	    CONNECTIONS);
	ATF_REQUIRE(connections > 0 && connections <= CONNECTIONS &&
	    connections % CONNECTORS == 0);
	per = connections / CONNECTORS;

	listener = sc_t_listen(AF_INET);
	ATF_REQUIRE(listen(listener, 1024) == 0);
	sc_t_set_fl(listener, O_NONBLOCK);
	ATF_REQUIRE(getsockname(listener, (struct sockaddr *)&target, &len) == 0);
	for (i = 0; i < ACCEPTORS; i++)
		ATF_REQUIRE(pthread_create(&a[i], NULL, acceptor, NULL) == 0);
	for (i = 0; i < CONNECTORS; i++)
		ATF_REQUIRE(pthread_create(&c[i], NULL, connector, &per) == 0);
	for (i = 0; i < CONNECTORS; i++)
		pthread_join(c[i], NULL);
	for (i = 0; i < ACCEPTORS; i++)
		pthread_join(a[i], NULL);
	for (i = 0, lost = 0; i < connections; i++)
		lost += !id_seen[i];
	printf("threads: %d connections, %d accepted, %d lost, %d duplicated, "
	    "%d descriptors returned twice, %d with wrong flags, %d unread, "
	    "%d errors\n", connections, accepted, lost, duplicates, dup_fds,
	    bad_flags, unread, errors);
	ATF_CHECK_EQ(errors, 0);
	ATF_CHECK_EQ(unread, 0);
	ATF_CHECK_EQ(lost, 0);
	ATF_CHECK_EQ(accepted, connections);
	ATF_CHECK_EQ(duplicates, 0);
	ATF_CHECK_EQ(dup_fds, 0);
	ATF_CHECK_EQ(bad_flags, 0);
}

/* First calls from several threads at once, with the native call refused
 * (in a child, under a seccomp filter): all must succeed, emulated. */
#ifndef HAVE_PTHREAD_BARRIER_T
/* No pthread barriers (macOS; optional in POSIX): a one-shot one. */
typedef struct {
	pthread_mutex_t m;
	pthread_cond_t c;
	unsigned left;
} sc_barrier;
static void
sc_barrier_init(sc_barrier *b, unsigned n)
{
	pthread_mutex_init(&b->m, NULL);
	pthread_cond_init(&b->c, NULL);
	b->left = n;
}
static void
sc_barrier_wait(sc_barrier *b)
{
	pthread_mutex_lock(&b->m);
	if (--b->left == 0)
		pthread_cond_broadcast(&b->c);
	while (b->left > 0)
		pthread_cond_wait(&b->c, &b->m);
	pthread_mutex_unlock(&b->m);
}
# define pthread_barrier_t sc_barrier
# define pthread_barrier_init(b, attr, n) sc_barrier_init((b), (n))
# define pthread_barrier_wait sc_barrier_wait
#endif
static pthread_barrier_t start_line;
static int first_failures;

static void *
first_caller(void *arg)
{
	int fd;

	(void)arg;
	pthread_barrier_wait(&start_line);
	fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	pthread_mutex_lock(&lock);
	if (fd == -1 || !flags_ok(fd))
		first_failures++;
	pthread_mutex_unlock(&lock);
	return NULL;
}

ATF_TC(threads__concurrent_first_calls_agree);
ATF_TC_HEAD(threads__concurrent_first_calls_agree, tc)
{
	atf_tc_set_md_var(tc, "descr", "with the native accept4 refused "
	    "(EPERM), 8 threads making their first call at once all fall back "
	    "and get the right flags");
}
ATF_TC_BODY(threads__concurrent_first_calls_agree, tc)
{
	pthread_t t[ACCEPTORS];
	pid_t pid;
	int i, st;

#ifdef SC_TEST_REFUSED
	atf_tc_skip("the first calls here were refused before this case ran "
	    "(threads_test runs this case on the library as configured)");
#endif
	if (!SC_T_NATIVE_ACCEPT4)
		atf_tc_skip("this build never calls the native accept4 (none "
		    "on this system, or --enable-emulation=always)");
	listener = sc_t_listen(AF_INET);
	for (i = 0; i < ACCEPTORS; i++)
		(void)sc_t_connect(listener);
	fflush(NULL);
	pid = fork();
	ATF_REQUIRE(pid != -1);
	if (pid == 0) {
		if (sctrace_refuse(SCTRACE_ACCEPT4, EPERM) == -1)
			_exit(90);
		pthread_barrier_init(&start_line, NULL, ACCEPTORS);
		for (i = 0; i < ACCEPTORS; i++)
			pthread_create(&t[i], NULL, first_caller, NULL);
		for (i = 0; i < ACCEPTORS; i++)
			pthread_join(t[i], NULL);
		exit(first_failures);	/* exit: coverage counts are written */
	}
	ATF_REQUIRE(waitpid(pid, &st, 0) == pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 90)
		atf_tc_skip("the kernel cannot install a seccomp filter here");
	ATF_REQUIRE(WIFEXITED(st));
	ATF_CHECK_EQ_MSG(WEXITSTATUS(st), 0, "%d of %d first calls failed or "
	    "had wrong flags", WEXITSTATUS(st), ACCEPTORS);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, threads__accept_exactly_once);
	ATF_TP_ADD_TC(tp, threads__concurrent_first_calls_agree);
	return atf_no_error();
}
