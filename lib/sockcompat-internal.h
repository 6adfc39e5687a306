/*
 * Internal interfaces of sockcompat: not installed.
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
#ifndef SOCKCOMPAT_INTERNAL_H
#define SOCKCOMPAT_INTERNAL_H

/* The library calls the system's accept4, socket and socketpair. */
#define SOCKCOMPAT_NO_RENAME 1
#include "sockcompat.h"

/*
 * Imported as a gnulib module, <sys/socket.h> may be gnulib's replacement,
 * which maps accept4 to rpl_accept4: gnulib's own accept4 (whose fallback
 * sets no flag on glibc), or sockcompat's entry for <sys/socket.h> users,
 * which calls back into this library.  Either way the library must reach
 * the system's calls, which the system's header has declared already.
 */
#undef accept4
#undef socket
#undef socketpair

/*
 * Test hook: the test suite builds the emulation once more as if accept()
 * inherited the listener's status flags, as on the BSDs, and makes accept()
 * do so, to run the clearing code on systems where accept() does not.
 */
#ifdef SOCKCOMPAT_TEST_INHERITS
# undef SOCKCOMPAT_ACCEPT_INHERITS
# define SOCKCOMPAT_ACCEPT_INHERITS 1
#endif

/* The type flags the library knows. */
#define SOCKCOMPAT_TYPE_FLAGS (SOCK_CLOEXEC | SOCK_NONBLOCK)

/*
 * Other bits in socket()'s type.  Where the flags are the system's, the
 * system judges them (Linux answers EINVAL; the BSDs know flags of their
 * own, such as SOCK_NOSIGPIPE).  Where the flag values are ours, so is the
 * field they live in, the top four bits: any other bit there is refused
 * with EINVAL before a call is made, as native systems refuse a flag they
 * do not know.
 */
#if HAVE_DECL_SOCK_CLOEXEC && HAVE_DECL_SOCK_NONBLOCK
# define SOCKCOMPAT_UNKNOWN_TYPE_FLAGS 0
#else
# define SOCKCOMPAT_UNKNOWN_TYPE_FLAGS ((int)0xf0000000U & ~SOCKCOMPAT_TYPE_FLAGS)
#endif

/* Keeps a slow path out of line, so a hot caller needs no stack frame. */
#if defined __GNUC__ || defined __clang__
# define SOCKCOMPAT_NOINLINE __attribute__((__noinline__))
#else
# define SOCKCOMPAT_NOINLINE
#endif

/* Systems older than POSIX.1-2001 have only EOPNOTSUPP. */
#ifndef ENOTSUP
# define ENOTSUP EOPNOTSUPP
#endif

/*
 * Which file provides the *_native helpers is decided by configure:
 * *-native.c where the native call exists, *-nonative.c where it does not
 * or emulation is forced.
 *
 * sockcompat_priv_accept4_native gives the final answer: the native accept4's, or the
 * emulation's (sockcompat_priv_accept4_emulated, in sockcompat_accept4.c) where the native call is
 * absent or refused.  It is tail-called, so the native path stays cheap.
 */
int sockcompat_priv_accept4_native(int fd, struct sockaddr *addr, socklen_t *addrlen,
                      int flags);
int sockcompat_priv_accept4_emulated(int fd, struct sockaddr *addr, socklen_t *addrlen,
                        int flags);

/*
 * The socket helpers return the native call's answer (a descriptor or 0,
 * or -1 with errno set), or SOCKCOMPAT_NATIVE_UNUSABLE when the native call cannot
 * be used and the caller must emulate.
 */
#define SOCKCOMPAT_NATIVE_UNUSABLE (-2)
int sockcompat_priv_socket_native(int domain, int type, int protocol);
int sockcompat_priv_socketpair_native(int domain, int type, int protocol, int sv[2]);

/*
 * Give the new descriptor FD exactly the descriptor and status flags the
 * native call would have: FD_CLOEXEC iff FLAGS has SOCK_CLOEXEC, O_NONBLOCK
 * iff FLAGS has SOCK_NONBLOCK, no O_ASYNC.  INHERITED says FD may carry
 * status flags from a listener (accept() on the BSDs).  Returns FD; on
 * failure closes FD and returns -1 with the failing step's errno.
 */
int sockcompat_priv_finish_fd(int fd, int flags, int inherited);

/* Close FD, keeping errno as it was. */
void sockcompat_priv_discard_fd(int fd);

/*
 * The platform's ways of changing a new descriptor's flags, one file per
 * variant (sockcompat-cloexec-fcntl.c or sockcompat-cloexec-ioctl.c, sockcompat-nonblock-fcntl.c or
 * sockcompat-nonblock-ioctl.c).  Both rely on FD being new: nothing to preserve.
 */
int sockcompat_priv_set_cloexec(int fd);
int sockcompat_priv_set_nonblock(int fd, int nonblock, int inherited);

#endif /* SOCKCOMPAT_INTERNAL_H */
