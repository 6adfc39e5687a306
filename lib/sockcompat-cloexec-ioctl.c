/*
 * Close-on-exec the 4.3BSD way, for systems without FD_CLOEXEC.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <stddef.h>
#include <sys/ioctl.h>
#ifdef HAVE_SYS_FILIO_H
# include <sys/filio.h>
#endif

#include "sockcompat-internal.h"

int
sockcompat_priv_set_cloexec(int fd)
{
	return ioctl(fd, FIOCLEX, NULL) == -1 ? -1 : 0;
}
