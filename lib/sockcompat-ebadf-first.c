/*
 * Which error the running kernel's accept4 gives first for flags it does
 * not know on a descriptor that is not open, where that depends on the
 * kernel (Linux).
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

/*
 * USABLE: EBADF first; UNUSABLE: EINVAL first.  Linux checked accept4's
 * flags before looking the descriptor up until 5.4; since 5.5 __sys_accept4
 * looks the descriptor up (EBADF) before __sys_accept4_file checks the
 * flags (net/socket.c, commit "net: add __sys_accept4_file() helper").
 * RHEL 8, Debian 10 and Ubuntu 18.04 run the older kernels.
 */
static sockcompat_verdict order;

/*
 * Ask the kernel itself, once: accept4 on descriptor -1 with the caller's
 * unknown FLAGS cannot dequeue anything.  EINVAL says flags first; EBADF
 * says descriptor first; anything else (a sandbox refusing accept4) proves
 * nothing, and the current kernels' order is kept.
 */
int
sockcompat_priv_ebadf_first(int flags)
{
	int v = sockcompat_verdict_load(&order);

	if (v == SOCKCOMPAT_VERDICT_UNKNOWN) {
		v = accept4(-1, NULL, NULL, flags) == -1 && errno == EINVAL ?
		    SOCKCOMPAT_VERDICT_UNUSABLE : SOCKCOMPAT_VERDICT_USABLE;
		sockcompat_verdict_store(&order, v);
	}
	return v == SOCKCOMPAT_VERDICT_USABLE;
}
