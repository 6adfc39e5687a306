/*
 * sockcompat_socketpair: socketpair(2) honouring SOCK_NONBLOCK and
 * SOCK_CLOEXEC.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>

#include "sockcompat-internal.h"

int
sockcompat_socketpair(int domain, int type, int protocol, int sv[2])
{
	int r;

	if (type & SOCKCOMPAT_UNKNOWN_TYPE_FLAGS) {
		errno = EINVAL;
		return -1;
	}

	r = sockcompat_priv_socketpair_native(domain, type, protocol, sv);
	if (r != SOCKCOMPAT_NATIVE_UNUSABLE)
		return r;

	if (socketpair(domain, type & ~SOCKCOMPAT_TYPE_FLAGS, protocol, sv) == -1)
		return -1;
	if (sockcompat_priv_finish_fd(sv[0], type & SOCKCOMPAT_TYPE_FLAGS, 0) == -1) {
		sockcompat_priv_discard_fd(sv[1]);
		return -1;
	}
	if (sockcompat_priv_finish_fd(sv[1], type & SOCKCOMPAT_TYPE_FLAGS, 0) == -1) {
		sockcompat_priv_discard_fd(sv[0]);
		return -1;
	}
	return 0;
}
