/*
 * A daemon's write loop to a client that has gone: accept4 the client,
 * the client resets the connection, and the daemon keeps writing with
 * MSG_NOSIGNAL until the error tells it so.  SIGPIPE is at its default
 * action: a send that raised it would end the program, and the exit
 * status would differ.
 */
#include "fid.h"

int
main(void)
{
	static char chunk[4096];
	struct linger lg;
	int l = fid_listener(AF_INET), c = fid_client(l), fd, i;
	ssize_t n = 0;

	signal(SIGPIPE, SIG_DFL);
	fd = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	fid_show("accept4", fd);
	lg.l_onoff = 1;
	lg.l_linger = 0;
	FID_CHECK(setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == 0);
	close(c);
	/* Bounded: the reset is seen within a few sends. */
	for (i = 0; i < 1000; i++) {
		n = send(fd, chunk, sizeof chunk, MSG_NOSIGNAL);
		if (n == -1)
			break;
		usleep(1000);
	}
	if (n == -1 && (errno == EPIPE || errno == ECONNRESET))
		printf("write loop: the peer has gone, the daemon lives\n");
	else
		printf("write loop: no error after %d sends (errno %d)\n", i,
		    errno);
	close(fd);
	close(l);
	return 0;
}
