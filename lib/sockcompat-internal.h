/*
 * Internal interfaces of sockcompat: not installed.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SOCKCOMPAT_INTERNAL_H
#define SOCKCOMPAT_INTERNAL_H

/* The library calls the system's accept4, socket and socketpair. */
#define SOCKCOMPAT_NO_RENAME 1
#include "sockcompat.h"

/*
 * Test hook: the test suite builds the emulation once more as if accept()
 * inherited the listener's status flags, as on the BSDs, and makes accept()
 * do so, to run the clearing code on systems where accept() does not.
 */
#ifdef SC_TEST_INHERITS
# undef SC_ACCEPT_INHERITS
# define SC_ACCEPT_INHERITS 1
#endif

/* The type flags the library knows. */
#define SC_TYPE_FLAGS (SOCK_CLOEXEC | SOCK_NONBLOCK)

/*
 * Other bits in socket()'s type.  Where the flags are the system's, the
 * system judges them (Linux answers EINVAL; the BSDs know flags of their
 * own, such as SOCK_NOSIGPIPE).  Where the flag values are ours, so is the
 * field they live in, the top four bits: any other bit there is refused
 * with EINVAL before a call is made, as native systems refuse a flag they
 * do not know.
 */
#if HAVE_DECL_SOCK_CLOEXEC && HAVE_DECL_SOCK_NONBLOCK
# define SC_UNKNOWN_TYPE_FLAGS 0
#else
# define SC_UNKNOWN_TYPE_FLAGS ((int)0xf0000000U & ~SC_TYPE_FLAGS)
#endif

/* Keeps a slow path out of line, so a hot caller needs no stack frame. */
#if defined __GNUC__ || defined __clang__
# define SC_NOINLINE __attribute__((__noinline__))
#else
# define SC_NOINLINE
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
 * sc_accept4_native gives the final answer: the native accept4's, or the
 * emulation's (sc_accept4_emulated, in accept4.c) where the native call is
 * absent or refused.  It is tail-called, so the native path stays cheap.
 */
int sc_accept4_native(int fd, struct sockaddr *addr, socklen_t *addrlen,
                      int flags);
int sc_accept4_emulated(int fd, struct sockaddr *addr, socklen_t *addrlen,
                        int flags);

/*
 * The socket helpers return the native call's answer (a descriptor or 0,
 * or -1 with errno set), or SC_NATIVE_UNUSABLE when the native call cannot
 * be used and the caller must emulate.
 */
#define SC_NATIVE_UNUSABLE (-2)
int sc_socket_native(int domain, int type, int protocol);
int sc_socketpair_native(int domain, int type, int protocol, int sv[2]);

/*
 * Give the new descriptor FD exactly the descriptor and status flags the
 * native call would have: FD_CLOEXEC iff FLAGS has SOCK_CLOEXEC, O_NONBLOCK
 * iff FLAGS has SOCK_NONBLOCK, no O_ASYNC.  INHERITED says FD may carry
 * status flags from a listener (accept() on the BSDs).  Returns FD; on
 * failure closes FD and returns -1 with the failing step's errno.
 */
int sc_finish_fd(int fd, int flags, int inherited);

/* Close FD, keeping errno as it was. */
void sc_discard_fd(int fd);

/*
 * The platform's ways of changing a new descriptor's flags, one file per
 * variant (cloexec-fcntl.c or cloexec-ioctl.c, nonblock-fcntl.c or
 * nonblock-ioctl.c).  Both rely on FD being new: nothing to preserve.
 */
int sc_set_cloexec(int fd);
int sc_set_nonblock(int fd, int nonblock, int inherited);

#endif /* SOCKCOMPAT_INTERNAL_H */
