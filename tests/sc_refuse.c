/*
 * sc_t_refuse(), for the "_refused_" test programs (see sc_test.h): the
 * kernel made to refuse accept4 and the socket type flags, and the
 * library's first calls made so that it has given the native ones up.
 * Its own file: only the programs linked with the library as configured
 * use it.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <sys/types.h>
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "sc_test.h"

void
sc_t_refuse(void)
{
#ifdef __linux__
	const unsigned flags = SOCK_CLOEXEC | SOCK_NONBLOCK;
	int fd, sv[2];

	/* accept4 only when it carries flags: glibc's accept() is accept4
	 * with none on architectures without an accept system call. */
	if (sctrace_refuse_if(SCTRACE_ACCEPT4, 3, flags, ENOSYS) == -1 ||
	    sctrace_refuse_if(SYS_socket, 1, flags, EINVAL) == -1 ||
	    sctrace_refuse_if(SYS_socketpair, 1, flags, EINVAL) == -1)
		atf_tc_skip("the kernel cannot install a seccomp filter here: %s",
		    strerror(errno));
	/* The kernel now refuses the native calls... */
	errno = 0;
	ATF_REQUIRE_MSG(syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC,
	    0) == -1 && errno == EINVAL, "the filter lets socket() take "
	    "SOCK_CLOEXEC (errno %d)", errno);
	/*
	 * ...and the library's first calls find that out.  By the names the
	 * test programs use (sockcompat.h routes them to the library): the
	 * same declarations in every object, which LTO compares.
	 */
	errno = 0;
	ATF_REQUIRE_MSG(accept4(-1, NULL, NULL, SOCK_CLOEXEC) == -1 &&
	    errno == EBADF, "accept4(-1): errno %d, not EBADF", errno);
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	ATF_REQUIRE_MSG(fd != -1, "socket: %s", strerror(errno));
	ATF_REQUIRE_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	close(fd);
	ATF_REQUIRE_MSG(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
	    sv) == 0, "socketpair: %s", strerror(errno));
	ATF_REQUIRE((fcntl(sv[0], F_GETFL) & O_NONBLOCK) != 0);
	close(sv[0]);
	close(sv[1]);
#else
	atf_tc_skip("needs a Linux seccomp filter to refuse accept4 and the "
	    "socket type flags");
#endif
}
