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
