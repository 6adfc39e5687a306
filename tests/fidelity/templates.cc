// A template over the address type, as C++ servers write accept helpers.
#include "fid.h"

template <typename Addr>
static int accept_as(int l, Addr *a, int flags)
{
	socklen_t n = sizeof *a;
	int fd = accept4(l, reinterpret_cast<struct sockaddr *>(a), &n, flags);
	printf("len=%d\n", static_cast<int>(n));
	return fd;
}

template <int Flags>
struct Maker {
	static int make() { return socket(AF_INET, SOCK_STREAM | Flags, 0); }
};

int main()
{
	struct sockaddr_in sin;
	struct sockaddr_storage ss;
	int l = fid_listener(AF_INET), c1 = fid_client(l), c2 = fid_client(l);

	fid_show("in", accept_as(l, &sin, SOCK_CLOEXEC));
	fid_show("storage", accept_as(l, &ss, SOCK_NONBLOCK));
	fid_show("Maker<CLOEXEC>", Maker<SOCK_CLOEXEC>::make());
	close(c1);
	close(c2);
	return 0;
}
