/* _XOPEN_SOURCE=700: the X/Open namespace, socket and socketpair flags. */
#include "fid.h"

int
main(void)
{
	int sv[2];

	fid_show("socket", socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0));
	fid_result("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	fid_show("pair[0]", sv[0]);
	return 0;
}
