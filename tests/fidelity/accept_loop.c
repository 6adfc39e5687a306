/* A daemon's loop: poll a non-blocking listener, accept until EAGAIN. */
#include <poll.h>
#include "fid.h"

int
main(void)
{
	int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	struct sockaddr_in a;
	struct pollfd p;
	int clients[3], i, accepted = 0, fd;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	FID_CHECK(bind(l, (struct sockaddr *)&a, sizeof a) == 0);
	FID_CHECK(listen(l, 8) == 0);
	for (i = 0; i < 3; i++)
		clients[i] = fid_client(l);
	p.fd = l;
	p.events = POLLIN;
	FID_CHECK(poll(&p, 1, 5000) == 1);
	for (i = 0; i < 10; i++) {
		fd = accept4(l, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd == -1) {
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				if (accepted == 3)
					break;
				FID_CHECK(poll(&p, 1, 5000) == 1);
				continue;
			}
			fid_result("accept4", -1);
			break;
		}
		accepted++;
		fid_show("accepted", fd);
	}
	printf("accepted %d, then EAGAIN\n", accepted);
	for (i = 0; i < 3; i++)
		close(clients[i]);
	return 0;
}
