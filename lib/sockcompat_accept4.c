/*
 * sockcompat_accept4: accept4(2) on every system.
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
#include <fcntl.h>

#include "sockcompat-internal.h"

/*
 * FLAGS has bits the shim does not take.  With a descriptor that is not
 * open as well, the system's own order decides between EBADF and EINVAL
 * (Cygwin and NetBSD say EBADF, Linux since 5.5 too, the others EINVAL);
 * finding out costs a call, on this error path only.  Out of line, so
 * that the hot path below needs no stack frame.
 */
static SOCKCOMPAT_NOINLINE int
bad_flags(int fd, int flags)
{
	errno = sockcompat_ebadf_first(flags & ~SOCKCOMPAT_ACCEPT4_FLAGS) &&
	    fcntl(fd, F_GETFD) == -1 && errno == EBADF ? EBADF : EINVAL;
	return -1;
}

int
sockcompat_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	/* Before anything else, so that no connection is dequeued and lost. */
	if (flags & ~SOCKCOMPAT_ACCEPT4_FLAGS)
		return bad_flags(fd, flags);

	/*
	 * The native accept4 where the system has it and it works, else the
	 * emulation below (sockcompat-accept4-native.c or -nonative.c decides).
	 * A tail call, so the native path costs a handful of instructions.
	 */
	return sockcompat_priv_accept4_native(fd, addr, addrlen, flags);
}

int
sockcompat_priv_accept4_emulated(int fd, struct sockaddr *addr,
    socklen_t *addrlen, int flags)
{
	int nfd;

	/* A flag the native call takes but the emulation cannot give (a
	 * test of constants where the two sets are the same, as on Linux). */
	if (SOCKCOMPAT_ACCEPT4_FLAGS != SOCKCOMPAT_EMULATED_FLAGS &&
	    (flags & ~SOCKCOMPAT_EMULATED_FLAGS)) {
		errno = EINVAL;
		return -1;
	}
	nfd = accept(fd, addr, addrlen);
	if (nfd == -1)
		return -1;
	return sockcompat_priv_finish_fd(nfd, flags, SOCKCOMPAT_ACCEPT_INHERITS);
}
