/*
 * Helpers shared by the sockcompat test programs.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

/* The helpers set the scene with the system's own calls, never the shims. */
#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#ifdef HAVE_SYS_FILIO_H
# include <sys/filio.h>
#endif
#include <netinet/in.h>
#include <arpa/inet.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include <atf-c.h>

#include "sc_test.h"
#include "scenario.h"

extern char **environ;

int
sc_t_listen(int family)
{
	int l = sc_loopback_listener(family, 64);

	if (l == -1 && family == AF_INET6)
		atf_tc_skip("no IPv6 loopback here: %s", strerror(errno));
	ATF_REQUIRE_MSG(l != -1, "listener: %s", strerror(errno));
	return l;
}

int
sc_t_connect(int listener)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int c;

	ATF_REQUIRE(getsockname(listener, (struct sockaddr *)&ss, &len) == 0);
	c = socket(ss.ss_family, SOCK_STREAM, 0);
	ATF_REQUIRE_MSG(c != -1, "socket: %s", strerror(errno));
	ATF_REQUIRE_MSG(connect(c, (struct sockaddr *)&ss, len) == 0,
	    "connect: %s", strerror(errno));
	ATF_REQUIRE_MSG(sc_t_pending(listener, 5000),
	    "connection not pending after 5 s");
	return c;
}

int
sc_t_bound(void)
{
	struct sockaddr_in sin;
	int s = socket(AF_INET, SOCK_STREAM, 0);

	ATF_REQUIRE_MSG(s != -1, "socket: %s", strerror(errno));
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ATF_REQUIRE_MSG(bind(s, (struct sockaddr *)&sin, sizeof sin) == 0,
	    "bind: %s", strerror(errno));
	return s;
}

int
sc_t_pending(int listener, int timeout_ms)
{
	struct pollfd p;
	int r;

	p.fd = listener;
	p.events = POLLIN;
	p.revents = 0;
	do
		r = poll(&p, 1, timeout_ms);
	while (r == -1 && errno == EINTR);
	ATF_REQUIRE_MSG(r != -1, "poll: %s", strerror(errno));
	return r == 1 && (p.revents & POLLIN);
}

int
sc_t_fd_flags(int fd)
{
	int f = fcntl(fd, F_GETFD);

	ATF_REQUIRE_MSG(f != -1, "F_GETFD on %d: %s", fd, strerror(errno));
	return f;
}

int
sc_t_fl_flags(int fd)
{
	int f = fcntl(fd, F_GETFL);

	ATF_REQUIRE_MSG(f != -1, "F_GETFL on %d: %s", fd, strerror(errno));
	return f;
}

void
sc_t_set_fl(int fd, int add)
{
	if (add & O_ASYNC) {
		/* The test wants the flag, not the SIGIO it brings. */
		signal(SIGIO, SIG_IGN);
		ATF_REQUIRE(fcntl(fd, F_SETOWN, getpid()) == 0);
	}
	ATF_REQUIRE_MSG(fcntl(fd, F_SETFL, sc_t_fl_flags(fd) | add) == 0,
	    "F_SETFL: %s", strerror(errno));
}

void
sc_t_check_flags(int fd, int flags)
{
	int fd_flags = sc_t_fd_flags(fd), fl = sc_t_fl_flags(fd);

	ATF_CHECK_EQ_MSG(fd_flags, (flags & SOCK_CLOEXEC) ? FD_CLOEXEC : 0,
	    "F_GETFD is %#x for flags %#x", fd_flags, flags);
	ATF_CHECK_EQ_MSG((fl & O_NONBLOCK) != 0, (flags & SOCK_NONBLOCK) != 0,
	    "O_NONBLOCK is %s for flags %#x",
	    (fl & O_NONBLOCK) ? "set" : "clear", flags);
	ATF_CHECK_MSG(!(fl & O_ASYNC), "O_ASYNC set for flags %#x", flags);
}

int
sc_t_open_fds(void)
{
	long max = sysconf(_SC_OPEN_MAX);
	int fd, n = 0;

	if (max < 0 || max > 65536)
		max = 65536;
	for (fd = 0; fd < max; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return n;
}

void
sc_t_fill_fds(struct sc_t_full *f)
{
	struct rlimit rl;

	f->n = 0;
	f->top = dup(0);
	ATF_REQUIRE(f->top != -1);
	ATF_REQUIRE(getrlimit(RLIMIT_NOFILE, &f->saved) == 0);
	rl = f->saved;
	rl.rlim_cur = (rlim_t)f->top + 1;
	ATF_REQUIRE(setrlimit(RLIMIT_NOFILE, &rl) == 0);
	while (f->n < (int)(sizeof f->fd / sizeof f->fd[0]) &&
	    (f->fd[f->n] = dup(0)) != -1)
		f->n++;
}

void
sc_t_unfill_fds(struct sc_t_full *f)
{
	while (f->n > 0)
		close(f->fd[--f->n]);
	close(f->top);
	ATF_REQUIRE(setrlimit(RLIMIT_NOFILE, &f->saved) == 0);
}

int
sc_t_open_after_exec(const char *srcdir, int fd, int use_spawn)
{
	char path[PATH_MAX], arg[16];
	char *argv[3];
	pid_t pid;
	int st;

	snprintf(path, sizeof path, "%s/sc_fdprobe", srcdir);
	snprintf(arg, sizeof arg, "%d", fd);
	argv[0] = path;
	argv[1] = arg;
	argv[2] = NULL;
	if (use_spawn) {
		errno = posix_spawn(&pid, path, NULL, NULL, argv, environ);
		ATF_REQUIRE_MSG(errno == 0, "posix_spawn %s: %s", path,
		    strerror(errno));
	} else {
		pid = fork();
		ATF_REQUIRE(pid != -1);
		if (pid == 0) {
			execv(path, argv);
			_exit(127);
		}
	}
	ATF_REQUIRE(waitpid(pid, &st, 0) == pid);
	ATF_REQUIRE_MSG(WIFEXITED(st) && WEXITSTATUS(st) <= 1,
	    "%s did not run (status %#x)", path, st);
	return WEXITSTATUS(st) == 0;
}

#if defined __SANITIZE_THREAD__
# define SC_T_TSAN 1
#elif defined __has_feature
# if __has_feature(thread_sanitizer)
#  define SC_T_TSAN 1
# endif
#endif

void
sc_t_require_exact_counts(void)
{
#ifdef SC_T_TSAN
	atf_tc_skip("ThreadSanitizer's interceptors make system calls of "
	    "their own, so counts of every call mean nothing in this build");
#endif
}

#ifndef FIOCLEX
# define FIOCLEX (-2)
#endif
#ifndef FIONBIO
# define FIONBIO (-2)
#endif

/* The first kept call that is fcntl FCNTL_CMD or ioctl IOCTL_REQ. */
static long
first_of(const struct sctrace *t, long fcntl_cmd, long ioctl_req)
{
	static const long fcntls[] = {
#ifdef SYS_fcntl
		SYS_fcntl,
#endif
#ifdef SYS_fcntl64
		SYS_fcntl64,
#endif
		-1
	};
	long i, at, first = -1;

	for (i = 0; fcntls[i] != -1; i++)
		if ((at = sctrace_find(t, fcntls[i], fcntl_cmd)) != -1 &&
		    (first == -1 || at < first))
			first = at;
#ifdef SYS_ioctl
	if ((at = sctrace_find(t, SYS_ioctl, ioctl_req)) != -1 &&
	    (first == -1 || at < first))
		first = at;
#else
	(void)ioctl_req;
#endif
	return first;
}

void
sc_t_check_cloexec_first(const struct sctrace *t, const char *what)
{
	long cloexec = first_of(t, F_SETFD, (long)FIOCLEX);
	long status = first_of(t, F_SETFL, (long)FIONBIO);

	ATF_CHECK_MSG(cloexec != -1, "%s: no F_SETFD or FIOCLEX among the "
	    "system calls (%s)", what, sctrace_str(t));
	ATF_CHECK_MSG(status != -1, "%s: no F_SETFL or FIONBIO among the "
	    "system calls (%s)", what, sctrace_str(t));
	ATF_CHECK_MSG(cloexec < status, "%s: the status flags were set (call "
	    "%ld) before close-on-exec (call %ld): %s", what, status + 1,
	    cloexec + 1, sctrace_str(t));
}

int
sc_t_trace(void (*setup)(void *), int (*fn)(void *), void *arg,
           struct sctrace *out)
{
	const char *why = NULL;
	int r = sctrace_run(setup, fn, arg, out, &why);

	if (r == -1)
		atf_tc_skip("cannot count system calls: %s", why);
	if (r == SCTRACE_DIED)
		atf_tc_fail("%s", why);
	return r;
}

/* Which of the system's calls are reached by number, which by name. */
#ifdef SC_T_HAVE_SYSCALL
# if defined SYS_accept || defined SYS_accept4
#  define ACCEPT_BY_NUMBER 1
# endif
# ifdef SYS_accept4
#  define ACCEPT4_BY_NUMBER 1
# endif
# ifdef SYS_fcntl
#  define FCNTL_BY_NUMBER 1
# endif
# ifdef SYS_ioctl
#  define IOCTL_BY_NUMBER 1
# endif
# ifdef SYS_close
#  define CLOSE_BY_NUMBER 1
# endif
# ifdef SYS_setsockopt
#  define SETSOCKOPT_BY_NUMBER 1
# endif
/* NetBSD's are SYS___socket30, illumos's SYS_so_socket: by name there. */
# ifdef SYS_socket
#  define SOCKET_BY_NUMBER 1
# endif
# ifdef SYS_socketpair
#  define SOCKETPAIR_BY_NUMBER 1
# endif
#endif
/*
 * The next definition of NAME after this program's: the C library's.  A
 * data pointer turned into a function pointer, as POSIX's dlsym requires.
 */
void *
sc_t_next_definition(const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);

	if (p == NULL)
		errno = ENOSYS;
	return p;
}

int
sc_t_sys_accept(int fd, struct sockaddr *addr, socklen_t *len)
{
#if defined ACCEPT_BY_NUMBER && defined SYS_accept
	return (int)syscall(SYS_accept, fd, addr, len);
#elif defined ACCEPT_BY_NUMBER
	/* Linux on aarch64 and riscv has only accept4. */
	return (int)syscall(SYS_accept4, fd, addr, len, 0);
#else
	int (*fn)(int, struct sockaddr *, SC_T_ACCEPT_LEN) =
	    (int (*)(int, struct sockaddr *, SC_T_ACCEPT_LEN))
	    sc_t_next_definition("accept");

	return fn == NULL ? -1 : fn(fd, addr, len);
#endif
}

int
sc_t_sys_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
#ifdef ACCEPT4_BY_NUMBER
	return (int)syscall(SYS_accept4, fd, addr, len, flags);
#elif SC_T_HAVE_ACCEPT4
	int (*fn)(int, struct sockaddr *, SC_T_ACCEPT_LEN, int) =
	    (int (*)(int, struct sockaddr *, SC_T_ACCEPT_LEN, int))
	    sc_t_next_definition("accept4");

	return fn == NULL ? -1 : fn(fd, addr, len, flags);
#else
	(void)fd;
	(void)addr;
	(void)len;
	(void)flags;
	errno = ENOSYS;
	return -1;
#endif
}

int
sc_t_sys_fcntl(int fd, int cmd, long arg)
{
#ifdef FCNTL_BY_NUMBER
	return (int)syscall(SYS_fcntl, fd, cmd, arg);
#else
	int (*fn)(int, int, ...) = (int (*)(int, int, ...))
	    sc_t_next_definition("fcntl");

	return fn == NULL ? -1 : fn(fd, cmd, arg);
#endif
}

int
sc_t_sys_ioctl(int fd, SC_T_IOCTL_REQUEST req, void *arg)
{
#ifdef IOCTL_BY_NUMBER
	return (int)syscall(SYS_ioctl, fd, req, arg);
#else
	int (*fn)(int, SC_T_IOCTL_REQUEST, ...) =
	    (int (*)(int, SC_T_IOCTL_REQUEST, ...))sc_t_next_definition("ioctl");

	return fn == NULL ? -1 : fn(fd, req, arg);
#endif
}

int
sc_t_sys_close(int fd)
{
#ifdef CLOSE_BY_NUMBER
	return (int)syscall(SYS_close, fd);
#else
	int (*fn)(int) = (int (*)(int))sc_t_next_definition("close");

	return fn == NULL ? -1 : fn(fd);
#endif
}

int
sc_t_sys_setsockopt(int fd, int level, int name, const void *val,
    socklen_t len)
{
#ifdef SETSOCKOPT_BY_NUMBER
	return (int)syscall(SYS_setsockopt, fd, level, name, val, len);
#else
	int (*fn)(int, int, int, const void *, socklen_t) =
	    (int (*)(int, int, int, const void *, socklen_t))
	    sc_t_next_definition("setsockopt");

	return fn == NULL ? -1 : fn(fd, level, name, val, len);
#endif
}

int
sc_t_sys_socket(int domain, int type, int protocol)
{
#ifdef SOCKET_BY_NUMBER
	return (int)syscall(SYS_socket, domain, type, protocol);
#else
	int (*fn)(int, int, int) = (int (*)(int, int, int))
	    sc_t_next_definition("socket");

	return fn == NULL ? -1 : fn(domain, type, protocol);
#endif
}

int
sc_t_sys_socketpair(int domain, int type, int protocol, int sv[2])
{
#ifdef SOCKETPAIR_BY_NUMBER
	return (int)syscall(SYS_socketpair, domain, type, protocol, sv);
#else
	int (*fn)(int, int, int, int *) = (int (*)(int, int, int, int *))
	    sc_t_next_definition("socketpair");

	return fn == NULL ? -1 : fn(domain, type, protocol, sv);
#endif
}
