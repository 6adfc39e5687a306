/*
 * Test of sockcompat's accept4, socket and socketpair, as a gnulib-style
 * test program: silent, exit status 0 on success, a message and abort()
 * on the first failed check.  Built twice by the sockcompat-tests module:
 * test-sockcompat against the library as configured (the native path
 * where the system has one), and test-sockcompat-emul with the emulated
 * variants of the library compiled into it.  Where the project links an
 * installed libsockcompat, only the first is built, against that
 * library: it uses nothing the library does not export.
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

/* The functions the library exports, as it declares them (the installed
   library's, in a project that links it). */
#include "signature.h"
SIGNATURE_CHECK (sockcompat_accept4, int,
                 (int, struct sockaddr *, socklen_t *, int));
SIGNATURE_CHECK (sockcompat_socket, int, (int, int, int));
#if !(defined _WIN32 && !defined __CYGWIN__)
SIGNATURE_CHECK (sockcompat_socketpair, int, (int, int, int, int[2]));
#endif
SIGNATURE_CHECK (sockcompat_accept_error, int, (int, int));

#include <sys/types.h>
#include <sys/time.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sockets.h"
#include "test-sockcompat.h"

#include "macros.h"

/* A flag that no system's accept4 or socket knows. */
#define BAD_FLAG 0x01000000

static const int flag_sets[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};
#define N_FLAG_SETS (int)(sizeof flag_sets / sizeof flag_sets[0])

/*
 * Native Windows (Winsock behind gnulib's sockets modules): gnulib's fcntl
 * reports F_GETFD from the handle's inheritance flag, but nothing reports
 * a socket's non-blocking mode (gnulib's lib/nonblocking.c answers ENOSYS
 * for sockets), so it is watched instead: a recv on FD, which has nothing
 * to read, in a second thread either fails at once with EWOULDBLOCK
 * (non-blocking) or is still waiting after 200 ms (blocking; SO_RCVTIMEO
 * would be simpler, but Wine 8 ignores it for blocking calls), and PEER,
 * connected to FD, then sends the byte it waits for.  Nor does Winsock
 * have socketpair, or AF_UNIX in every version: those checks are left out
 * there.
 */
#if defined _WIN32 && !defined __CYGWIN__
# define WINSOCK 1
# define WIN32_LEAN_AND_MEAN
# include <windows.h>
# include <io.h>
# include <stdint.h>
struct recv_probe {
	int fd, r, err;
};

static DWORD WINAPI
probe_recv(LPVOID arg)
{
	struct recv_probe *p = arg;
	char b;

	errno = 0;
	p->r = recv(p->fd, &b, 1, 0);
	p->err = errno;
	return 0;
}

static int
is_nonblocking(int fd, int peer)
{
	struct recv_probe p;
	HANDLE t;
	int nb;

	p.fd = fd;
	t = CreateThread(NULL, 0, probe_recv, &p, 0, NULL);
	ASSERT(t != NULL);
	nb = WaitForSingleObject(t, 200) == WAIT_OBJECT_0;
	if (nb)
		ASSERT(p.r == -1 && (p.err == EWOULDBLOCK || p.err == EAGAIN));
	else {
		ASSERT(send(peer, "x", 1, 0) == 1);
		ASSERT(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0);
		ASSERT(p.r == 1);
	}
	ASSERT(CloseHandle(t));
	return nb;
}
#else
# define WINSOCK 0
static int
is_nonblocking(int fd, int peer)
{
	int fl = fcntl(fd, F_GETFL);

	(void)peer;
	ASSERT(fl != -1);
	return (fl & O_NONBLOCK) != 0;
}
#endif

/* FD has FD_CLOEXEC iff FLAGS has SOCK_CLOEXEC, O_NONBLOCK iff
   SOCK_NONBLOCK.  PEER is connected to FD, or -1 where the mode can be
   read (not WINSOCK). */
static void
check_flags(int fd, int flags, int peer)
{
	int fdf = fcntl(fd, F_GETFD);

	ASSERT(fdf != -1);
	ASSERT(((fdf & FD_CLOEXEC) != 0) == ((flags & SOCK_CLOEXEC) != 0));
	ASSERT(is_nonblocking(fd, peer) == ((flags & SOCK_NONBLOCK) != 0));
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
				check_flags(fd, flag_sets[i], c);
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
	check_flags(fd, SOCK_CLOEXEC, c);
	ASSERT(close(fd) == 0);
	ASSERT(close(c) == 0);
	ASSERT(close(l) == 0);
}

/* A descriptor that is not open is EBADF; with an unknown flag too, except
   where the system's accept4 (or, without one, FreeBSD's documented
   order) checks the flags first: SOCKCOMPAT_EBADF_FIRST 0, from
   m4/sockcompat_errorder.m4. */
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
	ASSERT(errno == (SOCKCOMPAT_EBADF_FIRST == 0 ? EINVAL : EBADF));
	errno = 0;
	ASSERT(test_sys_accept4(-1, NULL, NULL, SOCK_NONBLOCK) == -1);
	ASSERT(errno == EBADF);
}

/* A new socket FD of TYPE has the flags FLAGS ask for.  Where the mode
   must be watched (WINSOCK), a datagram socket is bound first and given a
   peer; a stream socket is connected instead. */
static void
check_new_socket(int fd, int type, int flags)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int u;

	if (WINSOCK && type == SOCK_DGRAM) {
		memset(&sin, 0, sizeof sin);
		sin.sin_family = AF_INET;
		sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		ASSERT(bind(fd, (struct sockaddr *)&sin, sizeof sin) == 0);
		ASSERT(getsockname(fd, (struct sockaddr *)&sin, &len) == 0);
		u = socket(AF_INET, SOCK_DGRAM, 0);
		ASSERT(u != -1);
		ASSERT(connect(u, (const struct sockaddr *)&sin, sizeof sin) == 0);
		check_flags(fd, flags, u);
		ASSERT(close(u) == 0);
		return;
	}
	if (WINSOCK && type == SOCK_STREAM) {
		/* Unconnected, it cannot be watched by reading; connecting
		   shows it: a non-blocking connect does not wait. */
		struct sockaddr_in lsin;
		int l = listener(&lsin, 0), c, fdf;

		fdf = fcntl(fd, F_GETFD);
		ASSERT(fdf != -1);
		ASSERT(((fdf & FD_CLOEXEC) != 0) == ((flags & SOCK_CLOEXEC) != 0));
		errno = 0;
		c = connect(fd, (const struct sockaddr *)&lsin, sizeof lsin);
		if (flags & SOCK_NONBLOCK)
			ASSERT(c == -1 && (errno == EINPROGRESS ||
			    errno == EWOULDBLOCK || errno == EAGAIN));
		else
			ASSERT(c == 0);
		ASSERT(close(l) == 0);
		return;
	}
	check_flags(fd, flags, -1);
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
			check_new_socket(fd, types[t], flag_sets[i]);
			ASSERT(close(fd) == 0);
			if (WINSOCK)
				continue;
			fd = socket(AF_UNIX, types[t] | flag_sets[i], 0);
			ASSERT(fd != -1);
			check_flags(fd, flag_sets[i], -1);
			ASSERT(close(fd) == 0);
		}
	/* The system's own errors pass through, and nothing is left open. */
	free_fd = lowest_free_fd();
	errno = 0;
	ASSERT(socket(WINSOCK ? AF_INET : AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC,
	    12345) == -1);
	ASSERT(errno != 0);
	ASSERT(lowest_free_fd() == free_fd);
}

#if WINSOCK
/*
 * Close-on-exec across a real CreateProcess that passes on inheritable
 * handles: this program, started again with the handle value of a
 * connected socket, writes a byte to it (WriteFile: Wine 8's Winsock
 * refuses inherited sockets, its file layer does not), and the byte
 * arrives at the peer only if the handle was inherited -- whatever the
 * value names in the child otherwise.
 */
# define CHILD_ARG "--sockcompat-child-write"
static int
child_main(const char *value)
{
	HANDLE h = (HANDLE)(intptr_t)_strtoui64(value, NULL, 10);
	DWORD n;

	return WriteFile(h, "x", 1, &n, NULL) ? 10 : 11;
}

static void
test_exec(void)
{
	char self[MAX_PATH], cmd[MAX_PATH + 64], b;
	STARTUPINFOA si;
	PROCESS_INFORMATION pi;
	struct sockaddr_in sin;
	int cloexec, l, c, a, r;

	ASSERT(GetModuleFileNameA(NULL, self, sizeof self) > 0);
	for (cloexec = 0; cloexec < 2; cloexec++) {
		l = listener(&sin, 0);
		c = socket(AF_INET, SOCK_STREAM | (cloexec ? SOCK_CLOEXEC : 0), 0);
		ASSERT(c != -1);
		ASSERT(connect(c, (const struct sockaddr *)&sin, sizeof sin) == 0);
		a = accept4(l, NULL, NULL, SOCK_NONBLOCK);
		ASSERT(a != -1);
		snprintf(cmd, sizeof cmd, "\"%s\" " CHILD_ARG " %llu", self,
		    (unsigned long long)_get_osfhandle(c));
		memset(&si, 0, sizeof si);
		si.cb = sizeof si;
		ASSERT(CreateProcessA(self, cmd, NULL, NULL, TRUE, 0, NULL, NULL,
		    &si, &pi));
		ASSERT(WaitForSingleObject(pi.hProcess, 60000) == WAIT_OBJECT_0);
		ASSERT(CloseHandle(pi.hThread) && CloseHandle(pi.hProcess));
		errno = 0;
		r = recv(a, &b, 1, 0);
		if (cloexec)
			ASSERT(r == -1 && (errno == EWOULDBLOCK || errno == EAGAIN));
		else
			ASSERT(r == 1 && b == 'x');
		ASSERT(close(a) == 0);
		ASSERT(close(c) == 0);
		ASSERT(close(l) == 0);
	}
}
#else
static void
test_socketpair(void)
{
	int sv[2], i;
	char b;

	for (i = 0; i < N_FLAG_SETS; i++) {
		sv[0] = sv[1] = -1;
		ASSERT(socketpair(AF_UNIX, SOCK_STREAM | flag_sets[i], 0, sv) == 0);
		ASSERT(sv[0] >= 0 && sv[1] >= 0 && sv[0] != sv[1]);
		check_flags(sv[0], flag_sets[i], -1);
		check_flags(sv[1], flag_sets[i], -1);
		/* The two ends are connected to each other, both ways. */
		ASSERT(write(sv[0], "a", 1) == 1);
		ASSERT(read(sv[1], &b, 1) == 1 && b == 'a');
		ASSERT(write(sv[1], "b", 1) == 1);
		ASSERT(read(sv[0], &b, 1) == 1 && b == 'b');
		ASSERT(close(sv[0]) == 0);
		ASSERT(close(sv[1]) == 0);
	}
}
#endif

int
main(int argc, char **argv)
{
#if WINSOCK
	if (argc == 3 && strcmp(argv[1], CHILD_ARG) == 0)
		return child_main(argv[2]);
#else
	(void)argc;
	(void)argv;
#endif
	/* Winsock's WSAStartup; nothing elsewhere. */
	ASSERT(gl_sockets_startup(SOCKETS_2_2) == 0);
	test_accept4_flags();
	test_accept4_einval();
	test_accept4_ebadf();
	test_socket();
#if WINSOCK
	test_exec();
#else
	test_socketpair();
#endif
	return 0;
}
