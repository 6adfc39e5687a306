/* Struct members that share the names: a field and a function pointer. */
#include "fid.h"

struct server {
	int socket;
	int (*accept4)(int, struct sockaddr *, socklen_t *, int);
	int (*socketpair)(int, int, int, int *);
};

static int
counting_accept4(int l, struct sockaddr *a, socklen_t *n, int flags)
{
	printf("through the member\n");
	return accept4(l, a, n, flags);
}

int
main(void)
{
	struct server srv;
	int c;

	srv.socket = fid_listener(AF_INET);
	srv.accept4 = counting_accept4;
	srv.socketpair = 0;
	c = fid_client(srv.socket);
	fid_show("accept4", srv.accept4(srv.socket, NULL, NULL, SOCK_CLOEXEC));
	printf("member pointer unset: %d\n", srv.socketpair == 0);
	close(c);
	return 0;
}
