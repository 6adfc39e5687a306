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

	if (type & SC_UNKNOWN_TYPE_FLAGS) {
		errno = EINVAL;
		return -1;
	}

	r = sc_socketpair_native(domain, type, protocol, sv);
	if (r != SC_NATIVE_UNUSABLE)
		return r;

	if (socketpair(domain, type & ~SC_TYPE_FLAGS, protocol, sv) == -1)
		return -1;
	if (sc_finish_fd(sv[0], type & SC_TYPE_FLAGS, 0) == -1) {
		sc_discard_fd(sv[1]);
		return -1;
	}
	if (sc_finish_fd(sv[1], type & SC_TYPE_FLAGS, 0) == -1) {
		sc_discard_fd(sv[0]);
		return -1;
	}
	return 0;
}
