/*
 * Fault injection: every step after accept(), socket() or socketpair() is
 * made to fail in turn.  The new descriptors must be closed, errno must be
 * the failing step's, and nothing may leak.  Linked with the emulated
 * library, whose fcntl and ioctl calls this program interposes.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

/* The Nth fcntl or ioctl from now fails with fault_errno; 0: none does. */
static int fault_countdown;
static int fault_errno;
static int fault_calls;

static int
inject(void)
{
	fault_calls++;
	if (fault_countdown > 0 && --fault_countdown == 0) {
		errno = fault_errno;
		return 1;
	}
	return 0;
}

/* Interposed for the library: count, fail on request, else the real call. */
int
fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (inject())
		return -1;
	return (int)syscall(SYS_fcntl, fd, cmd, arg);
}

int
ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (inject())
		return -1;
	return (int)syscall(SYS_ioctl, fd, req, arg);
}

static const int errnos[] = { EBADF, EINVAL, ENOMEM, EPERM, EIO };
#define NERRNOS (sizeof errnos / sizeof errnos[0])
/* Rounds per step and errno: 2 steps x 5 errnos x 10000 = 100000 failed
 * calls of each kind.  The config variable fault_rounds lowers it for slow
 * runs (valgrind). */
#define ROUNDS 10000

/* How many fcntl/ioctl calls a call with FLAGS makes after creating. */
static int
steps_of(int (*call)(int), int arg)
{
	fault_calls = 0;
	fault_countdown = 0;
	ATF_REQUIRE(call(arg) != -1);
	return fault_calls;
}

static int accept_listener = -1;

static int
do_accept(int flags)
{
	int fd, c = sc_t_connect(accept_listener);

	fd = accept4(accept_listener, NULL, NULL, flags);
	close(c);
	if (fd != -1)
		close(fd);
	return fd;
}

static int
do_socket(int flags)
{
	int fd = sockcompat_socket(AF_INET, SOCK_STREAM | flags, 0);

	if (fd != -1)
		close(fd);
	return fd;
}

static int
do_socketpair(int flags)
{
	int sv[2] = { -7, -7 };

	if (sockcompat_socketpair(AF_UNIX, SOCK_STREAM | flags, 0, sv) == -1) {
		/* POSIX: on failure the array is left as it was. */
		ATF_REQUIRE_MSG(sv[0] == -7 && sv[1] == -7, "a failed "
		    "socketpair wrote %d and %d into sv", sv[0], sv[1]);
		return -1;
	}
	close(sv[0]);
	close(sv[1]);
	return 0;
}

static void
fault_case(const atf_tc_t *tc, int (*call)(int), const char *name)
{
	const int flags = SOCK_CLOEXEC | SOCK_NONBLOCK;
	const long rounds = atf_tc_get_config_var_as_long_wd(tc, "fault_rounds",
	    ROUNDS);
	int steps = steps_of(call, flags), step, before, r;
	size_t e;
	long n = 0;

	ATF_REQUIRE_MSG(steps >= 2, "%s: only %d steps after creation", name,
	    steps);
	before = sc_t_open_fds();
	for (step = 1; step <= steps; step++)
		for (e = 0; e < NERRNOS; e++) {
			long i;

			for (i = 0; i < rounds; i++, n++) {
				fault_errno = errnos[e];
				fault_countdown = step;
				errno = 0;
				r = call(flags);
				ATF_REQUIRE_EQ_MSG(r, -1, "%s: step %d failing "
				    "with %s: the call succeeded", name, step,
				    strerror(errnos[e]));
				ATF_REQUIRE_EQ_MSG(errno, errnos[e], "%s: step %d "
				    "failed with %s but errno is %s", name, step,
				    strerror(errnos[e]), strerror(errno));
			}
		}
	fault_countdown = 0;
	ATF_CHECK_EQ_MSG(sc_t_open_fds(), before, "%s: %d descriptors open "
	    "before %ld failed calls, %d after", name, before, n,
	    sc_t_open_fds());
	printf("%s: %d steps x %zu errnos x %ld rounds = %ld failed calls, "
	    "descriptors leaked: %d\n", name, steps, NERRNOS, rounds, n,
	    sc_t_open_fds() - before);
}

ATF_TC(fault__accept4_each_step);
ATF_TC_HEAD(fault__accept4_each_step, tc)
{
	atf_tc_set_md_var(tc, "descr", "each step after accept() failing "
	    "closes the new descriptor and leaves that step's errno, 100000 "
	    "times without a descriptor leaked");
	atf_tc_set_md_var(tc, "timeout", "600");
}
ATF_TC_BODY(fault__accept4_each_step, tc)
{
	accept_listener = sc_t_listen(AF_INET);
	fault_case(tc, do_accept, "accept4");
}

ATF_TC(fault__socket_each_step);
ATF_TC_HEAD(fault__socket_each_step, tc)
{
	atf_tc_set_md_var(tc, "descr", "each step after socket() failing "
	    "closes the new descriptor and leaves that step's errno");
}
ATF_TC_BODY(fault__socket_each_step, tc)
{
	fault_case(tc, do_socket, "socket");
}

ATF_TC(fault__socketpair_each_step);
ATF_TC_HEAD(fault__socketpair_each_step, tc)
{
	atf_tc_set_md_var(tc, "descr", "each step after socketpair() failing "
	    "closes both descriptors and leaves that step's errno");
}
ATF_TC_BODY(fault__socketpair_each_step, tc)
{
	fault_case(tc, do_socketpair, "socketpair");
}

ATF_TC(fault__emfile_passed_through);
ATF_TC_HEAD(fault__emfile_passed_through, tc)
{
	atf_tc_set_md_var(tc, "descr", "EMFILE from accept() itself is "
	    "returned, and nothing leaks or is retried");
}
ATF_TC_BODY(fault__emfile_passed_through, tc)
{
	struct sc_t_full full;
	int l = sc_t_listen(AF_INET), c = sc_t_connect(l), r, err;
	int calls, before, after;

	(void)c;
	sc_t_fill_fds(&full);
	before = sc_t_open_fds();
	fault_calls = 0;
	r = accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	err = errno;
	calls = fault_calls;
	after = sc_t_open_fds();

	sc_t_unfill_fds(&full);

	ATF_CHECK_EQ(r, -1);
	ATF_CHECK_EQ_MSG(err, EMFILE, "errno %s", strerror(err));
	ATF_CHECK_EQ_MSG(calls, 0, "%d flag calls after a failed accept", calls);
	ATF_CHECK_EQ(after, before);
	ATF_CHECK_MSG(sc_t_pending(l, 0), "the connection was lost");
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, fault__accept4_each_step);
	ATF_TP_ADD_TC(tp, fault__socket_each_step);
	ATF_TP_ADD_TC(tp, fault__socketpair_each_step);
	ATF_TP_ADD_TC(tp, fault__emfile_passed_through);
	return atf_no_error();
}
