/*
 * sockcompat_accept4 behaves as native accept4 does (BEHAVIOUR.md).  Built
 * twice: accept4_test (library as configured) and accept4_emul_test
 * (emulation forced).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

static const int all_flags[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};

/* Accept the connection pending on L with FLAGS; require success. */
static int
accept_ok(int l, int flags)
{
	int fd = accept4(l, NULL, NULL, flags);

	ATF_REQUIRE_MSG(fd != -1, "accept4(flags %#x): %s", flags,
	    strerror(errno));
	return fd;
}

static void
check_errno(int r, int expected, const char *what)
{
	int err = errno;

	ATF_CHECK_EQ_MSG(r, -1, "%s: returned %d, expected -1", what, r);
	ATF_CHECK_EQ_MSG(err, expected, "%s: errno %d (%s), expected %d (%s)",
	    what, err, strerror(err), expected, strerror(expected));
}

/* Errors -------------------------------------------------------------- */

ATF_TC(accept4__ebadf_minus1);
ATF_TC_HEAD(accept4__ebadf_minus1, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "descriptor -1 gives EBADF");
}
ATF_TC_BODY(accept4__ebadf_minus1, tc)
{
	check_errno(accept4(-1, NULL, NULL, SOCK_CLOEXEC), EBADF, "fd -1");
}

ATF_TC(accept4__ebadf_closed);
ATF_TC_HEAD(accept4__ebadf_closed, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a closed in-range descriptor gives EBADF");
}
ATF_TC_BODY(accept4__ebadf_closed, tc)
{
	int fd = sc_t_listen(AF_INET);

	ATF_REQUIRE(close(fd) == 0);
	check_errno(accept4(fd, NULL, NULL, 0), EBADF, "closed fd");
}

ATF_TC(accept4__enotsock_file);
ATF_TC_HEAD(accept4__enotsock_file, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a regular file gives ENOTSOCK");
}
ATF_TC_BODY(accept4__enotsock_file, tc)
{
	int fd = open("file", O_RDWR | O_CREAT, 0600);

	ATF_REQUIRE(fd != -1);
	check_errno(accept4(fd, NULL, NULL, SOCK_NONBLOCK), ENOTSOCK,
	    "regular file");
}

ATF_TC(accept4__enotsock_pipe);
ATF_TC_HEAD(accept4__enotsock_pipe, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a pipe gives ENOTSOCK");
}
ATF_TC_BODY(accept4__enotsock_pipe, tc)
{
	int p[2];

	ATF_REQUIRE(pipe(p) == 0);
	check_errno(accept4(p[0], NULL, NULL, SOCK_CLOEXEC), ENOTSOCK, "pipe");
}

ATF_TC(accept4__einval_not_listening);
ATF_TC_HEAD(accept4__einval_not_listening, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a bound socket that is not listening gives EINVAL");
}
ATF_TC_BODY(accept4__einval_not_listening, tc)
{
	int s = sc_t_bound();

	check_errno(accept4(s, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK),
	    EINVAL, "bound, not listening");
}

ATF_TC(accept4__eopnotsupp_dgram);
ATF_TC_HEAD(accept4__eopnotsupp_dgram, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a datagram socket gives EOPNOTSUPP");
}
ATF_TC_BODY(accept4__eopnotsupp_dgram, tc)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	ATF_REQUIRE(s != -1);
	check_errno(accept4(s, NULL, NULL, SOCK_CLOEXEC), EOPNOTSUPP,
	    "datagram socket");
}

ATF_TC(accept4__einval_unknown_flags);
ATF_TC_HEAD(accept4__einval_unknown_flags, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "unknown flag bits give EINVAL and leave the pending connection for the next accept");
}
ATF_TC_BODY(accept4__einval_unknown_flags, tc)
{
	static const int bad[] = { 1, O_RDWR | 2, 0x40000000, -1 };
	int l = sc_t_listen(AF_INET), fd;
	size_t i;

	(void)sc_t_connect(l);
	/* A call that dequeues despite the flags must not then block in the
	 * next round with nothing left: the refusal is the same either way. */
	sc_t_set_fl(l, O_NONBLOCK);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int flags = bad[i] & ~(SOCK_CLOEXEC | SOCK_NONBLOCK);

		flags |= (int)i & 1 ? SOCK_CLOEXEC : 0;
		check_errno(accept4(l, NULL, NULL, flags), EINVAL,
		    "unknown flag bits");
		ATF_CHECK_MSG(sc_t_pending(l, 0),
		    "the connection was consumed by a call refused for flags %#x",
		    flags);
	}
	/* A following accept still gets it, without blocking. */
	ATF_CHECK_MSG(sc_t_pending(l, 2000), "nothing pending after refusals");
	fd = accept(l, NULL, NULL);
	ATF_CHECK_MSG(fd != -1, "accept after refusals: %s", strerror(errno));
}

ATF_TC(accept4__ebadf_before_einval);
ATF_TC_HEAD(accept4__ebadf_before_einval, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a descriptor that is not open with unknown flag bits gives the "
	    "system's own answer: EBADF where it looks the descriptor up "
	    "first (Linux since 5.5, found by the fuzzer), EINVAL where it "
	    "checks the flags first (FreeBSD, OpenBSD, illumos)");
}
ATF_TC_BODY(accept4__ebadf_before_einval, tc)
{
#if SOCKCOMPAT_EBADF_FIRST == 2
	/* Linux: the running kernel's own order, which changed in 5.5. */
	const int first = sc_t_sys_accept4(-1, NULL, NULL, 0x40000000) ==
	    -1 && errno == EINVAL ? EINVAL : EBADF;
#else
	const int first = SOCKCOMPAT_EBADF_FIRST ? EBADF : EINVAL;
#endif
	int fd = dup(0);

	ATF_REQUIRE(fd != -1 && close(fd) == 0);
	check_errno(accept4(-1, NULL, NULL, 0x40000000), first, "fd -1");
	check_errno(accept4(fd, NULL, NULL, -1), first, "closed fd");
	/* Open but not a socket: the flags come first. */
	check_errno(accept4(0, NULL, NULL, 0x40000000), EINVAL, "stdin");
}

ATF_TC(accept4__eagain_nonblock_listener);
ATF_TC_HEAD(accept4__eagain_nonblock_listener, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a non-blocking listener with nothing pending gives EAGAIN at once");
}
ATF_TC_BODY(accept4__eagain_nonblock_listener, tc)
{
	int l = sc_t_listen(AF_INET), r;

	sc_t_set_fl(l, O_NONBLOCK);
	r = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	ATF_CHECK_EQ(r, -1);
	ATF_CHECK_MSG(errno == EAGAIN || errno == EWOULDBLOCK, "errno %d (%s)",
	    errno, strerror(errno));
}

/* Linux copies the address out after dequeuing the connection, so it is
 * lost; both paths share that behaviour (documented in README). */
ATF_TC(accept4__efault_addrlen_null);
ATF_TC_HEAD(accept4__efault_addrlen_null, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "addr without addrlen gives EFAULT (Linux consumes the connection on both paths)");
}
ATF_TC_BODY(accept4__efault_addrlen_null, tc)
{
	struct sockaddr_storage ss;
	int l = sc_t_listen(AF_INET);

	(void)sc_t_connect(l);
	check_errno(accept4(l, (struct sockaddr *)&ss, NULL, SOCK_CLOEXEC),
	    EFAULT, "addr without addrlen");
#ifdef __linux__
	ATF_CHECK_MSG(!sc_t_pending(l, 0), "Linux consumes the connection on "
	    "EFAULT; this path did not");
#endif
}

/*
 * A library that retried after EINTR would block for as long as no
 * connection came.  After ALARM_GIVE_UP signals (some seconds) the handler
 * connects a client to alarm_listener, so such a library returns that
 * connection instead of hanging, and the test fails on what it got.
 */
#define ALARM_GIVE_UP 25
static volatile sig_atomic_t alarm_count;
static int alarm_client = -1;
static struct sockaddr_storage alarm_addr;
static socklen_t alarm_addrlen;

static void
on_alarm(int sig)
{
	int saved_errno = errno;

	(void)sig;
	if (++alarm_count == ALARM_GIVE_UP && alarm_client != -1)
		(void)connect(alarm_client, (struct sockaddr *)&alarm_addr,
		    alarm_addrlen);
	errno = saved_errno;
}

/* Arm the rescue above for listener L (AF_INET). */
static void
alarm_rescue(int l)
{
	alarm_addrlen = sizeof alarm_addr;
	ATF_REQUIRE(getsockname(l, (struct sockaddr *)&alarm_addr,
	    &alarm_addrlen) == 0);
	alarm_client = socket(AF_INET, SOCK_STREAM, 0);
	ATF_REQUIRE(alarm_client != -1);
}

/*
 * SIGALRM after 300 ms and every 200 ms after that (no SA_RESTART): on a
 * loaded machine the first one may come before the call has blocked, and
 * a later one must still interrupt it.  0 turns it off.
 */
static void
alarms(int on)
{
	struct itimerval it;
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	ATF_REQUIRE(sigaction(SIGALRM, &sa, NULL) == 0);
	memset(&it, 0, sizeof it);
	if (on) {
		it.it_value.tv_usec = 300000;
		it.it_interval.tv_usec = 200000;
	}
	ATF_REQUIRE(setitimer(ITIMER_REAL, &it, NULL) == 0);
}

ATF_TC(accept4__eintr_not_retried);
ATF_TC_HEAD(accept4__eintr_not_retried, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a signal during a blocking accept gives EINTR; the library does not retry");
}
ATF_TC_BODY(accept4__eintr_not_retried, tc)
{
	int l = sc_t_listen(AF_INET), r;

	alarm_rescue(l);
	alarms(1);
	r = accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	alarms(0);
	ATF_CHECK_MSG(alarm_count < ALARM_GIVE_UP, "accept4 went on after %d "
	    "signals: the library retries on EINTR", (int)alarm_count);
	check_errno(r, EINTR, "blocking accept interrupted by a signal");
}

/* Flags on the new descriptor ---------------------------------------- */

static void
flags_case(int listener_fl, int cloexec_listener)
{
	size_t i;
	int l = sc_t_listen(AF_INET);

	if (listener_fl)
		sc_t_set_fl(l, listener_fl);
	if (cloexec_listener)
		ATF_REQUIRE(fcntl(l, F_SETFD, FD_CLOEXEC) == 0);
	for (i = 0; i < sizeof all_flags / sizeof all_flags[0]; i++) {
		int c = sc_t_connect(l);
		int fd = accept_ok(l, all_flags[i]);

		sc_t_check_flags(fd, all_flags[i]);
		close(fd);
		close(c);
	}
}

ATF_TC(accept4__flags_all_combinations);
ATF_TC_HEAD(accept4__flags_all_combinations, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "FD_CLOEXEC and O_NONBLOCK are set exactly as asked, for all four flag combinations");
}
ATF_TC_BODY(accept4__flags_all_combinations, tc)
{
	flags_case(0, 0);
}

ATF_TC(accept4__cloexec_listener_not_passed_on);
ATF_TC_HEAD(accept4__cloexec_listener_not_passed_on, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a close-on-exec listener does not pass FD_CLOEXEC on");
}
ATF_TC_BODY(accept4__cloexec_listener_not_passed_on, tc)
{
	flags_case(0, 1);
}

ATF_TC(accept4__nonblock_listener_flags0);
ATF_TC_HEAD(accept4__nonblock_listener_flags0, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a non-blocking listener and flags 0 give a blocking descriptor");
}
ATF_TC_BODY(accept4__nonblock_listener_flags0, tc)
{
	flags_case(O_NONBLOCK, 0);
}

ATF_TC(accept4__async_listener_not_inherited);
ATF_TC_HEAD(accept4__async_listener_not_inherited, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "O_ASYNC (and O_NONBLOCK) of the listener are not inherited");
}
ATF_TC_BODY(accept4__async_listener_not_inherited, tc)
{
	flags_case(O_ASYNC | O_NONBLOCK, 1);
}

ATF_TC(accept4__nonblock_really);
ATF_TC_HEAD(accept4__nonblock_really, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a SOCK_NONBLOCK descriptor does not block: read with no data gives EAGAIN");
}
ATF_TC_BODY(accept4__nonblock_really, tc)
{
	char b;
	ssize_t r;
	int l = sc_t_listen(AF_INET), c = sc_t_connect(l);
	int fd = accept_ok(l, SOCK_NONBLOCK);

	(void)c;
	/* A descriptor that blocks after all is stopped by the alarm. */
	alarms(1);
	r = read(fd, &b, 1);
	alarms(0);
	ATF_CHECK_EQ(r, -1);
	ATF_CHECK_MSG(errno == EAGAIN || errno == EWOULDBLOCK,
	    "read with no data: %s%s", strerror(errno),
	    errno == EINTR ? " (it blocked until an alarm)" : "");
}

ATF_TC(accept4__blocking_really);
ATF_TC_HEAD(accept4__blocking_really, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a descriptor without SOCK_NONBLOCK blocks in read (until an alarm)");
}
ATF_TC_BODY(accept4__blocking_really, tc)
{
	char b;
	ssize_t r;
	int l = sc_t_listen(AF_INET), c = sc_t_connect(l);
	int fd;

	sc_t_set_fl(l, O_NONBLOCK);
	fd = accept_ok(l, SOCK_CLOEXEC);
	(void)c;
	alarms(1);
	r = read(fd, &b, 1);
	alarms(0);
	ATF_CHECK_EQ(r, -1);
	ATF_CHECK_MSG(errno == EINTR, "read did not block until the alarm: %s",
	    strerror(errno));
}

/* Address output ------------------------------------------------------- */

static void
addr_case(int family, socklen_t expected)
{
	struct sockaddr_storage peer, local;
	socklen_t len = sizeof peer + 16, llen = sizeof local;
	int l = sc_t_listen(family), c = sc_t_connect(l), fd;
	char buf[sizeof peer + 16];

	memset(buf, 0xa5, sizeof buf);
	fd = accept4(l, (struct sockaddr *)buf, &len, SOCK_CLOEXEC);
	ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
	ATF_CHECK_EQ_MSG(len, expected, "addrlen %u, expected %u",
	    (unsigned)len, (unsigned)expected);
	ATF_REQUIRE(getsockname(c, (struct sockaddr *)&local, &llen) == 0);
	ATF_CHECK_EQ(llen, expected);
	ATF_CHECK_MSG(memcmp(buf, &local, expected) == 0,
	    "address differs from the client's getsockname()");
	ATF_CHECK_EQ((unsigned char)buf[expected], 0xa5);
}

ATF_TC(accept4__addr_inet);
ATF_TC_HEAD(accept4__addr_inet, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "the IPv4 address and length equal the client's getsockname, nothing written past them");
}
ATF_TC_BODY(accept4__addr_inet, tc)
{
	addr_case(AF_INET, sizeof(struct sockaddr_in));
}

ATF_TC(accept4__addr_inet6);
ATF_TC_HEAD(accept4__addr_inet6, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "the IPv6 address and length equal the client's getsockname");
}
ATF_TC_BODY(accept4__addr_inet6, tc)
{
	addr_case(AF_INET6, sizeof(struct sockaddr_in6));
}

ATF_TC(accept4__addr_truncated);
ATF_TC_HEAD(accept4__addr_truncated, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a short buffer gets a truncated address and addrlen reports the full size");
}
ATF_TC_BODY(accept4__addr_truncated, tc)
{
	struct sockaddr_in local;
	socklen_t llen = sizeof local, len = 6;
	unsigned char buf[16];
	int l = sc_t_listen(AF_INET), c = sc_t_connect(l), fd;

	memset(buf, 0xa5, sizeof buf);
	fd = accept4(l, (struct sockaddr *)buf, &len, SOCK_NONBLOCK);
	ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
	ATF_CHECK_EQ_MSG(len, sizeof local, "addrlen %u: the full size is "
	    "reported", (unsigned)len);
	ATF_REQUIRE(getsockname(c, (struct sockaddr *)&local, &llen) == 0);
	ATF_CHECK(memcmp(buf, &local, 6) == 0);
	ATF_CHECK_EQ_MSG(buf[6], 0xa5, "written past the given length");
}

ATF_TC(accept4__addrlen_zero_canary);
ATF_TC_HEAD(accept4__addrlen_zero_canary, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "addrlen 0 leaves the buffer untouched and reports the full size");
}
ATF_TC_BODY(accept4__addrlen_zero_canary, tc)
{
	unsigned char buf[16], canary[16];
	socklen_t len = 0;
	int l = sc_t_listen(AF_INET), fd;

	(void)sc_t_connect(l);
	memset(buf, 0x5a, sizeof buf);
	memcpy(canary, buf, sizeof buf);
	fd = accept4(l, (struct sockaddr *)buf, &len, SOCK_CLOEXEC);
	ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
	ATF_CHECK_EQ(len, sizeof(struct sockaddr_in));
	ATF_CHECK_MSG(memcmp(buf, canary, sizeof buf) == 0,
	    "buffer written with addrlen 0");
}

ATF_TC(accept4__addr_null);
ATF_TC_HEAD(accept4__addr_null, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "addr and addrlen both NULL are allowed");
}
ATF_TC_BODY(accept4__addr_null, tc)
{
	int l = sc_t_listen(AF_INET);

	(void)sc_t_connect(l);
	sc_t_check_flags(accept_ok(l, SOCK_CLOEXEC | SOCK_NONBLOCK),
	    SOCK_CLOEXEC | SOCK_NONBLOCK);
}

ATF_TC(accept4__unix_unbound_peer);
ATF_TC_HEAD(accept4__unix_unbound_peer, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "an AF_UNIX peer that is not bound is accepted with its family only");
}
ATF_TC_BODY(accept4__unix_unbound_peer, tc)
{
	struct sockaddr_un addr_un;
	socklen_t len = sizeof addr_un;
	int l = sc_t_listen(AF_UNIX), fd;

	(void)sc_t_connect(l);
	memset(&addr_un, 0xa5, sizeof addr_un);
	fd = accept4(l, (struct sockaddr *)&addr_un, &len, SOCK_CLOEXEC);
	ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
	ATF_CHECK_EQ(addr_un.sun_family, AF_UNIX);
#ifdef __linux__
	ATF_CHECK_EQ_MSG(len, sizeof(sa_family_t), "addrlen %u", (unsigned)len);
#endif
	sc_t_check_flags(fd, SOCK_CLOEXEC);
}

/* Descriptors and exec ------------------------------------------------- */

static void
exec_case(const atf_tc_t *tc, int flags, int use_spawn)
{
	const char *srcdir = atf_tc_get_config_var(tc, "srcdir");
	int l = sc_t_listen(AF_INET), fd, open_there;

	(void)sc_t_connect(l);
	fd = accept_ok(l, flags);
	open_there = sc_t_open_after_exec(srcdir, fd, use_spawn);
	if (flags & SOCK_CLOEXEC)
		ATF_CHECK_MSG(!open_there, "SOCK_CLOEXEC descriptor %d is open "
		    "after %s", fd, use_spawn ? "posix_spawn" : "fork+exec");
	else
		ATF_CHECK_MSG(open_there, "descriptor %d is not open after %s",
		    fd, use_spawn ? "posix_spawn" : "fork+exec");
}

ATF_TC(accept4__cloexec_closed_across_exec);
ATF_TC_HEAD(accept4__cloexec_closed_across_exec, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "a SOCK_CLOEXEC descriptor is closed in a program started by fork+exec or posix_spawn");
}
ATF_TC_BODY(accept4__cloexec_closed_across_exec, tc)
{
	exec_case(tc, SOCK_CLOEXEC, 0);
	exec_case(tc, SOCK_CLOEXEC | SOCK_NONBLOCK, 1);
}

ATF_TC(accept4__no_cloexec_open_across_exec);
ATF_TC_HEAD(accept4__no_cloexec_open_across_exec, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "without SOCK_CLOEXEC the exec'd program has the descriptor");
}
ATF_TC_BODY(accept4__no_cloexec_open_across_exec, tc)
{
	exec_case(tc, 0, 0);
	exec_case(tc, SOCK_NONBLOCK, 1);
}

ATF_TC(accept4__lowest_free_fd);
ATF_TC_HEAD(accept4__lowest_free_fd, tc)
{
	atf_tc_set_md_var(tc, "descr",
	    "the new descriptor is the lowest free number");
}
ATF_TC_BODY(accept4__lowest_free_fd, tc)
{
	int l = sc_t_listen(AF_INET), hole, fd;

	(void)sc_t_connect(l);
	hole = dup(0);
	ATF_REQUIRE(hole != -1);
	ATF_REQUIRE(dup(0) != -1);	/* something above the hole */
	ATF_REQUIRE(close(hole) == 0);
	fd = accept_ok(l, SOCK_CLOEXEC | SOCK_NONBLOCK);
	ATF_CHECK_EQ(fd, hole);
}

/* System calls --------------------------------------------------------- */

struct trace_arg {
	int l, flags, fd;
};

static int
traced_accept(void *p)
{
	struct trace_arg *a = p;

	a->fd = accept4(a->l, NULL, NULL, a->flags);
	return a->fd == -1;
}

/*
 * What the emulation must cost: accept, then one call per requested flag;
 * where accept() inherits the listener's status flags, the status flags are
 * always written, and the ioctl variant clears O_ASYNC with a second call.
 */
static int
emulated_calls(int flags)
{
	int n = 1;

	if (flags & SOCK_CLOEXEC)
		n++;
	if ((flags & SOCK_NONBLOCK) || SOCKCOMPAT_ACCEPT_INHERITS)
		n++;
#ifndef SOCKCOMPAT_O_NONBLOCK
	if (SOCKCOMPAT_ACCEPT_INHERITS)
		n++;
#endif
	return n;
}

ATF_TC(accept4__syscall_floor);
ATF_TC_HEAD(accept4__syscall_floor, tc)
{
	atf_tc_set_md_var(tc, "descr", "accept4 costs one system call on the "
	    "native path and accept plus one per requested flag emulated, "
	    "close-on-exec first, counted with ptrace");
}
ATF_TC_BODY(accept4__syscall_floor, tc)
{
	size_t i;

	sc_t_require_exact_counts();

	for (i = 0; i < sizeof all_flags / sizeof all_flags[0]; i++) {
		struct trace_arg a;
		struct sctrace t;
		int want = SC_T_NATIVE_ACCEPT4 ? 1 : emulated_calls(all_flags[i]);

		a.l = sc_t_listen(AF_INET);
		a.flags = all_flags[i];
		(void)sc_t_connect(a.l);
		ATF_REQUIRE_EQ(sc_t_trace(NULL, traced_accept, &a, &t), 0);
		ATF_CHECK_EQ_MSG(t.count, want, "flags %#x: %ld system calls "
		    "(%s), expected %d", all_flags[i], t.count,
		    sctrace_str(&t), want);
		if (SC_T_NATIVE_ACCEPT4)
			ATF_CHECK_EQ(t.accept4, 1);
		else if ((all_flags[i] & SOCK_CLOEXEC) &&
		    ((all_flags[i] & SOCK_NONBLOCK) ||
		    SOCKCOMPAT_ACCEPT_INHERITS))
			sc_t_check_cloexec_first(&t, "accept4");
		close(a.l);
	}
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, accept4__ebadf_minus1);
	ATF_TP_ADD_TC(tp, accept4__ebadf_closed);
	ATF_TP_ADD_TC(tp, accept4__enotsock_file);
	ATF_TP_ADD_TC(tp, accept4__enotsock_pipe);
	ATF_TP_ADD_TC(tp, accept4__einval_not_listening);
	ATF_TP_ADD_TC(tp, accept4__eopnotsupp_dgram);
	ATF_TP_ADD_TC(tp, accept4__einval_unknown_flags);
	ATF_TP_ADD_TC(tp, accept4__ebadf_before_einval);
	ATF_TP_ADD_TC(tp, accept4__eagain_nonblock_listener);
	ATF_TP_ADD_TC(tp, accept4__efault_addrlen_null);
	ATF_TP_ADD_TC(tp, accept4__eintr_not_retried);

	ATF_TP_ADD_TC(tp, accept4__flags_all_combinations);
	ATF_TP_ADD_TC(tp, accept4__cloexec_listener_not_passed_on);
	ATF_TP_ADD_TC(tp, accept4__nonblock_listener_flags0);
	ATF_TP_ADD_TC(tp, accept4__async_listener_not_inherited);
	ATF_TP_ADD_TC(tp, accept4__nonblock_really);
	ATF_TP_ADD_TC(tp, accept4__blocking_really);

	ATF_TP_ADD_TC(tp, accept4__addr_inet);
	ATF_TP_ADD_TC(tp, accept4__addr_inet6);
	ATF_TP_ADD_TC(tp, accept4__addr_truncated);
	ATF_TP_ADD_TC(tp, accept4__addrlen_zero_canary);
	ATF_TP_ADD_TC(tp, accept4__addr_null);
	ATF_TP_ADD_TC(tp, accept4__unix_unbound_peer);

	ATF_TP_ADD_TC(tp, accept4__cloexec_closed_across_exec);
	ATF_TP_ADD_TC(tp, accept4__no_cloexec_open_across_exec);
	ATF_TP_ADD_TC(tp, accept4__lowest_free_fd);

	ATF_TP_ADD_TC(tp, accept4__syscall_floor);
	return atf_no_error();
}
