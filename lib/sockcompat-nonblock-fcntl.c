/*
 * Non-blocking mode with fcntl(F_SETFL), whichever spelling of the flag the
 * system has (O_NONBLOCK, System V's O_NDELAY or 4.3BSD's FNDELAY).
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

int
sockcompat_priv_set_nonblock(int fd, int nonblock, int inherited)
{
	int keep = 0, fl;

	/*
	 * The only status flags F_SETFL can change that a new socket may
	 * have are those inherited from a listener: O_NONBLOCK and O_ASYNC,
	 * which native accept4 clears unless asked for O_NONBLOCK, so one
	 * write of the whole word is right and no F_GETFL is needed -- except
	 * where the system's accept4 keeps a flag of its own
	 * (SOCKCOMPAT_KEPT_STATUS: NetBSD's O_NOSIGPIPE), which must be read
	 * first to be kept.  Nothing is read where nothing was inherited.
	 */
	if (SOCKCOMPAT_KEPT_STATUS != 0 && inherited) {
		fl = fcntl(fd, F_GETFL);
		if (fl == -1)
			return -1;
		keep = fl & SOCKCOMPAT_KEPT_STATUS;
	}
	return fcntl(fd, F_SETFL, (nonblock ? SOCKCOMPAT_O_NONBLOCK : 0) | keep)
	    == -1 ? -1 : 0;
}
