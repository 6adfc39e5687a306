/*
 * The native accept4 of systems that pass the listener's non-blocking mode
 * on to the new socket even when SOCK_NONBLOCK is not asked for (illumos
 * and Solaris 11.4: uts/common/fs/sockfs/socksyscalls.c ORs the listener's
 * FNONBLOCK/FNDELAY into the new file whatever the flags), made to give
 * exactly what the caller named.
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

#include <fcntl.h>

#include "sockcompat-internal.h"

#ifndef O_NDELAY
# define O_NDELAY 0
#endif

/*
 * illumos accept() (uts/common/fs/sockfs/socksyscalls.c) gives the new
 * file FNONBLOCK if SOCK_NONBLOCK was named or the listener has
 * SS_NONBLOCK, else FNDELAY if SOCK_NDELAY was named or the listener has
 * SS_NDELAY (FIONBIO).  Asked for neither, the caller gets a blocking
 * socket; asked for SOCK_NDELAY alone, exactly O_NDELAY.  With
 * SOCK_NONBLOCK the kernel's answer is already FNONBLOCK alone.
 *
 * The one write is F_SETFL, built from F_GETFL, and it keeps the async
 * mode as accept4 left it: socket_vop_setfl() (sockcommon_vnops.c) turns
 * SS_ASYNC off when the old flags, with FASYNC added for SS_ASYNC, and the
 * new ones differ in FASYNC; F_GETFL on a socket adds FASYNC for SS_ASYNC
 * (f_getfl() and sock_getfasync(), uts/common/os/fio.c and sockfs), so the
 * flags written name FASYNC exactly when SS_ASYNC is set.  (Where F_GETFL
 * does not show it, the write still cannot lose it: O_NONBLOCK and
 * O_NDELAY get into the new file only through accept()'s own VOP_SETFL,
 * from FREAD|FWRITE, which has already settled SS_ASYNC the same way.)
 * FIONBIO could not replace the write: it changes FNDELAY only
 * (uts/common/syscall/ioctl.c), never a listener's FNONBLOCK.
 */
int
sockcompat_priv_accept4_unshared(int fd, struct sockaddr *addr,
    socklen_t *addrlen, int flags)
{
	int nfd = accept4(fd, addr, addrlen, flags), fl, want;

	if (nfd == -1 || (flags & SOCK_NONBLOCK))
		return nfd;
	want = (flags & SOCKCOMPAT_NDELAY_) ? O_NDELAY : 0;
	fl = fcntl(nfd, F_GETFL);
	if (fl == -1 || ((fl & (O_NONBLOCK | O_NDELAY)) != want &&
	    fcntl(nfd, F_SETFL, (fl & ~(O_NONBLOCK | O_NDELAY)) | want) == -1)) {
		sockcompat_priv_discard_fd(nfd);
		return -1;
	}
	return nfd;
}
