/*
 * Descriptor passing for the fidelity corpus: send descriptors in several
 * SCM_RIGHTS messages, and describe what a receive gave without printing
 * anything that depends on the run.  C89 and C++98 clean.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef FID_RIGHTS_H
#define FID_RIGHTS_H

#include <sys/uio.h>
#include "fid.h"

#define RIGHTS_MAX 16

/* Send one byte and N descriptors (dups of FD), K to a control message. */
static void
rights_send(int s, int fd, int n, int k)
{
	union {
		struct cmsghdr align;
		unsigned char buf[RIGHTS_MAX * CMSG_SPACE(sizeof(int))];
	} ctl;
	struct msghdr msg;
	struct iovec iov;
	struct cmsghdr *c;
	char byte = 'm';
	int sent = 0, fds[RIGHTS_MAX], i;
	size_t len = 0;

	FID_CHECK(n <= RIGHTS_MAX && k > 0);
	for (i = 0; i < n; i++)
		FID_CHECK((fds[i] = dup(fd)) != -1);
	for (i = 0; i < n; i += k)
		len += CMSG_SPACE(sizeof(int) * (size_t)(n - i < k ? n - i : k));
	memset(&ctl, 0, sizeof ctl);
	memset(&msg, 0, sizeof msg);
	iov.iov_base = &byte;
	iov.iov_len = 1;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl.buf;
	msg.msg_controllen = len;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL && sent < n;
	    c = CMSG_NXTHDR(&msg, c)) {
		int m = n - sent < k ? n - sent : k;

		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)m);
		memcpy(CMSG_DATA(c), fds + sent, sizeof(int) * (size_t)m);
		sent += m;
	}
	FID_CHECK(sendmsg(s, &msg, 0) == 1);
	for (i = 0; i < n; i++)
		close(fds[i]);
}

/* "WHAT: N descriptors, cloexec on M" */
static void
rights_show(const char *what, const int *fds, int n)
{
	int i, m = 0;

	for (i = 0; i < n; i++) {
		int f = fcntl(fds[i], F_GETFD);

		m += f != -1 && (f & FD_CLOEXEC) != 0;
	}
	printf("%s: %d descriptors, cloexec on %d\n", what, n, m);
}

#endif /* FID_RIGHTS_H */
