/*
 * The sockopt guard (lib/sockcompat-sigpipe-sockopt.c), which macOS uses
 * for MSG_NOSIGNAL where the SDK lacks it, built here against a stand-in:
 * Linux has no SO_NOSIGPIPE, so SO_KEEPALIVE plays it (as in
 * platform_extra_test).  A stand-in cannot keep SIGPIPE away, so what is
 * checked is the guard's own work: the option set for the call and put
 * back as it was, in that order and with no other call, left alone when
 * already set, errors passed through, errno kept.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>
#include "sockcompat-xopen.h"

#include <sys/types.h>
#include <sys/socket.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

/* While set, the library's setsockopt fails with this errno. */
static int setsockopt_fails;

int
setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	if (setsockopt_fails) {
		errno = setsockopt_fails;
		return -1;
	}
	return sc_t_sys_setsockopt(fd, level, name, val, len);
}

static int
option(int fd)
{
	int on = -1;
	socklen_t len = sizeof on;

	ATF_REQUIRE(getsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, &len) == 0);
	return on != 0;
}

static void
set_option(int fd, int on)
{
	ATF_REQUIRE(setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on,
	    sizeof on) == 0);
}

ATF_TC(sockopt__put_back);
ATF_TC_HEAD(sockopt__put_back, tc)
{
	atf_tc_set_md_var(tc, "descr", "after send, sendto and sendmsg with "
	    "MSG_NOSIGNAL the socket's SO_NOSIGPIPE is as it was: off stays "
	    "off, on stays on; the data arrives");
}
ATF_TC_BODY(sockopt__put_back, tc)
{
	struct iovec iov;
	struct msghdr msg;
	char buf[8];
	int sv[2], on;

	ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	iov.iov_base = buf;
	iov.iov_len = 1;
	memset(&msg, 0, sizeof msg);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	for (on = 0; on < 2; on++) {
		set_option(sv[0], on);
		ATF_CHECK_EQ(sockcompat_send(sv[0], "a", 1, MSG_NOSIGNAL), 1);
		ATF_CHECK_EQ(option(sv[0]), on);
		ATF_CHECK_EQ(sockcompat_sendto(sv[0], "b", 1, MSG_NOSIGNAL,
		    NULL, 0), 1);
		ATF_CHECK_EQ(option(sv[0]), on);
		ATF_CHECK_EQ(sockcompat_sendmsg(sv[0], &msg, MSG_NOSIGNAL), 1);
		ATF_CHECK_EQ(option(sv[0]), on);
		ATF_CHECK_EQ(read(sv[1], buf, sizeof buf), 3);
	}
	close(sv[0]);
	close(sv[1]);
}

/*
 * Is system call GOT the call WANT?  On i386 the socket calls may all be
 * socketcall, and send may be the send or the sendto system call.
 */
enum call { C_GET, C_SET, C_SEND };

static int
is_call(long got, enum call want)
{
#ifdef SYS_socketcall
	if (got == SYS_socketcall)
		return 1;
#endif
	switch (want) {
	case C_GET:
		return got == SCTRACE_GETSOCKOPT;
	case C_SET:
		return got == SCTRACE_SETSOCKOPT;
	default:
#ifdef SYS_send
		if (got == SYS_send)
			return 1;
#endif
		return got == SCTRACE_SENDTO;
	}
}

struct traced {
	int sv[2], on, flags;
};

static void
traced_setup(void *p)
{
	struct traced *t = p;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, t->sv) != 0 ||
	    setsockopt(t->sv[0], SOL_SOCKET, SO_NOSIGPIPE, &t->on,
	    sizeof t->on) != 0)
		_exit(3);
}

static int
traced_send(void *p)
{
	struct traced *t = p;

	return sockcompat_send(t->sv[0], "x", 1, t->flags) != 1;
}

ATF_TC(sockopt__calls_in_order);
ATF_TC_HEAD(sockopt__calls_in_order, tc)
{
	atf_tc_set_md_var(tc, "descr", "the system calls, counted with "
	    "ptrace: getsockopt, setsockopt, send, setsockopt when the option "
	    "was off; getsockopt and send when it was on; the send alone "
	    "without MSG_NOSIGNAL");
}
ATF_TC_BODY(sockopt__calls_in_order, tc)
{
	static const enum call off[] = { C_GET, C_SET, C_SEND, C_SET };
	struct traced t;
	struct sctrace tr;
	int i;

	sc_t_require_exact_counts();
	t.on = 0;
	t.flags = MSG_NOSIGNAL;
	ATF_REQUIRE_EQ(sc_t_trace(traced_setup, traced_send, &t, &tr), 0);
	ATF_REQUIRE_EQ_MSG(tr.count, 4, "%s", sctrace_str(&tr));
	for (i = 0; i < 4; i++)
		ATF_CHECK_MSG(is_call(tr.nr[i], off[i]), "call %d: %s", i,
		    sctrace_str(&tr));

	t.on = 1;
	ATF_REQUIRE_EQ(sc_t_trace(traced_setup, traced_send, &t, &tr), 0);
	ATF_CHECK_EQ_MSG(tr.count, 2, "%s", sctrace_str(&tr));
	ATF_CHECK_MSG(is_call(tr.nr[0], C_GET) && is_call(tr.nr[1], C_SEND),
	    "%s", sctrace_str(&tr));

	t.on = 0;
	t.flags = 0;
	ATF_REQUIRE_EQ(sc_t_trace(traced_setup, traced_send, &t, &tr), 0);
	ATF_CHECK_EQ_MSG(tr.count, 1, "%s", sctrace_str(&tr));
}

ATF_TC(sockopt__errors);
ATF_TC_HEAD(sockopt__errors, tc)
{
	atf_tc_set_md_var(tc, "descr", "EBADF (fd -1) and ENOTSOCK (a pipe) "
	    "come from the send itself, unchanged, with MSG_NOSIGNAL");
}
ATF_TC_BODY(sockopt__errors, tc)
{
	int p[2];

	ATF_REQUIRE(pipe(p) == 0);
	errno = 0;
	ATF_CHECK_EQ(sockcompat_send(-1, "x", 1, MSG_NOSIGNAL), -1);
	ATF_CHECK_EQ(errno, EBADF);
	errno = 0;
	ATF_CHECK_EQ(sockcompat_sendto(p[1], "x", 1, MSG_NOSIGNAL, NULL, 0), -1);
	ATF_CHECK_EQ(errno, ENOTSOCK);
	close(p[0]);
	close(p[1]);
}

ATF_TC(sockopt__set_fails);
ATF_TC_HEAD(sockopt__set_fails, tc)
{
	atf_tc_set_md_var(tc, "descr", "setting SO_NOSIGPIPE for the call "
	    "fails: send, sendto and sendmsg with MSG_NOSIGNAL return -1 with "
	    "that errno and send nothing");
}
ATF_TC_BODY(sockopt__set_fails, tc)
{
	struct iovec iov;
	struct msghdr msg;
	char buf[4] = "z";
	int sv[2];

	ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	iov.iov_base = buf;
	iov.iov_len = 1;
	memset(&msg, 0, sizeof msg);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	setsockopt_fails = ENOBUFS;
	errno = 0;
	ATF_CHECK_EQ(sockcompat_send(sv[0], buf, 1, MSG_NOSIGNAL), -1);
	ATF_CHECK_EQ(errno, ENOBUFS);
	errno = 0;
	ATF_CHECK_EQ(sockcompat_sendto(sv[0], buf, 1, MSG_NOSIGNAL, NULL, 0),
	    -1);
	ATF_CHECK_EQ(errno, ENOBUFS);
	errno = 0;
	ATF_CHECK_EQ(sockcompat_sendmsg(sv[0], &msg, MSG_NOSIGNAL), -1);
	ATF_CHECK_EQ(errno, ENOBUFS);
	setsockopt_fails = 0;
	ATF_CHECK_EQ(option(sv[0]), 0);
	ATF_CHECK_EQ_MSG(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT), -1,
	    "a call whose guard failed sent data");
	close(sv[0]);
	close(sv[1]);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, sockopt__put_back);
	ATF_TP_ADD_TC(tp, sockopt__calls_in_order);
	ATF_TP_ADD_TC(tp, sockopt__errors);
	ATF_TP_ADD_TC(tp, sockopt__set_fails);
	return atf_no_error();
}
