/*
 * Other systems' native calls, simulated here, against the library built
 * as for them.  One source, four programs, each chosen by a test macro:
 *
 *   SIM_ILLUMOS  accept4 passes the listener's non-blocking mode and
 *                O_ASYNC on whatever the flags (illumos socksyscalls.c);
 *                the library, built as for illumos, must give O_NONBLOCK
 *                exactly as asked and leave O_ASYNC as the system did.
 *   SIM_PACCEPT  NetBSD 6/7: no accept4, paccept instead, which keeps
 *                O_ASYNC (do_sys_accept clears only FNONBLOCK); the
 *                library must call paccept and return its answer.
 *   SIM_KEPT     NetBSD's emulated path: accept() copies every status
 *                flag, the emulation must clear O_NONBLOCK and O_ASYNC
 *                but keep the flag NetBSD's accept4 keeps (O_NOSIGPIPE,
 *                played here by O_APPEND, which Linux stores on sockets).
 *   SIM_EXTRA    a system with extra flags (SOCK_NOSIGPIPE, done by
 *                SO_NOSIGPIPE, played by SO_KEEPALIVE; SOCK_CLOFORK,
 *                which the emulation cannot do): the first is given, the
 *                second refused with EINVAL before anything is dequeued.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

/* This program defines the simulated system's accept4 itself: the shims
 * are called by their own names. */
#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

#ifndef SIM_EXTRA
static const int all_flags[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};
#define NFLAGS (sizeof all_flags / sizeof all_flags[0])

/* The new descriptor as the simulated system's accept makes it: the
 * kernel's accept4 with FLAGS, then the listener's status flags in COPY
 * added, as that system does. */
static int native_calls;

static int
simulated_accept(int fd, struct sockaddr *addr, socklen_t *len, int flags,
    int copy)
{
	int nfd = (int)syscall(SYS_accept4, fd, addr, len, flags), fl, nfl;
	int saved_errno = errno;

	native_calls++;
	if (nfd == -1)
		return -1;
	fl = fcntl(fd, F_GETFL);
	nfl = fcntl(nfd, F_GETFL);
	if (fl != -1 && nfl != -1 && (fl & copy)) {
		if (fl & O_ASYNC)
			fcntl(nfd, F_SETOWN, getpid());
		fcntl(nfd, F_SETFL, nfl | (fl & copy));
	}
	errno = saved_errno;
	return nfd;
}

#endif

#if defined SIM_ILLUMOS
int
accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
	return simulated_accept(fd, addr, len, flags, O_NONBLOCK | O_ASYNC);
}
# define SIM_COPY (O_NONBLOCK | O_ASYNC)
# define SIM_KEEPS O_ASYNC	/* illumos's accept4 keeps it: so do we */
#elif defined SIM_PACCEPT
int paccept(int, struct sockaddr *, socklen_t *, const sigset_t *, int);
int
paccept(int fd, struct sockaddr *addr, socklen_t *len, const sigset_t *mask,
    int flags)
{
	(void)mask;
	return simulated_accept(fd, addr, len, flags, O_ASYNC);
}
# define SIM_COPY O_ASYNC
# define SIM_KEEPS O_ASYNC
#elif defined SIM_KEPT
int
accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	return simulated_accept(fd, addr, len, 0,
	    O_NONBLOCK | O_ASYNC | O_APPEND);
}
# define SIM_COPY (O_NONBLOCK | O_ASYNC | O_APPEND)
# define SIM_KEEPS O_APPEND
#endif

#ifndef SIM_EXTRA
/* Every flag combination against every listener state the simulated
 * system passes on: exactly the named flags, and the kept ones kept. */
ATF_TC(platform__flags_as_named);
ATF_TC_HEAD(platform__flags_as_named, tc)
{
	atf_tc_set_md_var(tc, "descr", "the simulated system's accept "
	    "passes listener status flags on; the library gives FD_CLOEXEC and "
	    "O_NONBLOCK exactly as named and the flags that system's accept4 "
	    "keeps, kept");
}
ATF_TC_BODY(platform__flags_as_named, tc)
{
	static const int listener_fl[] = { 0, O_NONBLOCK, SIM_COPY };
	size_t i, j;

	for (j = 0; j < sizeof listener_fl / sizeof listener_fl[0]; j++) {
		int l = sc_t_listen(AF_INET);

		if (listener_fl[j])
			sc_t_set_fl(l, listener_fl[j]);
		for (i = 0; i < NFLAGS; i++) {
			int c = sc_t_connect(l), fd, fl, fdfl;

			ATF_REQUIRE(sc_t_pending(l, 5000));
			native_calls = 0;
			fd = sockcompat_accept4(l, NULL, NULL, all_flags[i]);
			ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
			fl = sc_t_fl_flags(fd);
			fdfl = sc_t_fd_flags(fd);
			ATF_CHECK_EQ_MSG((fdfl & FD_CLOEXEC) != 0,
			    (all_flags[i] & SOCK_CLOEXEC) != 0,
			    "FD_CLOEXEC for flags %#x, listener %#x",
			    all_flags[i], listener_fl[j]);
			ATF_CHECK_EQ_MSG((fl & O_NONBLOCK) != 0,
			    (all_flags[i] & SOCK_NONBLOCK) != 0,
			    "O_NONBLOCK for flags %#x, listener %#x",
			    all_flags[i], listener_fl[j]);
			ATF_CHECK_EQ_MSG((fl & SIM_KEEPS) != 0,
			    (listener_fl[j] & SIM_KEEPS) != 0,
			    "flag %#x not as the system's accept4 leaves it, "
			    "flags %#x, listener %#x", SIM_KEEPS, all_flags[i],
			    listener_fl[j]);
#if !defined SIM_KEPT
			ATF_CHECK_EQ_MSG(native_calls, 1, "the simulated "
			    "native call was made %d times", native_calls);
#endif
			close(fd);
			close(c);
		}
		close(l);
	}
}
#endif

#ifdef SIM_EXTRA
ATF_TC(platform__extra_flag_emulated);
ATF_TC_HEAD(platform__extra_flag_emulated, tc)
{
	atf_tc_set_md_var(tc, "descr", "SOCK_NOSIGPIPE, where the system "
	    "has it and SO_NOSIGPIPE, is given by the emulation to accept4, "
	    "socket and both ends of socketpair, and only when asked");
}
ATF_TC_BODY(platform__extra_flag_emulated, tc)
{
	int l = sc_t_listen(AF_INET), c, fd, on, sv[2];
	socklen_t len = sizeof on;

	c = sc_t_connect(l);
	fd = sockcompat_accept4(l, NULL, NULL, SOCK_NOSIGPIPE | SOCK_CLOEXEC);
	ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
	ATF_REQUIRE(getsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, &len) == 0);
	ATF_CHECK_MSG(on != 0, "accept4: SO_NOSIGPIPE not set");
	sc_t_check_flags(fd, SOCK_CLOEXEC);
	close(fd);
	close(c);
	c = sc_t_connect(l);
	fd = sockcompat_accept4(l, NULL, NULL, 0);
	ATF_REQUIRE(getsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, &len) == 0);
	ATF_CHECK_MSG(on == 0, "accept4: SO_NOSIGPIPE set unasked");
	close(fd);
	close(c);
	fd = sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_NOSIGPIPE, 0);
	ATF_REQUIRE(fd != -1);
	ATF_REQUIRE(getsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, &len) == 0);
	ATF_CHECK_MSG(on != 0, "socket: SO_NOSIGPIPE not set");
	close(fd);
	ATF_REQUIRE(sockcompat_socketpair(AF_UNIX,
	    SOCK_STREAM | SOCK_NOSIGPIPE, 0, sv) == 0);
	ATF_REQUIRE(getsockopt(sv[1], SOL_SOCKET, SO_NOSIGPIPE, &on, &len) == 0);
	ATF_CHECK_MSG(on != 0, "socketpair: SO_NOSIGPIPE not set on sv[1]");
}

ATF_TC(platform__extra_flag_refused);
ATF_TC_HEAD(platform__extra_flag_refused, tc)
{
	atf_tc_set_md_var(tc, "descr", "a flag of the system's that the "
	    "emulation cannot give (SOCK_CLOFORK) is EINVAL from accept4 "
	    "before the connection is dequeued, and from socket and "
	    "socketpair before anything is created");
}
ATF_TC_BODY(platform__extra_flag_refused, tc)
{
	int l = sc_t_listen(AF_INET), c = sc_t_connect(l), before, sv[2];

	ATF_REQUIRE(sc_t_pending(l, 5000));
	ATF_CHECK_EQ(sockcompat_accept4(l, NULL, NULL, SOCK_CLOFORK), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_MSG(sc_t_pending(l, 0), "the connection was dequeued");
	before = sc_t_open_fds();
	ATF_CHECK_EQ(sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_CLOFORK,
	    0), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_EQ(sockcompat_socketpair(AF_UNIX,
	    SOCK_STREAM | SOCK_CLOFORK, 0, sv), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_EQ(sc_t_open_fds(), before);
	close(c);
}
#endif

ATF_TP_ADD_TCS(tp)
{
#ifdef SIM_EXTRA
	ATF_TP_ADD_TC(tp, platform__extra_flag_emulated);
	ATF_TP_ADD_TC(tp, platform__extra_flag_refused);
#else
	ATF_TP_ADD_TC(tp, platform__flags_as_named);
#endif
	return atf_no_error();
}
