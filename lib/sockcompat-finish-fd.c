/*
 * Make a descriptor from accept(), socket() or socketpair() look as if the
 * native call with type flags had made it.
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
#include <unistd.h>

#include "sockcompat-internal.h"

/*
 * The system's extra flags that the emulation can give: SOCK_NOSIGPIPE by
 * F_SETNOSIGPIPE, the file flag that NetBSD's own SOCK_NOSIGPIPE sets
 * (sys/kern/uipc_syscalls.c), or else by the socket option SO_NOSIGPIPE.
 */
static int
set_extra(int fd, int flags)
{
#if defined F_SETNOSIGPIPE
	if ((flags & SOCKCOMPAT_NOSIGPIPE_) &&
	    fcntl(fd, F_SETNOSIGPIPE, 1) == -1)
		return -1;
#elif defined SO_NOSIGPIPE
	int on = 1;

	if ((flags & SOCKCOMPAT_NOSIGPIPE_) &&
	    setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on) == -1)
		return -1;
#endif
	(void)fd;
	(void)flags;
	return 0;
}

int
sockcompat_priv_finish_fd(int fd, int flags, int inherited)
{
	/*
	 * Close-on-exec first, to keep the window in which a concurrent
	 * fork+exec can inherit FD as short as possible.  Each step writes
	 * the whole flag word without reading it first: FD is new, so what
	 * it holds is known.  Where nothing was asked for and nothing can
	 * have been inherited, nothing is called at all.
	 */
	if ((flags & SOCK_CLOEXEC) && sockcompat_priv_set_cloexec(fd) == -1)
		goto fail;
	if (((flags & SOCK_NONBLOCK) || inherited) &&
	    sockcompat_priv_set_nonblock(fd, (flags & SOCK_NONBLOCK) != 0,
	    inherited) == -1)
		goto fail;
	if ((flags & SOCKCOMPAT_EMULATED_EXTRA_FLAGS) && set_extra(fd, flags) == -1)
		goto fail;
	return fd;
fail:
	sockcompat_priv_discard_fd(fd);
	return -1;
}

void
sockcompat_priv_discard_fd(int fd)
{
	int saved_errno = errno;

	close(fd);
	errno = saved_errno;
}
