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
#include <fcntl.h>

/*
 * Imported as a gnulib module, <sys/socket.h> may be gnulib's replacement,
 * which maps accept4 to rpl_accept4: gnulib's own accept4 (whose fallback
 * sets no flag on glibc), or sockcompat's entry for <sys/socket.h> users,
 * which calls back into this library.  Either way the library must reach
 * the system's calls, which the system's header has declared already.
 */
#undef accept4
#undef socketpair
#undef sendmsg
/* Likewise recvmsg (gnulib's rpl_recvmsg on mingw). */
#undef recvmsg
/*
 * On native Windows the system's socket, send and sendto are Winsock's,
 * which take and give SOCKET handles; the calls on C runtime descriptors
 * are gnulib's (rpl_socket, rpl_send, rpl_sendto, as rpl_accept and
 * rpl_close), which its <sys/socket.h> and <unistd.h> name by macros
 * that must stay.
 */
#if !(defined _WIN32 && !defined __CYGWIN__)
# undef socket
# undef send
# undef sendto
#endif

/*
 * Test hook: the test suite builds the emulation once more as if accept()
 * inherited the listener's status flags, as on the BSDs, and makes accept()
 * do so, to run the clearing code on systems where accept() does not.
 */
#ifdef SOCKCOMPAT_TEST_INHERITS
# undef SOCKCOMPAT_ACCEPT_INHERITS
# define SOCKCOMPAT_ACCEPT_INHERITS 1
#endif
/* Likewise the native accept4 built as for illumos (tests/platform_test.c). */
#ifdef SOCKCOMPAT_TEST_SHARES_NONBLOCK
# undef SOCKCOMPAT_ACCEPT4_SHARES_NONBLOCK
# define SOCKCOMPAT_ACCEPT4_SHARES_NONBLOCK 1
#endif
/* ... with O_NDELAY a status flag of its own, as on illumos (Linux spells
 * it O_NONBLOCK): the value the simulated kernel uses. */
#ifdef SOCKCOMPAT_TEST_O_NDELAY
# undef O_NDELAY
# define O_NDELAY SOCKCOMPAT_TEST_O_NDELAY
#endif

/* The type flags the library knows. */
#define SOCKCOMPAT_TYPE_FLAGS (SOCK_CLOEXEC | SOCK_NONBLOCK)

/*
 * Flags the system's own accept4 and socket() take beyond those two:
 * SOCK_CLOFORK (FreeBSD 15, OpenBSD, illumos), SOCK_NOSIGPIPE (NetBSD),
 * SOCK_NDELAY (illumos).  They go to the native call as they are.  The
 * emulation does what it can of them -- SOCK_NOSIGPIPE by fcntl
 * F_SETNOSIGPIPE (the file flag NetBSD's own SOCK_NOSIGPIPE sets), else
 * setsockopt SO_NOSIGPIPE -- and refuses the others with EINVAL before
 * anything is dequeued or created.  None exists on Linux.
 */
#ifdef SOCK_CLOFORK
# define SOCKCOMPAT_CLOFORK_ SOCK_CLOFORK
#else
# define SOCKCOMPAT_CLOFORK_ 0
#endif
#ifdef SOCK_NOSIGPIPE
# define SOCKCOMPAT_NOSIGPIPE_ SOCK_NOSIGPIPE
#else
# define SOCKCOMPAT_NOSIGPIPE_ 0
#endif
#ifdef SOCK_NDELAY
# define SOCKCOMPAT_NDELAY_ SOCK_NDELAY
#else
# define SOCKCOMPAT_NDELAY_ 0
#endif
#define SOCKCOMPAT_EXTRA_FLAGS \
	(SOCKCOMPAT_CLOFORK_ | SOCKCOMPAT_NOSIGPIPE_ | SOCKCOMPAT_NDELAY_)
#define SOCKCOMPAT_ALL_FLAGS (SOCKCOMPAT_TYPE_FLAGS | SOCKCOMPAT_EXTRA_FLAGS)
#if defined F_SETNOSIGPIPE || defined SO_NOSIGPIPE
# define SOCKCOMPAT_EMULATED_EXTRA_FLAGS SOCKCOMPAT_NOSIGPIPE_
#else
# define SOCKCOMPAT_EMULATED_EXTRA_FLAGS 0
#endif

/* What the emulation can give a new descriptor. */
#define SOCKCOMPAT_EMULATED_FLAGS \
	(SOCKCOMPAT_TYPE_FLAGS | SOCKCOMPAT_EMULATED_EXTRA_FLAGS)

/*
 * Other bits in socket()'s type.  Where the flags are the system's, the
 * system judges them (Linux answers EINVAL; the BSDs know flags of their
 * own, such as SOCK_NOSIGPIPE).  Where the flag values are ours, so is the
 * field they live in, the top four bits: any other bit there (but an
 * extra flag the emulation gives) is refused with EINVAL before a call is
 * made, as native systems refuse a flag they do not know.
 */
#if HAVE_DECL_SOCK_CLOEXEC && HAVE_DECL_SOCK_NONBLOCK
# define SOCKCOMPAT_UNKNOWN_TYPE_FLAGS 0
#else
# define SOCKCOMPAT_UNKNOWN_TYPE_FLAGS \
	((int)0xf0000000U & ~SOCKCOMPAT_EMULATED_FLAGS)
#endif

/* What sockcompat_accept4 accepts: the native call's flags where it is
 * tried first, else what the emulation can do. */
#ifdef SOCKCOMPAT_NATIVE_ACCEPT4
# define SOCKCOMPAT_ACCEPT4_FLAGS SOCKCOMPAT_ALL_FLAGS
#else
# define SOCKCOMPAT_ACCEPT4_FLAGS SOCKCOMPAT_EMULATED_FLAGS
#endif

/*
 * Status flags that a listener may pass on through accept() and that the
 * system's own accept4 keeps, so the emulation must keep them too when it
 * rewrites the status flags: on NetBSD, whose paccept clears only
 * FNONBLOCK (sys/kern/uipc_syscalls.c, do_sys_accept), O_NOSIGPIPE and
 * O_ASYNC.  Then writing the status word needs a read first; elsewhere it
 * does not.
 */
#if defined SOCKCOMPAT_TEST_KEPT_STATUS
# define SOCKCOMPAT_KEPT_STATUS SOCKCOMPAT_TEST_KEPT_STATUS
#elif defined O_NOSIGPIPE
# define SOCKCOMPAT_KEPT_STATUS (O_NOSIGPIPE | O_ASYNC)
#else
# define SOCKCOMPAT_KEPT_STATUS 0
#endif

/*
 * The system's own accept4, however it is spelled: NetBSD 6 and 7 have
 * paccept (with a signal mask, NULL here) and no accept4; illumos's
 * accept4 passes the listener's non-blocking mode on even when
 * SOCK_NONBLOCK is not asked for (uts/common/fs/sockfs/socksyscalls.c),
 * so there it is followed by sockcompat_priv_accept4_unshared.
 */
#if defined SOCKCOMPAT_NATIVE_PACCEPT
# include <signal.h>
# ifdef SOCKCOMPAT_TEST_PACCEPT
int paccept(int, struct sockaddr *, socklen_t *, const sigset_t *, int);
# endif
# define sockcompat_sys_accept4(fd, addr, len, flags) \
	paccept((fd), (addr), (len), NULL, (flags))
#elif SOCKCOMPAT_ACCEPT4_SHARES_NONBLOCK
# define sockcompat_sys_accept4 sockcompat_priv_accept4_unshared
#else
# define sockcompat_sys_accept4 accept4
#endif


/*
 * Which error accept4 gives first for bad flags on a descriptor that is not
 * open: SOCKCOMPAT_EBADF_FIRST from configure is 1 (EBADF) or 0 (EINVAL)
 * where the system decides it once for all, 2 where the running kernel
 * does (Linux: EINVAL before 5.5, EBADF since), which
 * sockcompat-ebadf-first.c asks, once per process and only for a call with
 * bad flags.  FLAGS are those bad flags.
 */
#if SOCKCOMPAT_EBADF_FIRST == 2 && !defined SOCKCOMPAT_NO_EBADF_PROBE
# define sockcompat_ebadf_first(flags) sockcompat_priv_ebadf_first(flags)
#elif SOCKCOMPAT_EBADF_FIRST == 2
/* Code built to be the emulation alone never calls accept4, not even to
 * ask: it takes the current kernels' order. */
# define sockcompat_ebadf_first(flags) ((void)(flags), 1)
#else
# define sockcompat_ebadf_first(flags) ((void)(flags), SOCKCOMPAT_EBADF_FIRST)
#endif

/*
 * The internal functions are hidden from the shared library's dynamic
 * symbol table even where the linker ignores the version script (zig's
 * Mach-O linker does), and from whatever a static link pulls in.
 */
#if ((defined __GNUC__ && __GNUC__ >= 4) || defined __clang__) && \
    !defined _WIN32 && !defined __CYGWIN__
/* (PE objects, Windows and Cygwin, have no symbol visibility.) */
# define SOCKCOMPAT_PRIV __attribute__((__visibility__("hidden")))
#else
# define SOCKCOMPAT_PRIV
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
 * sockcompat_priv_accept4_native gives the final answer: the native
 * accept4's, or the
 * emulation's (sockcompat_priv_accept4_emulated, in sockcompat_accept4.c)
 * where the native call is absent or refused.  It is tail-called, so the
 * native path stays cheap.
 */
SOCKCOMPAT_PRIV int sockcompat_priv_accept4_native(int fd,
    struct sockaddr *addr, socklen_t *addrlen, int flags);
SOCKCOMPAT_PRIV int sockcompat_priv_accept4_emulated(int fd,
    struct sockaddr *addr, socklen_t *addrlen, int flags);
/* The native accept4 followed by the illumos normalisation
 * (sockcompat-accept4-unshared.c; see sockcompat_sys_accept4 above). */
SOCKCOMPAT_PRIV int sockcompat_priv_accept4_unshared(int fd,
    struct sockaddr *addr, socklen_t *addrlen, int flags);

/*
 * The socket helpers return the native call's answer (a descriptor or 0,
 * or -1 with errno set), or SOCKCOMPAT_NATIVE_UNUSABLE when the native call
 * cannot be used and the caller must emulate.
 */
#define SOCKCOMPAT_NATIVE_UNUSABLE (-2)
SOCKCOMPAT_PRIV int sockcompat_priv_socket_native(int domain, int type,
    int protocol);
SOCKCOMPAT_PRIV int sockcompat_priv_socketpair_native(int domain, int type,
    int protocol, int sv[2]);

/*
 * Give the new descriptor FD exactly the descriptor and status flags the
 * native call would have: FD_CLOEXEC iff FLAGS has SOCK_CLOEXEC, O_NONBLOCK
 * iff FLAGS has SOCK_NONBLOCK, no O_ASYNC.  INHERITED says FD may carry
 * status flags from a listener (accept() on the BSDs).  Returns FD; on
 * failure closes FD and returns -1 with the failing step's errno.
 */
SOCKCOMPAT_PRIV int sockcompat_priv_finish_fd(int fd, int flags, int inherited);

/* 1 if the running kernel's accept4 says EBADF before EINVAL for FLAGS
 * (bits it does not know), 0 if EINVAL. */
SOCKCOMPAT_PRIV int sockcompat_priv_ebadf_first(int flags);

/* Close FD, keeping errno as it was. */
SOCKCOMPAT_PRIV void sockcompat_priv_discard_fd(int fd);

/*
 * The platform's ways of changing a new descriptor's flags, one file per
 * variant (sockcompat-cloexec-fcntl.c, -ioctl.c or, on native Windows,
 * -handle.c; sockcompat-nonblock-fcntl.c, -ioctl.c or -winsock.c).  Both
 * rely on FD being new: nothing to preserve.
 */
SOCKCOMPAT_PRIV int sockcompat_priv_set_cloexec(int fd);
SOCKCOMPAT_PRIV int sockcompat_priv_set_nonblock(int fd, int nonblock,
    int inherited);

/*
 * MSG_NOSIGNAL for sockcompat_send, _sendto and _sendmsg.  Where the
 * system's header has it (configure: SOCKCOMPAT_NATIVE_NOSIGNAL), the
 * system's call does the work and the shims are tail calls.  Elsewhere, or
 * with emulation forced, the flag is taken off and the call is made
 * between sockcompat_priv_sigpipe_hold and _release, one of two variants
 * chosen by configure: sockcompat-sigpipe-mask.c (SIGPIPE blocked in the
 * calling thread, and taken back if the call raised it) or
 * sockcompat-sigpipe-sockopt.c (SO_NOSIGPIPE set for the call); a system
 * with no SIGPIPE at all has sockcompat-sigpipe-none.c.  hold
 * returns 0, or -1 with errno set and nothing changed; release keeps
 * errno.  The test suite runs the guard on Linux (SOCKCOMPAT_TEST_GUARD_SIGPIPE).
 */
#include <signal.h>
#if defined SOCKCOMPAT_TEST_GUARD_SIGPIPE || !defined SOCKCOMPAT_NATIVE_NOSIGNAL
# define SOCKCOMPAT_GUARD_SIGPIPE 1
#else
# define SOCKCOMPAT_GUARD_SIGPIPE 0
#endif
struct sockcompat_sigpipe_guard {
#ifndef SOCKCOMPAT_SIGPIPE_NONE
	sigset_t mask;	/* the thread's signal mask before (mask variant) */
#endif
	int state;	/* a SIGPIPE was pending / SO_NOSIGPIPE was set before */
};
SOCKCOMPAT_PRIV int sockcompat_priv_sigpipe_hold(
    struct sockcompat_sigpipe_guard *guard, int fd);
SOCKCOMPAT_PRIV void sockcompat_priv_sigpipe_release(
    struct sockcompat_sigpipe_guard *guard, int fd, ssize_t result);

/*
 * recvmsg with MSG_CMSG_CLOEXEC (sockcompat_recvmsg.c).  The *_native
 * helper comes from sockcompat-recvmsg-native.c (the kernel's flag) or
 * -nonative.c (the emulation when the flag is asked for); the emulation
 * receives without the flag, then marks each received descriptor.
 */
SOCKCOMPAT_PRIV ssize_t sockcompat_priv_recvmsg_native(int fd,
    struct msghdr *msg, int flags);
SOCKCOMPAT_PRIV ssize_t sockcompat_priv_recvmsg_emulated(int fd,
    struct msghdr *msg, int flags);
/*
 * Make every descriptor MSG received close-on-exec (SCM_RIGHTS messages,
 * sockcompat-rights-cmsg.c; or 4.3BSD's msg_accrights,
 * sockcompat-rights-accrights.c): one call per descriptor, none when none
 * was received.  If one fails, every received descriptor is closed, the
 * control data emptied, and -1 returned with that call's errno.
 */
SOCKCOMPAT_PRIV int sockcompat_priv_cloexec_rights(struct msghdr *msg);

#endif /* SOCKCOMPAT_INTERNAL_H */
