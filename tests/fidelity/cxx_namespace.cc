// Functions named socket in namespaces and classes, beside ::socket.
#include "fid.h"

namespace app {
	static int socket(int n) { return n * 2; }
	struct Pool {
		int socketpair(int a) const { return a + 1; }
	};
}

int main()
{
	app::Pool pool;

	printf("app::socket(21)=%d\n", app::socket(21));
	printf("Pool::socketpair(41)=%d\n", pool.socketpair(41));
	fid_show("::socket", ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
	return 0;
}
