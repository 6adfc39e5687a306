// Plain C-style socket code compiled as C++.
#include "fid.h"

int main()
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int l = fid_listener(AF_INET), c = fid_client(l), sv[2];
	int fd = accept4(l, (struct sockaddr *)&sin, &len, SOCK_CLOEXEC);

	fid_show("accept4", fd);
	fid_result("socketpair", socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK,
	    0, sv));
	fid_show("pair[0]", sv[0]);
	close(c);
	return 0;
}
