/* _FORTIFY_SOURCE=3 with optimisation: accept4 and a checked recv. */
#include "fid.h"

int
main(void)
{
	char buf[16];
	int l = fid_listener(AF_INET), c = fid_client(l);
	int fd = accept4(l, NULL, NULL, SOCK_NONBLOCK);
	ssize_t n;

	fid_show("accept4", fd);
	n = recv(fd, buf, sizeof buf, 0);
	printf("recv with nothing sent: %d errno-is-EAGAIN=%d\n", (int)n,
	    n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK));
	FID_CHECK(write(c, "hello", 5) == 5);
	close(c);
	return 0;
}
