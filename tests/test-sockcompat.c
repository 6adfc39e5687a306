/*
 * Test of sockcompat's accept4, socket and socketpair, as a gnulib-style
 * test program: silent, exit status 0 on success, a message and abort()
 * on the first failed check.  Built twice by the sockcompat-tests module:
 * test-sockcompat against the library as configured (the native path
 * where the system has one), and test-sockcompat-emul with the emulated
 * variants of the library compiled into it.
 *
 * Copyright (c) 2026 The sockcompat authors.
 *
 * This file is free software, offered under either of two licences, at
 * your choice (SPDX-License-Identifier: BSD-2-Clause OR LGPL-2.1-or-later):
 *
 * (a) The BSD 2-Clause licence.
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 * 1. Redistributions of source code must retain the above copyright
 *    notice, this list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright
 *    notice, this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * THIS SOFTWARE IS PROVIDED BY THE AUTHORS AND CONTRIBUTORS ``AS IS'' AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
 * ARE DISCLAIMED.  IN NO EVENT SHALL THE AUTHORS OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
 * OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
 * HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
 * LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
 * OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
 * SUCH DAMAGE.
 *
 * (b) The GNU Lesser General Public License.
 * This file is free software: you can redistribute it and/or modify
 * it under the terms of the GNU Lesser General Public License as
 * published by the Free Software Foundation; either version 2.1 of the
 * License, or (at your option) any later version.
 * This file is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU Lesser General Public License for more details.
 * You should have received a copy of the GNU Lesser General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 */
#include <config.h>

/* Specification. */
#include "sockcompat.h"

#include <sys/types.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-sockcompat.h"

#define ASSERT(expr) \
	do { \
		if (!(expr)) { \
			fprintf(stderr, "%s:%d: assertion '%s' failed (errno %d)\n", \
			    __FILE__, __LINE__, #expr, errno); \
			fflush(stderr); \
			abort(); \
		} \
	} while (0)

/* A flag that no system's accept4 or socket knows. */
#define BAD_FLAG 0x01000000

static const int flag_sets[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};
#define N_FLAG_SETS (int)(sizeof flag_sets / sizeof flag_sets[0])

/* FD has FD_CLOEXEC iff FLAGS has SOCK_CLOEXEC, O_NONBLOCK iff SOCK_NONBLOCK. */
static void
check_flags(int fd, int flags)
{
	int fdf = fcntl(fd, F_GETFD);
	int fl = fcntl(fd, F_GETFL);

	ASSERT(fdf != -1 && fl != -1);
	ASSERT(((fdf & FD_CLOEXEC) != 0) == ((flags & SOCK_CLOEXEC) != 0));
	ASSERT(((fl & O_NONBLOCK) != 0) == ((flags & SOCK_NONBLOCK) != 0));
}

/* The lowest free descriptor: what the next socket() would return. */
static int
lowest_free_fd(void)
{
	int fd = dup(0);

	ASSERT(fd != -1);
	ASSERT(close(fd) == 0);
	return fd;
}

/* A loopback TCP listener; *SIN gets its address. */
static int
listener(struct sockaddr_in *sin, int nonblocking)
{
	socklen_t len = sizeof *sin;
	int l = socket(AF_INET, SOCK_STREAM | (nonblocking ? SOCK_NONBLOCK : 0), 0);

	ASSERT(l != -1);
	memset(sin, 0, sizeof *sin);
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ASSERT(bind(l, (struct sockaddr *)sin, sizeof *sin) == 0);
	ASSERT(listen(l, 8) == 0);
	ASSERT(getsockname(l, (struct sockaddr *)sin, &len) == 0);
	return l;
}

/* A client connected to SIN; *PORT gets its own port. */
static int
client(const struct sockaddr_in *sin, unsigned short *port)
{
	struct sockaddr_in me;
	socklen_t len = sizeof me;
	int c = socket(AF_INET, SOCK_STREAM, 0);

	ASSERT(c != -1);
	ASSERT(connect(c, (const struct sockaddr *)sin, sizeof *sin) == 0);
	ASSERT(getsockname(c, (struct sockaddr *)&me, &len) == 0);
	*port = me.sin_port;
	return c;
}

/* Each flag set, from a blocking and a non-blocking listener, through
   sockcompat.h's accept4 and through <sys/socket.h>'s. */
static void
test_accept4_flags(void)
{
	struct sockaddr_in sin, peer;
	socklen_t len;
	unsigned short port;
	int nonblocking, i, sys, l, c, fd;

	for (nonblocking = 0; nonblocking < 2; nonblocking++) {
		l = listener(&sin, nonblocking);
		for (sys = 0; sys < 2; sys++)
			for (i = 0; i < N_FLAG_SETS; i++) {
				c = client(&sin, &port);
				memset(&peer, 0, sizeof peer);
				len = sizeof peer;
				fd = sys ? test_sys_accept4(l, (struct sockaddr *)&peer, &len, flag_sets[i])
				    : accept4(l, (struct sockaddr *)&peer, &len, flag_sets[i]);
				ASSERT(fd != -1);
				check_flags(fd, flag_sets[i]);
				ASSERT(len == sizeof peer);
				ASSERT(peer.sin_family == AF_INET);
				ASSERT(peer.sin_port == port);
				ASSERT(close(fd) == 0);
				ASSERT(close(c) == 0);
			}
		ASSERT(close(l) == 0);
	}
}

/* An unknown flag is EINVAL, and the pending connection stays queued. */
static void
test_accept4_einval(void)
{
	struct sockaddr_in sin, peer;
	socklen_t len = sizeof peer;
	unsigned short port;
	int l, c, fd, free_fd;

	ASSERT((BAD_FLAG & (SOCK_CLOEXEC | SOCK_NONBLOCK)) == 0);
	l = listener(&sin, 1);
	c = client(&sin, &port);
	free_fd = lowest_free_fd();
	errno = 0;
	ASSERT(accept4(l, NULL, NULL, SOCK_CLOEXEC | BAD_FLAG) == -1);
	ASSERT(errno == EINVAL);
	errno = 0;
	ASSERT(accept4(l, NULL, NULL, BAD_FLAG) == -1);
	ASSERT(errno == EINVAL);
	ASSERT(lowest_free_fd() == free_fd);
	fd = accept4(l, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
	ASSERT(fd != -1);
	ASSERT(peer.sin_port == port);
	check_flags(fd, SOCK_CLOEXEC);
	ASSERT(close(fd) == 0);
	ASSERT(close(c) == 0);
	ASSERT(close(l) == 0);
}

/* A descriptor that is not open is EBADF, even with an unknown flag. */
static void
test_accept4_ebadf(void)
{
	int fd = lowest_free_fd();

	errno = 0;
	ASSERT(accept4(-1, NULL, NULL, SOCK_CLOEXEC) == -1);
	ASSERT(errno == EBADF);
	errno = 0;
	ASSERT(accept4(fd, NULL, NULL, 0) == -1);
	ASSERT(errno == EBADF);
	errno = 0;
	ASSERT(accept4(fd, NULL, NULL, BAD_FLAG) == -1);
	ASSERT(errno == EBADF);
	errno = 0;
	ASSERT(test_sys_accept4(-1, NULL, NULL, SOCK_NONBLOCK) == -1);
	ASSERT(errno == EBADF);
}

static void
test_socket(void)
{
	static const int types[] = { SOCK_STREAM, SOCK_DGRAM };
	int t, i, fd, free_fd;

	for (t = 0; t < 2; t++)
		for (i = 0; i < N_FLAG_SETS; i++) {
			fd = socket(AF_INET, types[t] | flag_sets[i], 0);
			ASSERT(fd != -1);
			check_flags(fd, flag_sets[i]);
			ASSERT(close(fd) == 0);
			fd = socket(AF_UNIX, types[t] | flag_sets[i], 0);
			ASSERT(fd != -1);
			check_flags(fd, flag_sets[i]);
			ASSERT(close(fd) == 0);
		}
	/* The system's own errors pass through, and nothing is left open. */
	free_fd = lowest_free_fd();
	errno = 0;
	ASSERT(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 12345) == -1);
	ASSERT(errno != 0);
	ASSERT(lowest_free_fd() == free_fd);
}

static void
test_socketpair(void)
{
	int sv[2], i;
	char b;

	for (i = 0; i < N_FLAG_SETS; i++) {
		sv[0] = sv[1] = -1;
		ASSERT(socketpair(AF_UNIX, SOCK_STREAM | flag_sets[i], 0, sv) == 0);
		ASSERT(sv[0] >= 0 && sv[1] >= 0 && sv[0] != sv[1]);
		check_flags(sv[0], flag_sets[i]);
		check_flags(sv[1], flag_sets[i]);
		/* The two ends are connected to each other, both ways. */
		ASSERT(write(sv[0], "a", 1) == 1);
		ASSERT(read(sv[1], &b, 1) == 1 && b == 'a');
		ASSERT(write(sv[1], "b", 1) == 1);
		ASSERT(read(sv[0], &b, 1) == 1 && b == 'b');
		ASSERT(close(sv[0]) == 0);
		ASSERT(close(sv[1]) == 0);
	}
}

int
main(void)
{
	test_accept4_flags();
	test_accept4_einval();
	test_accept4_ebadf();
	test_socket();
	test_socketpair();
	return 0;
}
