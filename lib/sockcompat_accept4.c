/*
 * sockcompat_accept4: accept4(2) on every system.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>

#include "sockcompat-internal.h"

int
sockcompat_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	/*
	 * Before anything else, so that no connection is dequeued and lost.
	 * Linux looks the descriptor up before it checks the flags, so a
	 * descriptor that is not open is EBADF even with bad flags; say the
	 * same on every path (this costs a call only on this error path).
	 */
	if (flags & ~SOCKCOMPAT_TYPE_FLAGS) {
		errno = fcntl(fd, F_GETFD) == -1 && errno == EBADF ? EBADF : EINVAL;
		return -1;
	}

	/*
	 * The native accept4 where the system has it and it works, else the
	 * emulation below (sockcompat-accept4-native.c or sockcompat-accept4-nonative.c decides).
	 * A tail call, so the native path costs a handful of instructions.
	 */
	return sockcompat_priv_accept4_native(fd, addr, addrlen, flags);
}

int
sockcompat_priv_accept4_emulated(int fd, struct sockaddr *addr, socklen_t *addrlen,
                    int flags)
{
	int nfd = accept(fd, addr, addrlen);

	if (nfd == -1)
		return -1;
	return sockcompat_priv_finish_fd(nfd, flags, SOCKCOMPAT_ACCEPT_INHERITS);
}
