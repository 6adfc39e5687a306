/*
 * Close-on-exec for every descriptor received in SCM_RIGHTS control messages.
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
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "sockcompat-internal.h"

/*
 * Where the descriptors of C end: its cmsg_len, but never past the buffer.
 * *CUT says the kernel cut this message short (MSG_CTRUNC, and cmsg_len
 * counts more than the buffer holds): XNU copies the header whole and
 * leaves the descriptors that did not fit installed (bsd/kern/
 * uipc_syscalls.c, copyout_control); FreeBSD closes every descriptor of
 * the cut message (kern_recvit, m_dispose_extcontrolm), so the numbers
 * that did reach the buffer may be closed already.  Numbers past the
 * buffer never reached the caller and are not read.
 */
static const unsigned char *
rights_end(const struct msghdr *msg, const struct cmsghdr *c, int *cut)
{
	const unsigned char *buf_end =
	    (const unsigned char *)msg->msg_control + msg->msg_controllen;
	const unsigned char *c_end = (const unsigned char *)c + c->cmsg_len;

	*cut = c_end > buf_end;
	return *cut ? buf_end : c_end;
}

/*
 * Calls FN on every descriptor in MSG's SCM_RIGHTS messages, in order, and
 * stops at the first failure -- except EBADF in a message the kernel cut,
 * which is a descriptor the kernel has closed (FreeBSD), not one the caller
 * received.  A header shorter than a header ends the walk: some
 * CMSG_NXTHDR macros (the BSDs') would return it again forever.
 */
static int
each_right(struct msghdr *msg, int (*fn)(int))
{
	struct cmsghdr *c;

	if (msg->msg_control == NULL)
		return 0;
	for (c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
		const unsigned char *p, *end;
		int cut;

		if (c->cmsg_len < CMSG_LEN(0))
			break;
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		end = rights_end(msg, c, &cut);
		for (p = CMSG_DATA(c); end - p >= (ptrdiff_t)sizeof(int);
		    p += sizeof(int)) {
			int fd;

			/* CMSG_DATA is aligned for int, but say so to no one. */
			memcpy(&fd, p, sizeof fd);
			if (fn(fd) == -1 && !(cut && errno == EBADF))
				return -1;
		}
	}
	return 0;
}

static int
close_right(int fd)
{
	(void)close(fd);
	return 0;
}

int
sockcompat_priv_cloexec_rights(struct msghdr *msg)
{
	int saved_errno;

	if (each_right(msg, sockcompat_priv_set_cloexec) == 0)
		return 0;
	/*
	 * One descriptor could not be marked.  All of them are closed, the
	 * marked ones too: the caller gets an error, so it would never close
	 * them, and it learns of the failure instead of finding -1 or a number
	 * already reused by another thread in the buffer (libwayland's
	 * fallback writes -1 over the one that failed and returns success).
	 * The control data is emptied so that a caller who reads it anyway
	 * finds no descriptor.
	 */
	saved_errno = errno;
	(void)each_right(msg, close_right);
	msg->msg_controllen = 0;
	errno = saved_errno;
	return -1;
}
