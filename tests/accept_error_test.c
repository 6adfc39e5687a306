/*
 * sockcompat_accept_error gives each errno of accept the documented
 * verdict, resolves EOPNOTSUPP by the listener's type, and classifies the
 * errors accept really produces.  Built twice, like the other tests.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

#define RETRY SOCKCOMPAT_ACCEPT_RETRY
#define WAIT SOCKCOMPAT_ACCEPT_WAIT
#define BACKOFF SOCKCOMPAT_ACCEPT_BACKOFF
#define FATAL SOCKCOMPAT_ACCEPT_FATAL

static const char *
name(int v)
{
	return v == RETRY ? "RETRY" : v == WAIT ? "WAIT" :
	    v == BACKOFF ? "BACKOFF" : v == FATAL ? "FATAL" : "?";
}

static void
expect(int listener, int err, int want)
{
	int got = sockcompat_accept_error(listener, err);

	ATF_CHECK_EQ_MSG(got, want, "errno %d (%s): %s, expected %s", err,
	    strerror(err), name(got), name(want));
}

ATF_TC(accept_error__verdicts);
ATF_TC_HEAD(accept_error__verdicts, tc)
{
	atf_tc_set_md_var(tc, "descr", "every errno the manuals list for "
	    "accept gets the verdict of the table in sockcompat_accept_error(3)");
}
ATF_TC_BODY(accept_error__verdicts, tc)
{
	int l = sc_t_listen(AF_INET);

	expect(l, EAGAIN, WAIT);
	expect(l, EWOULDBLOCK, WAIT);
	expect(l, EINTR, RETRY);
	expect(l, ECONNABORTED, RETRY);
	expect(l, ECONNRESET, RETRY);
	expect(l, EPERM, RETRY);	/* accept is permitted here */
	expect(l, ETIMEDOUT, RETRY);
	expect(l, ENETDOWN, RETRY);
	expect(l, ENETUNREACH, RETRY);
	expect(l, EHOSTUNREACH, RETRY);
	expect(l, ENOPROTOOPT, RETRY);
	expect(l, EPROTONOSUPPORT, RETRY);
#ifdef EPROTO
	expect(l, EPROTO, RETRY);
#endif
#ifdef EHOSTDOWN
	expect(l, EHOSTDOWN, RETRY);
#endif
#ifdef ENONET
	expect(l, ENONET, RETRY);
#endif
#ifdef ESOCKTNOSUPPORT
	expect(l, ESOCKTNOSUPPORT, RETRY);
#endif
	expect(l, EMFILE, BACKOFF);
	expect(l, ENFILE, BACKOFF);
	expect(l, ENOBUFS, BACKOFF);
	expect(l, ENOMEM, BACKOFF);
#ifdef ENOSR
	expect(l, ENOSR, BACKOFF);
#endif
	expect(l, EBADF, FATAL);
	expect(l, ENOTSOCK, FATAL);
	expect(l, EINVAL, FATAL);
	expect(l, EFAULT, FATAL);
	expect(l, ENOSYS, FATAL);
	expect(l, ENODEV, FATAL);
}

ATF_TC(accept_error__unknown_backs_off);
ATF_TC_HEAD(accept_error__unknown_backs_off, tc)
{
	atf_tc_set_md_var(tc, "descr", "an errno accept is not known to "
	    "return gets BACKOFF: neither a spin nor giving up");
}
ATF_TC_BODY(accept_error__unknown_backs_off, tc)
{
	int l = sc_t_listen(AF_INET);

	expect(l, EDOM, BACKOFF);
	expect(l, 0, BACKOFF);
	expect(l, -1, BACKOFF);
	expect(l, 99999, BACKOFF);
	expect(-1, EDOM, BACKOFF);
}

ATF_TC(accept_error__eopnotsupp_by_listener);
ATF_TC_HEAD(accept_error__eopnotsupp_by_listener, tc)
{
	atf_tc_set_md_var(tc, "descr", "EOPNOTSUPP is a lost connection on a "
	    "stream listener and fatal on a seqpacket socket (one-to-many "
	    "SCTP answers it for ever), a datagram socket or a descriptor "
	    "that is not a socket");
}
ATF_TC_BODY(accept_error__eopnotsupp_by_listener, tc)
{
	int stream = sc_t_listen(AF_INET);
	int seq = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	int dgram = socket(AF_INET, SOCK_DGRAM, 0);
	int p[2];

	ATF_REQUIRE(dgram != -1 && pipe(p) == 0);
	expect(stream, EOPNOTSUPP, RETRY);
	expect(stream, ENOTSUP, RETRY);
	if (seq != -1)
		expect(seq, EOPNOTSUPP, FATAL);
	expect(dgram, EOPNOTSUPP, FATAL);
	expect(p[0], EOPNOTSUPP, FATAL);
	expect(-1, EOPNOTSUPP, FATAL);
}

ATF_TC(accept_error__sctp_one_to_many);
ATF_TC_HEAD(accept_error__sctp_one_to_many, tc)
{
	atf_tc_set_md_var(tc, "descr", "accept on a listening one-to-many "
	    "SCTP socket fails with EOPNOTSUPP, and that is FATAL, not RETRY, "
	    "which would make an accept loop spin");
}
ATF_TC_BODY(accept_error__sctp_one_to_many, tc)
{
#ifdef IPPROTO_SCTP
	struct sockaddr_in a;
	int s = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP), i;

	if (s == -1)
		atf_tc_skip("no SCTP here (socket: %s): the kernel has no sctp "
		    "module loaded or may not load one", strerror(errno));
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ATF_REQUIRE(bind(s, (struct sockaddr *)&a, sizeof a) == 0);
	ATF_REQUIRE(listen(s, 1) == 0);
	/* Permanent: the same answer however often it is asked. */
	for (i = 0; i < 3; i++) {
		ATF_REQUIRE_EQ(accept4(s, NULL, NULL, 0), -1);
		ATF_REQUIRE_EQ(errno, EOPNOTSUPP);
		ATF_CHECK_EQ(sockcompat_accept_error(s, errno),
		    SOCKCOMPAT_ACCEPT_FATAL);
	}
#else
	atf_tc_skip("this system's <netinet/in.h> has no IPPROTO_SCTP");
#endif
}

/* What accept4 really failed with, classified. */
static void
expect_real(int fd, int flags, int want_errno, int want)
{
	int r = accept4(fd, NULL, NULL, flags), err = errno;

	ATF_REQUIRE_EQ(r, -1);
	ATF_CHECK_EQ_MSG(err, want_errno, "accept4 failed with %s",
	    strerror(err));
	expect(fd, err, want);
}

ATF_TC(accept_error__eperm_by_sandbox);
ATF_TC_HEAD(accept_error__eperm_by_sandbox, tc)
{
	atf_tc_set_md_var(tc, "descr", "EPERM is a lost connection while "
	    "accept itself is permitted, and FATAL when a sandbox (a seccomp "
	    "filter here) refuses accept altogether, where retrying would spin");
}
ATF_TC_BODY(accept_error__eperm_by_sandbox, tc)
{
	int l = sc_t_listen(AF_INET), st, errno_before;
	pid_t pid;

#ifndef SYS_accept
	atf_tc_skip("accept is not a system call of its own here");
#endif
	expect(l, EPERM, RETRY);
	fflush(NULL);
	pid = fork();
	ATF_REQUIRE(pid != -1);
	if (pid == 0) {
#ifdef SYS_accept
		if (sctrace_refuse(SYS_accept, EPERM) == -1)
			_exit(90);
#endif
		errno = EDOM;
		errno_before = sockcompat_accept_error(l, EPERM);
		/* exit, not _exit: coverage counts are written at exit */
		exit(errno_before == FATAL && errno == EDOM ? 0 : 1);
	}
	ATF_REQUIRE(waitpid(pid, &st, 0) == pid);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 90)
		atf_tc_skip("the kernel cannot install a seccomp filter here");
	ATF_CHECK_MSG(WIFEXITED(st) && WEXITSTATUS(st) == 0, "EPERM with accept "
	    "refused by the sandbox was not FATAL, or errno changed");
}

ATF_TC(accept_error__real_errors);
ATF_TC_HEAD(accept_error__real_errors, tc)
{
	atf_tc_set_md_var(tc, "descr", "the errors accept4 really returns: "
	    "EAGAIN is WAIT; EBADF, ENOTSOCK, EINVAL and EOPNOTSUPP on a "
	    "datagram socket are FATAL");
}
ATF_TC_BODY(accept_error__real_errors, tc)
{
	int l = sc_t_listen(AF_INET), s, p[2];

	sc_t_set_fl(l, O_NONBLOCK);
	expect_real(l, SOCK_CLOEXEC, EAGAIN, WAIT);
	expect_real(-1, 0, EBADF, FATAL);
	ATF_REQUIRE(pipe(p) == 0);
	expect_real(p[0], 0, ENOTSOCK, FATAL);
	s = sc_t_bound();
	expect_real(s, 0, EINVAL, FATAL);
	expect_real(socket(AF_INET, SOCK_DGRAM, 0), 0, EOPNOTSUPP, FATAL);
}

ATF_TC(accept_error__real_emfile);
ATF_TC_HEAD(accept_error__real_emfile, tc)
{
	atf_tc_set_md_var(tc, "descr", "accept4 out of descriptors (a lowered "
	    "RLIMIT_NOFILE) fails with EMFILE, which is BACKOFF");
}
ATF_TC_BODY(accept_error__real_emfile, tc)
{
	struct sc_t_full full;
	int l = sc_t_listen(AF_INET), r, err;

	(void)sc_t_connect(l);
	sc_t_fill_fds(&full);
	r = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	err = errno;
	sc_t_unfill_fds(&full);
	ATF_REQUIRE_EQ(r, -1);
	ATF_CHECK_EQ_MSG(err, EMFILE, "%s", strerror(err));
	expect(l, err, BACKOFF);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, accept_error__verdicts);
	ATF_TP_ADD_TC(tp, accept_error__unknown_backs_off);
	ATF_TP_ADD_TC(tp, accept_error__eopnotsupp_by_listener);
	ATF_TP_ADD_TC(tp, accept_error__sctp_one_to_many);
	ATF_TP_ADD_TC(tp, accept_error__eperm_by_sandbox);
	ATF_TP_ADD_TC(tp, accept_error__real_errors);
	ATF_TP_ADD_TC(tp, accept_error__real_emfile);
	return atf_no_error();
}
