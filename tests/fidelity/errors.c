/* The errors a daemon sees from accept4, by number. */
#include "fid.h"

int
main(void)
{
	int p[2], l, bound;
	struct sockaddr_in a;

	fid_result("fd -1", accept4(-1, NULL, NULL, 0));
	fid_result("fd -1, unknown flag", accept4(-1, NULL, NULL, 0x1000));
	FID_CHECK(pipe(p) == 0);
	fid_result("pipe", accept4(p[0], NULL, NULL, SOCK_CLOEXEC));
	bound = socket(AF_INET, SOCK_STREAM, 0);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	FID_CHECK(bind(bound, (struct sockaddr *)&a, sizeof a) == 0);
	fid_result("not listening", accept4(bound, NULL, NULL, 0));
	l = fid_listener(AF_INET);
	fid_result("unknown flag", accept4(l, NULL, NULL, 0x1000));
	fid_result("datagram", accept4(socket(AF_INET, SOCK_DGRAM, 0), NULL,
	    NULL, 0));
	return 0;
}
