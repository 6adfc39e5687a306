/*
 * sc_fdprobe FD: exits 0 if descriptor FD is open in this freshly exec'd
 * program, 1 if it is not.  The close-on-exec tests run it.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	char *end;
	long fd;

	if (argc != 2 || (fd = strtol(argv[1], &end, 10)) < 0 || *end != '\0') {
		fprintf(stderr, "usage: sc_fdprobe FD\n");
		return 2;
	}
	if (fcntl((int)fd, F_GETFD) != -1)
		return 0;
	return errno == EBADF ? 1 : 2;
}
