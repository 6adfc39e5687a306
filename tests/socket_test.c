/*
 * sockcompat_socket and sockcompat_socketpair (called by those names, which
 * is what sockcompat.h routes socket and socketpair to) honour the type
 * flags as the native calls do, and sockcompat.h keeps its promises.  Built twice:
 * socket_test (library as configured) and socket_emul_test (emulated).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

static const int all_flags[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};
#define NFLAGS (sizeof all_flags / sizeof all_flags[0])

/* What the system's own socket() says for TYPE without our flags. */
static int
plain_socket_errno(int domain, int type, int protocol)
{
	int fd = socket(domain, type & ~(SOCK_CLOEXEC | SOCK_NONBLOCK), protocol);

	if (fd != -1) {
		close(fd);
		return 0;
	}
	return errno;
}

ATF_TC(sockcompat_h__flag_values);
ATF_TC_HEAD(sockcompat_h__flag_values, tc)
{
	atf_tc_set_md_var(tc, "descr", "SOCK_NONBLOCK and SOCK_CLOEXEC are "
	    "non-zero, distinct and clear of every socket type; socklen_t has "
	    "the width configure measured");
}
ATF_TC_BODY(sockcompat_h__flag_values, tc)
{
	static const int types[] = {
		SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET, SOCK_RDM
	};
	size_t i;

	ATF_CHECK(SOCK_NONBLOCK != 0);
	ATF_CHECK(SOCK_CLOEXEC != 0);
	ATF_CHECK((SOCK_NONBLOCK & SOCK_CLOEXEC) == 0);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		ATF_CHECK_MSG((types[i] & (SOCK_NONBLOCK | SOCK_CLOEXEC)) == 0,
		    "type %d overlaps the flags", types[i]);
		ATF_CHECK_MSG(SOCK_NONBLOCK > types[i] && SOCK_CLOEXEC > types[i],
		    "type %d is not below the flags", types[i]);
	}
	ATF_CHECK_EQ(sizeof(socklen_t), SIZEOF_SOCKLEN_T);
}

ATF_TC(socket__flags_all_combinations);
ATF_TC_HEAD(socket__flags_all_combinations, tc)
{
	atf_tc_set_md_var(tc, "descr", "socket() sets FD_CLOEXEC and "
	    "O_NONBLOCK exactly as the type flags ask, for stream and "
	    "datagram sockets of AF_INET and AF_UNIX");
}
ATF_TC_BODY(socket__flags_all_combinations, tc)
{
	static const int domains[] = { AF_INET, AF_UNIX };
	static const int types[] = { SOCK_STREAM, SOCK_DGRAM };
	size_t d, t, f;

	for (d = 0; d < 2; d++)
		for (t = 0; t < 2; t++)
			for (f = 0; f < NFLAGS; f++) {
				int s = sockcompat_socket(domains[d], types[t] | all_flags[f], 0);

				ATF_REQUIRE_MSG(s != -1, "socket: %s",
				    strerror(errno));
				sc_t_check_flags(s, all_flags[f]);
				close(s);
			}
}

ATF_TC(socket__so_type_without_flags);
ATF_TC_HEAD(socket__so_type_without_flags, tc)
{
	atf_tc_set_md_var(tc, "descr", "getsockopt(SO_TYPE) reports the type "
	    "without the flag bits");
}
ATF_TC_BODY(socket__so_type_without_flags, tc)
{
	int type = 0, s;
	socklen_t len = sizeof type;

	s = sockcompat_socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	ATF_REQUIRE(s != -1);
	ATF_REQUIRE(getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len) == 0);
	ATF_CHECK_EQ(type, SOCK_DGRAM);
}

ATF_TC(socket__errors_match_native);
ATF_TC_HEAD(socket__errors_match_native, tc)
{
	atf_tc_set_md_var(tc, "descr", "an invalid type (EINVAL), domain "
	    "(EAFNOSUPPORT) or flag bit (EINVAL) gives the system's errno, "
	    "with or without our flags");
}
ATF_TC_BODY(socket__errors_match_native, tc)
{
	size_t f;

	for (f = 0; f < NFLAGS; f++) {
		int fl = all_flags[f], err, r;

		ATF_CHECK_EQ(sockcompat_socket(AF_INET, 15 | fl, 0), -1);
		ATF_CHECK_EQ_MSG(errno, EINVAL, "invalid type: %s", strerror(errno));
		ATF_CHECK_EQ(sockcompat_socket(12345, SOCK_STREAM | fl, 0), -1);
		ATF_CHECK_EQ_MSG(errno, EAFNOSUPPORT, "invalid domain: %s",
		    strerror(errno));
		/* Whatever the system says of a type it may not support. */
		r = sockcompat_socket(AF_INET, SOCK_SEQPACKET | fl, 0);
		err = r == -1 ? errno : 0;
		if (r != -1)
			close(r);
		ATF_CHECK_EQ_MSG(err, plain_socket_errno(AF_INET, SOCK_SEQPACKET, 0),
		    "AF_INET SOCK_SEQPACKET: %s, the system says %s",
		    strerror(err),
		    strerror(plain_socket_errno(AF_INET, SOCK_SEQPACKET, 0)));
		ATF_CHECK_EQ(sockcompat_socket(AF_INET,
		    SOCK_STREAM | 0x40000000 | fl, 0), -1);
		ATF_CHECK_EQ_MSG(errno, EINVAL, "unknown flag bit: %s",
		    strerror(errno));
	}
}

ATF_TC(socketpair__flags_both_ends);
ATF_TC_HEAD(socketpair__flags_both_ends, tc)
{
	atf_tc_set_md_var(tc, "descr", "both ends of a socketpair get exactly "
	    "the requested flags, and neither end when none is asked");
}
ATF_TC_BODY(socketpair__flags_both_ends, tc)
{
	size_t f;

	for (f = 0; f < NFLAGS; f++) {
		int sv[2] = { -1, -1 };

		ATF_REQUIRE_MSG(sockcompat_socketpair(AF_UNIX, SOCK_STREAM | all_flags[f], 0,
		    sv) == 0, "socketpair: %s", strerror(errno));
		sc_t_check_flags(sv[0], all_flags[f]);
		sc_t_check_flags(sv[1], all_flags[f]);
		{
			int type = 0;
			socklen_t len = sizeof type;

			ATF_CHECK(getsockopt(sv[1], SOL_SOCKET, SO_TYPE, &type,
			    &len) == 0 && type == SOCK_STREAM);
		}
		ATF_CHECK_EQ(write(sv[0], "x", 1), 1);
		close(sv[0]);
		close(sv[1]);
	}
}

/*
 * README: sv is written only on success, on every path.  The failures
 * below reach the native socketpair in socket_test and the emulation in
 * socket_emul_test; neither may touch the caller's array.
 */
static void
sv_unchanged(const int sv[2])
{
	ATF_CHECK_MSG(sv[0] == -7 && sv[1] == -7, "a failed socketpair wrote "
	    "%d and %d into sv", sv[0], sv[1]);
}

ATF_TC(socketpair__errors_match_native);
ATF_TC_HEAD(socketpair__errors_match_native, tc)
{
	atf_tc_set_md_var(tc, "descr", "socketpair's errors are the system's, "
	    "and a failed call leaves sv as it was");
}
ATF_TC_BODY(socketpair__errors_match_native, tc)
{
	size_t f;

	for (f = 0; f < NFLAGS; f++) {
		int sv[2] = { -7, -7 };

		ATF_CHECK_EQ(sockcompat_socketpair(AF_UNIX, 15 | all_flags[f], 0, sv), -1);
		ATF_CHECK_EQ_MSG(errno, EINVAL, "invalid type: %s",
		    strerror(errno));
		sv_unchanged(sv);
		ATF_CHECK_EQ(sockcompat_socketpair(AF_UNIX,
		    SOCK_STREAM | 0x40000000 | all_flags[f], 0, sv), -1);
		ATF_CHECK_EQ_MSG(errno, EINVAL, "unknown flag bit: %s",
		    strerror(errno));
		sv_unchanged(sv);
		ATF_CHECK_EQ(sockcompat_socketpair(12345, SOCK_STREAM | all_flags[f],
		    0, sv), -1);
		ATF_CHECK_EQ_MSG(errno, EAFNOSUPPORT, "invalid domain: %s",
		    strerror(errno));
		sv_unchanged(sv);
		ATF_CHECK_EQ(sockcompat_socketpair(AF_INET, SOCK_STREAM | all_flags[f], 0,
		    sv), -1);
		ATF_CHECK_EQ_MSG(errno, EOPNOTSUPP, "AF_INET pair: %s",
		    strerror(errno));
		sv_unchanged(sv);
	}
}

ATF_TC(socket__cloexec_across_exec);
ATF_TC_HEAD(socket__cloexec_across_exec, tc)
{
	atf_tc_set_md_var(tc, "descr", "a SOCK_CLOEXEC socket is closed in an "
	    "exec'd child, one without it is open");
}
ATF_TC_BODY(socket__cloexec_across_exec, tc)
{
	const char *srcdir = atf_tc_get_config_var(tc, "srcdir");
	int a = sockcompat_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int b = sockcompat_socket(AF_INET, SOCK_STREAM, 0);
	int sv[2];

	ATF_REQUIRE(a != -1 && b != -1);
	ATF_REQUIRE(sockcompat_socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	ATF_CHECK(!sc_t_open_after_exec(srcdir, a, 0));
	ATF_CHECK(!sc_t_open_after_exec(srcdir, sv[0], 1));
	ATF_CHECK(!sc_t_open_after_exec(srcdir, sv[1], 0));
	ATF_CHECK(sc_t_open_after_exec(srcdir, b, 1));
}

struct trace_arg {
	int flags;
};

static int
traced_socket(void *p)
{
	struct trace_arg *a = p;

	return sockcompat_socket(AF_INET, SOCK_STREAM | a->flags, 0) == -1;
}

ATF_TC(socket__syscall_floor);
ATF_TC_HEAD(socket__syscall_floor, tc)
{
	atf_tc_set_md_var(tc, "descr", "socket() with flags costs one system "
	    "call natively and one plus one per flag emulated, close-on-exec "
	    "first");
}
ATF_TC_BODY(socket__syscall_floor, tc)
{
	size_t f;

	sc_t_require_exact_counts();

	for (f = 0; f < NFLAGS; f++) {
		struct trace_arg a;
		struct sctrace t;
		int want = 1;

		if (!SC_T_NATIVE_SOCK_FLAGS)
			want += ((all_flags[f] & SOCK_CLOEXEC) != 0) +
			    ((all_flags[f] & SOCK_NONBLOCK) != 0);
		a.flags = all_flags[f];
		ATF_REQUIRE_EQ(sc_t_trace(NULL, traced_socket, &a, &t), 0);
		ATF_CHECK_EQ_MSG(t.count, want, "flags %#x: %ld system calls "
		    "(%s), expected %d", all_flags[f], t.count,
		    sctrace_str(&t), want);
		if (!SC_T_NATIVE_SOCK_FLAGS && all_flags[f] ==
		    (SOCK_CLOEXEC | SOCK_NONBLOCK))
			sc_t_check_cloexec_first(&t, "socket");
	}
}

static int
traced_socketpair(void *p)
{
	struct trace_arg *a = p;
	int sv[2];

	return sockcompat_socketpair(AF_UNIX, SOCK_STREAM | a->flags, 0,
	    sv) == -1;
}

ATF_TC(socketpair__syscall_floor);
ATF_TC_HEAD(socketpair__syscall_floor, tc)
{
	atf_tc_set_md_var(tc, "descr", "socketpair with both flags costs one "
	    "system call natively; emulated, one plus two per end, each end "
	    "close-on-exec before its status flags (the fork/exec window), "
	    "counted with ptrace");
}
ATF_TC_BODY(socketpair__syscall_floor, tc)
{
	struct trace_arg a;
	struct sctrace t;
	const int want = SC_T_NATIVE_SOCK_FLAGS ? 1 : 5;

	sc_t_require_exact_counts();
	a.flags = SOCK_CLOEXEC | SOCK_NONBLOCK;
	ATF_REQUIRE_EQ(sc_t_trace(NULL, traced_socketpair, &a, &t), 0);
	ATF_CHECK_EQ_MSG(t.count, want, "%ld system calls (%s), expected %d",
	    t.count, sctrace_str(&t), want);
	if (!SC_T_NATIVE_SOCK_FLAGS)
		sc_t_check_cloexec_first(&t, "socketpair");
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, sockcompat_h__flag_values);
	ATF_TP_ADD_TC(tp, socket__flags_all_combinations);
	ATF_TP_ADD_TC(tp, socket__so_type_without_flags);
	ATF_TP_ADD_TC(tp, socket__errors_match_native);
	ATF_TP_ADD_TC(tp, socket__cloexec_across_exec);
	ATF_TP_ADD_TC(tp, socket__syscall_floor);
	ATF_TP_ADD_TC(tp, socketpair__flags_both_ends);
	ATF_TP_ADD_TC(tp, socketpair__errors_match_native);
	ATF_TP_ADD_TC(tp, socketpair__syscall_floor);
	return atf_no_error();
}
