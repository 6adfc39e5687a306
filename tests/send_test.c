/*
 * sockcompat_send, _sendto and _sendmsg with MSG_NOSIGNAL: no SIGPIPE for
 * that call, and nothing else about the signal state changed (a SIGPIPE
 * pending before, or pending for another thread, stays; the mask is as
 * it was).  Built twice, like the other tests: send_emul_test runs the
 * guard (sockcompat-sigpipe-mask.c) on a system that has MSG_NOSIGNAL,
 * and there compares it with the system's own flag.  Whatever can kill
 * the process by SIGPIPE runs in a forked child, whose wait status says.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>
#include "sockcompat-xopen.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

/* The three calls, one at a time, through the same cases. */
enum kind { K_SEND, K_SENDTO, K_SENDMSG, K_COUNT };
static const char *const kind_name[K_COUNT] = { "send", "sendto", "sendmsg" };

static ssize_t
call(enum kind k, int fd, const void *buf, size_t len, int flags)
{
	struct iovec iov[2];
	struct msghdr msg;
	size_t half = len / 2;

	switch (k) {
	case K_SEND:
		return sockcompat_send(fd, buf, len, flags);
	case K_SENDTO:
		return sockcompat_sendto(fd, buf, len, flags, NULL, 0);
	default:
		/* Two iovecs, as real peer-writing code gathers a header and
		 * a body. */
		iov[0].iov_base = (void *)(unsigned long)buf;
		iov[0].iov_len = half;
		iov[1].iov_base = (char *)(unsigned long)buf + half;
		iov[1].iov_len = len - half;
		memset(&msg, 0, sizeof msg);
		msg.msg_iov = iov;
		msg.msg_iovlen = 2;
		return sockcompat_sendmsg(fd, &msg, flags);
	}
}

/* A stream socket whose peer has gone: sending on it fails with EPIPE. */
static int
gone_peer(void)
{
	int sv[2];

	ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	ATF_REQUIRE(close(sv[1]) == 0);
	return sv[0];
}

/* SIGPIPE as a new process has it: default action, not blocked. */
static void
default_sigpipe(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static int
sigpipe_pending(void)
{
	sigset_t set;

	if (sigpending(&set) != 0)
		return -1;
	return sigismember(&set, SIGPIPE);
}

/* Are the calling thread's masks A and B the same for every signal? */
static int
same_mask(const sigset_t *a, const sigset_t *b)
{
	int sig;

	for (sig = 1; sig < 65; sig++)
		if (sigismember(a, sig) != sigismember(b, sig))
			return 0;
	return 1;
}

static sigset_t
thread_mask(void)
{
	sigset_t set;

	pthread_sigmask(SIG_SETMASK, NULL, &set);
	return set;
}

/*
 * Run FN(K) in a child; returns its wait status.  Exit codes: 0 all
 * good, 1.. the failed check's number (reported by the caller).
 */
static int
in_child(int (*fn)(enum kind), enum kind k)
{
	pid_t pid;
	int status;

	/* exit(), not _exit(): the child's gcov counts are written at exit
	 * (tests/coverage); nothing buffered may be written twice. */
	fflush(NULL);
	pid = fork();
	ATF_REQUIRE(pid != -1);
	if (pid == 0) {
		alarm(20);
		default_sigpipe();
		exit(fn(k));
	}
	ATF_REQUIRE(waitpid(pid, &status, 0) == pid);
	return status;
}

static void
expect_exit0(int status, const char *what, enum kind k)
{
	if (WIFSIGNALED(status))
		atf_tc_fail_nonfatal("%s: %s killed by signal %d", kind_name[k],
		    what, WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		atf_tc_fail_nonfatal("%s: %s: check %d failed", kind_name[k],
		    what, WEXITSTATUS(status));
}

/* ---- a closed peer, with and without MSG_NOSIGNAL ---- */

/*
 * The call K with MSG_NOSIGNAL to a peer that has gone, as the native flag
 * makes it: -1 with EPIPE (check 1, 2), this thread's mask as it was (3),
 * no SIGPIPE left pending (4).  0 if all hold.
 */
static int
quiet_epipe(enum kind k, int fd)
{
	sigset_t before = thread_mask(), after;

	errno = 0;
	if (call(k, fd, "hello", 5, MSG_NOSIGNAL) != -1)
		return 1;
	if (errno != EPIPE)
		return 2;
	after = thread_mask();
	if (!same_mask(&before, &after))
		return 3;
	if (sigpipe_pending() != 0)
		return 4;
	return 0;
}

static int
child_nosignal(enum kind k)
{
	return quiet_epipe(k, gone_peer());
}

ATF_TC(send__closed_peer_nosignal);
ATF_TC_HEAD(send__closed_peer_nosignal, tc)
{
	atf_tc_set_md_var(tc, "descr", "send, sendto and sendmsg with "
	    "MSG_NOSIGNAL to a peer that has gone fail with EPIPE, and the "
	    "process, SIGPIPE at its default action, lives; mask unchanged, "
	    "nothing left pending");
}
ATF_TC_BODY(send__closed_peer_nosignal, tc)
{
	enum kind k;

	for (k = 0; k < K_COUNT; k++)
		expect_exit0(in_child(child_nosignal, k), "MSG_NOSIGNAL", k);
}

static int
child_signal(enum kind k)
{
	int fd = gone_peer();

	(void)call(k, fd, "hello", 5, 0);
	return 9;	/* not reached: SIGPIPE ends the child */
}

ATF_TC(send__closed_peer_sigpipe);
ATF_TC_HEAD(send__closed_peer_sigpipe, tc)
{
	atf_tc_set_md_var(tc, "descr", "without MSG_NOSIGNAL the same call "
	    "kills the process by SIGPIPE: the shims take nothing away");
}
ATF_TC_BODY(send__closed_peer_sigpipe, tc)
{
	enum kind k;
	int status;

	for (k = 0; k < K_COUNT; k++) {
		status = in_child(child_signal, k);
		ATF_CHECK_MSG(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
		    "%s without MSG_NOSIGNAL: status %#x, not death by SIGPIPE",
		    kind_name[k], status);
	}
}

/* The TCP case: after shutdown(SHUT_WR) the socket's own sends EPIPE. */
static int
child_tcp(enum kind k)
{
	int l = sc_t_listen(AF_INET), c = sc_t_connect(l);
	ssize_t r;

	if (shutdown(c, SHUT_WR) != 0)
		return 1;
	errno = 0;
	r = call(k, c, "x", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (r != -1 || errno != EPIPE)
		return 2;
	if (sigpipe_pending() != 0)
		return 3;
	return 0;
}

ATF_TC(send__tcp_shutdown_nosignal);
ATF_TC_HEAD(send__tcp_shutdown_nosignal, tc)
{
	atf_tc_set_md_var(tc, "descr", "a loopback TCP socket shut down for "
	    "writing: EPIPE and no SIGPIPE with MSG_NOSIGNAL, other flags kept");
}
ATF_TC_BODY(send__tcp_shutdown_nosignal, tc)
{
	enum kind k;

	for (k = 0; k < K_COUNT; k++)
		expect_exit0(in_child(child_tcp, k), "TCP after SHUT_WR", k);
}

/* ---- the signal state around the call ---- */

static volatile sig_atomic_t sigpipes_caught;

static void
caught(int sig)
{
	(void)sig;
	sigpipes_caught++;
}

static int
child_pending_stays(enum kind k)
{
	int fd = gone_peer();
	sigset_t block, before, after;

	/* A SIGPIPE that is the program's own, pending while blocked. */
	sigemptyset(&block);
	sigaddset(&block, SIGPIPE);
	if (pthread_sigmask(SIG_BLOCK, &block, NULL) != 0)
		return 1;
	if (pthread_kill(pthread_self(), SIGPIPE) != 0)
		return 2;
	if (sigpipe_pending() != 1)
		return 3;
	before = thread_mask();
	if (call(k, fd, "x", 1, MSG_NOSIGNAL) != -1 || errno != EPIPE)
		return 4;
	after = thread_mask();
	if (!same_mask(&before, &after))
		return 5;
	if (sigpipe_pending() != 1)
		return 6;	/* it was taken away */
	/*
	 * Unblocked, it is delivered.  Caught rather than left to kill the
	 * child, so that the child exits and its coverage counts are kept.
	 */
	signal(SIGPIPE, caught);
	pthread_sigmask(SIG_UNBLOCK, &block, NULL);
	return sigpipes_caught == 1 ? 0 : 7;
}

ATF_TC(send__pending_sigpipe_stays);
ATF_TC_HEAD(send__pending_sigpipe_stays, tc)
{
	atf_tc_set_md_var(tc, "descr", "a SIGPIPE pending (blocked) before "
	    "the call is still pending after it, and is delivered once "
	    "unblocked");
}
ATF_TC_BODY(send__pending_sigpipe_stays, tc)
{
	enum kind k;
	int status;

	for (k = 0; k < K_COUNT; k++) {
		status = in_child(child_pending_stays, k);
		ATF_CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "%s: status %#x (exit %d; 6: taken by the call, 7: not "
		    "delivered once unblocked)", kind_name[k], status,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
}

static int
child_blocked_nothing_left(enum kind k)
{
	int fd = gone_peer();
	sigset_t block;

	/* Blocked by the program, nothing pending: with MSG_NOSIGNAL the
	 * call leaves nothing pending either, as the native flag. */
	sigemptyset(&block);
	sigaddset(&block, SIGPIPE);
	if (pthread_sigmask(SIG_BLOCK, &block, NULL) != 0)
		return 5;
	return quiet_epipe(k, fd);
}

ATF_TC(send__blocked_nothing_left);
ATF_TC_HEAD(send__blocked_nothing_left, tc)
{
	atf_tc_set_md_var(tc, "descr", "with SIGPIPE blocked by the program "
	    "and none pending, the call leaves none pending and SIGPIPE "
	    "still blocked");
}
ATF_TC_BODY(send__blocked_nothing_left, tc)
{
	enum kind k;

	for (k = 0; k < K_COUNT; k++)
		expect_exit0(in_child(child_blocked_nothing_left, k),
		    "SIGPIPE blocked", k);
}

/* Another thread's SIGPIPE, pending for it while the call runs. */
struct other {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int stage;		/* 1: other's SIGPIPE pending; 2: call done */
	int still_pending;
};

static void
other_wait(struct other *o, int stage)
{
	pthread_mutex_lock(&o->lock);
	while (o->stage < stage)
		pthread_cond_wait(&o->cond, &o->lock);
	pthread_mutex_unlock(&o->lock);
}

static void
other_set(struct other *o, int stage)
{
	pthread_mutex_lock(&o->lock);
	o->stage = stage;
	pthread_cond_broadcast(&o->cond);
	pthread_mutex_unlock(&o->lock);
}

static void *
other_thread(void *arg)
{
	struct other *o = arg;
	sigset_t block;
	int sig;

	sigemptyset(&block);
	sigaddset(&block, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &block, NULL);
	pthread_kill(pthread_self(), SIGPIPE);
	other_set(o, 1);
	other_wait(o, 2);
	o->still_pending = sigpipe_pending();
	/* Take it, so that the child can end normally. */
	if (o->still_pending == 1)
		sigwait(&block, &sig);
	return NULL;
}

static int
child_other_thread(enum kind k)
{
	struct other o = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	    0, -1 };
	int fd = gone_peer();
	pthread_t t;
	ssize_t r;

	if (pthread_create(&t, NULL, other_thread, &o) != 0)
		return 1;
	other_wait(&o, 1);
	/* This thread does not block SIGPIPE: a leak kills the child. */
	r = call(k, fd, "x", 1, MSG_NOSIGNAL);
	other_set(&o, 2);
	pthread_join(t, NULL);
	if (r != -1 || errno != EPIPE)
		return 2;
	if (o.still_pending != 1)
		return 3;	/* the other thread's SIGPIPE was taken */
	return 0;
}

ATF_TC(send__other_thread_sigpipe_kept);
ATF_TC_HEAD(send__other_thread_sigpipe_kept, tc)
{
	atf_tc_set_md_var(tc, "descr", "a SIGPIPE that another thread earned "
	    "(pthread_kill, pending while it blocks it) is still pending for "
	    "that thread after this thread's call");
}
ATF_TC_BODY(send__other_thread_sigpipe_kept, tc)
{
	enum kind k;

	for (k = 0; k < K_COUNT; k++)
		expect_exit0(in_child(child_other_thread, k),
		    "another thread's SIGPIPE", k);
}

/* ---- data, errors, partial sends ---- */

ATF_TC(send__data_arrives);
ATF_TC_HEAD(send__data_arrives, tc)
{
	atf_tc_set_md_var(tc, "descr", "on a live connection each call, with "
	    "MSG_NOSIGNAL and without, sends exactly the bytes given, in "
	    "order; sendto with an address reaches a loopback UDP socket");
}
ATF_TC_BODY(send__data_arrives, tc)
{
	static const char msg[] = "header:body";
	static const int flags[] = { MSG_NOSIGNAL, 0 };
	char buf[64];
	enum kind k;
	int sv[2], u, v, f;
	struct sockaddr_in a;
	socklen_t alen = sizeof a;

	ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	for (f = 0; f < 2; f++)
		for (k = 0; k < K_COUNT; k++) {
			ATF_CHECK_EQ(call(k, sv[0], msg, sizeof msg - 1,
			    flags[f]), (ssize_t)(sizeof msg - 1));
			memset(buf, 0, sizeof buf);
			ATF_CHECK_EQ(recv(sv[1], buf, sizeof buf, 0),
			    (ssize_t)(sizeof msg - 1));
			ATF_CHECK_STREQ(buf, msg);
		}
	close(sv[0]);
	close(sv[1]);

	u = socket(AF_INET, SOCK_DGRAM, 0);
	v = socket(AF_INET, SOCK_DGRAM, 0);
	ATF_REQUIRE(u != -1 && v != -1);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ATF_REQUIRE(bind(v, (struct sockaddr *)&a, sizeof a) == 0);
	ATF_REQUIRE(getsockname(v, (struct sockaddr *)&a, &alen) == 0);
	ATF_CHECK_EQ(sockcompat_sendto(u, "dgram", 5, MSG_NOSIGNAL,
	    (struct sockaddr *)&a, alen), 5);
	ATF_CHECK_EQ(recv(v, buf, sizeof buf, 0), 5);
	ATF_CHECK(memcmp(buf, "dgram", 5) == 0);
	close(u);
	close(v);
}

ATF_TC(send__errors_passed_through);
ATF_TC_HEAD(send__errors_passed_through, tc)
{
	atf_tc_set_md_var(tc, "descr", "EBADF (fd -1, a closed descriptor) "
	    "and ENOTSOCK (a pipe) come back unchanged with MSG_NOSIGNAL");
}
ATF_TC_BODY(send__errors_passed_through, tc)
{
	enum kind k;
	int p[2], closed;

	ATF_REQUIRE(pipe(p) == 0);
	closed = dup(p[0]);
	ATF_REQUIRE(closed != -1 && close(closed) == 0);
	for (k = 0; k < K_COUNT; k++) {
		errno = 0;
		ATF_CHECK_EQ(call(k, -1, "x", 1, MSG_NOSIGNAL), -1);
		ATF_CHECK_EQ_MSG(errno, EBADF, "%s fd -1: %s", kind_name[k],
		    strerror(errno));
		errno = 0;
		ATF_CHECK_EQ(call(k, closed, "x", 1, MSG_NOSIGNAL), -1);
		ATF_CHECK_EQ_MSG(errno, EBADF, "%s closed fd: %s",
		    kind_name[k], strerror(errno));
		errno = 0;
		ATF_CHECK_EQ(call(k, p[1], "x", 1, MSG_NOSIGNAL), -1);
		ATF_CHECK_EQ_MSG(errno, ENOTSOCK, "%s pipe: %s", kind_name[k],
		    strerror(errno));
	}
	close(p[0]);
	close(p[1]);
}

/* A non-blocking stream socket with a small send buffer, peer alive. */
static void
small_pair(int sv[2])
{
	int size = 4096;

	ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	ATF_REQUIRE(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &size,
	    sizeof size) == 0);
	ATF_REQUIRE(fcntl(sv[0], F_SETFL, O_NONBLOCK) == 0);
}

ATF_TC(send__partial_then_eagain);
ATF_TC_HEAD(send__partial_then_eagain, tc)
{
	atf_tc_set_md_var(tc, "descr", "on a non-blocking socket a buffer "
	    "larger than the send buffer is sent in part (0 < n < len), and "
	    "then EAGAIN; neither leaves a signal pending or the mask changed");
}
ATF_TC_BODY(send__partial_then_eagain, tc)
{
	static char big[1 << 20];
	enum kind k;
	int sv[2], i;
	ssize_t n;
	sigset_t before = thread_mask(), after;

	for (k = 0; k < K_COUNT; k++) {
		small_pair(sv);
		n = call(k, sv[0], big, sizeof big, MSG_NOSIGNAL);
		ATF_CHECK_MSG(n > 0 && n < (ssize_t)sizeof big,
		    "%s: %zd of %zu bytes", kind_name[k], n, sizeof big);
		/* Bounded: the buffer is full after a few calls at most. */
		for (i = 0; i < 1000; i++) {
			n = call(k, sv[0], big, sizeof big, MSG_NOSIGNAL);
			if (n == -1)
				break;
		}
		ATF_CHECK_EQ(n, -1);
		ATF_CHECK_MSG(errno == EAGAIN || errno == EWOULDBLOCK,
		    "%s: %s", kind_name[k], strerror(errno));
		after = thread_mask();
		ATF_CHECK(same_mask(&before, &after));
		ATF_CHECK_EQ(sigpipe_pending(), 0);
		close(sv[0]);
		close(sv[1]);
	}
}

/* ---- threads ---- */

#define N_THREADS 4
#define N_SENDS 200

static void *
sender(void *arg)
{
	enum kind k = *(enum kind *)arg;
	int fd = gone_peer(), i, bad = 0;

	for (i = 0; i < N_SENDS; i++)
		if (call(k, fd, "x", 1, MSG_NOSIGNAL) != -1 || errno != EPIPE)
			bad++;
	close(fd);
	return (void *)(long)bad;
}

static int
child_threads(enum kind k)
{
	pthread_t t[N_THREADS];
	enum kind kinds[N_THREADS];
	void *bad;
	int i, failed = 0;

	for (i = 0; i < N_THREADS; i++) {
		kinds[i] = (enum kind)((k + (unsigned)i) % K_COUNT);
		if (pthread_create(&t[i], NULL, sender, &kinds[i]) != 0)
			return 1;
	}
	for (i = 0; i < N_THREADS; i++) {
		pthread_join(t[i], &bad);
		if (bad != NULL)
			failed = 2;
	}
	if (sigpipe_pending() != 0)
		return 3;
	return failed;
}

ATF_TC(send__threads);
ATF_TC_HEAD(send__threads, tc)
{
	atf_tc_set_md_var(tc, "descr", "four threads each sending to a "
	    "peer that has gone, 200 times, all three calls mixed: every call "
	    "EPIPE, no SIGPIPE reaches the process");
}
ATF_TC_BODY(send__threads, tc)
{
	enum kind k;

	for (k = 0; k < K_COUNT; k++)
		expect_exit0(in_child(child_threads, k), "threads", k);
}

/* ---- against the system's own MSG_NOSIGNAL ---- */

#if HAVE_DECL_MSG_NOSIGNAL
/* What one call leaves: its result, errno, SIGPIPE pending, mask same. */
struct outcome {
	ssize_t r;
	int err, pending, mask_same;
};

static struct outcome
observe(int use_libc, enum kind k, int fd, size_t len, int block)
{
	static char buf[1 << 18];
	struct outcome o;
	sigset_t set, before, after;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
	before = thread_mask();
	errno = 0;
	if (use_libc)
		o.r = k == K_SEND ? send(fd, buf, len, MSG_NOSIGNAL) :
		    sendto(fd, buf, len, MSG_NOSIGNAL, NULL, 0);
	else
		o.r = call(k, fd, buf, len, MSG_NOSIGNAL);
	o.err = o.r == -1 ? errno : 0;
	after = thread_mask();
	o.mask_same = same_mask(&before, &after);
	o.pending = sigpipe_pending();
	return o;
}

static int
child_diff(enum kind k)
{
	struct outcome a, b;
	int block, sv[2], fd, step = 10;

	for (block = 0; block < 2; block++) {
		/* A closed peer. */
		fd = gone_peer();
		a = observe(1, k, fd, 1, block);
		b = observe(0, k, fd, 1, block);
		close(fd);
		if (a.r != b.r || a.err != b.err || a.pending != b.pending ||
		    a.mask_same != b.mask_same)
			return step + block;
		/* A live one: the whole buffer, then part, then EAGAIN. */
		small_pair(sv);
		a = observe(1, k, sv[0], 10, block);
		b = observe(0, k, sv[0], 10, block);
		if (a.r != b.r || a.err != b.err || !b.mask_same)
			return step + 2 + block;
		a = observe(0, k, sv[0], 1 << 18, block);
		b = observe(1, k, sv[0], 1 << 18, block);
		if (a.r == -1 || a.err != 0 || b.r != -1 || b.err != EAGAIN ||
		    !a.mask_same)
			return step + 4 + block;
		a = observe(0, k, sv[0], 1, block);
		if (a.r != -1 || a.err != EAGAIN || a.pending != 0)
			return step + 6 + block;
		close(sv[0]);
		close(sv[1]);
	}
	return 0;
}
#endif

ATF_TC(send__same_as_native_flag);
ATF_TC_HEAD(send__same_as_native_flag, tc)
{
	atf_tc_set_md_var(tc, "descr", "differential: the shim and the "
	    "system's own send/sendto with MSG_NOSIGNAL give the same result, "
	    "errno, pending SIGPIPE and mask, SIGPIPE blocked and not, for a "
	    "closed peer, a live one, a partial send and EAGAIN");
}
ATF_TC_BODY(send__same_as_native_flag, tc)
{
#if HAVE_DECL_MSG_NOSIGNAL
	enum kind k;

	for (k = K_SEND; k <= K_SENDTO; k++)
		expect_exit0(in_child(child_diff, k), "against libc", k);
#else
	atf_tc_skip("the system's header has no MSG_NOSIGNAL to compare with");
#endif
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, send__closed_peer_nosignal);
	ATF_TP_ADD_TC(tp, send__closed_peer_sigpipe);
	ATF_TP_ADD_TC(tp, send__tcp_shutdown_nosignal);
	ATF_TP_ADD_TC(tp, send__pending_sigpipe_stays);
	ATF_TP_ADD_TC(tp, send__blocked_nothing_left);
	ATF_TP_ADD_TC(tp, send__other_thread_sigpipe_kept);
	ATF_TP_ADD_TC(tp, send__data_arrives);
	ATF_TP_ADD_TC(tp, send__errors_passed_through);
	ATF_TP_ADD_TC(tp, send__partial_then_eagain);
	ATF_TP_ADD_TC(tp, send__threads);
	ATF_TP_ADD_TC(tp, send__same_as_native_flag);
	return atf_no_error();
}
