/* IPv6 with a sockaddr_in6 and no cast; says so if there is no ::1. */
#include "fid.h"

int
main(void)
{
	struct sockaddr_in6 a6, peer;
	socklen_t len = sizeof peer;
	int l = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0), c, fd;

	memset(&a6, 0, sizeof a6);
	a6.sin6_family = AF_INET6;
	a6.sin6_addr = in6addr_loopback;
	if (l == -1 || bind(l, &a6, sizeof a6) != 0) {
		printf("no IPv6 loopback\n");
		return 0;
	}
	FID_CHECK(listen(l, 1) == 0);
	fid_show("listener", l);
	c = fid_client(l);
	fd = accept4(l, &peer, &len, 0);
	fid_show("accept4", fd);
	printf("family=%d len=%d\n", peer.sin6_family, (int)len);
	close(c);
	return 0;
}
