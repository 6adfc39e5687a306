/*
 * Close-on-exec for received descriptors, 4.3BSD msghdr (msg_accrights).
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
#include <string.h>
#include <unistd.h>

#include "sockcompat-internal.h"

/*
 * Before 4.3BSD-Reno, struct msghdr had no control messages: the received
 * descriptors are an array of int, msg_accrights, msg_accrightslen bytes
 * long.  The same rule as for SCM_RIGHTS (sockcompat-rights-cmsg.c): all
 * marked, or all closed and the call failed.
 */
int
sockcompat_priv_cloexec_rights(struct msghdr *msg)
{
	const unsigned char *rights = (const unsigned char *)msg->msg_accrights;
	size_t len, i, done;
	int saved_errno;

	if (rights == NULL || msg->msg_accrightslen <= 0)
		return 0;
	len = (size_t)msg->msg_accrightslen / sizeof(int) * sizeof(int);
	for (i = 0; i < len; i += sizeof(int)) {
		int fd;

		memcpy(&fd, rights + i, sizeof fd);
		if (sockcompat_priv_set_cloexec(fd) == -1)
			break;
	}
	if (i == len)
		return 0;
	saved_errno = errno;
	for (done = 0; done < len; done += sizeof(int)) {
		int fd;

		memcpy(&fd, rights + done, sizeof fd);
		(void)close(fd);
	}
	msg->msg_accrightslen = 0;
	errno = saved_errno;
	return -1;
}
