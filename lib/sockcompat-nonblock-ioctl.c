/*
 * Non-blocking mode with ioctl(FIONBIO), for systems whose fcntl has no
 * non-blocking flag.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/ioctl.h>
#ifdef HAVE_SYS_FILIO_H
# include <sys/filio.h>
#endif

#include "sockcompat-internal.h"

int
sockcompat_priv_set_nonblock(int fd, int nonblock, int inherited)
{
	int on = nonblock != 0, off = 0;

	if (ioctl(fd, FIONBIO, &on) == -1)
		return -1;
	/* FIONBIO leaves an O_ASYNC inherited from the listener in place. */
	if (inherited && ioctl(fd, FIOASYNC, &off) == -1)
		return -1;
	return 0;
}
