/*
 * No native accept4 in this build: the system has none, or emulation is
 * forced (--enable-emulation=always, or the tests' emulated library).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include "sockcompat-internal.h"

int
sockcompat_priv_accept4_native(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	return sockcompat_priv_accept4_emulated(fd, addr, addrlen, flags);
}
