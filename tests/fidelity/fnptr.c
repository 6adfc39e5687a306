/* Function pointers to the calls, as dispatch tables and test doubles do. */
#include "fid.h"

static int (*make_socket)(int, int, int) = socket;
static int (*make_pair)(int, int, int, int[2]) = socketpair;
static __typeof__(accept4) *do_accept = accept4;

int
main(void)
{
	int sv[2], l, c;

	fid_show("socket", make_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	fid_result("socketpair", make_pair(AF_UNIX,
	    SOCK_STREAM | SOCK_NONBLOCK, 0, sv));
	fid_show("pair[0]", sv[0]);
	fid_show("pair[1]", sv[1]);
	l = fid_listener(AF_INET);
	c = fid_client(l);
	fid_show("accept4", do_accept(l, NULL, NULL, SOCK_CLOEXEC));
	printf("same function: %d\n", do_accept == accept4);
	close(c);
	return 0;
}
