/*
 * A file written for gnulib's accept4 module: it includes <sys/socket.h>
 * and nothing of sockcompat's.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>
#include <stddef.h>

#include "consumer.h"

int
sys_accept4(int fd, int flags)
{
	return accept4(fd, NULL, NULL, flags);
}
