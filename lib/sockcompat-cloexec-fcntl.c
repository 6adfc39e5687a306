/*
 * Close-on-exec the POSIX way.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <fcntl.h>

#include "sockcompat-internal.h"

int
sockcompat_priv_set_cloexec(int fd)
{
	/* A new descriptor has no other descriptor flag to keep. */
	return fcntl(fd, F_SETFD, FD_CLOEXEC) == -1 ? -1 : 0;
}
