/* socketpair with every combination of the flags: both ends get them. */
#include "fid.h"

int
main(void)
{
	static const int flags[] = { 0, SOCK_CLOEXEC, SOCK_NONBLOCK,
	    SOCK_CLOEXEC | SOCK_NONBLOCK };
	unsigned i;

	for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		int sv[2];

		if (socketpair(AF_UNIX, SOCK_STREAM | flags[i], 0, sv) != 0) {
			fid_result("socketpair", -1);
			continue;
		}
		printf("combination %u\n", i);
		fid_show("  end 0", sv[0]);
		fid_show("  end 1", sv[1]);
		close(sv[0]);
		close(sv[1]);
	}
	return 0;
}
