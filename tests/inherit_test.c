/*
 * Simulated BSD inheritance.  Linux's accept() does not pass the
 * listener's O_NONBLOCK and O_ASYNC on, so the code that clears them would
 * go untested.  This program interposes an accept() that does pass them
 * on, as the BSDs' and macOS's do, and links the emulation built as for
 * those systems (SOCKCOMPAT_TEST_INHERITS): the result must still have O_NONBLOCK
 * exactly as asked and never O_ASYNC.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

static int inherit = 1;

/* accept() as on the BSDs: the new descriptor gets the listener's
 * O_NONBLOCK and O_ASYNC.  Modelled on FreeBSD's kern_accept4 with
 * ACCEPT4_INHERIT (sys/kern/uipc_syscalls.c, doc/PLATFORMS.md [11]),
 * which copies the listener's f_flag; macOS's accept_nocancel and the
 * other BSDs' accept do the same for these two flags ([36][37][38]). */
int
accept(int fd, struct sockaddr *addr, SC_T_ACCEPT_LEN len)
{
	int nfd = sc_t_sys_accept(fd, addr, len), fl, saved_errno;

	if (nfd == -1 || !inherit)
		return nfd;
	saved_errno = errno;
	fl = fcntl(fd, F_GETFL);
	if (fl != -1 && (fl & (O_NONBLOCK | O_ASYNC))) {
		fcntl(nfd, F_SETOWN, getpid());
		fcntl(nfd, F_SETFL, fl & (O_NONBLOCK | O_ASYNC));
	}
	errno = saved_errno;
	return nfd;
}

static const int all_flags[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};

ATF_TC(inherit__interposer_inherits);
ATF_TC_HEAD(inherit__interposer_inherits, tc)
{
	atf_tc_set_md_var(tc, "descr", "control: plain accept() in this "
	    "program passes the listener's O_NONBLOCK and O_ASYNC on, so the "
	    "other cases can fail");
}
ATF_TC_BODY(inherit__interposer_inherits, tc)
{
	int l = sc_t_listen(AF_INET), fd, fl;

	sc_t_set_fl(l, O_NONBLOCK | O_ASYNC);
	(void)sc_t_connect(l);
	fd = accept(l, NULL, NULL);
	ATF_REQUIRE(fd != -1);
	fl = sc_t_fl_flags(fd);
	ATF_CHECK((fl & O_NONBLOCK) && (fl & O_ASYNC));
}

static void
inherit_case(int listener_fl)
{
	size_t i;
	int l = sc_t_listen(AF_INET);

	sc_t_set_fl(l, listener_fl);
	for (i = 0; i < sizeof all_flags / sizeof all_flags[0]; i++) {
		int c = sc_t_connect(l), fd;

		fd = accept4(l, NULL, NULL, all_flags[i]);
		ATF_REQUIRE_MSG(fd != -1, "accept4: %s", strerror(errno));
		sc_t_check_flags(fd, all_flags[i]);
		close(fd);
		close(c);
	}
}

ATF_TC(inherit__nonblock_listener);
ATF_TC_HEAD(inherit__nonblock_listener, tc)
{
	atf_tc_set_md_var(tc, "descr", "accept() inheriting O_NONBLOCK: the "
	    "emulation gives O_NONBLOCK iff SOCK_NONBLOCK, all four flag sets");
}
ATF_TC_BODY(inherit__nonblock_listener, tc)
{
	inherit_case(O_NONBLOCK);
}

ATF_TC(inherit__async_listener);
ATF_TC_HEAD(inherit__async_listener, tc)
{
	atf_tc_set_md_var(tc, "descr", "accept() inheriting O_ASYNC: the "
	    "emulation clears it whatever the flags");
}
ATF_TC_BODY(inherit__async_listener, tc)
{
	inherit_case(O_ASYNC);
}

ATF_TC(inherit__nonblock_async_listener);
ATF_TC_HEAD(inherit__nonblock_async_listener, tc)
{
	atf_tc_set_md_var(tc, "descr", "accept() inheriting O_NONBLOCK and "
	    "O_ASYNC: O_NONBLOCK iff SOCK_NONBLOCK, never O_ASYNC");
}
ATF_TC_BODY(inherit__nonblock_async_listener, tc)
{
	inherit_case(O_NONBLOCK | O_ASYNC);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, inherit__interposer_inherits);
	ATF_TP_ADD_TC(tp, inherit__nonblock_listener);
	ATF_TP_ADD_TC(tp, inherit__async_listener);
	ATF_TP_ADD_TC(tp, inherit__nonblock_async_listener);
	return atf_no_error();
}
