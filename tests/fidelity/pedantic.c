/* The same daemon code under a strict ISO standard with -pedantic-errors. */
#include "fid.h"

int
main(void)
{
	int l = fid_listener(AF_INET);
	int c = fid_client(l);
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int fd = accept4(l, (struct sockaddr *)&sin, &len,
	    SOCK_CLOEXEC | SOCK_NONBLOCK);
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	fid_show("accept4", fd);
	fid_show("socket", s);
	close(c);
	return 0;
}
