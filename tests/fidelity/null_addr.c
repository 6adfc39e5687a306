/* No address wanted: NULL and NULL. */
#include "fid.h"

int
main(void)
{
	int l = fid_listener(AF_INET), c = fid_client(l);

	fid_show("accept4", accept4(l, NULL, NULL, SOCK_NONBLOCK));
	close(c);
	c = fid_client(l);
	fid_show("accept4 flags 0", accept4(l, NULL, NULL, 0));
	close(c);
	return 0;
}
