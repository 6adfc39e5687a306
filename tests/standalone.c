/*
 * The core behaviours of accept4, socket, socketpair and send with
 * MSG_NOSIGNAL through sockcompat, with no test framework: for builds that
 * have no ATF (musl here) and for cross builds run under qemu-user.
 * Linked against the library of one configuration; tests/matrix runs it
 * against the configured and the always-emulated builds.  Prints one line
 * per failure and a summary; exits 1 if anything failed.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sockcompat.h"

/* illumos has no O_ASYNC: FASYNC (<sys/file.h>) is its name for the bit. */
#ifndef O_ASYNC
# include <sys/file.h>
# ifdef FASYNC
#  define O_ASYNC FASYNC
# else
#  define O_ASYNC 0
# endif
#endif

static int passed, failed;

#define CHECK(cond, ...) do {						\
	if (cond)							\
		passed++;						\
	else {								\
		failed++;						\
		printf("FAIL %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	}								\
} while (0)

static const int all_flags[] = {
	0, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_CLOEXEC | SOCK_NONBLOCK
};

static struct sockaddr_in addr;

static int
listener(int fl)
{
	socklen_t len = sizeof addr;
	int l = socket(AF_INET, SOCK_STREAM, 0);

	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (l == -1 || bind(l, (struct sockaddr *)&addr, sizeof addr) == -1 ||
	    listen(l, 16) == -1 ||
	    getsockname(l, (struct sockaddr *)&addr, &len) == -1) {
		perror("standalone: listener");
		return -1;
	}
	if (fl)
		fcntl(l, F_SETFL, fcntl(l, F_GETFL) | fl);
	return l;
}

static int
client(void)
{
	int c = socket(AF_INET, SOCK_STREAM, 0);

	if (c != -1 && connect(c, (struct sockaddr *)&addr, sizeof addr) == -1) {
		close(c);
		c = -1;
	}
	return c;
}

static int
pending(int l)
{
	struct pollfd p = { l, POLLIN, 0 };

	return poll(&p, 1, 1000) == 1;
}

static int
flags_right(int fd, int flags)
{
	int fdf = fcntl(fd, F_GETFD), fl = fcntl(fd, F_GETFL);

	return fdf == ((flags & SOCK_CLOEXEC) ? FD_CLOEXEC : 0) &&
	    ((fl & O_NONBLOCK) != 0) == ((flags & SOCK_NONBLOCK) != 0) &&
	    !(fl & O_ASYNC);
}

static void
accept4_flags(int listener_fl)
{
	size_t i;
	int l = listener(listener_fl);

	for (i = 0; i < 4; i++) {
		struct sockaddr_in peer, local;
		socklen_t len = sizeof peer, llen = sizeof local;
		int c = client(), fd;

		CHECK(c != -1 && pending(l), "connect: %s", strerror(errno));
		fd = accept4(l, (struct sockaddr *)&peer, &len, all_flags[i]);
		CHECK(fd != -1, "accept4 flags %#x: %s", all_flags[i],
		    strerror(errno));
		if (fd == -1)
			continue;
		CHECK(flags_right(fd, all_flags[i]), "accept4 flags %#x, "
		    "listener %#x: F_GETFD %#x F_GETFL %#x", all_flags[i],
		    listener_fl, fcntl(fd, F_GETFD), fcntl(fd, F_GETFL));
		CHECK(len == sizeof peer && getsockname(c,
		    (struct sockaddr *)&local, &llen) == 0 &&
		    memcmp(&peer, &local, sizeof peer) == 0,
		    "address differs from the client's");
		close(fd);
		close(c);
	}
	close(l);
}

static void
accept4_errors(void)
{
	int l = listener(0), p[2], c, s;

	CHECK(accept4(-1, NULL, NULL, SOCK_CLOEXEC) == -1 && errno == EBADF,
	    "fd -1: %s", strerror(errno));
	CHECK(pipe(p) == 0 && accept4(p[0], NULL, NULL, 0) == -1 &&
	    errno == ENOTSOCK, "pipe: %s", strerror(errno));
	s = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(accept4(s, NULL, NULL, 0) == -1 && errno == EINVAL,
	    "not listening: %s", strerror(errno));
	c = client();
	CHECK(accept4(l, NULL, NULL, 0x40000000) == -1 && errno == EINVAL,
	    "unknown flag: %s", strerror(errno));
	CHECK(pending(l), "a refused call consumed the connection");
	fcntl(l, F_SETFL, O_NONBLOCK);
	close(accept4(l, NULL, NULL, 0));
	CHECK(accept4(l, NULL, NULL, 0) == -1 &&
	    (errno == EAGAIN || errno == EWOULDBLOCK), "empty: %s",
	    strerror(errno));
	close(c);
	close(s);
	close(p[0]);
	close(p[1]);
	close(l);
}

static void
sockets(void)
{
	size_t i;

	for (i = 0; i < 4; i++) {
		int s = sockcompat_socket(AF_INET, SOCK_STREAM | all_flags[i], 0);
		int sv[2], type = 0;
		socklen_t len = sizeof type;

		CHECK(s != -1 && flags_right(s, all_flags[i]),
		    "socket flags %#x", all_flags[i]);
		CHECK(getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
		    type == SOCK_STREAM, "SO_TYPE %d", type);
		close(s);
		CHECK(sockcompat_socketpair(AF_UNIX, SOCK_STREAM | all_flags[i],
		    0, sv) == 0 && flags_right(sv[0], all_flags[i]) &&
		    flags_right(sv[1], all_flags[i]), "socketpair flags %#x",
		    all_flags[i]);
		close(sv[0]);
		close(sv[1]);
	}
	CHECK(sockcompat_socket(AF_INET, 15 | SOCK_CLOEXEC, 0) == -1 &&
	    errno == EINVAL, "invalid type: %s", strerror(errno));
}

/*
 * MSG_NOSIGNAL, in a child with SIGPIPE at its default action: send,
 * sendto and sendmsg to a peer that has gone fail with EPIPE and the child
 * lives; a SIGPIPE pending before the call is still pending after it.
 * Returns a bit per failed check.
 */
static int
nosignal_child(void)
{
	struct iovec iov;
	struct msghdr msg;
	sigset_t set, pend;
	int sv[2], bad = 0;
	char c = 'x';

	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return 64;
	close(sv[1]);
	iov.iov_base = &c;
	iov.iov_len = 1;
	memset(&msg, 0, sizeof msg);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (sockcompat_send(sv[0], &c, 1, MSG_NOSIGNAL) != -1 || errno != EPIPE)
		bad |= 1;
	if (sockcompat_sendto(sv[0], &c, 1, MSG_NOSIGNAL, NULL, 0) != -1 ||
	    errno != EPIPE)
		bad |= 2;
#if !defined __sun || defined _XPG4_2
	/* illumos, Solaris: declared in the X/Open namespace only. */
	if (sockcompat_sendmsg(sv[0], &msg, MSG_NOSIGNAL) != -1 ||
	    errno != EPIPE)
		bad |= 4;
#endif
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGPIPE);
	(void)sockcompat_send(sv[0], &c, 1, MSG_NOSIGNAL);
	if (sigpending(&pend) != 0 || !sigismember(&pend, SIGPIPE))
		bad |= 8;
	return bad;
}

static void
nosignal(void)
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(nosignal_child());
	CHECK(pid != -1 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "MSG_NOSIGNAL: wait status %#x", st);
}

int
main(void)
{
	accept4_flags(0);
	accept4_flags(O_NONBLOCK);
	accept4_errors();
	sockets();
	nosignal();
	CHECK(sockcompat_accept_error(-1, EMFILE) == SOCKCOMPAT_ACCEPT_BACKOFF,
	    "EMFILE verdict");
	printf("standalone: %d passed, %d failed, 0 skipped\n", passed, failed);
	return failed != 0;
}
