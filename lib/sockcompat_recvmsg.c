/*
 * sockcompat_recvmsg: recvmsg(2) with MSG_CMSG_CLOEXEC on every system.
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
#include "sockcompat-xopen.h"

#include <errno.h>

#include "sockcompat-internal.h"

ssize_t
sockcompat_recvmsg(int fd, struct msghdr *msg, int flags)
{
	/*
	 * The system's recvmsg with the caller's flags where its kernel
	 * honours MSG_CMSG_CLOEXEC, else the emulation below when the flag
	 * is asked for (sockcompat-recvmsg-native.c or -nonative.c decides).
	 * Unknown flags are the system's to judge either way: Linux ignores
	 * them, the BSDs mostly too.  A tail call, so the native path costs a
	 * jump.
	 */
	return sockcompat_priv_recvmsg_native(fd, msg, flags);
}

ssize_t
sockcompat_priv_recvmsg_emulated(int fd, struct msghdr *msg, int flags)
{
	ssize_t n;

	/*
	 * The flag is taken out: sockcompat's own value (macOS) means nothing
	 * to the kernel, and a system's broken or ignored one (FreeBSD 2015-2021,
	 * or forced emulation) must not decide what the caller gets.
	 */
	n = recvmsg(fd, msg, flags & ~MSG_CMSG_CLOEXEC);
	if (n == -1)
		return -1;
	/*
	 * The message is consumed now.  If a descriptor cannot be made
	 * close-on-exec, every descriptor it brought is closed and the call
	 * fails with that errno: a descriptor that would leak into the next
	 * exec is not what the caller asked for, and returning success would
	 * hide it.
	 */
	if (sockcompat_priv_cloexec_rights(msg) == -1)
		return -1;
	return n;
}
