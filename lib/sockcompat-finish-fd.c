/*
 * Make a descriptor from accept(), socket() or socketpair() look as if the
 * native call with type flags had made it.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include "sockcompat-internal.h"

int
sockcompat_priv_finish_fd(int fd, int flags, int inherited)
{
	/*
	 * Close-on-exec first, to keep the window in which a concurrent
	 * fork+exec can inherit FD as short as possible.  Each step writes
	 * the whole flag word without reading it first: FD is new, so what
	 * it holds is known.  Where nothing was asked for and nothing can
	 * have been inherited, nothing is called at all.
	 */
	if ((flags & SOCK_CLOEXEC) && sockcompat_priv_set_cloexec(fd) == -1)
		goto fail;
	if (((flags & SOCK_NONBLOCK) || inherited) &&
	    sockcompat_priv_set_nonblock(fd, (flags & SOCK_NONBLOCK) != 0, inherited) == -1)
		goto fail;
	return fd;
fail:
	sockcompat_priv_discard_fd(fd);
	return -1;
}

void
sockcompat_priv_discard_fd(int fd)
{
	int saved_errno = errno;

	close(fd);
	errno = saved_errno;
}
