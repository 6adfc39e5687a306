/*
 * The native accept4, once it has proved itself; the emulation once it
 * has been refused.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>

#include "sockcompat-internal.h"
#include "sockcompat-verdict.h"

static sockcompat_verdict accept4_verdict;

/*
 * accept4 failed with ERR while its verdict was unknown.  The C library
 * may have the function while the kernel lacks the system call (ENOSYS),
 * and old i386 socketcall kernels, seccomp filters and container profiles
 * answer EINVAL, EPERM, EACCES or EOPNOTSUPP, which a working accept4 also
 * returns for a bad listener.  To tell them apart, ask again on descriptor
 * -1 with the same flags: a real accept4 checks the descriptor before it
 * could dequeue anything and says EBADF.  Returns the verdict, or
 * SOCKCOMPAT_VERDICT_UNKNOWN if ERR proves nothing either way (EBADF, EAGAIN...).
 */
static int
judge(int err, int flags)
{
	if (err == ENOSYS)
		return SOCKCOMPAT_VERDICT_UNUSABLE;
	if (err != EINVAL && err != EPERM && err != EACCES &&
	    err != EOPNOTSUPP && err != ENOTSUP)
		return SOCKCOMPAT_VERDICT_UNKNOWN;
	if (accept4(-1, NULL, NULL, flags) == -1 && errno == EBADF)
		return SOCKCOMPAT_VERDICT_USABLE;
	return SOCKCOMPAT_VERDICT_UNUSABLE;
}

/* The careful calls, until the verdict is known. */
static SOCKCOMPAT_NOINLINE int
first_calls(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	int nfd, err, verdict;

	nfd = accept4(fd, addr, addrlen, flags);
	if (nfd != -1) {
		sockcompat_verdict_store(&accept4_verdict, SOCKCOMPAT_VERDICT_USABLE);
		return nfd;
	}
	err = errno;
	verdict = judge(err, flags);
	if (verdict != SOCKCOMPAT_VERDICT_UNKNOWN)
		sockcompat_verdict_store(&accept4_verdict, verdict);
	if (verdict == SOCKCOMPAT_VERDICT_UNUSABLE)
		return sockcompat_priv_accept4_emulated(fd, addr, addrlen, flags);
	errno = err;
	return -1;
}

/*
 * Once accept4 has worked in this process, the kernel has it, and its
 * answers are passed on as they are: a tail call, one load and a compare
 * more than calling accept4 directly.  (A filter installed later that
 * refuses it is not second-guessed; the caller sees its errno.)
 */
int
sockcompat_priv_accept4_native(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	int verdict = sockcompat_verdict_load(&accept4_verdict);

	if (verdict == SOCKCOMPAT_VERDICT_USABLE)
		return accept4(fd, addr, addrlen, flags);
	if (verdict == SOCKCOMPAT_VERDICT_UNUSABLE)
		return sockcompat_priv_accept4_emulated(fd, addr, addrlen, flags);
	return first_calls(fd, addr, addrlen, flags);
}
