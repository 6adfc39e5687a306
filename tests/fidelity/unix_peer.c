/* AF_UNIX, no cast: an unbound client's address is just the family. */
#include "fid.h"

int
main(void)
{
	struct sockaddr_un sun_addr, peer;
	socklen_t len = sizeof peer;
	int l, c, fd;

	memset(&sun_addr, 0, sizeof sun_addr);
	sun_addr.sun_family = AF_UNIX;
	strcpy(sun_addr.sun_path, "fid.sock");
	unlink(sun_addr.sun_path);
	l = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	FID_CHECK(l != -1);
	FID_CHECK(bind(l, &sun_addr, sizeof sun_addr) == 0);
	FID_CHECK(listen(l, 1) == 0);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	FID_CHECK(connect(c, &sun_addr, sizeof sun_addr) == 0);
	fd = accept4(l, &peer, &len, SOCK_CLOEXEC | SOCK_NONBLOCK);
	fid_show("listener", l);
	fid_show("accept4", fd);
	printf("family=%d len=%d\n", peer.sun_family, (int)len);
	unlink(sun_addr.sun_path);
	return 0;
}
