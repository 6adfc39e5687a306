/*
 * sockcompat.h -- accept4() and the SOCK_NONBLOCK/SOCK_CLOEXEC socket type
 * flags on every system.  Generated from sockcompat.in.h; needs nothing
 * from config.h, and holds no flag value and no decision of the machine
 * that built it, so it is the same file on every architecture of a system.
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
#ifndef SOCKCOMPAT_H
#define SOCKCOMPAT_H

/*
 * Where the system has no socklen_t, name the type its socket calls take.
 * One token (a typedef'd name, not a type of several words, so that casts
 * like socklen_t(n) work in C++), and before <sys/socket.h>, so that the
 * system's prototypes see it if they spell the name.
 */
#if !@SOCKCOMPAT_HAVE_SOCKLEN_T@ && !defined socklen_t
typedef @SOCKCOMPAT_SOCKLEN_T@ sockcompat_socklen_t;
# define socklen_t sockcompat_socklen_t
#endif

/* <sys/types.h> first: 4.3BSD-era <sys/socket.h> does not include it. */
#include <sys/types.h>
#include <sys/socket.h>

/*
 * The type flags: the system's own wherever its header defines them (on
 * Linux they differ between architectures, so they are never copied here).
 * Some systems declare them only in their extended namespace, and a
 * program may ask for a strict one; then the system's value is spelled out
 * (OpenBSD's and illumos's differ from the others').  Where the system has
 * no such flags at all, these values are sockcompat's own: the library is
 * compiled with this same header, never passes them to the kernel, and
 * they are clear of every socket type.
 */
#ifndef SOCK_CLOEXEC
# if defined __OpenBSD__
#  define SOCK_CLOEXEC 0x8000
# elif defined __sun
#  define SOCK_CLOEXEC 0x080000
# else
#  define SOCK_CLOEXEC 0x10000000
# endif
#endif
#ifndef SOCK_NONBLOCK
# if defined __OpenBSD__
#  define SOCK_NONBLOCK 0x4000
# elif defined __sun
#  define SOCK_NONBLOCK 0x100000
# else
#  define SOCK_NONBLOCK 0x20000000
# endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * accept(2), and the new descriptor gets FD_CLOEXEC if FLAGS has
 * SOCK_CLOEXEC and O_NONBLOCK if FLAGS has SOCK_NONBLOCK, and nothing else
 * from the listener.  Returns the descriptor, or -1 with errno set.
 */
int sockcompat_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen,
                       int flags);

/*
 * socket(2) and socketpair(2), with SOCK_NONBLOCK and SOCK_CLOEXEC honoured
 * in TYPE.
 */
int sockcompat_socket(int domain, int type, int protocol);
int sockcompat_socketpair(int domain, int type, int protocol, int sv[2]);

/*
 * What to do after accept or accept4 on LISTENER failed with errno ERR:
 *   RETRY    that connection was lost (or the call interrupted): accept
 *            again now;
 *   WAIT     nothing is pending: wait until the listener is readable;
 *   BACKOFF  descriptors, buffers or memory ran out: stop accepting for
 *            a while (retrying at once would spin); also the answer for
 *            an errno it does not know;
 *   FATAL    the listener or the call cannot work: stop using it.
 */
#define SOCKCOMPAT_ACCEPT_RETRY   1
#define SOCKCOMPAT_ACCEPT_WAIT    2
#define SOCKCOMPAT_ACCEPT_BACKOFF 3
#define SOCKCOMPAT_ACCEPT_FATAL   4
int sockcompat_accept_error(int listener, int err);

/*
 * Routing: after this header, accept4, socket and socketpair called as
 * free functions reach the shims.  Define SOCKCOMPAT_NO_RENAME to turn it
 * off and call the sockcompat_ names yourself.
 *
 * With GCC and Clang each function is declared once more, with the
 * system's own parameter types (glibc's transparent union included, so a
 * struct sockaddr_in * is still accepted without a cast) and an asm label
 * naming the shim, as glibc's __REDIRECT does for _FILE_OFFSET_BITS.  Only
 * the symbol that calls bind to changes: C++ members and other scopes that
 * share the name are untouched, and &accept4 is the shim.  The header must
 * come before the program's first call, as any such redeclaration must.
 *
 * Where the system's header already gives a function an assembler name of
 * its own, a second one would conflict, and a macro routes it instead:
 * macOS socketpair (__DARWIN_ALIAS), NetBSD socket (__socket30), and
 * illumos socket and socketpair in the X/Open namespace (__xnet_).  So do
 * all three with other compilers, or with SOCKCOMPAT_RENAME_BY_MACRO
 * defined; a macro also renames members and fields of that name.
 */
#ifndef SOCKCOMPAT_NO_RENAME
# if (defined __GNUC__ || defined __clang__) && \
    !defined SOCKCOMPAT_RENAME_BY_MACRO
#  define SOCKCOMPAT_STR_(x) #x
#  define SOCKCOMPAT_XSTR_(x) SOCKCOMPAT_STR_(x)
#  define SOCKCOMPAT_ASM_(name) \
	__asm__ (SOCKCOMPAT_XSTR_(__USER_LABEL_PREFIX__) #name)
#  ifdef __GLIBC__
/* glibc's socket and socketpair are nothrow, accept4 a cancellation point. */
#   ifdef __cplusplus
#    define SOCKCOMPAT_NOTHROW_ASM_(name) __THROW SOCKCOMPAT_ASM_(name)
#   else
#    define SOCKCOMPAT_NOTHROW_ASM_(name) SOCKCOMPAT_ASM_(name) __THROW
#   endif
#   define SOCKCOMPAT_ADDR_ARG_ __SOCKADDR_ARG
#   define SOCKCOMPAT_LEN_ARG_ socklen_t *__restrict
#  else
#   define SOCKCOMPAT_NOTHROW_ASM_(name) SOCKCOMPAT_ASM_(name)
#   define SOCKCOMPAT_ADDR_ARG_ struct sockaddr *
#   ifdef __sun
#    define SOCKCOMPAT_LEN_ARG_ Psocklen_t
#   else
#    define SOCKCOMPAT_LEN_ARG_ socklen_t *
#   endif
#  endif
#  undef accept4
int accept4(int, SOCKCOMPAT_ADDR_ARG_, SOCKCOMPAT_LEN_ARG_, int)
	SOCKCOMPAT_ASM_(sockcompat_accept4);
#  if defined __NetBSD__ || (defined __sun && defined _XPG4_2)
#   undef socket
#   define socket sockcompat_socket
#  else
#   undef socket
int socket(int, int, int) SOCKCOMPAT_NOTHROW_ASM_(sockcompat_socket);
#  endif
#  if defined __APPLE__ || (defined __sun && defined _XPG4_2)
#   undef socketpair
#   define socketpair sockcompat_socketpair
#  else
#   undef socketpair
int socketpair(int, int, int, int[2])
	SOCKCOMPAT_NOTHROW_ASM_(sockcompat_socketpair);
#  endif
# else
#  undef accept4
#  define accept4 sockcompat_accept4
#  undef socket
#  define socket sockcompat_socket
#  undef socketpair
#  define socketpair sockcompat_socketpair
# endif
#endif

#ifdef __cplusplus
}
#endif

#endif /* SOCKCOMPAT_H */
