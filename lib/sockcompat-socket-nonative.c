/*
 * No native type flags in this build: the system has none, or emulation is
 * forced (--enable-emulation=always, or the tests' emulated library).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include "sockcompat-internal.h"

int
sockcompat_priv_socket_native(int domain, int type, int protocol)
{
	(void)domain;
	(void)type;
	(void)protocol;
	return SOCKCOMPAT_NATIVE_UNUSABLE;
}

int
sockcompat_priv_socketpair_native(int domain, int type, int protocol, int sv[2])
{
	(void)domain;
	(void)type;
	(void)protocol;
	(void)sv;
	return SOCKCOMPAT_NATIVE_UNUSABLE;
}
