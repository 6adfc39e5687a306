/* A buffer too small for the address: truncated, length says the truth. */
#include "fid.h"

int
main(void)
{
	unsigned char buf[sizeof(struct sockaddr_in)];
	socklen_t len = 4;
	int l = fid_listener(AF_INET), c = fid_client(l), fd;

	memset(buf, 0xa5, sizeof buf);
	fd = accept4(l, (struct sockaddr *)buf, &len, 0);
	fid_show("accept4", fd);
	printf("len=%d canary=%d\n", (int)len, buf[4] == 0xa5);
	close(c);
	return 0;
}
