/*
 * The native accept4, once it has proved itself; the emulation once it
 * has been refused.
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
#include "sockcompat-verdict.h"

static sockcompat_verdict accept4_verdict;

/*
 * accept4 failed with ERR while its verdict was unknown.  The C library
 * may have the function while the kernel lacks the system call (ENOSYS),
 * and old i386 socketcall kernels, seccomp filters and container profiles
 * answer EINVAL, EPERM, EACCES or EOPNOTSUPP, which a working accept4 also
 * returns for a bad listener.  To tell them apart, ask again on descriptor
 * -1: a real accept4 checks the descriptor before it could dequeue
 * anything and says EBADF.  The probe names only SOCK_CLOEXEC and
 * SOCK_NONBLOCK, which every kernel with the call takes: FreeBSD, OpenBSD,
 * DragonFly and illumos check the flags before the descriptor, so asking
 * with the caller's flags would turn one flag the running kernel does not
 * know (a SOCK_CLOFORK from newer headers) into the whole process's
 * verdict.  That EINVAL is the caller's alone.  Returns the verdict, or
 * SOCKCOMPAT_VERDICT_UNKNOWN if ERR proves nothing either way (EBADF,
 * EAGAIN...).
 */
static int
judge(int err)
{
	if (err == ENOSYS)
		return SOCKCOMPAT_VERDICT_UNUSABLE;
	if (err != EINVAL && err != EPERM && err != EACCES &&
	    err != EOPNOTSUPP && err != ENOTSUP)
		return SOCKCOMPAT_VERDICT_UNKNOWN;
	if (sockcompat_sys_accept4(-1, NULL, NULL,
	    SOCK_CLOEXEC | SOCK_NONBLOCK) == -1 && errno == EBADF)
		return SOCKCOMPAT_VERDICT_USABLE;
	return SOCKCOMPAT_VERDICT_UNUSABLE;
}

/* The careful calls, until the verdict is known. */
static SOCKCOMPAT_NOINLINE int
first_calls(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	int nfd, err, verdict;

	nfd = sockcompat_sys_accept4(fd, addr, addrlen, flags);
	if (nfd != -1) {
		sockcompat_verdict_store(&accept4_verdict, SOCKCOMPAT_VERDICT_USABLE);
		return nfd;
	}
	err = errno;
	verdict = judge(err);
	if (verdict != SOCKCOMPAT_VERDICT_UNKNOWN)
		sockcompat_verdict_store(&accept4_verdict, verdict);
	if (verdict == SOCKCOMPAT_VERDICT_UNUSABLE)
		return sockcompat_priv_accept4_emulated(fd, addr, addrlen, flags);
	errno = err;
	return -1;
}

/*
 * Once accept4 has worked in this process, the kernel has it, and its
 * answers are passed on as they are: a tail call, one load and a compare
 * more than calling accept4 directly.  (A filter installed later that
 * refuses it is not second-guessed; the caller sees its errno.)
 */
int
sockcompat_priv_accept4_native(int fd, struct sockaddr *addr,
    socklen_t *addrlen, int flags)
{
	int verdict = sockcompat_verdict_load(&accept4_verdict);

	if (verdict == SOCKCOMPAT_VERDICT_USABLE)
		return sockcompat_sys_accept4(fd, addr, addrlen, flags);
	if (verdict == SOCKCOMPAT_VERDICT_UNUSABLE)
		return sockcompat_priv_accept4_emulated(fd, addr, addrlen, flags);
	return first_calls(fd, addr, addrlen, flags);
}
