/*
 * The native socket() and socketpair() with type flags, while this process
 * has no reason to doubt that the kernel honours them.
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
#include "sockcompat-verdict.h"

/* One kernel feature, so one verdict for both calls. */
static sockcompat_verdict sockflags_verdict;

/*
 * Kernels older than the type flags (Linux before 2.6.27) take them for
 * part of the type and answer EINVAL or EPROTONOSUPPORT, exactly as for a
 * type or protocol that is really wrong; a kernel older than one of the
 * system's extra flags (SOCK_CLOFORK from newer headers) answers EINVAL for
 * that flag alone.  Could ERR be either?  The retries below decide, each
 * made once and only on this error path.  Only a kernel that refuses
 * SOCK_CLOEXEC and SOCK_NONBLOCK themselves is doubted for the rest of the
 * process: an extra flag it does not know is that caller's EINVAL.
 */
static int
maybe_refused(int err, int type)
{
	return (type & SOCKCOMPAT_ALL_FLAGS) &&
	    (err == EINVAL || err == EPROTONOSUPPORT);
}

/*
 * Does the kernel refuse SOCK_CLOEXEC or SOCK_NONBLOCK themselves?  Asked
 * after a failure that maybe_refused() allows.  If the call works without
 * the extra flags, one of those was refused, not the type flags; if it
 * works without any flag, the type flags were; if not, the type or
 * protocol is wrong.
 */
static int
socket_refuses_flags(int domain, int type, int protocol)
{
	int fd;

	if (type & SOCKCOMPAT_EXTRA_FLAGS) {
		fd = socket(domain, type & ~SOCKCOMPAT_EXTRA_FLAGS, protocol);
		if (fd != -1) {
			close(fd);
			return 0;
		}
	}
	if (!(type & SOCKCOMPAT_TYPE_FLAGS))
		return 0;
	fd = socket(domain, type & ~SOCKCOMPAT_ALL_FLAGS, protocol);
	if (fd == -1)
		return 0;
	close(fd);
	return 1;
}

/* The same question asked of socketpair(). */
static int
socketpair_refuses_flags(int domain, int type, int protocol)
{
	int pair[2];

	if ((type & SOCKCOMPAT_EXTRA_FLAGS) &&
	    socketpair(domain, type & ~SOCKCOMPAT_EXTRA_FLAGS, protocol,
	    pair) == 0) {
		close(pair[0]);
		close(pair[1]);
		return 0;
	}
	if (!(type & SOCKCOMPAT_TYPE_FLAGS) ||
	    socketpair(domain, type & ~SOCKCOMPAT_ALL_FLAGS, protocol, pair) != 0)
		return 0;
	close(pair[0]);
	close(pair[1]);
	return 1;
}

int
sockcompat_priv_socket_native(int domain, int type, int protocol)
{
	int fd, err;

	if (sockcompat_verdict_load(&sockflags_verdict) == SOCKCOMPAT_VERDICT_UNUSABLE)
		return SOCKCOMPAT_NATIVE_UNUSABLE;

	fd = socket(domain, type, protocol);
	if (fd != -1)
		return fd;

	err = errno;
	if (maybe_refused(err, type) &&
	    socket_refuses_flags(domain, type, protocol)) {
		sockcompat_verdict_store(&sockflags_verdict, SOCKCOMPAT_VERDICT_UNUSABLE);
		return SOCKCOMPAT_NATIVE_UNUSABLE;
	}
	errno = err;
	return -1;
}

int
sockcompat_priv_socketpair_native(int domain, int type, int protocol, int sv[2])
{
	int err;

	if (sockcompat_verdict_load(&sockflags_verdict) == SOCKCOMPAT_VERDICT_UNUSABLE)
		return SOCKCOMPAT_NATIVE_UNUSABLE;

	if (socketpair(domain, type, protocol, sv) == 0)
		return 0;

	err = errno;
	if (maybe_refused(err, type) &&
	    socketpair_refuses_flags(domain, type, protocol)) {
		sockcompat_verdict_store(&sockflags_verdict, SOCKCOMPAT_VERDICT_UNUSABLE);
		return SOCKCOMPAT_NATIVE_UNUSABLE;
	}
	errno = err;
	return -1;
}
