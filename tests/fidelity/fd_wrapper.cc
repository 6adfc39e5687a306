// A C++ wrapper around descriptor passing, as toolkits write them: a class
// whose member is named recvmsg, an overload set in a namespace, and the
// free ::recvmsg called from both.  Built with the routing forced on (see
// programs), where it must leave the member and the namespace alone.
#include "rights.h"

namespace ipc {
class Channel {
public:
	explicit Channel(int fd) : fd_(fd) {}
	// Same name as the system call, as a member: not routed.
	int recvmsg(int *fds, int max)
	{
		union {
			struct cmsghdr align;
			unsigned char buf[CMSG_SPACE(sizeof(int) * RIGHTS_MAX)];
		} ctl;
		msghdr msg;
		iovec iov;
		char byte;
		int n = 0;

		memset(&msg, 0, sizeof msg);
		iov.iov_base = &byte;
		iov.iov_len = 1;
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		msg.msg_control = ctl.buf;
		msg.msg_controllen = sizeof ctl.buf;
		if (::recvmsg(fd_, &msg, MSG_CMSG_CLOEXEC) != 1)
			return -1;
		for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c != 0;
		    c = CMSG_NXTHDR(&msg, c)) {
			if (c->cmsg_level != SOL_SOCKET ||
			    c->cmsg_type != SCM_RIGHTS)
				continue;
			int k = int((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
			for (int i = 0; i < k && n < max; i++)
				memcpy(&fds[n++],
				    CMSG_DATA(c) + i * sizeof(int), sizeof(int));
		}
		return n;
	}
private:
	int fd_;
};

// A namespace-scope function of the same name: not routed either.
inline int recvmsg(Channel &ch, int *fds, int max) { return ch.recvmsg(fds, max); }
}

int main()
{
	int sv[2], fds[RIGHTS_MAX], n, i;

	FID_CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	ipc::Channel ch(sv[1]);
	rights_send(sv[0], 0, 4, 1);
	n = ipc::recvmsg(ch, fds, RIGHTS_MAX);
	rights_show("namespace recvmsg", fds, n < 0 ? 0 : n);
	for (i = 0; i < n; i++)
		close(fds[i]);
	rights_send(sv[0], 0, 3, 2);
	n = ch.recvmsg(fds, RIGHTS_MAX);
	rights_show("member recvmsg", fds, n < 0 ? 0 : n);
	for (i = 0; i < n; i++)
		close(fds[i]);
	// The function's address is the routed one where routing is on.
	ssize_t (*fp)(int, msghdr *, int) = ::recvmsg;
	printf("address of recvmsg taken: %d\n", fp != 0);
	return 0;
}
