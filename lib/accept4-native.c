/*
 * The native accept4, while this process has no reason to doubt it.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>

#include "sockcompat-internal.h"
#include "verdict.h"

static sc_verdict accept4_unusable;

/*
 * Did the native accept4 fail with ERR because the call itself is not
 * available?  The C library may have the function while the kernel lacks
 * the system call (ENOSYS), and old i386 socketcall kernels, seccomp
 * filters and container profiles answer EINVAL, EPERM, EACCES or
 * EOPNOTSUPP, which a working accept4 also returns for a bad listener.
 * To tell them apart, ask again on descriptor -1 with the same flags: a
 * real accept4 checks the descriptor before it could dequeue anything and
 * says EBADF, which proves ERR genuine.  Only failures pay for this probe.
 */
static int
refused(int err, int flags)
{
	if (err == ENOSYS)
		return 1;
	if (err != EINVAL && err != EPERM && err != EACCES &&
	    err != EOPNOTSUPP && err != ENOTSUP)
		return 0;
	return accept4(-1, NULL, NULL, flags) != -1 || errno != EBADF;
}

int
sc_accept4_native(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	int nfd, err;

	if (sc_verdict_unusable(&accept4_unusable))
		return SC_NATIVE_UNUSABLE;

	nfd = accept4(fd, addr, addrlen, flags);
	if (nfd != -1)
		return nfd;

	err = errno;
	if (!refused(err, flags)) {
		errno = err;
		return -1;
	}
	sc_verdict_set_unusable(&accept4_unusable);
	return SC_NATIVE_UNUSABLE;
}
