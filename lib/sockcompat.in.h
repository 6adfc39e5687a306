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
 * Native Windows, where sockets are C runtime descriptors through gnulib's
 * sockets, socket and accept modules (the gnulib module only; the library
 * itself is not built there): Winsock has no socketpair, and no recvmsg or
 * sendmsg that could carry descriptors, so sockcompat has none of those
 * three there either, as gnulib has no socketpair module.  Winsock declares
 * socket and send with types of its own (SOCKET, WSAAPI), which an
 * asm-labelled redeclaration cannot match: macros route the calls there.
 */
#if defined _WIN32 && !defined __CYGWIN__
# define SOCKCOMPAT_WINSOCK_ 1
#endif

/*
 * sockcompat_recvmsg and sockcompat_sendmsg take a struct msghdr that
 * carries control messages (msg_control).  Winsock has none.  illumos and
 * Solaris have it only in the X/Open namespace (_XPG4_2: _XOPEN_SOURCE 500
 * or later, or _XOPEN_SOURCE_EXTENDED); outside it, the default namespace
 * of their GCC, struct msghdr carries 4.3BSD's msg_accrights instead and
 * recvmsg and sendmsg are other functions.  There the two are neither
 * declared nor routed: a call is a compile-time error, not a message
 * read through the wrong layout.  send and sendto have no msghdr and are
 * there in every namespace.
 */
#if defined SOCKCOMPAT_WINSOCK_ || (defined __sun && !defined _XPG4_2)
# define SOCKCOMPAT_NO_MSGHDR_ 1
#endif

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

/* ---- MSG_NOSIGNAL (sockcompat_send, _sendto, _sendmsg) ---- */
/*
 * The system's own wherever its header defines it.  FreeBSD declares it
 * only for POSIX 2008 and later, and macOS too, and only since macOS 11:
 * then the system's value is spelled out, so that a program compiled in a
 * stricter namespace, or against an older SDK, still means what the
 * library (compiled in the wide one) means.  Where the system has no such
 * flag, the value is sockcompat's own, clear of the MSG_ bits of the
 * systems it is for, and the shims take it off before the call.  Where
 * the system's header has no MSG_NOSIGNAL, send, sendto and sendmsg are
 * routed to the shims below (SOCKCOMPAT_ROUTE_SEND_).
 */
#ifndef MSG_NOSIGNAL
# if defined __FreeBSD__
#  define MSG_NOSIGNAL 0x20000
# elif defined __APPLE__
#  define SOCKCOMPAT_ROUTE_SEND_ 1
#  define MSG_NOSIGNAL 0x80000
# else
#  define SOCKCOMPAT_ROUTE_SEND_ 1
#  define MSG_NOSIGNAL 0x20000000
# endif
#endif
/* ---- end of MSG_NOSIGNAL ---- */
/* --- recvmsg and MSG_CMSG_CLOEXEC (begin) --- */
/*
 * Does this system's recvmsg need the shim?  Decided here, from the
 * system's own header, before MSG_CMSG_CLOEXEC is given a value below:
 * where the system has no such flag, and on FreeBSD versions whose flag
 * was ignored (2015 until commit 6ceacebdf52211, fixed in 13.1 and 14.0:
 * __FreeBSD_version 1300502 and 1400006).  Nowhere else: on Linux and the
 * other BSDs recvmsg is the system's, untouched.
 */
#if !defined MSG_CMSG_CLOEXEC && !defined __FreeBSD__ && \
    !defined __OpenBSD__ && !defined __NetBSD__ && !defined __linux__
# define SOCKCOMPAT_RECVMSG_ROUTED_ 1
#elif defined __FreeBSD__
# include <osreldate.h>
# if __FreeBSD_version < 1300502 || \
    (__FreeBSD_version >= 1400000 && __FreeBSD_version < 1400006)
#  define SOCKCOMPAT_RECVMSG_ROUTED_ 1
# endif
#endif
/*
 * The flag: the system's own wherever its header defines it; spelled out
 * where a strict namespace may hide it (FreeBSD: __BSD_VISIBLE; OpenBSD,
 * NetBSD; Linux's is 0x40000000 too); elsewhere (macOS, illumos without
 * it, 4.3BSD) sockcompat's own value, clear of every MSG_ bit those
 * systems define, which the shim takes out before it calls recvmsg.
 * DragonFly's value and guard were not verified: a DragonFly program in a
 * namespace that hides the flag would get sockcompat's value, which a
 * library built with the system's would not know (doc/PLATFORMS.md).
 */
#ifndef MSG_CMSG_CLOEXEC
# if defined __FreeBSD__
#  define MSG_CMSG_CLOEXEC 0x00040000
# elif defined __OpenBSD__ || defined __NetBSD__
#  define MSG_CMSG_CLOEXEC 0x800
# else
#  define MSG_CMSG_CLOEXEC 0x40000000
# endif
#endif
/* --- recvmsg and MSG_CMSG_CLOEXEC (end) --- */

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
#ifndef SOCKCOMPAT_WINSOCK_
int sockcompat_socketpair(int domain, int type, int protocol, int sv[2]);
#endif

/*
 * recvmsg(2), and every descriptor received in SCM_RIGHTS gets FD_CLOEXEC
 * if FLAGS has MSG_CMSG_CLOEXEC, on every system.  Returns what recvmsg
 * returns; -1 with errno set, the message consumed and every received
 * descriptor closed, if one could not be made close-on-exec.
 */
#ifndef SOCKCOMPAT_NO_MSGHDR_
ssize_t sockcompat_recvmsg(int fd, struct msghdr *msg, int flags);
#endif

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

/* ---- MSG_NOSIGNAL (sockcompat_send, _sendto, _sendmsg) ---- */
/*
 * send(2), sendto(2) and sendmsg(2), with MSG_NOSIGNAL honoured in FLAGS:
 * no SIGPIPE for this call when the peer has gone (the call still fails
 * with EPIPE), and no other change to the signal state of the process or
 * the thread.
 */
ssize_t sockcompat_send(int fd, const void *buf, size_t len, int flags);
ssize_t sockcompat_sendto(int fd, const void *buf, size_t len, int flags,
                          const struct sockaddr *to, socklen_t tolen);
#ifndef SOCKCOMPAT_NO_MSGHDR_
ssize_t sockcompat_sendmsg(int fd, const struct msghdr *msg, int flags);
#endif
/* ---- end of MSG_NOSIGNAL ---- */

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
 * all three with other compilers, on native Windows (see
 * SOCKCOMPAT_WINSOCK_ above), or with SOCKCOMPAT_RENAME_BY_MACRO
 * defined; a macro also renames members and fields of that name.
 */
#ifndef SOCKCOMPAT_NO_RENAME
# if (defined __GNUC__ || defined __clang__) && \
    !defined SOCKCOMPAT_RENAME_BY_MACRO && !defined SOCKCOMPAT_WINSOCK_
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
#  ifndef SOCKCOMPAT_WINSOCK_
#   undef socketpair
#   define socketpair sockcompat_socketpair
#  endif
# endif
#endif

/* ---- MSG_NOSIGNAL routing ---- */
/*
 * Only where the system's header has no MSG_NOSIGNAL: send, sendto and
 * sendmsg called as free functions reach the shims, by the same asm-label
 * redeclaration as accept4 (parameter types as POSIX and glibc spell them),
 * or by a macro where that cannot work: macOS, whose header gives all
 * three an assembler name of its own (__DARWIN_ALIAS_C), illumos and
 * Solaris, which rename sendto and sendmsg in the X/Open namespace and
 * whose older headers spell other parameter types, other compilers, and
 * SOCKCOMPAT_RENAME_BY_MACRO.  Elsewhere nothing is routed: the system's
 * own MSG_NOSIGNAL needs no help.
 */
#if !defined SOCKCOMPAT_NO_RENAME && defined SOCKCOMPAT_ROUTE_SEND_
# if (defined __GNUC__ || defined __clang__) && \
    !defined SOCKCOMPAT_RENAME_BY_MACRO && !defined __APPLE__ && \
    !defined __sun && !defined SOCKCOMPAT_WINSOCK_
#  ifdef __GLIBC__
#   define SOCKCOMPAT_CADDR_ARG_ __CONST_SOCKADDR_ARG
#  else
#   define SOCKCOMPAT_CADDR_ARG_ const struct sockaddr *
#  endif
#  undef send
ssize_t send(int, const void *, size_t, int) SOCKCOMPAT_ASM_(sockcompat_send);
#  undef sendto
ssize_t sendto(int, const void *, size_t, int, SOCKCOMPAT_CADDR_ARG_,
	socklen_t) SOCKCOMPAT_ASM_(sockcompat_sendto);
#  undef sendmsg
ssize_t sendmsg(int, const struct msghdr *, int)
	SOCKCOMPAT_ASM_(sockcompat_sendmsg);
# else
#  undef send
#  define send sockcompat_send
#  undef sendto
#  define sendto sockcompat_sendto
#  ifndef SOCKCOMPAT_NO_MSGHDR_
#   undef sendmsg
#   define sendmsg sockcompat_sendmsg
#  endif
# endif
#endif
/* ---- end of MSG_NOSIGNAL routing ---- */
/* --- recvmsg routing (begin) --- */
/*
 * Only where SOCKCOMPAT_RECVMSG_ROUTED_ says the system needs it (see
 * above), or where SOCKCOMPAT_ROUTE_RECVMSG is defined (the tests use it to
 * build the routing on any system).  An asm-labelled redeclaration as for
 * accept4; a macro where the system's recvmsg has an assembler name of its
 * own (macOS __DARWIN_ALIAS_C, illumos __xnet_ under _XPG4_2), with other
 * compilers, or with SOCKCOMPAT_RENAME_BY_MACRO.
 */
#if !defined SOCKCOMPAT_NO_RENAME && !defined SOCKCOMPAT_NO_MSGHDR_ && \
    (defined SOCKCOMPAT_RECVMSG_ROUTED_ || defined SOCKCOMPAT_ROUTE_RECVMSG)
# undef recvmsg
# if defined SOCKCOMPAT_ASM_ && !defined __APPLE__ && \
    !(defined __sun && defined _XPG4_2)
ssize_t recvmsg(int, struct msghdr *, int) SOCKCOMPAT_ASM_(sockcompat_recvmsg);
# else
#  define recvmsg sockcompat_recvmsg
# endif
#endif
/* --- recvmsg routing (end) --- */

#ifdef __cplusplus
}
#endif

#endif /* SOCKCOMPAT_H */
