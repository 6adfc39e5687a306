// A program using a separately compiled wrapper class whose members are
// named socket, accept4 and socketpair, and the free calls as well.
#include "conn.hh"
#include "fid.h"

int main()
{
	int l = fid_listener(AF_INET), c = fid_client(l);
	Conn conn(l);
	int sv[2];

	printf("member socket() is the listener: %d\n", conn.socket() == l);
	fid_show("member accept4", conn.accept4(0));
	fid_result("static member socketpair", Conn::socketpair(sv));
	fid_show("net::socket", net::socket(AF_INET));
	close(c);
	c = fid_client(l);
	fid_show("free accept4", ::accept4(l, 0, 0, SOCK_CLOEXEC));
	fid_show("free socket", ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	close(c);
	return 0;
}
