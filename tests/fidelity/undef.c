/* A program that #undefs the names, as some do to defeat libc macros. */
#include "fid.h"
#undef accept4
#undef socket
#undef socketpair

int
main(void)
{
	int sv[2], l, c;

	fid_show("socket", socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0));
	fid_result("socketpair", socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC,
	    0, sv));
	fid_show("pair[1]", sv[1]);
	l = fid_listener(AF_INET);
	c = fid_client(l);
	fid_show("accept4", accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK));
	close(c);
	return 0;
}
