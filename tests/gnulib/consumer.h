/* Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT). */
#ifndef CONSUMER_H
#define CONSUMER_H
/* accept4 from consumer-sys.c, which includes only <sys/socket.h>. */
int sys_accept4(int fd, int flags);
#endif
