/* A program's own small wrapper around the calls, static and inline. */
#include "fid.h"

static int
xaccept(int l)
{
	return accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
}

static int
xsocket(int family)
{
	return socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

int
main(void)
{
	int l = fid_listener(AF_INET), c = fid_client(l);

	fid_show("xaccept", xaccept(l));
	fid_show("xsocket", xsocket(AF_INET));
	close(c);
	return 0;
}
