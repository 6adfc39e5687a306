/*
 * The runtime fallback: a native accept4 or type flags that the kernel or
 * a sandbox refuses are given up after one attempt, and a genuine error
 * never is.
 * Linux only (a seccomp filter plays the refusing kernel); linked with the
 * library as configured, since only that build tries the native call.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

#define ROUNDS 4

static const int round_flags[ROUNDS] = {
	SOCK_CLOEXEC | SOCK_NONBLOCK, SOCK_CLOEXEC, SOCK_NONBLOCK, 0
};

struct refuse_arg {
	int err;
	int l;
};

static void
refuse_setup(void *p)
{
	struct refuse_arg *a = p;

	if (sctrace_refuse(SCTRACE_ACCEPT4, a->err) == -1)
		_exit(90);
}

/* In the traced child: accept ROUNDS pending connections; exit 0 only if
 * every one succeeded with exactly the requested flags. */
static int
refused_rounds(void *p)
{
	struct refuse_arg *a = p;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		int fd = accept4(a->l, NULL, NULL, round_flags[i]);
		int fdf, fl;

		if (fd == -1)
			return 10 + i;
		fdf = fcntl(fd, F_GETFD);
		fl = fcntl(fd, F_GETFL);
		if (fdf != ((round_flags[i] & SOCK_CLOEXEC) ? FD_CLOEXEC : 0))
			return 20 + i;
		if (((fl & O_NONBLOCK) != 0) != ((round_flags[i] & SOCK_NONBLOCK) != 0))
			return 30 + i;
		close(fd);
	}
	return 0;
}

static void
refused_case(int err)
{
	struct refuse_arg a;
	struct sctrace t;
	int i, r, want;

	if (!SC_T_NATIVE_ACCEPT4)
		atf_tc_skip("this build never calls the native accept4 (none "
		    "on this system, or --enable-emulation=always)");
#ifndef __linux__
	atf_tc_skip("needs a Linux seccomp filter to make accept4 fail");
#endif
	a.err = err;
	a.l = sc_t_listen(AF_INET);
	for (i = 0; i < ROUNDS; i++)
		(void)sc_t_connect(a.l);
	r = sc_t_trace(refuse_setup, refused_rounds, &a, &t);
	if (r == 90)
		atf_tc_skip("the kernel cannot install a seccomp filter here");
	ATF_REQUIRE_EQ_MSG(r, 0, "round %d failed (%s)", r % 10,
	    r < 20 ? "accept4 returned -1" : r < 30 ? "FD_CLOEXEC wrong" :
	    "O_NONBLOCK wrong");
	/*
	 * ENOSYS is unambiguous: one native attempt.  The others are
	 * ambiguous: the attempt plus the probe on descriptor -1.  After the
	 * verdict, none at all.
	 */
	want = err == ENOSYS ? 1 : 2;
	ATF_CHECK_EQ_MSG(t.accept4, want,
	    "%ld native accept4 calls over %d accepts (system calls: %s), "
	    "expected %d", t.accept4, ROUNDS, sctrace_str(&t),
	    want);
}

#define REFUSED_TC(name, err, text)					\
	ATF_TC(name);							\
	ATF_TC_HEAD(name, tc)						\
	{								\
		atf_tc_set_md_var(tc, "descr", "native accept4 answering " \
		    text ": the emulation takes over with the right flags " \
		    "and the native call is never tried again");	\
	}								\
	ATF_TC_BODY(name, tc)						\
	{								\
		refused_case(err);					\
	}

REFUSED_TC(fallback__enosys, ENOSYS, "ENOSYS")
REFUSED_TC(fallback__eperm, EPERM, "EPERM")
REFUSED_TC(fallback__eacces, EACCES, "EACCES")
REFUSED_TC(fallback__einval, EINVAL, "EINVAL")
REFUSED_TC(fallback__eopnotsupp, EOPNOTSUPP, "EOPNOTSUPP")

/* In the traced child, with a working native accept4: two genuine errors,
 * then a real connection must still go through the native call. */
static int
genuine_rounds(void *p)
{
	int *fds = p, fd;

	if (accept4(-1, NULL, NULL, SOCK_CLOEXEC) != -1 || errno != EBADF)
		return 1;
	if (accept4(fds[1], NULL, NULL, SOCK_CLOEXEC) != -1 || errno != EINVAL)
		return 2;
	fd = accept4(fds[0], NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (fd == -1)
		return 3;
	return 0;
}

ATF_TC(fallback__genuine_errors_kept);
ATF_TC_HEAD(fallback__genuine_errors_kept, tc)
{
	atf_tc_set_md_var(tc, "descr", "EBADF and EINVAL from a working "
	    "native accept4 are returned unchanged and do not turn the "
	    "native call off");
}
ATF_TC_BODY(fallback__genuine_errors_kept, tc)
{
	struct sockaddr_in sin;
	struct sctrace t;
	int fds[2], r;

	if (!SC_T_NATIVE_ACCEPT4)
		atf_tc_skip("this build never calls the native accept4 (none "
		    "on this system, or --enable-emulation=always)");
	fds[0] = sc_t_listen(AF_INET);
	(void)sc_t_connect(fds[0]);
	fds[1] = socket(AF_INET, SOCK_STREAM, 0);
	ATF_REQUIRE(fds[1] != -1);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ATF_REQUIRE(bind(fds[1], (struct sockaddr *)&sin, sizeof sin) == 0);

	r = sc_t_trace(NULL, genuine_rounds, fds, &t);
	ATF_REQUIRE_EQ_MSG(r, 0, "step %d gave the wrong answer", r);
	/* EBADF: 1 call; EINVAL: the call and the probe; then the native
	 * call again, and nothing else. */
	ATF_CHECK_EQ_MSG(t.accept4, 4, "native accept4 calls: "
	    "%ld (system calls: %s), expected 4", t.accept4,
	    sctrace_str(&t));
	ATF_CHECK_EQ_MSG(t.count, 4, "system calls: %s", sctrace_str(&t));
}

/* The socket type flags: a kernel that takes them for part of the type. */

static void
refuse_type_flags(void *p)
{
	(void)p;
	if (sctrace_refuse_if(SYS_socket, 1, SOCK_CLOEXEC | SOCK_NONBLOCK,
	    EINVAL) == -1 ||
	    sctrace_refuse_if(SYS_socketpair, 1, SOCK_CLOEXEC | SOCK_NONBLOCK,
	    EINVAL) == -1)
		_exit(90);
}

static int
flags_right(int fd, int flags)
{
	int fdf = fcntl(fd, F_GETFD), fl = fcntl(fd, F_GETFL);

	return fdf == ((flags & SOCK_CLOEXEC) ? FD_CLOEXEC : 0) &&
	    ((fl & O_NONBLOCK) != 0) == ((flags & SOCK_NONBLOCK) != 0);
}

/* Run FN in a traced child under SETUP, for the socket cases. */
static void
trace_socket_case(void (*setup)(void *), int (*fn)(void *), struct sctrace *t)
{
	int r;

	if (!SC_T_NATIVE_SOCK_FLAGS)
		atf_tc_skip("this build never passes the type flags to socket() "
		    "(none on this system, or --enable-emulation=always)");
	r = sc_t_trace(setup, fn, NULL, t);
	if (r == 90)
		atf_tc_skip("the kernel cannot install a seccomp filter here");
	ATF_REQUIRE_EQ_MSG(r, 0, "step %d gave the wrong answer", r);
}

/* In the traced child: three sockets and a pair, all with the flags. */
static int
refused_sockets(void *p)
{
	int i, sv[2];

	(void)p;
	for (i = 0; i < 3; i++) {
		int fl = round_flags[i], s;

		s = sockcompat_socket(AF_INET, SOCK_STREAM | fl, 0);
		if (s == -1)
			return 10 + i;
		if (!flags_right(s, fl))
			return 20 + i;
		close(s);
	}
	if (sockcompat_socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1)
		return 13;
	if (!flags_right(sv[0], SOCK_CLOEXEC) || !flags_right(sv[1], SOCK_CLOEXEC))
		return 23;
	/* An invalid type keeps its own errno. */
	if (sockcompat_socket(AF_INET, 15 | SOCK_CLOEXEC, 0) != -1 ||
	    errno != EINVAL)
		return 30;
	return 0;
}

ATF_TC(fallback__socket_flags_refused);
ATF_TC_HEAD(fallback__socket_flags_refused, tc)
{
	atf_tc_set_md_var(tc, "descr", "a kernel refusing the type flags "
	    "(EINVAL, a seccomp filter on socket's type): the retry without "
	    "them proves the cause, sockets and pairs get the right flags, and "
	    "the flags are never passed again");
}
ATF_TC_BODY(fallback__socket_flags_refused, tc)
{
	struct sctrace t;

	trace_socket_case(refuse_type_flags, refused_sockets, &t);
	/*
	 * First socket: the refused call, the retry that proves the flags
	 * guilty, the emulated socket; then one each for the other two and
	 * the invalid type; the pair is emulated straight away.
	 */
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SYS_socket), 6, "socket calls: %ld "
	    "(system calls: %s)", sctrace_count(&t, SYS_socket),
	    sctrace_str(&t));
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SYS_socketpair), 1,
	    "socketpair calls: %ld", sctrace_count(&t, SYS_socketpair));
}

/* In the traced child: a pair first, then a socket, both with flags. */
static int
refused_pair_first(void *p)
{
	int sv[2], s;

	(void)p;
	if (sockcompat_socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
	    sv) == -1)
		return 1;
	if (!flags_right(sv[0], SOCK_NONBLOCK) || !flags_right(sv[1], SOCK_NONBLOCK))
		return 2;
	s = sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	return s == -1 || !flags_right(s, SOCK_CLOEXEC) ? 3 : 0;
}

ATF_TC(fallback__socketpair_flags_refused);
ATF_TC_HEAD(fallback__socketpair_flags_refused, tc)
{
	atf_tc_set_md_var(tc, "descr", "the same when socketpair is the first "
	    "call to meet the refusing kernel: one retry, then socket() too "
	    "goes without the flags");
}
ATF_TC_BODY(fallback__socketpair_flags_refused, tc)
{
	struct sctrace t;

	trace_socket_case(refuse_type_flags, refused_pair_first, &t);
	/* The refused pair, the retry, the emulated pair; one socket. */
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SYS_socketpair), 3, "system calls: "
	    "%s", sctrace_str(&t));
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SYS_socket), 1, "system calls: %s",
	    sctrace_str(&t));
}

static int
genuine_socket(void *p)
{
	int s;

	(void)p;
	if (sockcompat_socket(AF_INET, 15 | SOCK_CLOEXEC, 0) != -1 ||
	    errno != EINVAL)
		return 1;
	s = sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	return s == -1 || !flags_right(s, SOCK_CLOEXEC) ? 2 : 0;
}

ATF_TC(fallback__socket_genuine_error_kept);
ATF_TC_HEAD(fallback__socket_genuine_error_kept, tc)
{
	atf_tc_set_md_var(tc, "descr", "an invalid type with the flags under a "
	    "working kernel keeps EINVAL and does not turn the flags off");
}
ATF_TC_BODY(fallback__socket_genuine_error_kept, tc)
{
	struct sctrace t;

	trace_socket_case(NULL, genuine_socket, &t);
	/* The invalid call and its retry, then one native call; the only
	 * fcntl calls are the test's own two checks (an emulated socket
	 * would add one to set close-on-exec). */
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SYS_socket), 3, "system calls: %s",
	    sctrace_str(&t));
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SYS_fcntl), 2, "system calls: %s",
	    sctrace_str(&t));
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, fallback__enosys);
	ATF_TP_ADD_TC(tp, fallback__eperm);
	ATF_TP_ADD_TC(tp, fallback__eacces);
	ATF_TP_ADD_TC(tp, fallback__einval);
	ATF_TP_ADD_TC(tp, fallback__eopnotsupp);
	ATF_TP_ADD_TC(tp, fallback__genuine_errors_kept);
	ATF_TP_ADD_TC(tp, fallback__socket_flags_refused);
	ATF_TP_ADD_TC(tp, fallback__socketpair_flags_refused);
	ATF_TP_ADD_TC(tp, fallback__socket_genuine_error_kept);
	return atf_no_error();
}
