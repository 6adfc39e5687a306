/*
 * sockcompat_accept_error: what a daemon's accept loop should do after
 * accept or accept4 failed with a given errno.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>

#include "sockcompat-internal.h"

/*
 * Every errno the Linux, FreeBSD, NetBSD, OpenBSD, macOS and Solaris
 * manuals list for accept/accept4, and the ones Linux returns without
 * documenting them.  Where a system lacks a name, its row is left out.
 * The reasons are in sockcompat_accept_error(3).
 */
static const struct {
	int err;
	int verdict;
} verdicts[] = {
	/* Nothing pending. */
	{ EAGAIN, SOCKCOMPAT_ACCEPT_WAIT },
	{ EWOULDBLOCK, SOCKCOMPAT_ACCEPT_WAIT },

	/* Interrupted, or the pending connection died before it was
	 * accepted: nothing is wrong with the listener. */
	{ EINTR, SOCKCOMPAT_ACCEPT_RETRY },
	{ ECONNABORTED, SOCKCOMPAT_ACCEPT_RETRY },
	{ ECONNRESET, SOCKCOMPAT_ACCEPT_RETRY },
	{ ETIMEDOUT, SOCKCOMPAT_ACCEPT_RETRY },
	{ ENETDOWN, SOCKCOMPAT_ACCEPT_RETRY },
	{ ENETUNREACH, SOCKCOMPAT_ACCEPT_RETRY },
	{ EHOSTUNREACH, SOCKCOMPAT_ACCEPT_RETRY },
	{ ENOPROTOOPT, SOCKCOMPAT_ACCEPT_RETRY },
	{ EPROTONOSUPPORT, SOCKCOMPAT_ACCEPT_RETRY },
#ifdef EPROTO
	{ EPROTO, SOCKCOMPAT_ACCEPT_RETRY },
#endif
#ifdef EHOSTDOWN
	{ EHOSTDOWN, SOCKCOMPAT_ACCEPT_RETRY },
#endif
#ifdef ENONET
	{ ENONET, SOCKCOMPAT_ACCEPT_RETRY },
#endif
#ifdef ESOCKTNOSUPPORT
	{ ESOCKTNOSUPPORT, SOCKCOMPAT_ACCEPT_RETRY },
#endif

	/* Out of descriptors, buffers or memory: retrying at once spins. */
	{ EMFILE, SOCKCOMPAT_ACCEPT_BACKOFF },
	{ ENFILE, SOCKCOMPAT_ACCEPT_BACKOFF },
	{ ENOBUFS, SOCKCOMPAT_ACCEPT_BACKOFF },
	{ ENOMEM, SOCKCOMPAT_ACCEPT_BACKOFF },
#ifdef ENOSR
	{ ENOSR, SOCKCOMPAT_ACCEPT_BACKOFF },
#endif

	/* The caller's mistake, or a listener that cannot accept. */
	{ EBADF, SOCKCOMPAT_ACCEPT_FATAL },
	{ ENOTSOCK, SOCKCOMPAT_ACCEPT_FATAL },
	{ EINVAL, SOCKCOMPAT_ACCEPT_FATAL },
	{ EFAULT, SOCKCOMPAT_ACCEPT_FATAL },
	{ ENOSYS, SOCKCOMPAT_ACCEPT_FATAL },
	{ ENODEV, SOCKCOMPAT_ACCEPT_FATAL },
};

/*
 * Two errnos mean different things depending on what is behind them, and
 * asking is the only way to be right.  Called with errno saved.
 */
static int
resolve(int listener, int err)
{
	int type;
	socklen_t len = sizeof type;

	if (err == EPERM) {
		/*
		 * Linux: a firewall rule refused this one connection (RETRY);
		 * or a sandbox forbids accept altogether, which would make
		 * RETRY spin forever (FATAL).  A permitted accept on
		 * descriptor -1 says EBADF.
		 */
		if (accept(-1, NULL, NULL) == -1 && errno == EBADF)
			return SOCKCOMPAT_ACCEPT_RETRY;
		return SOCKCOMPAT_ACCEPT_FATAL;
	}
	/*
	 * EOPNOTSUPP: Linux passes a pending network error of the new
	 * connection through accept, this among them; on a datagram socket
	 * the same value means accept cannot work at all.  Only the
	 * listener's type tells which.
	 */
	if (getsockopt(listener, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
	    (type == SOCK_STREAM || type == SOCK_SEQPACKET))
		return SOCKCOMPAT_ACCEPT_RETRY;
	return SOCKCOMPAT_ACCEPT_FATAL;
}

int
sockcompat_accept_error(int listener, int err)
{
	size_t i;
	int verdict, saved_errno;

	if (err == EPERM || err == EOPNOTSUPP || err == ENOTSUP) {
		saved_errno = errno;
		verdict = resolve(listener, err);
		errno = saved_errno;
		return verdict;
	}
	for (i = 0; i < sizeof verdicts / sizeof verdicts[0]; i++)
		if (verdicts[i].err == err)
			return verdicts[i].verdict;
	/* Unknown: neither spin on it nor give up on the listener. */
	return SOCKCOMPAT_ACCEPT_BACKOFF;
}
