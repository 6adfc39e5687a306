// Pointers to the wrapper's members, and the free functions through
// pointers, in the same program.
#include "conn.hh"
#include "fid.h"

int main()
{
	int (Conn::*sock)() const = &Conn::socket;
	int (Conn::*acc)(int) = &Conn::accept4;
	int (*free_socket)(int, int, int) = &::socket;
	int l = fid_listener(AF_INET), c = fid_client(l);
	Conn conn(l);

	printf("through pointer: %d\n", (conn.*sock)() == l);
	fid_show("member accept4", (conn.*acc)(SOCK_CLOEXEC));
	fid_show("free socket", free_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	close(c);
	return 0;
}
