/*
 * Non-blocking mode on native Windows: Winsock's ioctlsocket(FIONBIO) on
 * the handle behind a C runtime descriptor (gnulib's sockets module).
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

#include <errno.h>
#include <io.h>
#include <winsock2.h>

#include "sockcompat-internal.h"

/* errno for the Winsock error of a failed call. */
static int
winsock_errno(void)
{
	switch (WSAGetLastError()) {
	case WSAENOTSOCK:
		return ENOTSOCK;
	case WSAENETDOWN:
		return ENETDOWN;
	case WSAEINPROGRESS:
		return EINPROGRESS;
	case WSAEFAULT:
		return EFAULT;
	default:
		return EINVAL;
	}
}

int
sockcompat_priv_set_nonblock(int fd, int nonblock, int inherited)
{
	SOCKET s = (SOCKET)_get_osfhandle(fd);
	u_long on = nonblock != 0;

	if (s == INVALID_SOCKET) {
		errno = EBADF;
		return -1;
	}
	/*
	 * A socket from accept() has the listener's properties, its
	 * WSAEventSelect or WSAAsyncSelect registration included, and with
	 * one of those ioctlsocket refuses blocking mode (WSAEINVAL).  The
	 * registration is cleared first, as FreeBSD's accept4 clears an
	 * inherited O_ASYNC (ioctlsocket, WSAEventSelect in Microsoft's
	 * Winsock reference).
	 */
	if (inherited && WSAEventSelect(s, NULL, 0) == SOCKET_ERROR) {
		errno = winsock_errno();
		return -1;
	}
	/* The mode cannot be read back on Winsock: it is set either way. */
	if (ioctlsocket(s, FIONBIO, &on) == SOCKET_ERROR) {
		errno = winsock_errno();
		return -1;
	}
	return 0;
}
