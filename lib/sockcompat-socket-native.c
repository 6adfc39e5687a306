/*
 * The native socket() and socketpair() with type flags, while this process
 * has no reason to doubt that the kernel honours them.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include "sockcompat-internal.h"
#include "sockcompat-verdict.h"

/* One kernel feature, so one verdict for both calls. */
static sockcompat_verdict sockflags_verdict;

/*
 * Kernels older than the type flags (Linux before 2.6.27) take them for
 * part of the type and answer EINVAL or EPROTONOSUPPORT, exactly as for a
 * type or protocol that is really wrong.  Could ERR be that?  If so the
 * callers retry without the flags: only if that works were the flags the
 * cause; if it fails too, ERR was genuine and is what the caller sees.
 */
static int
maybe_refused(int err, int type)
{
	return (type & SOCKCOMPAT_TYPE_FLAGS) && (err == EINVAL || err == EPROTONOSUPPORT);
}

int
sockcompat_priv_socket_native(int domain, int type, int protocol)
{
	int fd, err;

	if (sockcompat_verdict_load(&sockflags_verdict) == SOCKCOMPAT_VERDICT_UNUSABLE)
		return SOCKCOMPAT_NATIVE_UNUSABLE;

	fd = socket(domain, type, protocol);
	if (fd != -1)
		return fd;

	err = errno;
	if (maybe_refused(err, type)) {
		fd = socket(domain, type & ~SOCKCOMPAT_TYPE_FLAGS, protocol);
		if (fd != -1) {
			close(fd);
			sockcompat_verdict_store(&sockflags_verdict, SOCKCOMPAT_VERDICT_UNUSABLE);
			return SOCKCOMPAT_NATIVE_UNUSABLE;
		}
	}
	errno = err;
	return -1;
}

int
sockcompat_priv_socketpair_native(int domain, int type, int protocol, int sv[2])
{
	int pair[2], err;

	if (sockcompat_verdict_load(&sockflags_verdict) == SOCKCOMPAT_VERDICT_UNUSABLE)
		return SOCKCOMPAT_NATIVE_UNUSABLE;

	if (socketpair(domain, type, protocol, sv) == 0)
		return 0;

	err = errno;
	if (maybe_refused(err, type) &&
	    socketpair(domain, type & ~SOCKCOMPAT_TYPE_FLAGS, protocol, pair) == 0) {
		close(pair[0]);
		close(pair[1]);
		sockcompat_verdict_store(&sockflags_verdict, SOCKCOMPAT_VERDICT_UNUSABLE);
		return SOCKCOMPAT_NATIVE_UNUSABLE;
	}
	errno = err;
	return -1;
}
