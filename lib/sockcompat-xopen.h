/*
 * The X/Open namespace for the files that read or pass a struct msghdr,
 * on illumos and Solaris.
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
/*
 * Include right after <config.h>, before any system header.
 *
 * illumos and Solaris have two struct msghdr: in the X/Open namespace
 * (_XPG4_2) it carries control messages (msg_control, msg_controllen,
 * msg_flags) and recvmsg, sendmsg and sendto are the __xnet_ functions;
 * outside it, the namespace illumos's GCC compiles in by default, it
 * carries 4.3BSD's msg_accrights and the calls are the old ones
 * (illumos-gate usr/src/uts/common/sys/socket.h @ 0250c53ad267, line
 * 360, struct msghdr; lines 512-518, the __xnet_ names).  Only
 * the first can carry SCM_RIGHTS control messages, the only ones
 * MSG_CMSG_CLOEXEC applies to, so sockcompat_recvmsg and
 * sockcompat_sendmsg take it, and sockcompat.h declares them only there.
 * The files that handle a struct msghdr are built in that namespace,
 * whatever the compiler's default, the way illumos builds its own
 * libsctp, whose sctp_recvmsg fills a control buffer (usr/src/lib/libsctp/
 * common/sctp.c @ 1593262046299, lines 29-30).  The other files keep
 * the namespace the library is configured in, so that this header does
 * not change which socket() and socketpair() they call (the __xnet_ ones
 * answer some errors differently: usr/src/lib/libsocket/socket/socket.c
 * @ 1593262046299, lines 93-117).  See doc/PLATFORMS.md, section F, decision 5.
 */
#ifndef SOCKCOMPAT_XOPEN_H
#define SOCKCOMPAT_XOPEN_H

#if defined __sun && !defined _XPG4_2
# define _XPG4_2
# ifndef __EXTENSIONS__
#  define __EXTENSIONS__ 1
# endif
#endif

#endif /* SOCKCOMPAT_XOPEN_H */
