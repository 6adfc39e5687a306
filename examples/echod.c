/*
 * echod: a small portable TCP echo daemon, written the modern way --
 * socket(...|SOCK_CLOEXEC|SOCK_NONBLOCK), accept4(..., SOCK_CLOEXEC|
 * SOCK_NONBLOCK) -- with no #ifdef of its own.  Built against the
 * sockcompat overlay, it runs unchanged where the system lacks those.
 *
 *     cc $(pkg-config --cflags sockcompat-overlay) echod.c \
 *        $(pkg-config --libs sockcompat-overlay)
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_CLIENTS 1000
#define BUF_SIZE 4096
#define BACKOFF_MS 100		/* listener not polled after exhaustion */

struct client {
	int fd;
	size_t off, len;	/* data read but not yet written back */
	char buf[BUF_SIZE];
};

static int signal_fd = -1;	/* write end of the self-pipe */
static struct client clients[MAX_CLIENTS];
static int nclients;

static void
usage(FILE *f)
{
	fprintf(f, "usage: echod [-h] PORT\n"
	    "Echo TCP on 127.0.0.1:PORT (0: any free port, which is printed).\n"
	    "SIGUSR1 prints a status line; SIGTERM or SIGINT stop it.\n");
}

static void
on_signal(int sig)
{
	int saved_errno = errno;
	char c = (char)sig;
	ssize_t n;

	/* A full pipe already holds a pending signal, so a failed write loses
	 * nothing; the result is taken only because glibc's fortified
	 * write() (_FORTIFY_SOURCE) is warn_unused_result, which a (void) cast
	 * does not quiet. */
	n = write(signal_fd, &c, 1);
	(void)n;
	errno = saved_errno;
}

static int
parse_port(const char *s, unsigned short *port)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0 || v > 65535)
		return -1;
	*port = (unsigned short)v;
	return 0;
}

static int
open_listener(unsigned short port, unsigned short *bound)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int one = 1, l;

	l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (l == -1) {
		perror("echod: socket");
		return -1;
	}
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons(port);
	if (setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == -1 ||
	    bind(l, (struct sockaddr *)&sin, sizeof sin) == -1 ||
	    listen(l, 128) == -1 ||
	    getsockname(l, (struct sockaddr *)&sin, &len) == -1) {
		perror("echod: listen on 127.0.0.1");
		close(l);
		return -1;
	}
	*bound = ntohs(sin.sin_port);
	return l;
}

static void
drop_client(int i)
{
	close(clients[i].fd);
	clients[i] = clients[--nclients];
}

/* Read what the client sent and write it back; keep what does not fit. */
static void
serve_client(int i)
{
	struct client *c = &clients[i];
	ssize_t n;

	if (c->len == 0) {
		n = read(c->fd, c->buf, sizeof c->buf);
		if (n == 0 || (n == -1 && errno != EAGAIN &&
		    errno != EWOULDBLOCK && errno != EINTR)) {
			drop_client(i);
			return;
		}
		if (n <= 0)
			return;
		c->off = 0;
		c->len = (size_t)n;
	}
	n = write(c->fd, c->buf + c->off, c->len);
	if (n == -1) {
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
			drop_client(i);
		return;
	}
	c->off += (size_t)n;
	c->len -= (size_t)n;
}

/*
 * Accept everything pending.  Returns how long to leave the listener
 * alone: 0, or BACKOFF_MS when the system ran out of descriptors or
 * memory (retrying at once would only spin), or -1 if it is unusable.
 */
static int
accept_all(int l)
{
	while (nclients < MAX_CLIENTS) {
		int fd = accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

		if (fd == -1) {
			switch (sockcompat_accept_error(l, errno)) {
			case SOCKCOMPAT_ACCEPT_RETRY:
				continue;
			case SOCKCOMPAT_ACCEPT_WAIT:
				return 0;
			case SOCKCOMPAT_ACCEPT_BACKOFF:
				return BACKOFF_MS;
			default:
				perror("echod: accept4");
				return -1;
			}
		}
		clients[nclients].fd = fd;
		clients[nclients].off = clients[nclients].len = 0;
		nclients++;
	}
	return 0;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
print_status(void)
{
	int i, cloexec = 0, nonblock = 0;

	for (i = 0; i < nclients; i++) {
		if (fcntl(clients[i].fd, F_GETFD) & FD_CLOEXEC)
			cloexec++;
		if (fcntl(clients[i].fd, F_GETFL) & O_NONBLOCK)
			nonblock++;
	}
	printf("echod: clients %d cloexec %d nonblock %d\n", nclients, cloexec,
	    nonblock);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	static struct pollfd pfd[MAX_CLIENTS + 2];
	struct sigaction sa;
	unsigned short port, bound;
	int sp[2], l, i, running = 1, status = 0;
	long resume = 0;	/* while now_ms() < resume, leave l alone */

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		usage(stdout);
		return 0;
	}
	if (argc != 2 || parse_port(argv[1], &port) == -1) {
		if (argc == 2)
			fprintf(stderr, "echod: bad port '%s'\n", argv[1]);
		usage(stderr);
		return 2;
	}

	/* The self-pipe: signals become readable data for the poll loop. */
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0,
	    sp) == -1) {
		perror("echod: socketpair");
		return 1;
	}
	signal_fd = sp[1];
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGINT, &sa, NULL) == -1 ||
	    sigaction(SIGUSR1, &sa, NULL) == -1) {
		perror("echod: sigaction");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);

	if ((l = open_listener(port, &bound)) == -1)
		return 1;
	printf("echod: listening on 127.0.0.1:%u\n", (unsigned)bound);
	fflush(stdout);

	while (running) {
		int n = 0, lp = -1, first, polled, r, wait = -1, pause;

		pfd[n].fd = sp[0];
		pfd[n++].events = POLLIN;
		if (resume != 0) {
			wait = (int)(resume - now_ms());
			if (wait <= 0) {
				resume = 0;
				wait = -1;
			}
		}
		if (resume == 0 && nclients < MAX_CLIENTS) {
			lp = n;
			pfd[n].fd = l;
			pfd[n++].events = POLLIN;
		}
		first = n;
		polled = nclients;
		for (i = 0; i < nclients; i++) {
			pfd[n].fd = clients[i].fd;
			pfd[n++].events = clients[i].len ? POLLOUT : POLLIN;
		}
		r = poll(pfd, (nfds_t)n, wait);
		if (r == -1 && errno != EINTR) {
			perror("echod: poll");
			status = 1;
			break;
		}
		if (r <= 0)
			continue;
		if (pfd[0].revents) {
			char sig;

			while (read(sp[0], &sig, 1) == 1) {
				if (sig == SIGUSR1)
					print_status();
				else
					running = 0;
			}
		}
		/* From the back, so that drop_client's move of the last
		 * client into a freed slot only touches one already served. */
		for (i = polled - 1; i >= 0; i--)
			if (pfd[first + i].revents)
				serve_client(i);
		if (lp != -1 && pfd[lp].revents) {
			pause = accept_all(l);
			if (pause == -1) {
				status = 1;
				break;
			}
			if (pause > 0)
				resume = now_ms() + pause;
		}
	}

	while (nclients > 0)
		drop_client(nclients - 1);
	close(l);
	printf("echod: stopped\n");
	return status;
}
