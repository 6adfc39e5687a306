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
	int nfd;

	/*
	 * Before anything else, so that no connection is dequeued and lost.
	 * Linux looks the descriptor up before it checks the flags, so a
	 * descriptor that is not open is EBADF even with bad flags; say the
	 * same on every path (this costs a call only on this error path).
	 */
	if (flags & ~SC_TYPE_FLAGS) {
		errno = fcntl(fd, F_GETFD) == -1 && errno == EBADF ? EBADF : EINVAL;
		return -1;
	}

	nfd = sc_accept4_native(fd, addr, addrlen, flags);
	if (nfd != SC_NATIVE_UNUSABLE)
		return nfd;

	nfd = accept(fd, addr, addrlen);
	if (nfd == -1)
		return -1;
	return sc_finish_fd(nfd, flags, SC_ACCEPT_INHERITS);
}
