/*
 * Other systems' native calls, simulated here, against the library built
 * as for them.  One source, five programs, each chosen by a test macro;
 * each simulation names, where it is defined, the kernel function (and
 * file) whose behaviour it reproduces, so that the model can be checked
 * against the source:
 *
 *   SIM_ILLUMOS  illumos accept4 and the file flags of its sockets:
 *                FNONBLOCK/FNDELAY passed on from the listener whatever
 *                the flags, SOCK_NDELAY, the async mode (SS_ASYNC) and
 *                what F_GETFL/F_SETFL do to it; the library, built as
 *                for illumos, must give the non-blocking mode exactly as
 *                named and leave the async mode as accept4 left it.
 *   SIM_PACCEPT  NetBSD 6/7: no accept4, paccept instead, which keeps
 *                O_ASYNC; the library must call paccept and return its
 *                answer, and emulate cleanly where paccept is refused.
 *   SIM_KEPT     NetBSD's emulated path: accept() copies every status
 *                flag, the emulation must clear O_NONBLOCK and O_ASYNC
 *                but keep the flag NetBSD's accept4 keeps (O_NOSIGPIPE,
 *                played here by O_APPEND, which Linux stores on sockets).
 *   SIM_EXTRA    a system with extra flags (SOCK_NOSIGPIPE, done by
 *                SO_NOSIGPIPE, played by SO_KEEPALIVE; SOCK_CLOFORK,
 *                which the emulation cannot do): the first is given, the
 *                second refused with EINVAL before anything is dequeued.
 *   SIM_NEWFLAG  headers newer than the kernel: SOCK_CLOFORK is defined
 *                and passed to the native calls, which refuse it; that
 *                EINVAL is the caller's, and later calls stay native.
 *
 * All but SIM_NEWFLAG also interpose fcntl(), ioctl() (SIM_EXTRA
 * setsockopt() too) and close() to make each step after the new descriptor fail in turn
 * (fault injection).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

/* This program defines the simulated system's accept4 itself: the shims
 * are called by their own names. */
#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

/* The illumos, NetBSD 6/7 and newer-headers simulations start from this
 * system's own accept4: where it has none (NetBSD 6/7 itself, macOS),
 * Makefile.am links the plain emulation instead and the test says why it
 * cannot run. */
#if (defined SIM_ILLUMOS || defined SIM_PACCEPT || defined SIM_NEWFLAG) && \
    !SC_T_HAVE_ACCEPT4
# undef SIM_ILLUMOS
# undef SIM_PACCEPT
# undef SIM_NEWFLAG
# define SIM_UNAVAILABLE 1
#endif

#if !defined SIM_EXTRA && !defined SIM_UNAVAILABLE
/* Calls of the simulated native accept4. */
static int native_calls;
#endif

#if !defined SIM_NEWFLAG
/* The real fcntl, for the simulations' own bookkeeping. */
static int
sys_fcntl(int fd, int cmd, long arg)
{
	return sc_t_sys_fcntl(fd, cmd, arg);
}
#endif

#if !defined SIM_NEWFLAG
/*
 * Fault injection.  While armed, the Nth fcntl() from arming fails with
 * fault_errno, and close() may be made to set errno as FreeBSD's close(2)
 * can (ECONNRESET) while still closing.
 */
static int fault_armed, fault_at, fault_seen, fault_errno, close_sets_errno;

static int
fault_inject(void)
{
	if (!fault_armed)
		return 0;
	if (++fault_seen == fault_at) {
		errno = fault_errno;
		return 1;
	}
	return 0;
}

static void sim_forget(int fd);

/* ioctl() for the library (the FIOCLEX/FIONBIO helpers of some builds):
 * failing on request, else the real one. */
int
ioctl(int fd, SC_T_IOCTL_REQUEST req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (fault_inject())
		return -1;
	return sc_t_sys_ioctl(fd, req, arg);
}

int
close(int fd)
{
	int r;

	sim_forget(fd);
	r = sc_t_sys_close(fd);
	if (r == 0 && fault_armed && close_sets_errno) {
		errno = ECONNRESET;
		return -1;
	}
	return r;
}
#endif

#if defined SIM_PACCEPT || defined SIM_KEPT || defined SIM_EXTRA || \
    defined SIM_UNAVAILABLE
/* Only the illumos simulation keeps state per descriptor. */
static void
sim_forget(int fd)
{
	(void)fd;
}

/* fcntl() for the library: failing on request, else the real one. */
int
fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (fault_inject())
		return -1;
	return sys_fcntl(fd, cmd, arg);
}
#endif

#if defined SIM_EXTRA
/* setsockopt() for the library (SO_NOSIGPIPE's stand-in): failing on
 * request, else the real one.  What it stands for: sosetopt() setting
 * SOF_NOSIGPIPE for SO_NOSIGPIPE, XNU bsd/kern/uipc_socket.c @ e3723e1f
 * lines 5095-5097 (doc/PLATFORMS.md [S8]); FreeBSD's SO_NOSIGPIPE in
 * sys/kern/uipc_socket.c ([35]). */
int
setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	if (fault_inject())
		return -1;
	return sc_t_sys_setsockopt(fd, level, name, val, len);
}
#endif

#if defined SIM_PACCEPT || defined SIM_KEPT
/* The new descriptor as the simulated system's accept makes it: the
 * kernel's accept4 with FLAGS, then the listener's status flags in COPY
 * added, as that system does (NetBSD do_sys_accept, see below).  The
 * F_SETOWN with O_ASYNC is the simulation's own choice: whether NetBSD
 * copies the owner was not verified (doc/PLATFORMS.md, table B). */
static int
simulated_accept(int fd, struct sockaddr *addr, socklen_t *len, int flags,
    int copy)
{
	/* Where the system has no accept4 only the accept-based simulation
	 * is built, and it asks for no flags. */
	int nfd = !SC_T_HAVE_ACCEPT4 && flags == 0 ?
	    sc_t_sys_accept(fd, addr, len) :
	    sc_t_sys_accept4(fd, addr, len, flags), fl, nfl;
	int saved_errno = errno;

	native_calls++;
	if (nfd == -1)
		return -1;
	fl = sys_fcntl(fd, F_GETFL, 0);
	nfl = sys_fcntl(nfd, F_GETFL, 0);
	if (fl != -1 && nfl != -1 && (fl & copy)) {
		if (fl & O_ASYNC)
			sys_fcntl(nfd, F_SETOWN, getpid());
		sys_fcntl(nfd, F_SETFL, nfl | (fl & copy));
	}
	errno = saved_errno;
	return nfd;
}
#endif

#if defined SIM_ILLUMOS
/*
 * illumos, from illumos/illumos-gate at 0250c53ad267726f2438e3c6556199a0bbf588a2
 * unless said otherwise:
 *
 * - accept4: accept() in usr/src/uts/common/fs/sockfs/socksyscalls.c,
 *   lines 632-781 (doc/PLATFORMS.md [26][49]).  EINVAL for flags outside
 *   SOCK_KNOWN_FLAGS (lines 90-91: CLOEXEC|NDELAY|NONBLOCK|CLOFORK; this
 *   model refuses CLOFORK, which that revision takes: the Linux descriptors
 *   under the model cannot be close-on-fork) before the descriptor is
 *   looked up (lines 651-662); the
 *   new file starts as FREAD|FWRITE (line 724); if the flags or the
 *   listener's so_state have SS_NONBLOCK or SS_NDELAY, VOP_SETFL(new,
 *   FREAD|FWRITE, FNONBLOCK if either has SS_NONBLOCK, else FNDELAY)
 *   (lines 755-778).
 * - The new socket's so_state carries the listener's SS_ASYNC from its
 *   creation (socket_init_common(), sockcommon_subr.c @ 7e47485c).
 * - VOP_SETFL on a socket: socket_vop_setfl(), sockcommon_vnops.c @
 *   ade42b55 lines 223-263: SS_NDELAY/SS_NONBLOCK set from the new flags; FASYNC added
 *   to the old flags if SS_ASYNC; if old and new differ in FASYNC,
 *   FIOASYNC with the new value, which sets or clears SS_ASYNC.
 * - fcntl F_GETFL (usr/src/uts/common/syscall/fcntl.c @ 019c3c43):
 *   f_getfl() (usr/src/uts/common/os/fio.c @ a5eb7107) adds FASYNC for a socket
 *   with SS_ASYNC (sock_getfasync()).  F_SETFL: FNDELAY dropped if
 *   FNONBLOCK is there too; VOP_SETFL(old f_flag, new); f_flag keeps only
 *   FMASK bits (usr/src/uts/common/sys/file.h lines 86-100: FMASK 0xa0ff
 *   has FNONBLOCK 0x80 and FNDELAY 0x04, not FASYNC 0x1000).
 *
 * FNDELAY is played by 0x04 (its illumos value, unused by Linux), the
 * library being built with it as O_NDELAY; FNONBLOCK by O_NONBLOCK and
 * FASYNC by O_ASYNC.  The real descriptors get O_NONBLOCK when the model
 * says FNONBLOCK or FNDELAY, so that they block or not as on illumos.
 */
# define SIM_FNDELAY SOCKCOMPAT_TEST_O_NDELAY
# define SIM_FNONBLOCK O_NONBLOCK
# define SIM_FASYNC O_ASYNC
# define SIM_SS_NDELAY 1
# define SIM_SS_NONBLOCK 2
# define SIM_SS_ASYNC 4
# define SIM_MAXFD 1024

static struct {
	int known;
	int f_flag;		/* FNONBLOCK, FNDELAY */
	int so_state;		/* SS_NDELAY, SS_NONBLOCK, SS_ASYNC */
} sim_fd[SIM_MAXFD];
/* SS_ASYNC on the last socket accept4 made, as the kernel left it. */
static int native_async;

static int
sim_known(int fd)
{
	return fd >= 0 && fd < SIM_MAXFD && sim_fd[fd].known;
}

static void
sim_forget(int fd)
{
	if (fd >= 0 && fd < SIM_MAXFD)
		sim_fd[fd].known = 0;
}

/* A socket the model takes over (the listener), as socket() leaves it. */
static void
sim_adopt(int fd)
{
	ATF_REQUIRE(fd >= 0 && fd < SIM_MAXFD);
	sim_fd[fd].known = 1;
	sim_fd[fd].f_flag = 0;
	sim_fd[fd].so_state = 0;
	ATF_REQUIRE(sys_fcntl(fd, F_SETFL, 0) == 0);
}

static void
sim_mirror(int fd)
{
	(void)sys_fcntl(fd, F_SETFL,
	    (sim_fd[fd].f_flag & (SIM_FNONBLOCK | SIM_FNDELAY)) ? O_NONBLOCK : 0);
}

/* socket_vop_setfl() */
static void
sim_vop_setfl(int fd, int oflags, int nflags)
{
	int *st = &sim_fd[fd].so_state;

	*st = (nflags & SIM_FNDELAY) ? *st | SIM_SS_NDELAY : *st & ~SIM_SS_NDELAY;
	*st = (nflags & SIM_FNONBLOCK) ? *st | SIM_SS_NONBLOCK :
	    *st & ~SIM_SS_NONBLOCK;
	if (*st & SIM_SS_ASYNC)
		oflags |= SIM_FASYNC;
	if ((oflags ^ nflags) & SIM_FASYNC)	/* FIOASYNC */
		*st = (nflags & SIM_FASYNC) ? *st | SIM_SS_ASYNC :
		    *st & ~SIM_SS_ASYNC;
}

/* fcntl(): F_GETFL and F_SETFL on the model's sockets, else the real one. */
int
fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (fault_inject())
		return -1;
	if (sim_known(fd) && cmd == F_GETFL)
		return O_RDWR | sim_fd[fd].f_flag |
		    ((sim_fd[fd].so_state & SIM_SS_ASYNC) ? SIM_FASYNC : 0);
	if (sim_known(fd) && cmd == F_SETFL) {
		int iarg = (int)arg;

		if ((iarg & (SIM_FNONBLOCK | SIM_FNDELAY)) ==
		    (SIM_FNONBLOCK | SIM_FNDELAY))
			iarg &= ~SIM_FNDELAY;
		sim_vop_setfl(fd, sim_fd[fd].f_flag, iarg);
		sim_fd[fd].f_flag = iarg & (SIM_FNONBLOCK | SIM_FNDELAY);
		sim_mirror(fd);
		return 0;
	}
	return sys_fcntl(fd, cmd, arg);
}

/* accept() of socksyscalls.c, the system call behind accept4. */
int
accept4(int fd, struct sockaddr *addr, SC_T_ACCEPT_LEN len, int flags)
{
	int ssflags = 0, nfd, st;

	native_calls++;
	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK | SOCK_NDELAY)) {
		errno = EINVAL;
		return -1;
	}
	if (flags & SOCK_NONBLOCK)
		ssflags |= SIM_SS_NONBLOCK;
	if (flags & SOCK_NDELAY)
		ssflags |= SIM_SS_NDELAY;
	nfd = sc_t_sys_accept4(fd, addr, len, flags & SOCK_CLOEXEC);
	if (nfd == -1)
		return -1;
	if (!sim_known(fd) || nfd >= SIM_MAXFD) {
		(void)sc_t_sys_close(nfd);
		errno = EMFILE;
		return -1;
	}
	sim_fd[nfd].known = 1;
	sim_fd[nfd].f_flag = 0;
	sim_fd[nfd].so_state = sim_fd[fd].so_state & SIM_SS_ASYNC;
	st = ssflags | sim_fd[fd].so_state;
	if (st & (SIM_SS_NDELAY | SIM_SS_NONBLOCK)) {
		int arg = (st & SIM_SS_NONBLOCK) ? SIM_FNONBLOCK : SIM_FNDELAY;

		sim_vop_setfl(nfd, 0, arg);
		sim_fd[nfd].f_flag = arg;
	}
	sim_mirror(nfd);
	native_async = sim_fd[nfd].so_state & SIM_SS_ASYNC;
	return nfd;
}

#elif defined SIM_PACCEPT
/* NetBSD's paccept: sys_paccept and do_sys_accept in
 * sys/kern/uipc_syscalls.c (doc/PLATFORMS.md [16]; read in a personal
 * fork, rokuyama/netbsd-src @ 2a4cbe7d, the file's v 1.206.4.1): the
 * listener's FNONBLOCK is replaced by the flag's, FASYNC is kept.  With
 * paccept_refused set it answers ENOSYS, as a kernel without the call. */
static int paccept_refused;

int paccept(int, struct sockaddr *, socklen_t *, const sigset_t *, int);
int
paccept(int fd, struct sockaddr *addr, socklen_t *len, const sigset_t *mask,
    int flags)
{
	(void)mask;
	if (paccept_refused) {
		native_calls++;
		errno = ENOSYS;
		return -1;
	}
	return simulated_accept(fd, addr, len, flags, O_ASYNC);
}
# define SIM_COPY O_ASYNC
# define SIM_KEEPS O_ASYNC
#elif defined SIM_KEPT
/* NetBSD's accept(): do_sys_accept in sys/kern/uipc_syscalls.c copies the
 * listener's file flags to the new file (doc/PLATFORMS.md [16]). */
int
accept(int fd, struct sockaddr *addr, SC_T_ACCEPT_LEN len)
{
	return simulated_accept(fd, addr, len, 0,
	    O_NONBLOCK | O_ASYNC | O_APPEND);
}
# define SIM_COPY (O_NONBLOCK | O_ASYNC | O_APPEND)
# define SIM_KEEPS O_APPEND
#elif defined SIM_NEWFLAG
/*
 * A kernel older than the headers: FreeBSD's sys_accept4
 * (sys/kern/uipc_syscalls.c, doc/PLATFORMS.md [11]: lines 438-446 of the
 * tree read) checks the flags before the descriptor and refuses a flag it
 * does not know with EINVAL; here that flag is SOCK_CLOFORK, which
 * FreeBSD 15 added.  socket() and socketpair() refuse it with EINVAL too,
 * as Linux's __sys_socket and __sys_socketpair do (net/socket.c, [3]);
 * FreeBSD's kern_socket (same file, lines 138-182) strips only the flags
 * it knows and leaves the rest to socreate(), whose answer for an unknown
 * type bit was not read.  Each counts the native calls that carry flags.
 */
static int socket_calls;

int
accept4(int fd, struct sockaddr *addr, SC_T_ACCEPT_LEN len, int flags)
{
	native_calls++;
	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) {
		errno = EINVAL;
		return -1;
	}
	return sc_t_sys_accept4(fd, addr, len, flags);
}

int
socket(int domain, int type, int protocol)
{
	if (type & (SOCK_CLOEXEC | SOCK_NONBLOCK | SOCK_CLOFORK))
		socket_calls++;
	if (type & SOCK_CLOFORK) {
		errno = EINVAL;
		return -1;
	}
	return sc_t_sys_socket(domain, type, protocol);
}

int
socketpair(int domain, int type, int protocol, int sv[2])
{
	if (type & (SOCK_CLOEXEC | SOCK_NONBLOCK | SOCK_CLOFORK))
		socket_calls++;
	if (type & SOCK_CLOFORK) {
		errno = EINVAL;
		return -1;
	}
	return sc_t_sys_socketpair(domain, type, protocol, sv);
}
#endif

#if defined SIM_PACCEPT || defined SIM_KEPT
static const int all_flags[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};
#define NFLAGS (sizeof all_flags / sizeof all_flags[0])

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
#ifdef SIM_UNAVAILABLE
ATF_TC_BODY(platform__flags_as_named, tc)
{
	atf_tc_skip("the simulation starts from the system's own accept4, "
	    "and this system has none");
}
#else
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
#endif /* !SIM_UNAVAILABLE */
#endif

#ifdef SIM_ILLUMOS
static const int illumos_flags[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK,
	SOCK_NDELAY, SOCK_NDELAY | SOCK_CLOEXEC, SOCK_NDELAY | SOCK_NONBLOCK
};

/* The non-blocking mode the caller named, in file flags. */
static int
named_nonblock(int flags)
{
	if (flags & SOCK_NONBLOCK)
		return SIM_FNONBLOCK;
	if (flags & SOCK_NDELAY)
		return SIM_FNDELAY;
	return 0;
}

ATF_TC(platform__flags_as_named);
ATF_TC_HEAD(platform__flags_as_named, tc)
{
	atf_tc_set_md_var(tc, "descr", "illumos: every flag combination "
	    "(SOCK_NDELAY too) against listeners that are non-blocking by "
	    "O_NONBLOCK or O_NDELAY, async or not: FD_CLOEXEC and the "
	    "non-blocking mode exactly as named, the async mode as the native "
	    "accept4 left it, one native call");
}
ATF_TC_BODY(platform__flags_as_named, tc)
{
	static const int listener_fl[] = {
		0, SIM_FNONBLOCK, SIM_FNDELAY, SIM_FASYNC,
		SIM_FNONBLOCK | SIM_FASYNC, SIM_FNDELAY | SIM_FASYNC
	};
	size_t i, j;

	for (j = 0; j < sizeof listener_fl / sizeof listener_fl[0]; j++) {
		int l = sc_t_listen(AF_INET);

		sim_adopt(l);
		if (listener_fl[j])
			sc_t_set_fl(l, listener_fl[j]);
		for (i = 0; i < sizeof illumos_flags / sizeof illumos_flags[0];
		    i++) {
			int c = sc_t_connect(l), fd, fl, fdfl;
			int flags = illumos_flags[i];

			ATF_REQUIRE(sc_t_pending(l, 5000));
			native_calls = 0;
			fd = sockcompat_accept4(l, NULL, NULL, flags);
			ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
			fl = sc_t_fl_flags(fd);
			fdfl = sc_t_fd_flags(fd);
			ATF_CHECK_EQ_MSG((fdfl & FD_CLOEXEC) != 0,
			    (flags & SOCK_CLOEXEC) != 0,
			    "FD_CLOEXEC for flags %#x, listener %#x",
			    flags, listener_fl[j]);
			ATF_CHECK_EQ_MSG(fl & (SIM_FNONBLOCK | SIM_FNDELAY),
			    named_nonblock(flags), "non-blocking mode %#x for "
			    "flags %#x, listener %#x", fl & (SIM_FNONBLOCK |
			    SIM_FNDELAY), flags, listener_fl[j]);
			ATF_CHECK_EQ_MSG(sim_fd[fd].so_state & SIM_SS_ASYNC,
			    native_async, "async mode %s by the normalisation, "
			    "flags %#x, listener %#x", native_async ?
			    "lost" : "gained", flags, listener_fl[j]);
			ATF_CHECK_EQ_MSG(native_calls, 1, "the simulated "
			    "native call was made %d times", native_calls);
			close(fd);
			close(c);
		}
		close(l);
	}
}

ATF_TC(platform__async_kept);
ATF_TC_HEAD(platform__async_kept, tc)
{
	atf_tc_set_md_var(tc, "descr", "illumos: a SIGIO server's blocking "
	    "listener with async mode; accept4 without SOCK_NONBLOCK keeps "
	    "SS_ASYNC on the new socket, and so does the library");
}
ATF_TC_BODY(platform__async_kept, tc)
{
	int l = sc_t_listen(AF_INET), c, fd;

	sim_adopt(l);
	sc_t_set_fl(l, SIM_FASYNC);
	c = sc_t_connect(l);
	ATF_REQUIRE(sc_t_pending(l, 5000));
	fd = sockcompat_accept4(l, NULL, NULL, SOCK_CLOEXEC);
	ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
	ATF_CHECK_MSG(native_async, "the model lost SS_ASYNC in accept4");
	ATF_CHECK_MSG(sim_fd[fd].so_state & SIM_SS_ASYNC,
	    "the normalisation turned the async mode off");
	ATF_CHECK(sc_t_fl_flags(fd) & SIM_FASYNC);
	close(fd);
	close(c);
	/* Nothing pending on a non-blocking listener: accept4's EAGAIN,
	 * nothing to normalise. */
	sc_t_set_fl(l, SIM_FNONBLOCK);
	ATF_CHECK_EQ(sockcompat_accept4(l, NULL, NULL, 0), -1);
	ATF_CHECK_EQ(errno, EAGAIN);
	close(l);
}
#endif

#if !defined SIM_NEWFLAG && !defined SIM_UNAVAILABLE
/*
 * Each fcntl, ioctl or setsockopt the library makes after the native call
 * (illumos: F_GETFL, F_SETFL) or after accept() (the emulation's steps:
 * where paccept is refused, where accept() passes status flags on, for an
 * extra flag) fails in turn: -1, the failing step's errno even when close()
 * sets errno, the connection's descriptor closed.
 */
static void
fault_round(int l, int flags, int step, int err, int bad_close)
{
	int c = sc_t_connect(l), next, fd;

	ATF_REQUIRE(sc_t_pending(l, 5000));
	/* The lowest free number, which the new descriptor takes. */
	next = dup(0);
	ATF_REQUIRE(next != -1 && close(next) == 0);
	fault_seen = 0;
	fault_at = step;
	fault_errno = err;
	close_sets_errno = bad_close;
	fault_armed = 1;
	fd = sockcompat_accept4(l, NULL, NULL, flags);
	fault_armed = 0;
	if (step > 0) {
		int got = errno;

		ATF_CHECK_EQ_MSG(fd, -1, "step %d of flags %#x failed, yet "
		    "accept4 returned %d", step, flags, fd);
		ATF_CHECK_EQ_MSG(got, err, "step %d of flags %#x failed with "
		    "%d, errno is %d (close() set %s)", step, flags, err, got,
		    bad_close ? "ECONNRESET" : "nothing");
	} else
		ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
	if (fd != -1)
		close(fd);
	ATF_CHECK_MSG(sys_fcntl(next, F_GETFD, 0) == -1, "descriptor %d "
	    "leaked (step %d, flags %#x)", next, step, flags);
	close(c);
}

/* How many fcntl calls the library makes for one accept with FLAGS. */
static int
fault_steps(int l, int flags)
{
	fault_round(l, flags, 0, 0, 0);
	return fault_seen;
}

static void
fault_cases(int l, const int *flags, size_t n)
{
	static const int errnos[] = { EBADF, EINVAL, ENOMEM, EIO };
	size_t i, e;
	int step, steps, any = 0;

	for (i = 0; i < n; i++) {
		steps = fault_steps(l, flags[i]);
		for (step = 1; step <= steps; step++, any++)
			for (e = 0; e < sizeof errnos / sizeof errnos[0]; e++) {
				fault_round(l, flags[i], step, errnos[e], 0);
				fault_round(l, flags[i], step, errnos[e], 1);
			}
	}
	ATF_REQUIRE_MSG(any > 0, "no step after the new descriptor to fail");
}
#endif

#ifdef SIM_ILLUMOS
ATF_TC(platform__faults);
ATF_TC_HEAD(platform__faults, tc)
{
	atf_tc_set_md_var(tc, "descr", "illumos: F_GETFL and F_SETFL of the "
	    "normalisation failing in turn, and close() setting errno: "
	    "accept4 fails with the failing step's errno and the new "
	    "descriptor is closed");
}
ATF_TC_BODY(platform__faults, tc)
{
	static const int flags[] = { 0, SOCK_CLOEXEC, SOCK_NDELAY };
	int l = sc_t_listen(AF_INET);

	sim_adopt(l);
	sc_t_set_fl(l, SIM_FNONBLOCK);	/* so that F_SETFL is made too */
	fault_cases(l, flags, sizeof flags / sizeof flags[0]);
	close(l);
}
#endif

#ifdef SIM_PACCEPT
ATF_TC(platform__faults);
ATF_TC_HEAD(platform__faults, tc)
{
	atf_tc_set_md_var(tc, "descr", "NetBSD 6/7 with paccept refused "
	    "(ENOSYS): each fcntl of the emulation failing in turn, and "
	    "close() setting errno: accept4 fails with the failing step's "
	    "errno and the new descriptor is closed");
}
ATF_TC_BODY(platform__faults, tc)
{
	static const int flags[] = {
		SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
	};
	int l = sc_t_listen(AF_INET);

	paccept_refused = 1;
	native_calls = 0;
	fault_cases(l, flags, sizeof flags / sizeof flags[0]);
	ATF_CHECK_EQ_MSG(native_calls, 1, "paccept was tried %d times; "
	    "ENOSYS is a verdict", native_calls);
	close(l);
}
#endif

#ifdef SIM_KEPT
ATF_TC(platform__faults);
ATF_TC_HEAD(platform__faults, tc)
{
	atf_tc_set_md_var(tc, "descr", "NetBSD's emulated path (a listener "
	    "whose status flags accept() passes on): F_SETFD, F_GETFL and "
	    "F_SETFL failing in turn, and close() setting errno: accept4 "
	    "fails with the failing step's errno and the new descriptor is "
	    "closed");
}
ATF_TC_BODY(platform__faults, tc)
{
	static const int flags[] = {
		0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
	};
	int l = sc_t_listen(AF_INET);

	sc_t_set_fl(l, O_NONBLOCK | O_ASYNC | O_APPEND);
	fault_cases(l, flags, sizeof flags / sizeof flags[0]);
	close(l);
}
#endif

#ifdef SIM_EXTRA
ATF_TC(platform__faults);
ATF_TC_HEAD(platform__faults, tc)
{
	atf_tc_set_md_var(tc, "descr", "an extra flag given by the emulation "
	    "(SOCK_NOSIGPIPE by SO_NOSIGPIPE): each fcntl and the setsockopt "
	    "failing in turn, and close() setting errno: accept4 fails with "
	    "the failing step's errno and the new descriptor is closed");
}
ATF_TC_BODY(platform__faults, tc)
{
	static const int flags[] = {
		SOCK_NOSIGPIPE, SOCK_NOSIGPIPE | SOCK_CLOEXEC | SOCK_NONBLOCK
	};
	int l = sc_t_listen(AF_INET);

	fault_cases(l, flags, sizeof flags / sizeof flags[0]);
	close(l);
}

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

#ifdef SIM_NEWFLAG
ATF_TC(platform__unknown_flag_not_a_verdict);
ATF_TC_HEAD(platform__unknown_flag_not_a_verdict, tc)
{
	atf_tc_set_md_var(tc, "descr", "a kernel that refuses exactly one "
	    "extra flag (SOCK_CLOFORK) with EINVAL, flags before descriptor: "
	    "the caller gets EINVAL, nothing is dequeued, and every later "
	    "accept4 is still one native call");
}
ATF_TC_BODY(platform__unknown_flag_not_a_verdict, tc)
{
	int l = sc_t_listen(AF_INET), c = sc_t_connect(l), fd, i;

	ATF_REQUIRE(sc_t_pending(l, 5000));
	native_calls = 0;
	ATF_CHECK_EQ(sockcompat_accept4(l, NULL, NULL, SOCK_CLOFORK |
	    SOCK_CLOEXEC), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_MSG(sc_t_pending(l, 0), "the connection was dequeued");
	/* The refused call and the probe on descriptor -1. */
	ATF_CHECK_EQ_MSG(native_calls, 2, "native calls: %d", native_calls);
	for (i = 0; i < 3; i++) {
		native_calls = 0;
		fd = sockcompat_accept4(l, NULL, NULL, SOCK_CLOEXEC);
		ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
		sc_t_check_flags(fd, SOCK_CLOEXEC);
		ATF_CHECK_EQ_MSG(native_calls, 1, "accept %d after the refused "
		    "flag: %d native calls (0: emulated)", i, native_calls);
		close(fd);
		if (i < 2)
			(void)sc_t_connect(l);
		ATF_REQUIRE(i == 2 || sc_t_pending(l, 5000));
		/* The refused flag again: EINVAL, no probe any more. */
		native_calls = 0;
		ATF_CHECK_EQ(sockcompat_accept4(l, NULL, NULL, SOCK_CLOFORK),
		    -1);
		ATF_CHECK_EQ(errno, EINVAL);
		ATF_CHECK_EQ_MSG(native_calls, 1, "native calls: %d",
		    native_calls);
	}
	close(c);
	close(l);
}

ATF_TC(platform__unknown_type_flag_not_a_verdict);
ATF_TC_HEAD(platform__unknown_type_flag_not_a_verdict, tc)
{
	atf_tc_set_md_var(tc, "descr", "socket() and socketpair() on a "
	    "kernel that refuses exactly one extra flag: the caller gets "
	    "EINVAL and nothing leaks, and later calls with SOCK_CLOEXEC and "
	    "SOCK_NONBLOCK still pass them to the kernel");
}
ATF_TC_BODY(platform__unknown_type_flag_not_a_verdict, tc)
{
	int before = sc_t_open_fds(), s, sv[2] = { -7, -7 }, i;

	ATF_CHECK_EQ(sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_CLOFORK |
	    SOCK_CLOEXEC, 0), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_EQ(sockcompat_socketpair(AF_UNIX, SOCK_STREAM |
	    SOCK_CLOFORK, 0, sv), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_MSG(sv[0] == -7 && sv[1] == -7, "sv written on failure");
	/* A wrong type with the refused flag: wrong without it too, so the
	 * caller's EINVAL, and nothing learnt about the type flags. */
	ATF_CHECK_EQ(sockcompat_socket(AF_INET, 15 | SOCK_CLOFORK, 0), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_EQ(sockcompat_socketpair(AF_UNIX, 15 | SOCK_CLOFORK, 0, sv),
	    -1);
	ATF_CHECK_EQ(errno, EINVAL);
	/* Wrong types and protocols with the type flags: their own errors,
	 * the flags not doubted. */
	ATF_CHECK_EQ(sockcompat_socket(AF_INET, 15 | SOCK_CLOEXEC, 0), -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_EQ(sockcompat_socketpair(AF_UNIX, 15 | SOCK_CLOEXEC, 0, sv),
	    -1);
	ATF_CHECK_EQ(errno, EINVAL);
	ATF_CHECK_EQ(sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC,
	    99), -1);
	ATF_CHECK_EQ(errno, EPROTONOSUPPORT);
	ATF_CHECK_EQ(sc_t_open_fds(), before);
	for (i = 0; i < 2; i++) {
		socket_calls = 0;
		s = sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC |
		    SOCK_NONBLOCK, 0);
		ATF_REQUIRE_MSG(s != -1, "socket: %s", strerror(errno));
		sc_t_check_flags(s, SOCK_CLOEXEC | SOCK_NONBLOCK);
		close(s);
		ATF_REQUIRE(sockcompat_socketpair(AF_UNIX, SOCK_STREAM |
		    SOCK_CLOEXEC, 0, sv) == 0);
		sc_t_check_flags(sv[0], SOCK_CLOEXEC);
		sc_t_check_flags(sv[1], SOCK_CLOEXEC);
		close(sv[0]);
		close(sv[1]);
		ATF_CHECK_EQ_MSG(socket_calls, 2, "round %d: %d calls with the "
		    "type flags (fewer: emulated)", i, socket_calls);
	}
}
#endif

#ifdef SIM_UNAVAILABLE
ATF_TC_WITHOUT_HEAD(platform__unavailable);
ATF_TC_BODY(platform__unavailable, tc)
{
	atf_tc_skip("the simulation starts from the system's own accept4, "
	    "and this system has none");
}
#endif

ATF_TP_ADD_TCS(tp)
{
#if defined SIM_EXTRA
	ATF_TP_ADD_TC(tp, platform__extra_flag_emulated);
	ATF_TP_ADD_TC(tp, platform__extra_flag_refused);
	ATF_TP_ADD_TC(tp, platform__faults);
#elif defined SIM_NEWFLAG
	ATF_TP_ADD_TC(tp, platform__unknown_flag_not_a_verdict);
	ATF_TP_ADD_TC(tp, platform__unknown_type_flag_not_a_verdict);
#elif defined SIM_ILLUMOS
	ATF_TP_ADD_TC(tp, platform__flags_as_named);
	ATF_TP_ADD_TC(tp, platform__async_kept);
	ATF_TP_ADD_TC(tp, platform__faults);
#elif defined SIM_PACCEPT
	ATF_TP_ADD_TC(tp, platform__flags_as_named);
	ATF_TP_ADD_TC(tp, platform__faults);
#elif defined SIM_UNAVAILABLE
	ATF_TP_ADD_TC(tp, platform__unavailable);
#else
	ATF_TP_ADD_TC(tp, platform__flags_as_named);
	ATF_TP_ADD_TC(tp, platform__faults);
#endif
	return atf_no_error();
}
