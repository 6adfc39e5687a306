/* The common idiom: a cast to struct sockaddr *, both type flags. */
#include "fid.h"

int
main(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int l = fid_listener(AF_INET), c = fid_client(l);
	int fd = accept4(l, (struct sockaddr *)&sin, &len,
	    SOCK_CLOEXEC | SOCK_NONBLOCK);

	fid_show("accept4", fd);
	printf("family=%d len=%d\n", sin.sin_family, (int)len);
	close(c);
	return 0;
}
