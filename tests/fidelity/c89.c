/* Old-style C89 daemon code: declarations first, casts everywhere. */
#include "fid.h"

int
main(void)
{
	struct sockaddr_in sin;
	socklen_t len;
	int l, c, fd, sv[2];

	l = fid_listener(AF_INET);
	c = fid_client(l);
	len = sizeof sin;
	fd = accept4(l, (struct sockaddr *)&sin, &len, SOCK_CLOEXEC);
	fid_show("accept4", fd);
	fid_result("socketpair", socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC,
	    0, sv));
	fid_show("pair[0]", sv[0]);
	close(c);
	return 0;
}
