/*
 * A framed reply gathered from a header and a body with sendmsg, as
 * message buses and proxies write it, then the same to a peer that has
 * gone, with MSG_NOSIGNAL, through sendmsg, sendto and send.  Strict
 * POSIX 2008, where MSG_NOSIGNAL is standard.
 */
#include "fid.h"
#include <sys/uio.h>

static void
gone(const char *what, ssize_t r)
{
	printf("%s to a gone peer: %s\n", what,
	    r == -1 && errno == EPIPE ? "EPIPE" : "something else");
}

int
main(void)
{
	char hdr[] = "LEN 5\n", body[] = "hello", got[32];
	struct iovec iov[2];
	struct msghdr msg;
	int sv[2];
	ssize_t n;

	signal(SIGPIPE, SIG_DFL);
	FID_CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	fid_show("socketpair", sv[0]);
	iov[0].iov_base = hdr;
	iov[0].iov_len = strlen(hdr);
	iov[1].iov_base = body;
	iov[1].iov_len = strlen(body);
	memset(&msg, 0, sizeof msg);
	msg.msg_iov = iov;
	msg.msg_iovlen = 2;
	n = sendmsg(sv[0], &msg, MSG_NOSIGNAL);
	printf("sendmsg: %d bytes\n", (int)n);
	memset(got, 0, sizeof got);
	FID_CHECK(recv(sv[1], got, sizeof got - 1, 0) == n);
	printf("received: %s\n", got);
	close(sv[1]);
	gone("sendmsg", sendmsg(sv[0], &msg, MSG_NOSIGNAL));
	gone("sendto", sendto(sv[0], body, 5, MSG_NOSIGNAL, NULL, 0));
	gone("send", send(sv[0], body, 5, MSG_NOSIGNAL));
	close(sv[0]);
	return 0;
}
