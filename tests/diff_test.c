/*
 * Differential test: each scenario runs once through the C library's own
 * accept4 and once through sockcompat's emulation, and the two outcomes
 * must agree on everything a caller can observe.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

/* accept4 is the C library's here; the emulation is sockcompat_accept4. */
#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

#if HAVE_DECL_ACCEPT4 && defined HAVE_ACCEPT4 && \
    HAVE_DECL_SOCK_CLOEXEC && HAVE_DECL_SOCK_NONBLOCK
# define HAVE_REFERENCE 1
#else
# define HAVE_REFERENCE 0
#endif

enum target { LISTENER, BADF, CLOSED, FILE_FD, PIPE_FD, NOT_LISTENING, DGRAM,
	EMPTY };
enum addr { A_NULL, A_FULL, A_LARGER, A_TRUNC, A_ZERO, A_NOLEN };

struct scenario {
	const char *name;
	enum target target;
	int family;
	int listener_fl;	/* O_NONBLOCK / O_ASYNC set on the listener */
	int listener_cloexec;
	int flags;
	enum addr addr;
};

struct outcome {
	int ok, err, cloexec, nonblock, async;
	unsigned len;
	int addr_is_peer, canary_intact, consumed;
};

typedef int accept_fn(int, struct sockaddr *, socklen_t *, int);

static int
libc_accept4(int fd, struct sockaddr *a, socklen_t *l, int flags)
{
#if HAVE_REFERENCE
	return accept4(fd, a, l, flags);
#else
	(void)fd; (void)a; (void)l; (void)flags;
	errno = ENOSYS;
	return -1;
#endif
}

static int
make_target(const struct scenario *s, int *client)
{
	int fd = -1, p[2];
	struct sockaddr_in sin;

	*client = -1;
	switch (s->target) {
	case LISTENER:
	case EMPTY:
		fd = sc_t_listen(s->family);
		if (s->listener_fl)
			sc_t_set_fl(fd, s->listener_fl);
		if (s->listener_cloexec)
			ATF_REQUIRE(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
		if (s->target == LISTENER)
			*client = sc_t_connect(fd);
		return fd;
	case BADF:
		return -1;
	case CLOSED:
		fd = dup(0);
		close(fd);
		return fd;
	case FILE_FD:
		return open("file", O_RDWR | O_CREAT, 0600);
	case PIPE_FD:
		ATF_REQUIRE(pipe(p) == 0);
		return p[0];
	case NOT_LISTENING:
		fd = socket(AF_INET, SOCK_STREAM, 0);
		memset(&sin, 0, sizeof sin);
		sin.sin_family = AF_INET;
		sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		ATF_REQUIRE(bind(fd, (struct sockaddr *)&sin, sizeof sin) == 0);
		return fd;
	case DGRAM:
		return socket(AF_INET, SOCK_DGRAM, 0);
	}
	return -1;
}

static struct outcome
run(const struct scenario *s, accept_fn *fn)
{
	struct outcome o;
	unsigned char buf[sizeof(struct sockaddr_storage) + 16];
	struct sockaddr_storage peer;
	socklen_t len, plen = sizeof peer, given;
	int client, t = make_target(s, &client), fd;

	switch (s->addr) {
	case A_FULL: given = s->family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : s->family == AF_UNIX ?
	    sizeof(struct sockaddr_un) : sizeof(struct sockaddr_in); break;
	case A_LARGER: given = sizeof(struct sockaddr_storage); break;
	case A_TRUNC: given = 6; break;
	default: given = 0; break;
	}
	len = given;
	memset(buf, 0xa5, sizeof buf);
	memset(&o, 0, sizeof o);
	errno = 0;
	fd = fn(t, s->addr == A_NULL ? NULL : (struct sockaddr *)buf,
	    s->addr == A_NULL || s->addr == A_NOLEN ? NULL : &len, s->flags);
	o.ok = fd != -1;
	o.err = fd == -1 ? errno : 0;
	if (fd != -1) {
		int f = sc_t_fd_flags(fd), fl = sc_t_fl_flags(fd);

		o.cloexec = (f & FD_CLOEXEC) != 0;
		o.nonblock = (fl & O_NONBLOCK) != 0;
		o.async = (fl & O_ASYNC) != 0;
	}
	o.len = (unsigned)len;
	if (client != -1 && s->addr != A_NULL && s->addr != A_NOLEN) {
		socklen_t n = len < given ? len : given;

		ATF_REQUIRE(getsockname(client, (struct sockaddr *)&peer,
		    &plen) == 0);
		o.addr_is_peer = memcmp(buf, &peer, n) == 0;
	}
	o.canary_intact = buf[given] == 0xa5 &&
	    buf[sizeof buf - 1] == 0xa5;
	if (s->target == LISTENER)
		o.consumed = !sc_t_pending(t, 0);
	if (fd != -1)
		close(fd);
	if (client != -1)
		close(client);
	if (t != -1)
		close(t);
	return o;
}

static int
compare(const struct scenario *s, const struct outcome *n,
        const struct outcome *e)
{
	int diff = 0;

#define FIELD(f)							\
	if (n->f != e->f) {						\
		printf("DIFF %s: %s native %d emulated %d\n", s->name, #f, \
		    (int)n->f, (int)e->f);				\
		diff = 1;						\
	}
	FIELD(ok) FIELD(err) FIELD(cloexec) FIELD(nonblock) FIELD(async)
	FIELD(len) FIELD(addr_is_peer) FIELD(canary_intact) FIELD(consumed)
#undef FIELD
	return diff;
}

ATF_TC(diff__native_vs_emulated);
ATF_TC_HEAD(diff__native_vs_emulated, tc)
{
	atf_tc_set_md_var(tc, "descr", "every scenario gives the same return, "
	    "errno, descriptor flags, address and consumption through the "
	    "native accept4 and through the emulation");
}
ATF_TC_BODY(diff__native_vs_emulated, tc)
{
	static const int flagsets[] = {
		0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
	};
	static const char *const flagnames[] = { "0", "cloexec", "nonblock",
		"both" };
	static const struct { const char *name; int fl, cloexec; } states[] = {
		{ "blocking", 0, 0 }, { "nonblocking", O_NONBLOCK, 0 },
		{ "cloexec", 0, 1 }, { "async", O_ASYNC, 0 },
		{ "nonblocking+async+cloexec", O_NONBLOCK | O_ASYNC, 1 },
	};
	static const struct { const char *name; int family; enum addr a; }
	    addrs[] = {
		{ "inet/full", AF_INET, A_FULL }, { "inet/larger", AF_INET, A_LARGER },
		{ "inet/truncated", AF_INET, A_TRUNC }, { "inet/zero", AF_INET, A_ZERO },
		{ "inet/null", AF_INET, A_NULL }, { "inet/nolen", AF_INET, A_NOLEN },
		{ "inet6/full", AF_INET6, A_FULL }, { "inet6/truncated", AF_INET6, A_TRUNC },
		{ "unix/full", AF_UNIX, A_FULL }, { "unix/larger", AF_UNIX, A_LARGER },
		{ "unix/zero", AF_UNIX, A_ZERO },
	};
	static const struct { const char *name; enum target t; int flags; }
	    errs[] = {
		{ "ebadf", BADF, SOCK_CLOEXEC }, { "closed", CLOSED, 0 },
		{ "file", FILE_FD, SOCK_NONBLOCK }, { "pipe", PIPE_FD, 0 },
		{ "not-listening", NOT_LISTENING, SOCK_CLOEXEC },
		{ "dgram", DGRAM, SOCK_NONBLOCK },
		{ "empty-nonblocking", EMPTY, SOCK_CLOEXEC },
		{ "unknown-flag-1", LISTENER, 1 },
		{ "unknown-flag-high", LISTENER, 0x40000000 | SOCK_CLOEXEC },
	};
	char names[128][64];
	struct scenario sc[128];
	size_t i, j, n = 0;
	int diffs = 0;

	if (!HAVE_REFERENCE)
		atf_tc_skip("configure found no native accept4 with "
		    "SOCK_CLOEXEC/SOCK_NONBLOCK to compare the emulation with");

	for (i = 0; i < sizeof states / sizeof states[0]; i++)
		for (j = 0; j < 4; j++, n++) {
			snprintf(names[n], sizeof names[n], "listener %s, flags %s",
			    states[i].name, flagnames[j]);
			memset(&sc[n], 0, sizeof sc[n]);
			sc[n].name = names[n];
			sc[n].target = LISTENER;
			sc[n].family = AF_INET;
			sc[n].listener_fl = states[i].fl;
			sc[n].listener_cloexec = states[i].cloexec;
			sc[n].flags = flagsets[j];
			sc[n].addr = A_FULL;
		}
	for (i = 0; i < sizeof addrs / sizeof addrs[0]; i++, n++) {
		snprintf(names[n], sizeof names[n], "address %s", addrs[i].name);
		memset(&sc[n], 0, sizeof sc[n]);
		sc[n].name = names[n];
		sc[n].target = LISTENER;
		sc[n].family = addrs[i].family;
		sc[n].flags = SOCK_CLOEXEC | SOCK_NONBLOCK;
		sc[n].addr = addrs[i].a;
	}
	for (i = 0; i < sizeof errs / sizeof errs[0]; i++, n++) {
		snprintf(names[n], sizeof names[n], "error %s", errs[i].name);
		memset(&sc[n], 0, sizeof sc[n]);
		sc[n].name = names[n];
		sc[n].target = errs[i].t;
		sc[n].family = AF_INET;
		sc[n].flags = errs[i].flags;
		sc[n].addr = A_FULL;
		if (errs[i].t == EMPTY)
			sc[n].listener_fl = O_NONBLOCK;
	}

	for (i = 0; i < n; i++) {
		struct outcome native = run(&sc[i], libc_accept4);
		struct outcome emulated = run(&sc[i], sockcompat_accept4);

		diffs += compare(&sc[i], &native, &emulated);
	}
	printf("diff: %zu scenarios compared, %d differ\n", n, diffs);
	ATF_CHECK_EQ_MSG(diffs, 0, "%d of %zu scenarios differ (see stdout)",
	    diffs, n);
	ATF_CHECK_MSG(n >= 40, "only %zu scenarios", n);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, diff__native_vs_emulated);
	return atf_no_error();
}
