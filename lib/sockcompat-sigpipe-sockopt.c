/*
 * MSG_NOSIGNAL where the system has none but has the socket option
 * SO_NOSIGPIPE (macOS before macOS 11): the option set
 * for the duration of the call, and put back as it was.
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

#include "sockcompat-internal.h"

/*
 * Why not block SIGPIPE as sockcompat-sigpipe-mask.c does: XNU raises the
 * SIGPIPE of a failed send for the whole process (psignal, not
 * psignal_uthread; doc/PLATFORMS.md, table G), so another thread that
 * does not block it would take it.  The socket option is what XNU checks
 * instead.  It is the socket's, so while the call runs another thread
 * sending on the same socket gets no SIGPIPE either; it is put back
 * afterwards.  Already set, it is left alone: one getsockopt more than
 * the send.
 */
int
sockcompat_priv_sigpipe_hold(struct sockcompat_sigpipe_guard *guard, int fd)
{
	int on = 0;
	socklen_t len = sizeof on;

	/*
	 * Not a socket, or not open: the send itself fails the same way and
	 * raises nothing, so there is nothing to do or undo.
	 */
	if (getsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, &len) == -1 ||
	    on != 0) {
		guard->state = 1;
		return 0;
	}
	on = 1;
	if (setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on) == -1)
		return -1;
	guard->state = 0;
	return 0;
}

void
sockcompat_priv_sigpipe_release(struct sockcompat_sigpipe_guard *guard,
    int fd, ssize_t result)
{
	int saved_errno = errno;
	int off = 0;

	(void)result;
	if (!guard->state)
		(void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &off, sizeof off);
	errno = saved_errno;
}
