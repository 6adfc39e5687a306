/*
 * One accept4 scenario, run through a given accept4 implementation, and
 * what a caller can observe of the result.  Shared by the differential
 * test and the fuzzer, which compare the C library's accept4 with the
 * emulation.  No ATF here: the fuzzer has none.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SC_SCENARIO_H
#define SC_SCENARIO_H

#include <sys/types.h>
#include <sys/socket.h>

#include <fcntl.h>

/*
 * O_ASYNC under its own name: illumos has only FASYNC, in <sys/file.h>,
 * the bit its sockets report in F_GETFL (sock_getfasync).  Where neither
 * exists the tests' asynchronous listener is an ordinary one.
 */
#ifndef O_ASYNC
# include <sys/file.h>
# ifdef FASYNC
#  define O_ASYNC FASYNC
# else
#  define O_ASYNC 0
# endif
#endif

enum sc_target { SC_LISTENER, SC_BADF, SC_CLOSED, SC_FILE, SC_PIPE,
	SC_NOT_LISTENING, SC_DGRAM, SC_EMPTY, SC_NTARGETS };
enum sc_addr { SC_A_NULL, SC_A_FULL, SC_A_LARGER, SC_A_TRUNC, SC_A_ZERO,
	SC_A_NOLEN, SC_A_GIVEN, SC_NADDRS };

struct sc_scenario {
	const char *name;
	enum sc_target target;
	int family;		/* AF_INET, AF_INET6 or AF_UNIX */
	int listener_fl;	/* O_NONBLOCK / O_ASYNC set on the listener */
	int listener_cloexec;
	int flags;
	enum sc_addr addr;
	unsigned given_len;	/* with SC_A_GIVEN: the addrlen passed in */
};

struct sc_outcome {
	int ok, err, cloexec, nonblock, async;
	unsigned len;
	int addr_is_peer, canary_intact, consumed;
};

typedef int sc_accept_fn(int, struct sockaddr *, socklen_t *, int);

/* A listening stream socket on loopback (AF_INET, AF_INET6) or on a path
 * in the current directory (AF_UNIX); -1 with errno set on failure. */
int sc_loopback_listener(int family, int backlog);

/* Run S through FN.  Returns 0, or -1 if the scene could not be set
 * (no IPv6 here, say); nothing is left open either way. */
int sc_run(const struct sc_scenario *s, sc_accept_fn *fn, struct sc_outcome *o);

/* Print each field in which A and B differ, prefixed by S's name; the
 * number of differing fields. */
int sc_compare(const struct sc_scenario *s, const struct sc_outcome *a,
               const struct sc_outcome *b);

#endif /* SC_SCENARIO_H */
