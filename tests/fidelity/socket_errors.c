/* The errors socket() and socketpair() give, with and without flags. */
#include "fid.h"

int
main(void)
{
	int sv[2] = { -7, -7 };

	fid_result("bad domain", socket(-1, SOCK_STREAM | SOCK_CLOEXEC, 0));
	fid_result("bad type", socket(AF_INET, 77 | SOCK_NONBLOCK, 0));
	fid_result("bad protocol", socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC,
	    9999));
	fid_result("pair, inet", socketpair(AF_INET, SOCK_STREAM |
	    SOCK_CLOEXEC, 0, sv));
	printf("sv untouched: %d %d\n", sv[0] == -7, sv[1] == -7);
	return 0;
}
