/*
 * A downstream program built with sockcompat imported as a gnulib module.
 * accept4 (through sockcompat.h, and from a file that includes only
 * <sys/socket.h>), socket and socketpair must give descriptors with exactly
 * the flags asked for.  Every call the library makes to the C library's
 * accept4 is counted (ld --wrap), so that tests/gnulib/check can tell the
 * native path from the emulated one, and whose accept4 <sys/socket.h>
 * gives.  Prints one line and exits 0 when every descriptor was right.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

/* <sys/socket.h> (gnulib's replacement) before sockcompat.h, as a program
   that adds sockcompat to existing code would; test-sockcompat.c includes
   them the other way round. */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "sockcompat.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "consumer.h"

int __real_accept4(int, struct sockaddr *, socklen_t *, int);
int __wrap_accept4(int, struct sockaddr *, socklen_t *, int);

static int native_calls;

int
__wrap_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	native_calls++;
	return __real_accept4(fd, addr, addrlen, flags);
}

static const int flag_sets[] = {
	SOCK_CLOEXEC | SOCK_NONBLOCK, SOCK_CLOEXEC, SOCK_NONBLOCK, 0
};
#define N_FLAG_SETS (int)(sizeof flag_sets / sizeof flag_sets[0])

static int
wrong(const char *what, int fd, int flags)
{
	int fdf = fcntl(fd, F_GETFD), fl = fcntl(fd, F_GETFL);

	if (fd == -1) {
		perror(what);
		return 1;
	}
	if (((fdf & FD_CLOEXEC) != 0) != ((flags & SOCK_CLOEXEC) != 0) ||
	    ((fl & O_NONBLOCK) != 0) != ((flags & SOCK_NONBLOCK) != 0)) {
		fprintf(stderr, "consumer: %s with flags %#x gave F_GETFD %#x, "
		    "F_GETFL %#x\n", what, flags, fdf, fl);
		return 1;
	}
	return 0;
}

/* accept4 from a non-blocking listener, through sockcompat.h or not. */
static int
accepts(int l, const struct sockaddr_in *sin, int sys)
{
	int i, c, fd, bad;

	for (i = 0; i < N_FLAG_SETS; i++) {
		c = socket(AF_INET, SOCK_STREAM, 0);
		if (c == -1 || connect(c, (const struct sockaddr *)sin, sizeof *sin) == -1) {
			perror("connect");
			return 1;
		}
		fd = sys ? sys_accept4(l, flag_sets[i])
		    : accept4(l, NULL, NULL, flag_sets[i]);
		bad = wrong(sys ? "<sys/socket.h> accept4" : "accept4", fd, flag_sets[i]);
		close(fd);
		close(c);
		if (bad)
			return 1;
	}
	return 0;
}

int
main(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int l, i, fd, sv[2], via_header, via_sys;

	for (i = 0; i < N_FLAG_SETS; i++) {
		fd = socket(AF_INET, SOCK_STREAM | flag_sets[i], 0);
		if (wrong("socket", fd, flag_sets[i]))
			return 1;
		close(fd);
		if (socketpair(AF_UNIX, SOCK_STREAM | flag_sets[i], 0, sv) == -1) {
			perror("socketpair");
			return 1;
		}
		if (wrong("socketpair", sv[0], flag_sets[i]) ||
		    wrong("socketpair", sv[1], flag_sets[i]))
			return 1;
		close(sv[0]);
		close(sv[1]);
	}

	l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (l == -1 || bind(l, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    listen(l, 8) == -1 ||
	    getsockname(l, (struct sockaddr *)&sin, &len) == -1) {
		perror("listen");
		return 1;
	}
	if (accepts(l, &sin, 0))
		return 1;
	via_header = native_calls;
	if (accepts(l, &sin, 1))
		return 1;
	via_sys = native_calls - via_header;

	printf("consumer: flags right; library %s; <sys/socket.h> accept4 %s; "
	    "native accept4 calls: %d of %d via sockcompat.h, %d of %d via <sys/socket.h>\n",
#if defined CONSUMER_INSTALLED_SOCKCOMPAT
	    "installed",
#elif defined SOCKCOMPAT_NATIVE_ACCEPT4
	    "native first",
#else
	    "emulated",
#endif
#ifdef SOCKCOMPAT_SYS_ACCEPT4
	    "sockcompat's",
#else
	    "gnulib's",
#endif
	    via_header, N_FLAG_SETS, via_sys, N_FLAG_SETS);
	return 0;
}
