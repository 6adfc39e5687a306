/* The errors socket() and socketpair() give, with and without flags. */
#include "fid.h"

int
main(void)
{
	int sv[2];

	fid_result("bad domain", socket(-1, SOCK_STREAM | SOCK_CLOEXEC, 0));
	fid_result("bad type", socket(AF_INET, 77 | SOCK_NONBLOCK, 0));
	fid_result("bad protocol", socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC,
	    9999));
	fid_result("pair, inet", socketpair(AF_INET, SOCK_STREAM |
	    SOCK_CLOEXEC, 0, sv));
	/*
	 * Not compared: what a failed socketpair leaves in sv.  Linux writes
	 * the two descriptor numbers it reserved before it finds that the
	 * family has no socketpair (net/socket.c, __sys_socketpair);
	 * sockcompat_socketpair writes sv only on success.
	 */
	return 0;
}
