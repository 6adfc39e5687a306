/*
 * The runtime fallback: a native accept4 or type flags that the kernel or
 * a sandbox refuses are given up after one attempt, and a genuine error
 * never is.
 * Linux only (a seccomp filter plays the refusing kernel); linked with the
 * library as configured, since only that build tries the native call.
 * What each filter plays: ENOSYS, a kernel without the call (Linux before
 * 2.6.28 has no sys_accept4, net/socket.c); EINVAL, an i386 kernel whose
 * sys_socketcall does not know SYS_ACCEPT4 (net/socket.c @ 6967963d:
 * socketcall answers -EINVAL for a call number past the last it knows);
 * EPERM, EACCES, EOPNOTSUPP, seccomp and container profiles; the type
 * flags refused, Linux before 2.6.27, whose sys_socket took them for part
 * of the type (EINVAL from __sock_create's `type >= SOCK_MAX` check, net/socket.c
 * @ 005a1aea line 1226); bad accept4 flags refused before anything else,
 * Linux before 5.5 (__sys_accept4 in net/socket.c @ 005a1aea checks the
 * flags at lines 1550-1551, before sockfd_lookup_light at line 1556;
 * doc/PLATFORMS.md [3]).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>
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
	struct sctrace t;
	int fds[2], r;

	if (!SC_T_NATIVE_ACCEPT4)
		atf_tc_skip("this build never calls the native accept4 (none "
		    "on this system, or --enable-emulation=always)");
	fds[0] = sc_t_listen(AF_INET);
	(void)sc_t_connect(fds[0]);
	fds[1] = sc_t_bound();

	r = sc_t_trace(NULL, genuine_rounds, fds, &t);
	ATF_REQUIRE_EQ_MSG(r, 0, "step %d gave the wrong answer", r);
	/* EBADF: 1 call; EINVAL: the call and the probe; then the native
	 * call again, and nothing else. */
	ATF_CHECK_EQ_MSG(t.accept4, 4, "native accept4 calls: "
	    "%ld (system calls: %s), expected 4", t.accept4,
	    sctrace_str(&t));
	ATF_CHECK_EQ_MSG(t.count, 4, "system calls: %s", sctrace_str(&t));
}

/*
 * The first native accept4 of an event loop usually finds nothing pending
 * (EAGAIN): that says nothing about the call, so the next accept, with a
 * connection, is one native call and nothing else.
 */
static int
eagain_first(void *p)
{
	int *l = p, fd;

	if (accept4(l[0], NULL, NULL, SOCK_CLOEXEC) != -1 || errno != EAGAIN)
		return 1;
	fd = accept4(l[1], NULL, NULL, SOCK_CLOEXEC);
	if (fd == -1 || !(fcntl(fd, F_GETFD) & FD_CLOEXEC))
		return 2;
	return 0;
}

ATF_TC(fallback__eagain_first_not_a_verdict);
ATF_TC_HEAD(fallback__eagain_first_not_a_verdict, tc)
{
	atf_tc_set_md_var(tc, "descr", "a first native accept4 answering "
	    "EAGAIN (non-blocking listener, nothing pending) decides nothing: "
	    "a connection then costs exactly one accept4");
}
ATF_TC_BODY(fallback__eagain_first_not_a_verdict, tc)
{
	struct sctrace t;
	int l[2], r;

	if (!SC_T_NATIVE_ACCEPT4)
		atf_tc_skip("this build never calls the native accept4 (none "
		    "on this system, or --enable-emulation=always)");
	l[0] = sc_t_listen(AF_INET);
	sc_t_set_fl(l[0], O_NONBLOCK);
	l[1] = sc_t_listen(AF_INET);
	(void)sc_t_connect(l[1]);
	ATF_REQUIRE(sc_t_pending(l[1], 5000));
	r = sc_t_trace(NULL, eagain_first, l, &t);
	ATF_REQUIRE_EQ_MSG(r, 0, "step %d gave the wrong answer", r);
	/* EAGAIN: the call alone, no probe; then one native call; the one
	 * fcntl is the check above (the emulation would add accept and
	 * fcntl calls). */
	ATF_CHECK_EQ_MSG(t.accept4, 2, "native accept4 calls: %ld (system "
	    "calls: %s), expected 2", t.accept4, sctrace_str(&t));
	ATF_CHECK_EQ_MSG(t.count, 3, "system calls: %s", sctrace_str(&t));
}

/*
 * Genuine errors after a native success: "usable" was stored by the
 * success, so neither error is second-guessed by a probe on descriptor -1.
 */
static int
success_then_errors(void *p)
{
	int *fds = p, fd;

	fd = accept4(fds[0], NULL, NULL, SOCK_CLOEXEC);
	if (fd == -1)
		return 1;
	if (accept4(fds[1], NULL, NULL, SOCK_CLOEXEC) != -1 || errno != EINVAL)
		return 2;
	if (accept4(fds[1], NULL, NULL, SOCK_NONBLOCK) != -1 || errno != EINVAL)
		return 3;
	return 0;
}

ATF_TC(fallback__success_stores_usable);
ATF_TC_HEAD(fallback__success_stores_usable, tc)
{
	atf_tc_set_md_var(tc, "descr", "a native accept4 that worked is "
	    "trusted: later EINVAL from a socket that is not listening is "
	    "returned at once, with no probe on descriptor -1");
}
ATF_TC_BODY(fallback__success_stores_usable, tc)
{
	struct sctrace t;
	int fds[2], r;

	if (!SC_T_NATIVE_ACCEPT4)
		atf_tc_skip("this build never calls the native accept4 (none "
		    "on this system, or --enable-emulation=always)");
	fds[0] = sc_t_listen(AF_INET);
	(void)sc_t_connect(fds[0]);
	ATF_REQUIRE(sc_t_pending(fds[0], 5000));
	fds[1] = sc_t_bound();
	r = sc_t_trace(NULL, success_then_errors, fds, &t);
	ATF_REQUIRE_EQ_MSG(r, 0, "step %d gave the wrong answer", r);
	ATF_CHECK_EQ_MSG(t.accept4, 3, "native accept4 calls: %ld (system "
	    "calls: %s), expected 3: a probe was made", t.accept4,
	    sctrace_str(&t));
	ATF_CHECK_EQ_MSG(t.count, 3, "system calls: %s", sctrace_str(&t));
}

/*
 * The running kernel's order for bad flags on a descriptor that is not
 * open.  Linux before 5.5 (net/socket.c, __sys_accept4: the flags checked
 * before sockfd_lookup_light) answers EINVAL; a seccomp filter that
 * refuses every accept4 with a flag outside SOCK_CLOEXEC|SOCK_NONBLOCK
 * plays it.  Since 5.5 (__sys_accept4 looks the descriptor up with fdget
 * before __sys_accept4_file checks the flags; read in the patch,
 * doc/PLATFORMS.md [41], not in a stored tree) EBADF: the kernel here.
 */
static void
refuse_bad_flags(void *p)
{
	(void)p;
	if (sctrace_refuse_if(SCTRACE_ACCEPT4, 3,
	    ~(unsigned)(SOCK_CLOEXEC | SOCK_NONBLOCK), EINVAL) == -1)
		_exit(90);
}

/* In the traced child: a good accept, then bad flags on two descriptors
 * that are not open; exit 0 if both answer WANT (passed in *p). */
static int
bad_flags_rounds(void *p)
{
	int *a = p, fd, closed;

	fd = accept4(a[1], NULL, NULL, SOCK_CLOEXEC);
	if (fd == -1)
		return 1;
	closed = dup(0);
	if (closed == -1 || close(closed) == -1)
		return 9;
	if (accept4(-1, NULL, NULL, 0x40000000) != -1 || errno != a[0])
		return 2;
	if (accept4(closed, NULL, NULL, 0x40000000 | SOCK_CLOEXEC) != -1 ||
	    errno != a[0])
		return 3;
	return 0;
}

static void
error_order_case(int old_kernel)
{
	struct sctrace t;
	int a[2], r, n, i, dup_at, before = 0, after = 0, getfd = 0;

	if (SOCKCOMPAT_EBADF_FIRST != 2)
		atf_tc_skip("the error order is fixed at build time here; "
		    "only Linux's changed between kernel versions");
	if (!old_kernel && sc_t_sys_accept4(-1, NULL, NULL,
	    0x40000000) != -1)
		atf_tc_fail("accept4 on descriptor -1 worked");
	if (!old_kernel && errno != EBADF)
		atf_tc_skip("this kernel checks accept4's flags first (before "
		    "5.5): the old order is the real one here");
	a[0] = old_kernel ? EINVAL : EBADF;
	a[1] = sc_t_listen(AF_INET);
	(void)sc_t_connect(a[1]);
	ATF_REQUIRE(sc_t_pending(a[1], 5000));
	r = sc_t_trace(old_kernel ? refuse_bad_flags : NULL, bad_flags_rounds,
	    a, &t);
	if (r == 90)
		atf_tc_skip("the kernel cannot install a seccomp filter here");
	ATF_REQUIRE_EQ_MSG(r, 0, "step %d gave the wrong answer (want %s)", r,
	    old_kernel ? "EINVAL" : "EBADF");
	/*
	 * Before dup(): the good accept alone, one accept4 where the build
	 * calls it natively, none where it emulates -- no probe on that
	 * path.  After: one probe for both bad calls (asked once), and an
	 * F_GETFD per bad call only where EBADF comes first.
	 */
	n = t.count < SCTRACE_KEEP ? (int)t.count : SCTRACE_KEEP;
	for (dup_at = 0; dup_at < n && t.nr[dup_at] != SCTRACE_DUP; dup_at++)
		continue;
	ATF_REQUIRE_MSG(dup_at < n, "no dup() seen: %s", sctrace_str(&t));
	for (i = 0; i < n; i++) {
		if (t.nr[i] == SCTRACE_ACCEPT4 && i < dup_at)
			before++;
		else if (t.nr[i] == SCTRACE_ACCEPT4)
			after++;
		else if (t.nr[i] == SCTRACE_FCNTL && i > dup_at)
			getfd++;
	}
	ATF_CHECK_EQ_MSG(before, SC_T_NATIVE_ACCEPT4 ? 1 : 0, "the good "
	    "accept made %d accept4 calls: %s", before, sctrace_str(&t));
	ATF_CHECK_EQ_MSG(after, 1, "%d accept4 calls for the two bad calls, "
	    "expected 1 (asked once): %s", after, sctrace_str(&t));
	ATF_CHECK_EQ_MSG(getfd, old_kernel ? 0 : 2, "F_GETFD calls: %d: %s",
	    getfd, sctrace_str(&t));
}

ATF_TC(fallback__error_order_old_kernel);
ATF_TC_HEAD(fallback__error_order_old_kernel, tc)
{
	atf_tc_set_md_var(tc, "descr", "a Linux kernel before 5.5 (flags "
	    "checked first, simulated): bad flags on a descriptor that is not "
	    "open give EINVAL, the kernel asked once, only on that path");
}
ATF_TC_BODY(fallback__error_order_old_kernel, tc)
{
	error_order_case(1);
}

ATF_TC(fallback__error_order_new_kernel);
ATF_TC_HEAD(fallback__error_order_new_kernel, tc)
{
	atf_tc_set_md_var(tc, "descr", "Linux 5.5 and later (descriptor "
	    "looked up first): bad flags on a descriptor that is not open give "
	    "EBADF, the kernel asked once, only on that path");
}
ATF_TC_BODY(fallback__error_order_new_kernel, tc)
{
	error_order_case(0);
}

/* The socket type flags: a kernel that takes them for part of the type. */

static void
refuse_type_flags(void *p)
{
	(void)p;
	/* EINVAL as __sock_create answers (see the top of this file);
	 * EPROTONOSUPPORT is a second refusal the library must also take,
	 * not read from a kernel source: one each. */
	if (sctrace_refuse_if(SCTRACE_SOCKET, 1, SOCK_CLOEXEC | SOCK_NONBLOCK,
	    EINVAL) == -1 ||
	    sctrace_refuse_if(SCTRACE_SOCKETPAIR, 1, SOCK_CLOEXEC | SOCK_NONBLOCK,
	    EPROTONOSUPPORT) == -1)
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

/* The lowest free descriptor: where the next new one must land if the
 * library's own probes closed theirs. */
static int
lowest_free(void)
{
	int fd = dup(0);

	if (fd != -1)
		close(fd);
	return fd;
}

/* In the traced child: three sockets and a pair, all with the flags. */
static int
refused_sockets(void *p)
{
	int i, sv[2], lowest = lowest_free();

	(void)p;
	for (i = 0; i < 3; i++) {
		int fl = round_flags[i], s;

		s = sockcompat_socket(AF_INET, SOCK_STREAM | fl, 0);
		if (s == -1)
			return 10 + i;
		if (i == 0 && s != lowest)
			return 40;	/* the probe socket leaked */
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
	    "(EINVAL from socket, EPROTONOSUPPORT from socketpair: seccomp "
	    "filters on the type): the retry without them proves the cause "
	    "(and closes what it made), sockets and pairs get the right "
	    "flags, and the flags are never passed again");
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
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SCTRACE_SOCKET), 6, "socket calls: %ld "
	    "(system calls: %s)", sctrace_count(&t, SCTRACE_SOCKET),
	    sctrace_str(&t));
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SCTRACE_SOCKETPAIR), 1,
	    "socketpair calls: %ld", sctrace_count(&t, SCTRACE_SOCKETPAIR));
}

/* In the traced child: a pair first, then a socket, both with flags. */
static int
refused_pair_first(void *p)
{
	int sv[2], s, a = dup(0), b = dup(0);

	(void)p;
	if (a == -1 || b == -1)
		return 5;
	close(a);
	close(b);
	if (sockcompat_socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
	    sv) == -1)
		return 1;
	if (sv[0] != a || sv[1] != b)
		return 4;	/* an end of the probe pair leaked */
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
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SCTRACE_SOCKETPAIR), 3, "system calls: "
	    "%s", sctrace_str(&t));
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SCTRACE_SOCKET), 1, "system calls: %s",
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
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SCTRACE_SOCKET), 3, "system calls: %s",
	    sctrace_str(&t));
	ATF_CHECK_EQ_MSG(sctrace_count(&t, SCTRACE_FCNTL), 2, "system calls: %s",
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
	ATF_TP_ADD_TC(tp, fallback__eagain_first_not_a_verdict);
	ATF_TP_ADD_TC(tp, fallback__success_stores_usable);
	ATF_TP_ADD_TC(tp, fallback__error_order_old_kernel);
	ATF_TP_ADD_TC(tp, fallback__error_order_new_kernel);
	ATF_TP_ADD_TC(tp, fallback__socket_flags_refused);
	ATF_TP_ADD_TC(tp, fallback__socketpair_flags_refused);
	ATF_TP_ADD_TC(tp, fallback__socket_genuine_error_kept);
	return atf_no_error();
}
