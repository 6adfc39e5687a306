/*
 * Non-blocking mode with fcntl(F_SETFL), whichever spelling of the flag the
 * system has (O_NONBLOCK, System V's O_NDELAY or 4.3BSD's FNDELAY).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <fcntl.h>

#include "sockcompat-internal.h"

int
sockcompat_priv_set_nonblock(int fd, int nonblock, int inherited)
{
	/*
	 * The only status flags F_SETFL can change that a new socket may
	 * have are O_NONBLOCK and O_ASYNC inherited from a listener, and
	 * native accept4 clears both unless asked for O_NONBLOCK.  So one
	 * write of the whole word is right whether or not anything was
	 * inherited: no F_GETFL needed.
	 */
	(void)inherited;
	return fcntl(fd, F_SETFL, nonblock ? SOCKCOMPAT_O_NONBLOCK : 0) == -1 ? -1 : 0;
}
