/*
 * Fault injection: every step after accept(), socket(), socketpair() or
 * recvmsg() (one per received descriptor) is made to fail in turn.  The new descriptors must be closed, errno must be
 * the failing step's, and nothing may leak.  Linked with the emulated
 * library, whose fcntl and ioctl calls this program interposes.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>
#include "sockcompat-xopen.h"

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

/*
 * Once a step has been made to fail, close() fails as well, with
 * ECONNRESET, until the library returns: FreeBSD's close(2) may (a stream
 * socket whose peer reset it) and still frees the descriptor
 * (freebsd-src 79fc2080982fa49d99ab7f407ca5d9e739b0d939,
 * lib/libc/sys/close.2 lines 116-123).  On Linux, close() of a socket
 * leaves errno alone, so only this shows a failure path that lets close()
 * overwrite the failing step's errno.  The callers below turn it off
 * before their own close(); close_clobbered counts the library's.
 */
static int close_clobbers;
static int close_clobbered;

static int
inject(void)
{
	fault_calls++;
	if (fault_countdown > 0 && --fault_countdown == 0) {
		errno = fault_errno;
		close_clobbers = 1;
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
	return sc_t_sys_fcntl(fd, cmd, arg);
}

int
ioctl(int fd, SC_T_IOCTL_REQUEST req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (inject())
		return -1;
	return sc_t_sys_ioctl(fd, req, arg);
}

int
close(int fd)
{
	int r = sc_t_sys_close(fd);

	if (r == -1 || !close_clobbers)
		return r;
	close_clobbered++;
	errno = ECONNRESET;
	return -1;
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
	close_clobbers = 0;
	close(c);
	if (fd != -1)
		close(fd);
	return fd;
}

static int
do_socket(int flags)
{
	int fd = sockcompat_socket(AF_INET, SOCK_STREAM | flags, 0);

	close_clobbers = 0;
	if (fd != -1)
		close(fd);
	return fd;
}

static int
do_socketpair(int flags)
{
	int sv[2] = { -7, -7 };
	int r = sockcompat_socketpair(AF_UNIX, SOCK_STREAM | flags, 0, sv);

	close_clobbers = 0;
	if (r == -1) {
		/* POSIX: on failure the array is left as it was. */
		ATF_REQUIRE_MSG(sv[0] == -7 && sv[1] == -7, "a failed "
		    "socketpair wrote %d and %d into sv", sv[0], sv[1]);
		return -1;
	}
	close(sv[0]);
	close(sv[1]);
	return 0;
}

/* Descriptors sent with every message; the received copies are new. */
static int rights_pair[2] = { -1, -1 };
#define NRIGHTS 3
static int rights_sent[NRIGHTS];

static int
do_recvmsg(int flags)
{
	union {
		struct cmsghdr align;
		unsigned char buf[CMSG_SPACE(sizeof(int) * NRIGHTS)];
	} ctl;
	struct msghdr msg;
	struct iovec iov;
	struct cmsghdr *c;
	char byte = 'r';
	ssize_t r;
	int saved_errno;

	(void)flags;
	memset(&ctl, 0, sizeof ctl);	/* CMSG_SPACE's padding is sent too */
	memset(&msg, 0, sizeof msg);
	iov.iov_base = &byte;
	iov.iov_len = 1;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf;
	msg.msg_controllen = sizeof ctl.buf;
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof rights_sent);
	memcpy(CMSG_DATA(c), rights_sent, sizeof rights_sent);
	ATF_REQUIRE_EQ(sendmsg(rights_pair[0], &msg, 0), 1);

	msg.msg_controllen = sizeof ctl.buf;
	r = sockcompat_recvmsg(rights_pair[1], &msg, MSG_CMSG_CLOEXEC);
	if (r == -1) {
		saved_errno = errno;
		/* Nothing left for a careless caller to close twice. */
		ATF_REQUIRE_EQ_MSG(msg.msg_controllen, 0, "a failed recvmsg "
		    "left %zu bytes of control data",
		    (size_t)msg.msg_controllen);
		errno = saved_errno;
		return -1;
	}
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		size_t i, n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);

		for (i = 0; i < n; i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
			close(fd);
		}
	}
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
				close_clobbered = 0;
				errno = 0;
				r = call(flags);
				ATF_REQUIRE_EQ_MSG(r, -1, "%s: step %d failing "
				    "with %s: the call succeeded", name, step,
				    strerror(errnos[e]));
				ATF_REQUIRE_EQ_MSG(errno, errnos[e], "%s: step %d "
				    "failed with %s but errno is %s", name, step,
				    strerror(errnos[e]), strerror(errno));
				ATF_REQUIRE_MSG(close_clobbered > 0, "%s: step "
				    "%d failed, and the library closed nothing "
				    "through close()", name, step);
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
	    "closes the new descriptor and leaves that step's errno (even "
	    "where close() fails), 100000 times without a descriptor leaked");
	atf_tc_set_md_var(tc, "timeout", "180");
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

ATF_TC(fault__recvmsg_each_step);
ATF_TC_HEAD(fault__recvmsg_each_step, tc)
{
	atf_tc_set_md_var(tc, "descr", "each F_SETFD on a received descriptor "
	    "failing closes every descriptor of the message, empties the "
	    "control data and leaves that call's errno");
	atf_tc_set_md_var(tc, "timeout", "600");
}
ATF_TC_BODY(fault__recvmsg_each_step, tc)
{
	int i;

	ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, rights_pair) == 0);
	for (i = 0; i < NRIGHTS; i++)
		ATF_REQUIRE((rights_sent[i] = dup(0)) != -1);
	fault_case(tc, do_recvmsg, "recvmsg");
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

/*
 * The SIGPIPE guard's own calls (lib/sockcompat-sigpipe-mask.c, which the
 * emulated library runs for MSG_NOSIGNAL): the mask change and sigpending
 * made to fail, and sigtimedwait interrupted once.  Only while armed; the
 * rest of the time the C library's.
 */
static int mask_fails;		/* errno the mask change fails with */
static int pending_fails;	/* errno sigpending fails with */
#ifdef HAVE_SIGTIMEDWAIT
static int wait_interrupted;	/* sigtimedwait calls to interrupt */
static int wait_calls;
#endif

#ifdef HAVE_PTHREAD_SIGMASK
int
pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	int (*fn)(int, const sigset_t *, sigset_t *);

	if (mask_fails)
		return mask_fails;	/* the error number, not -1 */
	fn = (int (*)(int, const sigset_t *, sigset_t *))
	    sc_t_next_definition("pthread_sigmask");
	return fn == NULL ? ENOSYS : fn(how, set, old);
}
#else
int
sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	int (*fn)(int, const sigset_t *, sigset_t *);

	if (mask_fails) {
		errno = mask_fails;
		return -1;
	}
	fn = (int (*)(int, const sigset_t *, sigset_t *))
	    sc_t_next_definition("sigprocmask");
	return fn == NULL ? -1 : fn(how, set, old);
}
#endif

int
sigpending(sigset_t *set)
{
	int (*fn)(sigset_t *);

	if (pending_fails) {
		errno = pending_fails;
		return -1;
	}
	fn = (int (*)(sigset_t *))sc_t_next_definition("sigpending");
	return fn == NULL ? -1 : fn(set);
}

#ifdef HAVE_SIGTIMEDWAIT
int
sigtimedwait(const sigset_t *set, siginfo_t *info,
    const struct timespec *timeout)
{
	int (*fn)(const sigset_t *, siginfo_t *, const struct timespec *);

	wait_calls++;
	if (wait_interrupted > 0) {
		wait_interrupted--;
		errno = EINTR;
		return -1;
	}
	fn = (int (*)(const sigset_t *, siginfo_t *, const struct timespec *))
	    sc_t_next_definition("sigtimedwait");
	return fn == NULL ? -1 : fn(set, info, timeout);
}
#endif

/* The three calls the guard wraps, with MSG_NOSIGNAL, one byte to FD. */
static ssize_t
send_kind(int kind, int fd)
{
	struct iovec iov;
	struct msghdr msg;
	char byte = 'g';

	switch (kind) {
	case 0:
		return sockcompat_send(fd, &byte, 1, MSG_NOSIGNAL);
	case 1:
		return sockcompat_sendto(fd, &byte, 1, MSG_NOSIGNAL, NULL, 0);
	default:
		iov.iov_base = &byte;
		iov.iov_len = 1;
		memset(&msg, 0, sizeof msg);
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		return sockcompat_sendmsg(fd, &msg, MSG_NOSIGNAL);
	}
}
static const char *const send_kinds[] = { "send", "sendto", "sendmsg" };

/* SIGPIPE blocked in this thread (1) or not (0). */
static int
sigpipe_blocked(void)
{
	sigset_t now;

	ATF_REQUIRE(sigprocmask(SIG_BLOCK, NULL, &now) == 0);
	return sigismember(&now, SIGPIPE);
}

static void
set_sigpipe_blocked(int on)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	ATF_REQUIRE(sigprocmask(on ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL) == 0);
}

static void
require_mask_guard(void)
{
#ifndef SC_T_GUARD_MASK
	atf_tc_skip("this system's guard is SO_NOSIGPIPE or none "
	    "(send_sockopt_test covers the former), not the signal mask");
#endif
}

/*
 * The three calls with MSG_NOSIGNAL while *KNOB is ERR, in a process whose
 * SIGPIPE is BLOCKED or not: each fails with ERR, leaves the mask as it
 * was, and sends nothing.
 */
static void
guard_fails(int *knob, int err, int blocked)
{
	int sv[2], k;
	char buf[4];

	require_mask_guard();
	ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	set_sigpipe_blocked(blocked);
	for (k = 0; k < 3; k++) {
		*knob = err;
		errno = 0;
		ATF_CHECK_EQ_MSG(send_kind(k, sv[0]), -1, "%s succeeded",
		    send_kinds[k]);
		ATF_CHECK_EQ_MSG(errno, err, "%s: errno %s", send_kinds[k],
		    strerror(errno));
		*knob = 0;
		ATF_CHECK_EQ(sigpipe_blocked(), blocked);
	}
	set_sigpipe_blocked(0);
	ATF_CHECK_EQ_MSG(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT), -1,
	    "a call whose guard failed sent data");
	close(sv[0]);
	close(sv[1]);
}

ATF_TC(fault__guard_mask_fails);
ATF_TC_HEAD(fault__guard_mask_fails, tc)
{
	atf_tc_set_md_var(tc, "descr", "send, sendto, sendmsg with "
	    "MSG_NOSIGNAL where blocking SIGPIPE fails: -1 with that errno, "
	    "nothing sent, the mask as it was");
}
ATF_TC_BODY(fault__guard_mask_fails, tc)
{
	guard_fails(&mask_fails, EINVAL, 0);
}

ATF_TC(fault__guard_sigpending_fails);
ATF_TC_HEAD(fault__guard_sigpending_fails, tc)
{
	atf_tc_set_md_var(tc, "descr", "with SIGPIPE already blocked by the "
	    "program, sigpending failing: -1 with its errno, nothing sent, "
	    "SIGPIPE still blocked");
}
ATF_TC_BODY(fault__guard_sigpending_fails, tc)
{
	guard_fails(&pending_fails, EFAULT, 1);
}

ATF_TC(fault__guard_take_interrupted);
ATF_TC_HEAD(fault__guard_take_interrupted, tc)
{
	atf_tc_set_md_var(tc, "descr", "taking back the call's own SIGPIPE "
	    "after EPIPE is interrupted (EINTR) once: the guard waits again, "
	    "and the process is left with no SIGPIPE pending and the mask "
	    "as it was");
}
ATF_TC_BODY(fault__guard_take_interrupted, tc)
{
#ifdef HAVE_SIGTIMEDWAIT
	sigset_t pending;
	int sv[2], k;

	require_mask_guard();
	for (k = 0; k < 3; k++) {
		ATF_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
		close(sv[1]);
		wait_interrupted = 1;
		wait_calls = 0;
		errno = 0;
		ATF_CHECK_EQ(send_kind(k, sv[0]), -1);
		ATF_CHECK_EQ_MSG(errno, EPIPE, "%s: errno %s", send_kinds[k],
		    strerror(errno));
		ATF_CHECK_EQ_MSG(wait_calls, 2, "%s: sigtimedwait called %d "
		    "times, not again after EINTR", send_kinds[k], wait_calls);
		wait_interrupted = 0;
		ATF_CHECK_EQ(sigpipe_blocked(), 0);
		ATF_REQUIRE(sigpending(&pending) == 0);
		ATF_CHECK_MSG(!sigismember(&pending, SIGPIPE), "%s: SIGPIPE "
		    "left pending", send_kinds[k]);
		close(sv[0]);
	}
#else
	atf_tc_skip("no sigtimedwait here: the guard asks sigpending, "
	    "which EINTR does not interrupt");
#endif
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, fault__accept4_each_step);
	ATF_TP_ADD_TC(tp, fault__socket_each_step);
	ATF_TP_ADD_TC(tp, fault__socketpair_each_step);
	ATF_TP_ADD_TC(tp, fault__recvmsg_each_step);
	ATF_TP_ADD_TC(tp, fault__emfile_passed_through);
	ATF_TP_ADD_TC(tp, fault__guard_mask_fails);
	ATF_TP_ADD_TC(tp, fault__guard_sigpending_fails);
	ATF_TP_ADD_TC(tp, fault__guard_take_interrupted);
	return atf_no_error();
}
