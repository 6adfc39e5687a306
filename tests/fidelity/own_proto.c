/*
 * Strict POSIX namespace, where the C library declares no accept4: the
 * program declares it itself, as code written for older systems does.
 */
#include "fid.h"

int accept4(int, struct sockaddr *, socklen_t *, int);

int
main(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int l = fid_listener(AF_INET), c = fid_client(l);

	fid_show("accept4", accept4(l, (struct sockaddr *)&sin, &len,
	    SOCK_NONBLOCK));
	close(c);
	return 0;
}
