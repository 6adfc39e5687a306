/*
 * sockcompat_accept_error: what a daemon's accept loop should do after
 * accept or accept4 failed with a given errno.
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
#include <stddef.h>

#include "sockcompat-internal.h"

/*
 * Every errno the Linux, FreeBSD, NetBSD, OpenBSD, macOS and Solaris
 * manuals list for accept/accept4, and the ones Linux returns without
 * documenting them.  Where a system lacks a name, its row is left out.
 * The reasons are in sockcompat_accept_error(3).
 */
static const struct {
	int err;
	int verdict;
} verdicts[] = {
	/* Nothing pending. */
	{ EAGAIN, SOCKCOMPAT_ACCEPT_WAIT },
	{ EWOULDBLOCK, SOCKCOMPAT_ACCEPT_WAIT },

	/* Interrupted, or the pending connection died before it was
	 * accepted: nothing is wrong with the listener. */
	{ EINTR, SOCKCOMPAT_ACCEPT_RETRY },
	{ ECONNABORTED, SOCKCOMPAT_ACCEPT_RETRY },
	{ ECONNRESET, SOCKCOMPAT_ACCEPT_RETRY },
	{ ETIMEDOUT, SOCKCOMPAT_ACCEPT_RETRY },
	{ ENETDOWN, SOCKCOMPAT_ACCEPT_RETRY },
	{ ENETUNREACH, SOCKCOMPAT_ACCEPT_RETRY },
	{ EHOSTUNREACH, SOCKCOMPAT_ACCEPT_RETRY },
	{ ENOPROTOOPT, SOCKCOMPAT_ACCEPT_RETRY },
	{ EPROTONOSUPPORT, SOCKCOMPAT_ACCEPT_RETRY },
#ifdef EPROTO
	{ EPROTO, SOCKCOMPAT_ACCEPT_RETRY },
#endif
#ifdef EHOSTDOWN
	{ EHOSTDOWN, SOCKCOMPAT_ACCEPT_RETRY },
#endif
#ifdef ENONET
	{ ENONET, SOCKCOMPAT_ACCEPT_RETRY },
#endif
#ifdef ESOCKTNOSUPPORT
	{ ESOCKTNOSUPPORT, SOCKCOMPAT_ACCEPT_RETRY },
#endif

	/* Out of descriptors, buffers or memory: retrying at once spins. */
	{ EMFILE, SOCKCOMPAT_ACCEPT_BACKOFF },
	{ ENFILE, SOCKCOMPAT_ACCEPT_BACKOFF },
	{ ENOBUFS, SOCKCOMPAT_ACCEPT_BACKOFF },
	{ ENOMEM, SOCKCOMPAT_ACCEPT_BACKOFF },
#ifdef ENOSR
	{ ENOSR, SOCKCOMPAT_ACCEPT_BACKOFF },
#endif

	/* The caller's mistake, or a listener that cannot accept. */
	{ EBADF, SOCKCOMPAT_ACCEPT_FATAL },
	{ ENOTSOCK, SOCKCOMPAT_ACCEPT_FATAL },
	{ EINVAL, SOCKCOMPAT_ACCEPT_FATAL },
	{ EFAULT, SOCKCOMPAT_ACCEPT_FATAL },
	{ ENOSYS, SOCKCOMPAT_ACCEPT_FATAL },
	{ ENODEV, SOCKCOMPAT_ACCEPT_FATAL },
};

/*
 * Two errnos mean different things depending on what is behind them, and
 * asking is the only way to be right.  Called with errno saved.
 */
static int
resolve(int listener, int err)
{
	int type;
	socklen_t len = sizeof type;

	if (err == EPERM) {
		/*
		 * Linux: a firewall rule refused this one connection (RETRY);
		 * or a sandbox forbids accept altogether, which would make
		 * RETRY spin forever (FATAL).  A permitted accept on
		 * descriptor -1 says EBADF.
		 */
		if (accept(-1, NULL, NULL) == -1 && errno == EBADF)
			return SOCKCOMPAT_ACCEPT_RETRY;
		return SOCKCOMPAT_ACCEPT_FATAL;
	}
	/*
	 * EOPNOTSUPP: Linux passes a pending network error of the new
	 * connection through accept, this among them, on a stream listener.
	 * On anything else it is permanent: a datagram socket, or a
	 * one-to-many SCTP socket, which is SOCK_SEQPACKET and whose accept
	 * answers EOPNOTSUPP on every call (Linux net/sctp/socket.c,
	 * sctp_accept), where RETRY would spin.  Only the listener's type
	 * tells which.
	 */
	if (getsockopt(listener, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
	    type == SOCK_STREAM)
		return SOCKCOMPAT_ACCEPT_RETRY;
	return SOCKCOMPAT_ACCEPT_FATAL;
}

int
sockcompat_accept_error(int listener, int err)
{
	size_t i;
	int verdict, saved_errno;

	if (err == EPERM || err == EOPNOTSUPP || err == ENOTSUP) {
		saved_errno = errno;
		verdict = resolve(listener, err);
		errno = saved_errno;
		return verdict;
	}
	for (i = 0; i < sizeof verdicts / sizeof verdicts[0]; i++)
		if (verdicts[i].err == err)
			return verdicts[i].verdict;
	/* Unknown: neither spin on it nor give up on the listener. */
	return SOCKCOMPAT_ACCEPT_BACKOFF;
}
