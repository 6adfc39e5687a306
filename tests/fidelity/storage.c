/* A sockaddr_storage, as protocol-independent servers use. */
#include "fid.h"

int
main(void)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int l = fid_listener(AF_INET), c = fid_client(l);
	int fd = accept4(l, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);

	fid_show("accept4", fd);
	printf("family=%d len=%d\n", ss.ss_family, (int)len);
	close(c);
	return 0;
}
