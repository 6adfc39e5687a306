// extern "C" blocks: a C helper declared and defined with C linkage, and
// the calls qualified with :: as C++ code does.
#include "fid.h"

extern "C" {
static int c_helper(int l)
{
	return ::accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
}
}

extern "C" int make_pair(int sv[2]);
extern "C" int make_pair(int sv[2])
{
	return ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
}

int main()
{
	int sv[2];
	int l = fid_listener(AF_INET), c = fid_client(l);

	fid_show("c_helper", c_helper(l));
	fid_result("make_pair", make_pair(sv));
	fid_show("pair[1]", sv[1]);
	close(c);
	return 0;
}
