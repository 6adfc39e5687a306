/*
 * sockcompat_socket: socket(2) honouring SOCK_NONBLOCK and SOCK_CLOEXEC.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>

#include "sockcompat-internal.h"

int
sockcompat_socket(int domain, int type, int protocol)
{
	int fd;

	if (type & SOCKCOMPAT_UNKNOWN_TYPE_FLAGS) {
		errno = EINVAL;
		return -1;
	}

	fd = sockcompat_priv_socket_native(domain, type, protocol);
	if (fd != SOCKCOMPAT_NATIVE_UNUSABLE)
		return fd;

	fd = socket(domain, type & ~SOCKCOMPAT_TYPE_FLAGS, protocol);
	if (fd == -1)
		return -1;
	return sockcompat_priv_finish_fd(fd, type & SOCKCOMPAT_TYPE_FLAGS, 0);
}
