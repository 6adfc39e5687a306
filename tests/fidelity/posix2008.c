/* _POSIX_C_SOURCE=200809L: socket flags without accept4. */
#include "fid.h"

int
main(void)
{
	int sv[2];

	fid_show("socket", socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	fid_result("socketpair", socketpair(AF_UNIX, SOCK_SEQPACKET |
	    SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv));
	fid_show("pair[0]", sv[0]);
	fid_show("pair[1]", sv[1]);
	return 0;
}
