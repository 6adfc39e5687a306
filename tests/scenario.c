/*
 * Run one accept4 scenario and record what a caller can observe.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sockcompat.h"
#include "scenario.h"

int
sc_loopback_listener(int family, int backlog)
{
	struct sockaddr_storage ss;
	socklen_t len;
	static unsigned serial;
	int l, saved_errno;

	memset(&ss, 0, sizeof ss);
	if (family == AF_INET6) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = in6addr_loopback;
		len = sizeof *sin6;
	} else if (family == AF_UNIX) {
		struct sockaddr_un *addr_un = (struct sockaddr_un *)&ss;

		addr_un->sun_family = AF_UNIX;
		snprintf(addr_un->sun_path, sizeof addr_un->sun_path, "l%ld.%u",
		    (long)getpid(), serial++);
		unlink(addr_un->sun_path);
		len = sizeof *addr_un;
	} else {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof *sin;
	}
	l = socket(family, SOCK_STREAM, 0);
	if (l == -1)
		return -1;
	if (bind(l, (struct sockaddr *)&ss, len) == -1 ||
	    listen(l, backlog) == -1) {
		saved_errno = errno;
		close(l);
		errno = saved_errno;
		return -1;
	}
	return l;
}

static int
listener(const struct sc_scenario *s)
{
	int l = sc_loopback_listener(s->family, 8);

	if (l == -1)
		return -1;
	if (s->listener_fl & O_ASYNC) {
		signal(SIGIO, SIG_IGN);
		fcntl(l, F_SETOWN, getpid());
	}
	if (fcntl(l, F_SETFL, fcntl(l, F_GETFL) | s->listener_fl) == -1 ||
	    (s->listener_cloexec && fcntl(l, F_SETFD, FD_CLOEXEC) == -1)) {
		close(l);
		return -1;
	}
	return l;
}

static int
pending(int l, int ms)
{
	struct pollfd p;

	p.fd = l;
	p.events = POLLIN;
	p.revents = 0;
	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

static int
client(int l)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int c;

	if (getsockname(l, (struct sockaddr *)&ss, &len) == -1)
		return -1;
	c = socket(ss.ss_family, SOCK_STREAM, 0);
	if (c == -1)
		return -1;
	if (connect(c, (struct sockaddr *)&ss, len) == -1 || !pending(l, 5000)) {
		close(c);
		return -1;
	}
	return c;
}

/* The descriptor the scenario calls accept4 on; *CLIENT if one connects. */
static int
target(const struct sc_scenario *s, int *client_fd, int *err)
{
	struct sockaddr_in sin;
	int fd, p[2];

	*client_fd = -1;
	*err = 0;
	switch (s->target) {
	case SC_LISTENER:
	case SC_EMPTY:
		if ((fd = listener(s)) == -1)
			break;
		if (s->target == SC_LISTENER && (*client_fd = client(fd)) == -1) {
			close(fd);
			break;
		}
		return fd;
	case SC_BADF:
		return -1;
	case SC_CLOSED:
		if ((fd = dup(0)) != -1)
			close(fd);
		return fd == -1 ? -1 : fd;
	case SC_FILE:
		if ((fd = open("scenario.file", O_RDWR | O_CREAT, 0600)) == -1)
			break;
		unlink("scenario.file");
		return fd;
	case SC_PIPE:
		if (pipe(p) == -1)
			break;
		close(p[1]);
		return p[0];
	case SC_NOT_LISTENING:
		if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
			break;
		memset(&sin, 0, sizeof sin);
		sin.sin_family = AF_INET;
		sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		if (bind(fd, (struct sockaddr *)&sin, sizeof sin) == 0)
			return fd;
		close(fd);
		break;
	case SC_DGRAM:
		if ((fd = socket(AF_INET, SOCK_DGRAM, 0)) != -1)
			return fd;
		break;
	default:
		break;
	}
	*err = 1;
	return -1;
}

int
sc_run(const struct sc_scenario *s, sc_accept_fn *fn, struct sc_outcome *o)
{
	unsigned char buf[sizeof(struct sockaddr_storage) + 16];
	struct sockaddr_storage peer;
	socklen_t len, plen = sizeof peer, given;
	int client_fd, t, fd, err;

	t = target(s, &client_fd, &err);
	if (err)
		return -1;
	switch (s->addr) {
	case SC_A_FULL:
		given = s->family == AF_INET6 ? sizeof(struct sockaddr_in6) :
		    s->family == AF_UNIX ? sizeof(struct sockaddr_un) :
		    sizeof(struct sockaddr_in);
		break;
	case SC_A_LARGER: given = sizeof(struct sockaddr_storage); break;
	case SC_A_TRUNC: given = 6; break;
	case SC_A_GIVEN:
		given = s->given_len < sizeof buf ? s->given_len : sizeof buf - 1;
		break;
	default: given = 0; break;
	}
	len = given;
	memset(buf, 0xa5, sizeof buf);
	memset(o, 0, sizeof *o);
	errno = 0;
	fd = fn(t, s->addr == SC_A_NULL ? NULL : (struct sockaddr *)buf,
	    s->addr == SC_A_NULL || s->addr == SC_A_NOLEN ? NULL : &len, s->flags);
	o->ok = fd != -1;
	o->err = fd == -1 ? errno : 0;
	if (fd != -1) {
		int f = fcntl(fd, F_GETFD), fl = fcntl(fd, F_GETFL);

		o->cloexec = f != -1 && (f & FD_CLOEXEC);
		o->nonblock = fl != -1 && (fl & O_NONBLOCK);
		o->async = fl != -1 && (fl & O_ASYNC);
	}
	o->len = (unsigned)len;
	if (client_fd != -1 && s->addr != SC_A_NULL && s->addr != SC_A_NOLEN &&
	    getsockname(client_fd, (struct sockaddr *)&peer, &plen) == 0) {
		socklen_t n = len < given ? len : given;

		if (n > plen)
			n = plen;
		o->addr_is_peer = memcmp(buf, &peer, n) == 0;
	}
	o->canary_intact = buf[given] == 0xa5 && buf[sizeof buf - 1] == 0xa5;
	if (s->target == SC_LISTENER)
		o->consumed = !pending(t, 0);
	if (fd != -1)
		close(fd);
	if (client_fd != -1)
		close(client_fd);
	if (t != -1 && s->target != SC_CLOSED) {
		struct sockaddr_un addr_un;
		socklen_t slen = sizeof addr_un;

		if ((s->target == SC_LISTENER || s->target == SC_EMPTY) &&
		    s->family == AF_UNIX &&
		    getsockname(t, (struct sockaddr *)&addr_un, &slen) == 0)
			unlink(addr_un.sun_path);
		close(t);
	}
	return 0;
}

int
sc_compare(const struct sc_scenario *s, const struct sc_outcome *a,
           const struct sc_outcome *b)
{
	int n = 0;

#define FIELD(f)							\
	if (a->f != b->f) {						\
		printf("DIFF %s: %s native %d emulated %d\n", s->name, #f, \
		    (int)a->f, (int)b->f);				\
		n++;							\
	}
	FIELD(ok) FIELD(err) FIELD(cloexec) FIELD(nonblock) FIELD(async)
	FIELD(len) FIELD(addr_is_peer) FIELD(canary_intact) FIELD(consumed)
#undef FIELD
	fflush(stdout);
	return n;
}
