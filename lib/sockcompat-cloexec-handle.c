/*
 * Close-on-exec on native Windows, where a socket is a C runtime
 * descriptor around a Winsock handle (gnulib's sockets module).
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
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include "sockcompat-internal.h"

/*
 * What a child process inherits on Windows is a handle whose inheritance
 * flag is set (SetHandleInformation, HANDLE_FLAG_INHERIT, in Microsoft's
 * Win32 reference; a socket is one of the objects it takes), and gnulib's
 * fcntl reports F_GETFD from that flag.  Clearing it in place keeps FD's
 * number and the socket as it is.  gnulib's lib/accept4.c (which never
 * reaches that code, its SOCK_CLOEXEC being 0 there) would instead wrap a
 * non-inheritable duplicate of the handle in a new descriptor; but Winsock
 * does not count DuplicateHandle's copies of a socket (Microsoft's
 * DuplicateHandle reference), and closing the original leaves a copy that
 * closesocket, and so gnulib's close, refuses (ENOTSOCK under Wine 8).
 * Left as it is: the C runtime's own "no inherit" bit, which only
 * _open_osfhandle can give, so _spawn still lists FD's number for the
 * child, with a handle value the child does not have (gnulib's
 * lib/fcntl.c, at F_SETFD, calls this an odd state).
 */
int
sockcompat_priv_set_cloexec(int fd)
{
	HANDLE h = (HANDLE)_get_osfhandle(fd);

	if (h == INVALID_HANDLE_VALUE) {
		errno = EBADF;
		return -1;
	}
	if (!SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0)) {
		errno = GetLastError() == ERROR_INVALID_HANDLE ? EBADF : EINVAL;
		return -1;
	}
	return 0;
}
