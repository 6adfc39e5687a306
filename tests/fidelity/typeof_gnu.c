/* GNU C: __typeof__ of the calls, and a transparent-union bind and accept4. */
#include "fid.h"

int
main(void)
{
	__typeof__(socket) *mk = socket;
	__typeof__(&accept4) acc = &accept4;
	struct sockaddr_in a, peer;
	socklen_t len = sizeof peer;
	int l = mk(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), c;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	FID_CHECK(bind(l, &a, sizeof a) == 0);
	FID_CHECK(listen(l, 1) == 0);
	c = fid_client(l);
	fid_show("accept4", acc(l, &peer, &len, SOCK_NONBLOCK));
	printf("len=%d\n", (int)len);
	close(c);
	return 0;
}
