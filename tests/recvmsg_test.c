/*
 * sockcompat_recvmsg: every descriptor received in SCM_RIGHTS is
 * close-on-exec exactly when MSG_CMSG_CLOEXEC is asked, whatever else the
 * message carries, and none leaks or disappears unreported.  Built twice:
 * recvmsg_test (the library as configured: on Linux the kernel's flag) and
 * recvmsg_emul_test (the emulation), which also compares itself with the
 * kernel's flag where the system has a working one.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>
#include "sockcompat-xopen.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

#ifdef SC_TEST_EMULATED
/* The emulation's walk over the control data (lib/sockcompat-internal.h),
 * reachable in the static test library. */
int sockcompat_priv_cloexec_rights(struct msghdr *msg);
/* The 4.3BSD msg_accrights walk, built with msg_control playing that
 * array (Makefile.am, tests/libsc-accrights.a). */
int sc_accrights_cloexec_rights(struct msghdr *msg);
#endif

/* The library takes the kernel's flag in this build. */
#if defined SOCKCOMPAT_NATIVE_CMSG_CLOEXEC && !defined SC_TEST_EMULATED
# define T_NATIVE 1
#else
# define T_NATIVE 0
#endif

#define MAXFDS 64

/* A control buffer aligned for struct cmsghdr, room for MAXFDS and more. */
union ctl {
	struct cmsghdr align;
	unsigned char buf[CMSG_SPACE(sizeof(int) * MAXFDS) + 256];
};

/* What one receive gave. */
struct got {
	ssize_t r;
	int err, msg_flags, n, fd[MAXFDS * 2];
	size_t controllen;
	int creds;		/* an SCM_CREDENTIALS message came with it */
};

static void
pair(int type, int sv[2])
{
	ATF_REQUIRE(socketpair(AF_UNIX, type, 0, sv) == 0);
}

static void
open_fds(int *fd, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		fd[i] = open("/dev/null", O_RDONLY);
		ATF_REQUIRE(fd[i] != -1);
	}
}

static void
close_fds(const int *fd, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(fd[i]);
}

/* Send one byte and the N descriptors FD, spread over NMSG SCM_RIGHTS
 * control messages. */
static void
send_fds(int s, const int *fd, int n, int nmsg)
{
	union ctl ctl;
	struct msghdr msg;
	struct iovec iov;
	struct cmsghdr *c;
	char byte = 'x';
	int m, done = 0;
	size_t len = 0;

	memset(&ctl, 0, sizeof ctl);
	memset(&msg, 0, sizeof msg);
	iov.iov_base = &byte;
	iov.iov_len = 1;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	for (m = 0; m < nmsg; m++) {
		int k = n / nmsg + (m < n % nmsg);

		len += CMSG_SPACE(sizeof(int) * (size_t)k);
	}
	ATF_REQUIRE(len <= sizeof ctl.buf);
	msg.msg_control = n ? ctl.buf : NULL;
	msg.msg_controllen = n ? len : 0;
	for (c = n ? CMSG_FIRSTHDR(&msg) : NULL, m = 0; c != NULL && m < nmsg;
	    c = CMSG_NXTHDR(&msg, c), m++) {
		int k = n / nmsg + (m < n % nmsg);

		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)k);
		memcpy(CMSG_DATA(c), fd + done, sizeof(int) * (size_t)k);
		done += k;
	}
	ATF_REQUIRE_EQ(done, n);
	ATF_REQUIRE_EQ(sendmsg(s, &msg, 0), 1);
}

typedef ssize_t (*recv_fn)(int, struct msghdr *, int);

/* Receive with FN, a control buffer of CTLSPACE bytes, and FLAGS; note
 * every descriptor of every SCM_RIGHTS message, in order. */
static void
recv_with(recv_fn fn, int s, int flags, size_t ctlspace, struct got *g)
{
	union ctl ctl;
	struct msghdr msg;
	struct iovec iov;
	struct cmsghdr *c;
	char byte[4];

	ATF_REQUIRE(ctlspace <= sizeof ctl.buf);
	memset(&ctl, 0, sizeof ctl);
	memset(&msg, 0, sizeof msg);
	memset(g, 0, sizeof *g);
	iov.iov_base = byte;
	iov.iov_len = sizeof byte;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf;
	msg.msg_controllen = ctlspace;
	errno = 0;
	g->r = fn(s, &msg, flags);
	g->err = errno;
	g->msg_flags = msg.msg_flags;
	g->controllen = msg.msg_controllen;
	if (g->r == -1)
		return;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level != SOL_SOCKET)
			continue;
#ifdef SCM_CREDENTIALS
		if (c->cmsg_type == SCM_CREDENTIALS) {
			struct ucred cr;

			memcpy(&cr, CMSG_DATA(c), sizeof cr);
			ATF_CHECK_EQ(cr.pid, getpid());
			g->creds = 1;
		}
#endif
		if (c->cmsg_type == SCM_RIGHTS) {
			size_t i, k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);

			for (i = 0; i < k; i++) {
				ATF_REQUIRE(g->n < MAXFDS * 2);
				memcpy(&g->fd[g->n++],
				    CMSG_DATA(c) + i * sizeof(int), sizeof(int));
			}
		}
	}
}

static void
recv_fds(int s, int flags, size_t ctlspace, struct got *g)
{
	recv_with(sockcompat_recvmsg, s, flags, ctlspace, g);
}

/* Every received descriptor is open and has FD_CLOEXEC iff asked, exactly
 * (no stray bits in F_GETFD); then closed. */
static void
check_and_close(const struct got *g, int flags, const char *what)
{
	int i, want = (flags & MSG_CMSG_CLOEXEC) ? FD_CLOEXEC : 0;

	for (i = 0; i < g->n; i++) {
		int f = sc_t_fd_flags(g->fd[i]);

		ATF_CHECK_EQ_MSG(f, want, "%s: descriptor %d of %d (fd %d): "
		    "F_GETFD %#x, expected %#x", what, i + 1, g->n, g->fd[i],
		    f, want);
	}
	close_fds(g->fd, g->n);
}

/* One round: send N descriptors in NMSG messages, receive with FLAGS. */
static void
round_trip(int type, int n, int nmsg, int flags, const char *what)
{
	int sv[2], fd[MAXFDS], before = sc_t_open_fds();
	struct got g;

	pair(type, sv);
	open_fds(fd, n);
	send_fds(sv[0], fd, n, nmsg);
	close_fds(fd, n);
	recv_fds(sv[1], flags, sizeof(union ctl), &g);
	ATF_REQUIRE_MSG(g.r == 1, "%s: recvmsg returned %zd (%s)", what, g.r,
	    strerror(g.err));
	ATF_CHECK_EQ_MSG(g.n, n, "%s: %d descriptors received, %d sent",
	    what, g.n, n);
	ATF_CHECK_MSG(!(g.msg_flags & MSG_CTRUNC), "%s: MSG_CTRUNC", what);
	check_and_close(&g, flags, what);
	close(sv[0]);
	close(sv[1]);
	ATF_CHECK_EQ_MSG(sc_t_open_fds(), before, "%s: %d descriptors open "
	    "before, %d after", what, before, sc_t_open_fds());
}

ATF_TC(recvmsg__one_fd);
ATF_TC_HEAD(recvmsg__one_fd, tc)
{
	atf_tc_set_md_var(tc, "descr", "one received descriptor has FD_CLOEXEC "
	    "with MSG_CMSG_CLOEXEC and not without, on stream and datagram "
	    "sockets");
}
ATF_TC_BODY(recvmsg__one_fd, tc)
{
	round_trip(SOCK_STREAM, 1, 1, MSG_CMSG_CLOEXEC, "stream, flag");
	round_trip(SOCK_STREAM, 1, 1, 0, "stream, flags 0");
	round_trip(SOCK_DGRAM, 1, 1, MSG_CMSG_CLOEXEC, "dgram, flag");
	round_trip(SOCK_DGRAM, 1, 1, 0, "dgram, flags 0");
}

ATF_TC(recvmsg__many_fds);
ATF_TC_HEAD(recvmsg__many_fds, tc)
{
	atf_tc_set_md_var(tc, "descr", "64 descriptors in one message: every "
	    "one close-on-exec");
}
ATF_TC_BODY(recvmsg__many_fds, tc)
{
	round_trip(SOCK_STREAM, MAXFDS, 1, MSG_CMSG_CLOEXEC, "64, flag");
	round_trip(SOCK_STREAM, MAXFDS, 1, 0, "64, flags 0");
}

ATF_TC(recvmsg__several_messages);
ATF_TC_HEAD(recvmsg__several_messages, tc)
{
	atf_tc_set_md_var(tc, "descr", "descriptors sent in several SCM_RIGHTS "
	    "control messages of one sendmsg: every one close-on-exec, however "
	    "the kernel groups them on receipt");
}
ATF_TC_BODY(recvmsg__several_messages, tc)
{
	round_trip(SOCK_STREAM, 7, 3, MSG_CMSG_CLOEXEC, "7 in 3, flag");
	round_trip(SOCK_DGRAM, 7, 3, MSG_CMSG_CLOEXEC, "dgram 7 in 3, flag");
	round_trip(SOCK_STREAM, 7, 3, 0, "7 in 3, flags 0");
}

ATF_TC(recvmsg__no_fds);
ATF_TC_HEAD(recvmsg__no_fds, tc)
{
	atf_tc_set_md_var(tc, "descr", "a message without descriptors, with "
	    "and without a control buffer: the data, nothing else");
}
ATF_TC_BODY(recvmsg__no_fds, tc)
{
	struct msghdr msg;
	struct iovec iov;
	char byte = 'y', in = 0;
	int sv[2];

	round_trip(SOCK_STREAM, 0, 1, MSG_CMSG_CLOEXEC, "none, flag");
	pair(SOCK_STREAM, sv);
	ATF_REQUIRE_EQ(write(sv[0], &byte, 1), 1);
	memset(&msg, 0, sizeof msg);
	iov.iov_base = &in;
	iov.iov_len = 1;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	ATF_CHECK_EQ(sockcompat_recvmsg(sv[1], &msg, MSG_CMSG_CLOEXEC), 1);
	ATF_CHECK_EQ(in, 'y');
	ATF_CHECK_EQ(msg.msg_controllen, 0);
	close(sv[0]);
	close(sv[1]);
}

#ifdef SCM_CREDENTIALS
/* Sender's credentials on the receiving end, as D-Bus asks for them. */
static void
pass_creds(int s)
{
	int on = 1;

	ATF_REQUIRE(setsockopt(s, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) == 0);
}
#endif

ATF_TC(recvmsg__credentials_mixed);
ATF_TC_HEAD(recvmsg__credentials_mixed, tc)
{
	atf_tc_set_md_var(tc, "descr", "SCM_CREDENTIALS (SO_PASSCRED) arrives "
	    "beside SCM_RIGHTS: the credentials are intact and every "
	    "descriptor close-on-exec");
}
ATF_TC_BODY(recvmsg__credentials_mixed, tc)
{
#ifdef SCM_CREDENTIALS
	int sv[2], fd[5], before = sc_t_open_fds();
	struct got g;

	pair(SOCK_STREAM, sv);
	pass_creds(sv[1]);
	open_fds(fd, 5);
	send_fds(sv[0], fd, 5, 2);
	close_fds(fd, 5);
	recv_fds(sv[1], MSG_CMSG_CLOEXEC, sizeof(union ctl), &g);
	ATF_REQUIRE_EQ(g.r, 1);
	ATF_CHECK_MSG(g.creds, "no SCM_CREDENTIALS message");
	ATF_CHECK_EQ(g.n, 5);
	check_and_close(&g, MSG_CMSG_CLOEXEC, "credentials + rights");
	close(sv[0]);
	close(sv[1]);
	ATF_CHECK_EQ(sc_t_open_fds(), before);
#else
	atf_tc_skip("this system has no SCM_CREDENTIALS (a Linux message)");
#endif
}

ATF_TC(recvmsg__ctrunc);
ATF_TC_HEAD(recvmsg__ctrunc, tc)
{
	atf_tc_set_md_var(tc, "descr", "a control buffer with room for 2 of 8 "
	    "descriptors: MSG_CTRUNC, the 2 are close-on-exec, and once they "
	    "are closed no descriptor of the message is left open");
}
ATF_TC_BODY(recvmsg__ctrunc, tc)
{
	int sv[2], fd[8], before = sc_t_open_fds();
	struct got g;

	pair(SOCK_STREAM, sv);
	open_fds(fd, 8);
	send_fds(sv[0], fd, 8, 1);
	close_fds(fd, 8);
	recv_fds(sv[1], MSG_CMSG_CLOEXEC, CMSG_SPACE(2 * sizeof(int)), &g);
	ATF_REQUIRE_EQ(g.r, 1);
	ATF_CHECK(g.msg_flags & MSG_CTRUNC);
	ATF_CHECK_MSG(g.n <= 2, "%d descriptors in a buffer for 2", g.n);
	check_and_close(&g, MSG_CMSG_CLOEXEC, "truncated");
	close(sv[0]);
	close(sv[1]);
	ATF_CHECK_EQ_MSG(sc_t_open_fds(), before, "%d descriptors open before, "
	    "%d after: the truncated ones leaked", before, sc_t_open_fds());
}

ATF_TC(recvmsg__peek);
ATF_TC_HEAD(recvmsg__peek, tc)
{
	atf_tc_set_md_var(tc, "descr", "MSG_PEEK then a real receive: "
	    "whatever descriptors either gives are close-on-exec, and the "
	    "real receive still gets them all");
}
ATF_TC_BODY(recvmsg__peek, tc)
{
	int sv[2], fd[3], before = sc_t_open_fds();
	struct got g;

	pair(SOCK_STREAM, sv);
	open_fds(fd, 3);
	send_fds(sv[0], fd, 3, 1);
	close_fds(fd, 3);
	recv_fds(sv[1], MSG_CMSG_CLOEXEC | MSG_PEEK, sizeof(union ctl), &g);
	ATF_REQUIRE_EQ(g.r, 1);
	check_and_close(&g, MSG_CMSG_CLOEXEC, "peeked");
	recv_fds(sv[1], MSG_CMSG_CLOEXEC, sizeof(union ctl), &g);
	ATF_REQUIRE_EQ(g.r, 1);
	ATF_CHECK_EQ(g.n, 3);
	check_and_close(&g, MSG_CMSG_CLOEXEC, "received after the peek");
	close(sv[0]);
	close(sv[1]);
	ATF_CHECK_EQ(sc_t_open_fds(), before);
}

ATF_TC(recvmsg__errors_match_native);
ATF_TC_HEAD(recvmsg__errors_match_native, tc)
{
	atf_tc_set_md_var(tc, "descr", "EBADF, ENOTSOCK, EAGAIN and a flag the "
	    "system does not define give what the system's recvmsg gives");
}
ATF_TC_BODY(recvmsg__errors_match_native, tc)
{
	/* A bit no system defines (Linux ignores it, as its own). */
	static const int odd = 0x00400000;
	int p[2], sv[2], fd[2], flags, i;
	struct got g, s;

	recv_fds(-1, MSG_CMSG_CLOEXEC, 64, &g);
	ATF_CHECK(g.r == -1 && g.err == EBADF);
	ATF_REQUIRE(pipe(p) == 0);
	recv_fds(p[0], MSG_CMSG_CLOEXEC, 64, &g);
	ATF_CHECK_MSG(g.r == -1 && g.err == ENOTSOCK, "pipe: %zd, %s", g.r,
	    strerror(g.err));
	close(p[0]);
	close(p[1]);
	pair(SOCK_STREAM, sv);
	recv_fds(sv[1], MSG_CMSG_CLOEXEC | MSG_DONTWAIT, 64, &g);
	ATF_CHECK_MSG(g.r == -1 && (g.err == EAGAIN || g.err == EWOULDBLOCK),
	    "nothing pending: %zd, %s", g.r, strerror(g.err));
	for (i = 0; i < 2; i++) {
		flags = i ? MSG_CMSG_CLOEXEC : 0;
		open_fds(fd, 2);
		send_fds(sv[0], fd, 1, 1);
		send_fds(sv[0], fd + 1, 1, 1);
		close_fds(fd, 2);
		recv_with(recvmsg, sv[1], odd | MSG_DONTWAIT, 64, &s);
		recv_fds(sv[1], flags | odd | MSG_DONTWAIT, 64, &g);
		ATF_CHECK_EQ_MSG(g.r, s.r, "flag %#x: %zd, the system's %zd",
		    odd, g.r, s.r);
		if (g.r == -1)
			ATF_CHECK_EQ(g.err, s.err);
		close_fds(s.fd, s.n);
		check_and_close(&g, flags, "with an unknown flag");
	}
	close(sv[0]);
	close(sv[1]);
}

ATF_TC(recvmsg__cloexec_across_exec);
ATF_TC_HEAD(recvmsg__cloexec_across_exec, tc)
{
	atf_tc_set_md_var(tc, "descr", "a descriptor received with "
	    "MSG_CMSG_CLOEXEC is closed in an exec'd child, one received "
	    "without it is open");
}
ATF_TC_BODY(recvmsg__cloexec_across_exec, tc)
{
	const char *srcdir = atf_tc_get_config_var(tc, "srcdir");
	int sv[2], fd[2];
	struct got a, b;

	pair(SOCK_STREAM, sv);
	open_fds(fd, 2);
	send_fds(sv[0], fd, 2, 1);
	send_fds(sv[0], fd, 2, 1);
	close_fds(fd, 2);
	recv_fds(sv[1], MSG_CMSG_CLOEXEC, sizeof(union ctl), &a);
	recv_fds(sv[1], 0, sizeof(union ctl), &b);
	ATF_REQUIRE(a.n == 2 && b.n == 2);
	ATF_CHECK(!sc_t_open_after_exec(srcdir, a.fd[0], 0));
	ATF_CHECK(!sc_t_open_after_exec(srcdir, a.fd[1], 1));
	ATF_CHECK(sc_t_open_after_exec(srcdir, b.fd[0], 0));
	ATF_CHECK(sc_t_open_after_exec(srcdir, b.fd[1], 1));
	close_fds(a.fd, 2);
	close_fds(b.fd, 2);
}

#define NTHREADS 8
#define NROUNDS 200

static void *
receiver(void *arg)
{
	int sv[2], fd[3], i, j, *bad = arg;
	struct got g;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
		*bad = -1;
		return NULL;
	}
	for (i = 0; i < NROUNDS; i++) {
		for (j = 0; j < 3; j++)
			fd[j] = dup(sv[0]);
		send_fds(sv[0], fd, 3, 1 + i % 3);
		close_fds(fd, 3);
		recv_fds(sv[1], MSG_CMSG_CLOEXEC, sizeof(union ctl), &g);
		if (g.r != 1 || g.n != 3)
			(*bad)++;
		for (j = 0; j < g.n; j++) {
			if (fcntl(g.fd[j], F_GETFD) != FD_CLOEXEC)
				(*bad)++;
			close(g.fd[j]);
		}
	}
	close(sv[0]);
	close(sv[1]);
	return NULL;
}

ATF_TC(recvmsg__threads);
ATF_TC_HEAD(recvmsg__threads, tc)
{
	atf_tc_set_md_var(tc, "descr", "8 threads receiving 600 descriptors "
	    "each at once: every one close-on-exec, none left open");
}
ATF_TC_BODY(recvmsg__threads, tc)
{
	pthread_t t[NTHREADS];
	int bad[NTHREADS], i, before = sc_t_open_fds();

	for (i = 0; i < NTHREADS; i++) {
		bad[i] = 0;
		ATF_REQUIRE(pthread_create(&t[i], NULL, receiver, &bad[i]) == 0);
	}
	for (i = 0; i < NTHREADS; i++) {
		ATF_REQUIRE(pthread_join(t[i], NULL) == 0);
		ATF_CHECK_EQ_MSG(bad[i], 0, "thread %d: %d bad receives or "
		    "descriptors", i, bad[i]);
	}
	ATF_CHECK_EQ(sc_t_open_fds(), before);
}

struct trace_arg {
	int s, flags;
};

static int
traced_recv(void *p)
{
	struct trace_arg *a = p;
	struct got g;

	recv_with(sockcompat_recvmsg, a->s, a->flags, sizeof(union ctl), &g);
	return g.r != 1;
}

ATF_TC(recvmsg__syscall_floor);
ATF_TC_HEAD(recvmsg__syscall_floor, tc)
{
	atf_tc_set_md_var(tc, "descr", "recvmsg costs one system call "
	    "natively, and emulated one more per received descriptor only "
	    "when MSG_CMSG_CLOEXEC is asked");
}
ATF_TC_BODY(recvmsg__syscall_floor, tc)
{
	static const int counts[] = { 0, 1, 5 };
	size_t i;
	int j;

	sc_t_require_exact_counts();
	for (i = 0; i < sizeof counts / sizeof counts[0]; i++)
		for (j = 0; j < 2; j++) {
			struct trace_arg a;
			struct sctrace t;
			int sv[2], fd[5], want = 1, f = j ? MSG_CMSG_CLOEXEC : 0;

			pair(SOCK_STREAM, sv);
			open_fds(fd, counts[i]);
			send_fds(sv[0], fd, counts[i], 1);
			close_fds(fd, counts[i]);
			if (!T_NATIVE && f)
				want += counts[i];
			a.s = sv[1];
			a.flags = f;
			ATF_REQUIRE_EQ(sc_t_trace(NULL, traced_recv, &a, &t), 0);
			ATF_CHECK_EQ_MSG(t.count, want, "%d descriptors, flags "
			    "%#x: %ld system calls (%s), expected %d",
			    counts[i], f, t.count, sctrace_str(&t), want);
			close(sv[0]);
			close(sv[1]);
		}
}

ATF_TC(recvmsg__no_leak_many);
ATF_TC_HEAD(recvmsg__no_leak_many, tc)
{
	atf_tc_set_md_var(tc, "descr", "2000 receives of 4 descriptors, full "
	    "and truncated: no descriptor left open");
}
ATF_TC_BODY(recvmsg__no_leak_many, tc)
{
	int sv[2], fd[4], i, before;
	struct got g;

	pair(SOCK_STREAM, sv);
	open_fds(fd, 4);
	before = sc_t_open_fds();
	for (i = 0; i < 2000; i++) {
		send_fds(sv[0], fd, 4, 1 + i % 2);
		recv_fds(sv[1], MSG_CMSG_CLOEXEC,
		    i % 3 ? sizeof(union ctl) : CMSG_SPACE(sizeof(int)), &g);
		ATF_REQUIRE_EQ(g.r, 1);
		close_fds(g.fd, g.n);
	}
	ATF_CHECK_EQ(sc_t_open_fds(), before);
	close_fds(fd, 4);
	close(sv[0]);
	close(sv[1]);
}

#ifdef SC_TEST_EMULATED
/* Put N descriptors (dups of 0) into an SCM_RIGHTS message at C. */
static struct cmsghdr *
put_rights(struct msghdr *msg, struct cmsghdr *c, int *fd, int n)
{
	int i;

	for (i = 0; i < n; i++)
		ATF_REQUIRE((fd[i] = dup(0)) != -1);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)n);
	memcpy(CMSG_DATA(c), fd, sizeof(int) * (size_t)n);
	return CMSG_NXTHDR(msg, c);
}
#endif

ATF_TC(rights__several_messages_and_others);
ATF_TC_HEAD(rights__several_messages_and_others, tc)
{
	atf_tc_set_md_var(tc, "descr", "the emulation's walk over the control "
	    "data marks the descriptors of every SCM_RIGHTS message, skips "
	    "other messages, reads nothing past msg_controllen (a cut header "
	    "claiming more) and passes over a closed number in a cut message");
}
ATF_TC_BODY(rights__several_messages_and_others, tc)
{
#ifdef SC_TEST_EMULATED
	union ctl ctl;
	struct msghdr msg;
	struct cmsghdr *c;
	int a[2], b[3], last[2], i, other = 12345;

	memset(&ctl, 0, sizeof ctl);
	memset(&msg, 0, sizeof msg);
	msg.msg_control = ctl.buf;
	msg.msg_controllen = sizeof ctl.buf;
	c = put_rights(&msg, CMSG_FIRSTHDR(&msg), a, 2);
	/* Another SOL_SOCKET message whose data looks like a descriptor. */
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS + 1;
	c->cmsg_len = CMSG_LEN(sizeof other);
	memcpy(CMSG_DATA(c), &other, sizeof other);
	c = CMSG_NXTHDR(&msg, c);
	c = put_rights(&msg, c, b, 3);
	/* The last message says 3 descriptors, but the buffer ends after
	 * the second, as XNU leaves it on MSG_CTRUNC; the second is one the
	 * kernel closed, as FreeBSD does: skipped, not an error. */
	put_rights(&msg, c, last, 2);
	close(last[1]);
	c->cmsg_len = CMSG_LEN(3 * sizeof(int));
	msg.msg_controllen = (size_t)((unsigned char *)CMSG_DATA(c) -
	    ctl.buf) + 2 * sizeof(int);
	msg.msg_flags = MSG_CTRUNC;
	ATF_REQUIRE_EQ(sockcompat_priv_cloexec_rights(&msg), 0);
	for (i = 0; i < 2; i++)
		ATF_CHECK_EQ(sc_t_fd_flags(a[i]), FD_CLOEXEC);
	for (i = 0; i < 3; i++)
		ATF_CHECK_EQ(sc_t_fd_flags(b[i]), FD_CLOEXEC);
	ATF_CHECK_EQ(sc_t_fd_flags(last[0]), FD_CLOEXEC);
	close_fds(a, 2);
	close_fds(b, 3);
	close(last[0]);

	/* A first header shorter than a header ends the walk at once (the
	 * BSDs' CMSG_NXTHDR would return it forever), and no control buffer
	 * at all is nothing to do. */
	memset(&ctl, 0, sizeof ctl);
	msg.msg_control = ctl.buf;
	msg.msg_controllen = sizeof ctl.buf;
	msg.msg_flags = 0;
	ATF_CHECK_EQ(sockcompat_priv_cloexec_rights(&msg), 0);
	msg.msg_control = NULL;
	msg.msg_controllen = 0;
	ATF_CHECK_EQ(sockcompat_priv_cloexec_rights(&msg), 0);
#else
	atf_tc_skip("the walk is the emulation's; recvmsg_emul_test runs it");
#endif
}

ATF_TC(rights__accrights_simulated);
ATF_TC_HEAD(rights__accrights_simulated, tc)
{
	atf_tc_set_md_var(tc, "descr", "the walk for 4.3BSD's msghdr (an array "
	    "of descriptors in msg_accrights, simulated): every one marked; "
	    "when one cannot be, all of them closed, the length 0 and that "
	    "errno");
}
ATF_TC_BODY(rights__accrights_simulated, tc)
{
#ifdef SC_TEST_EMULATED
	struct msghdr msg;
	int fd[4], i, before = sc_t_open_fds();

	memset(&msg, 0, sizeof msg);
	for (i = 0; i < 4; i++)
		ATF_REQUIRE((fd[i] = dup(0)) != -1);
	msg.msg_control = fd;
	msg.msg_controllen = sizeof fd;
	ATF_REQUIRE_EQ(sc_accrights_cloexec_rights(&msg), 0);
	for (i = 0; i < 4; i++)
		ATF_CHECK_EQ(sc_t_fd_flags(fd[i]), FD_CLOEXEC);
	/* The third is not a descriptor: F_SETFD fails with EBADF. */
	close(fd[2]);
	ATF_REQUIRE_EQ(sc_accrights_cloexec_rights(&msg), -1);
	ATF_CHECK_EQ(errno, EBADF);
	ATF_CHECK_EQ(msg.msg_controllen, 0);
	ATF_CHECK_EQ(sc_t_open_fds(), before);
	msg.msg_control = NULL;
	msg.msg_controllen = sizeof fd;
	ATF_CHECK_EQ(sc_accrights_cloexec_rights(&msg), 0);
#else
	atf_tc_skip("the walk is the emulation's; recvmsg_emul_test runs it");
#endif
}

/*
 * The differential test: the same scenarios through the kernel's own
 * MSG_CMSG_CLOEXEC (libc's recvmsg) and through the emulation, compared on
 * return value, errno, msg_flags, msg_controllen, how many descriptors and
 * their F_GETFD, and open descriptors afterwards.  Only where the kernel's
 * flag is known to work: on Linux.
 */
#if defined SC_TEST_EMULATED && defined __linux__ && HAVE_DECL_MSG_CMSG_CLOEXEC
# define T_DIFF 1
#else
# define T_DIFF 0
#endif

#if T_DIFF
struct scenario {
	const char *name;
	int type, n, nmsg, flags, creds;
	size_t ctlspace;
};

static void
run_scenario(const struct scenario *sc, recv_fn fn, struct got *g,
    int fdflags[], int *leaked)
{
	int sv[2], fd[MAXFDS], i, before = sc_t_open_fds();

	pair(sc->type, sv);
	if (sc->creds) {
# ifdef SCM_CREDENTIALS
		pass_creds(sv[1]);
# endif
	}
	open_fds(fd, sc->n);
	send_fds(sv[0], fd, sc->n, sc->nmsg);
	close_fds(fd, sc->n);
	recv_with(fn, sv[1], sc->flags, sc->ctlspace, g);
	for (i = 0; i < g->n; i++)
		fdflags[i] = fcntl(g->fd[i], F_GETFD);
	if (sc->flags & MSG_PEEK) {
		struct got real;

		close_fds(g->fd, g->n);
		recv_with(fn, sv[1], sc->flags & ~MSG_PEEK, sc->ctlspace, &real);
		close_fds(real.fd, real.n);
	} else
		close_fds(g->fd, g->n);
	close(sv[0]);
	close(sv[1]);
	*leaked = sc_t_open_fds() - before;
}

/* libc's recvmsg; a function of ours, so that it is not the shim. */
static ssize_t
libc_recvmsg(int fd, struct msghdr *msg, int flags)
{
	return recvmsg(fd, msg, flags);
}
#endif

ATF_TC(recvmsg__diff_kernel_flag);
ATF_TC_HEAD(recvmsg__diff_kernel_flag, tc)
{
	atf_tc_set_md_var(tc, "descr", "the emulation gives what Linux's own "
	    "MSG_CMSG_CLOEXEC gives, on one, many, several messages, "
	    "credentials mixed in, truncation, MSG_PEEK and errors");
}
ATF_TC_BODY(recvmsg__diff_kernel_flag, tc)
{
#if T_DIFF
	static const struct scenario sc[] = {
		{ "one", SOCK_STREAM, 1, 1, MSG_CMSG_CLOEXEC, 0, 256 },
		{ "none", SOCK_STREAM, 0, 1, MSG_CMSG_CLOEXEC, 0, 256 },
		{ "many", SOCK_STREAM, MAXFDS, 1, MSG_CMSG_CLOEXEC, 0,
		  CMSG_SPACE(sizeof(int) * MAXFDS) },
		{ "several", SOCK_DGRAM, 9, 3, MSG_CMSG_CLOEXEC, 0, 512 },
		{ "creds", SOCK_STREAM, 4, 2, MSG_CMSG_CLOEXEC, 1, 512 },
		{ "ctrunc", SOCK_STREAM, 8, 1, MSG_CMSG_CLOEXEC, 0,
		  CMSG_SPACE(3 * sizeof(int)) },
		{ "ctrunc-creds", SOCK_STREAM, 8, 1, MSG_CMSG_CLOEXEC, 1,
		  CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(sizeof(int)) },
		{ "ctrunc-header", SOCK_STREAM, 3, 1, MSG_CMSG_CLOEXEC, 0,
		  sizeof(struct cmsghdr) - 1 },
		{ "peek", SOCK_STREAM, 3, 1, MSG_CMSG_CLOEXEC | MSG_PEEK, 0,
		  256 },
		{ "flags0", SOCK_STREAM, 3, 1, 0, 0, 256 },
	};
	size_t i;

	for (i = 0; i < sizeof sc / sizeof sc[0]; i++) {
		struct got k, e;
		int kf[MAXFDS * 2], ef[MAXFDS * 2], kl, el, j;

		run_scenario(&sc[i], libc_recvmsg, &k, kf, &kl);
		run_scenario(&sc[i], sockcompat_recvmsg, &e, ef, &el);
		ATF_CHECK_EQ_MSG(e.r, k.r, "%s: returned %zd, kernel %zd",
		    sc[i].name, e.r, k.r);
		if (k.r == -1)
			ATF_CHECK_EQ_MSG(e.err, k.err, "%s: errno", sc[i].name);
		/* Linux echoes MSG_CMSG_CLOEXEC into msg_flags (net/socket.c,
		 * ____sys_recvmsg); the emulation does not (documented in
		 * sockcompat_recvmsg(3)). */
		ATF_CHECK_EQ_MSG(e.msg_flags, k.msg_flags & ~MSG_CMSG_CLOEXEC,
		    "%s: msg_flags %#x, kernel %#x", sc[i].name, e.msg_flags,
		    k.msg_flags);
		ATF_CHECK_EQ_MSG(e.controllen, k.controllen, "%s: "
		    "msg_controllen %zu, kernel %zu", sc[i].name,
		    e.controllen, k.controllen);
		ATF_CHECK_EQ_MSG(e.creds, k.creds, "%s: credentials",
		    sc[i].name);
		ATF_CHECK_EQ_MSG(e.n, k.n, "%s: %d descriptors, kernel %d",
		    sc[i].name, e.n, k.n);
		for (j = 0; j < e.n && j < k.n; j++)
			ATF_CHECK_EQ_MSG(ef[j], kf[j], "%s: descriptor %d: "
			    "F_GETFD %#x, kernel %#x", sc[i].name, j, ef[j],
			    kf[j]);
		ATF_CHECK_EQ_MSG(el, kl, "%s: %d left open, kernel %d",
		    sc[i].name, el, kl);
		ATF_CHECK_EQ_MSG(el, 0, "%s: %d descriptors leaked", sc[i].name,
		    el);
	}
#else
	atf_tc_skip("needs the emulation and a kernel whose own "
	    "MSG_CMSG_CLOEXEC is known to work (Linux)");
#endif
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, recvmsg__one_fd);
	ATF_TP_ADD_TC(tp, recvmsg__many_fds);
	ATF_TP_ADD_TC(tp, recvmsg__several_messages);
	ATF_TP_ADD_TC(tp, recvmsg__no_fds);
	ATF_TP_ADD_TC(tp, recvmsg__credentials_mixed);
	ATF_TP_ADD_TC(tp, recvmsg__ctrunc);
	ATF_TP_ADD_TC(tp, recvmsg__peek);
	ATF_TP_ADD_TC(tp, recvmsg__errors_match_native);
	ATF_TP_ADD_TC(tp, recvmsg__cloexec_across_exec);
	ATF_TP_ADD_TC(tp, recvmsg__threads);
	ATF_TP_ADD_TC(tp, recvmsg__syscall_floor);
	ATF_TP_ADD_TC(tp, recvmsg__no_leak_many);
	ATF_TP_ADD_TC(tp, rights__several_messages_and_others);
	ATF_TP_ADD_TC(tp, rights__accrights_simulated);
	ATF_TP_ADD_TC(tp, recvmsg__diff_kernel_flag);
	return atf_no_error();
}
