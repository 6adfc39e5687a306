/* Old code that keeps the length in an int and casts its address. */
#include "fid.h"

int
main(void)
{
	struct sockaddr_in sin;
	int len = (int)sizeof sin;
	int l = fid_listener(AF_INET), c = fid_client(l);
	int fd = accept4(l, (struct sockaddr *)&sin, (socklen_t *)&len,
	    SOCK_CLOEXEC);

	fid_show("accept4", fd);
	printf("len=%d\n", len);
	close(c);
	return 0;
}
