/*
 * A downstream program built with sockcompat imported as a gnulib module:
 * accept4 with SOCK_CLOEXEC|SOCK_NONBLOCK on a loopback connection must
 * give a descriptor with exactly those flags.  Prints which path its
 * configure chose and exits 0 on success.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <netinet/in.h>

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sockcompat.h"

/* The module's header must have put the shim in the C library's place. */
#ifndef accept4
# error "sockcompat.h did not rename accept4"
#endif

static int
fail(const char *what)
{
	perror(what);
	return 1;
}

int
main(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int l, c, fd, fdf, fl, i;
	static const int flags[] = {
		SOCK_CLOEXEC | SOCK_NONBLOCK, SOCK_CLOEXEC, SOCK_NONBLOCK, 0
	};

	l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (l == -1)
		return fail("socket");
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(l, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    listen(l, 8) == -1 ||
	    getsockname(l, (struct sockaddr *)&sin, &len) == -1)
		return fail("listen");
	for (i = 0; i < 4; i++) {
		c = socket(AF_INET, SOCK_STREAM, 0);
		if (c == -1 || connect(c, (struct sockaddr *)&sin, sizeof sin) == -1)
			return fail("connect");
		fd = accept4(l, NULL, NULL, flags[i]);
		if (fd == -1)
			return fail("accept4");
		fdf = fcntl(fd, F_GETFD);
		fl = fcntl(fd, F_GETFL);
		if (fdf != ((flags[i] & SOCK_CLOEXEC) ? FD_CLOEXEC : 0) ||
		    ((fl & O_NONBLOCK) != 0) != ((flags[i] & SOCK_NONBLOCK) != 0)) {
			fprintf(stderr, "consumer: flags %#x gave F_GETFD %#x, "
			    "F_GETFL %#x\n", flags[i], fdf, fl);
			return 1;
		}
		close(fd);
		close(c);
	}
#ifdef SOCKCOMPAT_NATIVE_ACCEPT4
	printf("consumer: accept4 ok, native first\n");
#else
	printf("consumer: accept4 ok, emulated\n");
#endif
	return 0;
}
