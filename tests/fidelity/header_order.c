/* Headers in the order real programs happen to use: netinet first. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "fid.h"

int
main(void)
{
	int one = 1, l = fid_listener(AF_INET), c = fid_client(l), fd;

	fd = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	fid_show("accept4", fd);
	fid_result("TCP_NODELAY", setsockopt(fd, IPPROTO_TCP, TCP_NODELAY,
	    &one, sizeof one));
	close(c);
	return 0;
}
