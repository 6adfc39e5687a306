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

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include <atf-c.h>

#include "sc_test.h"
#include "scenario.h"

#if HAVE_DECL_ACCEPT4 && defined HAVE_ACCEPT4 && \
    HAVE_DECL_SOCK_CLOEXEC && HAVE_DECL_SOCK_NONBLOCK
# define HAVE_REFERENCE 1
#else
# define HAVE_REFERENCE 0
#endif

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

#define MAX_SCENARIOS 128

static struct sc_scenario sc[MAX_SCENARIOS];
static char names[MAX_SCENARIOS][64];
static size_t n;

static struct sc_scenario *
add(enum sc_target t, int family, int flags, enum sc_addr a,
    const char *prefix, const char *what)
{
	struct sc_scenario *s = &sc[n];

	ATF_REQUIRE(n < MAX_SCENARIOS);
	snprintf(names[n], sizeof names[n], "%s %s", prefix, what);
	memset(s, 0, sizeof *s);
	s->name = names[n++];
	s->target = t;
	s->family = family;
	s->flags = flags;
	s->addr = a;
	return s;
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
	static const struct { const char *name; int family; enum sc_addr a; }
	    addrs[] = {
		{ "inet/full", AF_INET, SC_A_FULL },
		{ "inet/larger", AF_INET, SC_A_LARGER },
		{ "inet/truncated", AF_INET, SC_A_TRUNC },
		{ "inet/zero", AF_INET, SC_A_ZERO },
		{ "inet/null", AF_INET, SC_A_NULL },
		{ "inet/nolen", AF_INET, SC_A_NOLEN },
		{ "inet6/full", AF_INET6, SC_A_FULL },
		{ "inet6/truncated", AF_INET6, SC_A_TRUNC },
		{ "unix/full", AF_UNIX, SC_A_FULL },
		{ "unix/larger", AF_UNIX, SC_A_LARGER },
		{ "unix/zero", AF_UNIX, SC_A_ZERO },
	};
	static const struct { const char *name; enum sc_target t; int flags; }
	    errs[] = {
		{ "ebadf", SC_BADF, SOCK_CLOEXEC }, { "closed", SC_CLOSED, 0 },
		{ "file", SC_FILE, SOCK_NONBLOCK }, { "pipe", SC_PIPE, 0 },
		{ "not-listening", SC_NOT_LISTENING, SOCK_CLOEXEC },
		{ "dgram", SC_DGRAM, SOCK_NONBLOCK },
		{ "empty-nonblocking", SC_EMPTY, SOCK_CLOEXEC },
		{ "unknown-flag-1", SC_LISTENER, 1 },
		{ "unknown-flag-high", SC_LISTENER, 0x40000000 | SOCK_CLOEXEC },
	};
	size_t i, j, compared = 0, unset = 0;
	int diffs = 0;

	if (!HAVE_REFERENCE)
		atf_tc_skip("configure found no native accept4 with "
		    "SOCK_CLOEXEC/SOCK_NONBLOCK to compare the emulation with");

	for (i = 0; i < sizeof states / sizeof states[0]; i++)
		for (j = 0; j < 4; j++) {
			struct sc_scenario *s = add(SC_LISTENER, AF_INET,
			    flagsets[j], SC_A_FULL, "listener", states[i].name);

			s->listener_fl = states[i].fl;
			s->listener_cloexec = states[i].cloexec;
			snprintf(names[n - 1] + strlen(names[n - 1]),
			    sizeof names[0] - strlen(names[n - 1]), ", flags %s",
			    flagnames[j]);
		}
	for (i = 0; i < sizeof addrs / sizeof addrs[0]; i++)
		add(SC_LISTENER, addrs[i].family, SOCK_CLOEXEC | SOCK_NONBLOCK,
		    addrs[i].a, "address", addrs[i].name);
	for (i = 0; i < sizeof errs / sizeof errs[0]; i++) {
		struct sc_scenario *s = add(errs[i].t, AF_INET, errs[i].flags,
		    SC_A_FULL, "error", errs[i].name);

		if (errs[i].t == SC_EMPTY)
			s->listener_fl = O_NONBLOCK;
	}

	for (i = 0; i < n; i++) {
		struct sc_outcome native, emulated;

		if (sc_run(&sc[i], libc_accept4, &native) == -1 ||
		    sc_run(&sc[i], sockcompat_accept4, &emulated) == -1) {
			printf("not run here: %s\n", sc[i].name);
			unset++;
			continue;
		}
		compared++;
		diffs += sc_compare(&sc[i], &native, &emulated) != 0;
	}
	printf("diff: %zu scenarios compared, %d differ, %zu could not be set "
	    "up here\n", compared, diffs, unset);
	ATF_CHECK_EQ_MSG(diffs, 0, "%d of %zu scenarios differ (see stdout)",
	    diffs, compared);
	ATF_CHECK_MSG(compared >= 40, "only %zu scenarios compared", compared);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, diff__native_vs_emulated);
	return atf_no_error();
}
