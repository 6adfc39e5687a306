/*
 * The fidelity corpus's shared scaffolding: a loopback listener, a client,
 * and a line describing a descriptor.  Every corpus program prints only
 * what does not depend on the run (no ports, no descriptor numbers), so
 * the program built natively and built through the overlay must print the
 * same.  Written to compile as C89 and C++98 with -pedantic-errors.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef FID_H
#define FID_H

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Give up, saying where: a corpus program that cannot set up fails. */
#define FID_CHECK(cond) \
	((cond) ? (void)0 : fid_die(#cond, __LINE__))

static void
fid_die(const char *what, int line)
{
	printf("setup failed at line %d: %s (errno %d)\n", line, what, errno);
	exit(2);
}

/* A listener on 127.0.0.1 (or ::1 with FAMILY AF_INET6), any port. */
static int
fid_listener(int family)
{
	int l = socket(family, SOCK_STREAM, 0);

	FID_CHECK(l != -1);
	if (family == AF_INET6) {
		struct sockaddr_in6 a6;

		memset(&a6, 0, sizeof a6);
		a6.sin6_family = AF_INET6;
		a6.sin6_addr = in6addr_loopback;
		FID_CHECK(bind(l, (struct sockaddr *)&a6, sizeof a6) == 0);
	} else {
		struct sockaddr_in a4;

		memset(&a4, 0, sizeof a4);
		a4.sin_family = AF_INET;
		a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		FID_CHECK(bind(l, (struct sockaddr *)&a4, sizeof a4) == 0);
	}
	FID_CHECK(listen(l, 8) == 0);
	return l;
}

/* A client connected to listener L; the connection is then pending. */
static int
fid_client(int l)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int c;

	FID_CHECK(getsockname(l, (struct sockaddr *)&ss, &len) == 0);
	c = socket(ss.ss_family, SOCK_STREAM, 0);
	FID_CHECK(c != -1);
	FID_CHECK(connect(c, (struct sockaddr *)&ss, len) == 0);
	return c;
}

/* "WHAT: cloexec=1 nonblock=0" for descriptor FD, or its errno. */
static void
fid_show(const char *what, int fd)
{
	int fdfl, fl;

	if (fd < 0) {
		printf("%s: failed, errno %d\n", what, errno);
		return;
	}
	fdfl = fcntl(fd, F_GETFD);
	fl = fcntl(fd, F_GETFL);
	printf("%s: cloexec=%d nonblock=%d\n", what,
	    fdfl != -1 && (fdfl & FD_CLOEXEC) != 0,
	    fl != -1 && (fl & O_NONBLOCK) != 0);
}

/* A result that is -1 and an errno, or a success. */
static void
fid_result(const char *what, int r)
{
	if (r == -1)
		printf("%s: -1 errno %d\n", what, errno);
	else
		printf("%s: ok\n", what);
}

#endif /* FID_H */
