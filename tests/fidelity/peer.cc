// A C++ connection wrapper whose members are called send and sendmsg and
// call the free functions with MSG_NOSIGNAL, as C++ servers wrap their
// sockets; a namespace has a send of its own.  Neither may be renamed.
#include "fid.h"
#include <sys/uio.h>
#include <string>

namespace wire {
// Not the socket call: a name a program may well use for its own.
static int send(const std::string &s) { return static_cast<int>(s.size()); }
}

class Peer {
public:
	explicit Peer(int fd) : fd_(fd) {}
	~Peer() { if (fd_ != -1) close(fd_); }
	ssize_t send(const std::string &s) const
	{
		return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL);
	}
	ssize_t sendmsg(const std::string &a, const std::string &b) const
	{
		struct iovec iov[2];
		struct msghdr msg;

		iov[0].iov_base = const_cast<char *>(a.data());
		iov[0].iov_len = a.size();
		iov[1].iov_base = const_cast<char *>(b.data());
		iov[1].iov_len = b.size();
		memset(&msg, 0, sizeof msg);
		msg.msg_iov = iov;
		msg.msg_iovlen = 2;
		return ::sendmsg(fd_, &msg, MSG_NOSIGNAL);
	}
private:
	int fd_;
	Peer(const Peer &);
	Peer &operator=(const Peer &);
};

int
main()
{
	int sv[2];
	char got[32];

	signal(SIGPIPE, SIG_DFL);
	FID_CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	fid_show("socketpair", sv[0]);
	{
		Peer p(sv[0]);

		printf("wire::send: %d\n", wire::send("abc"));
		printf("Peer::send: %d\n", static_cast<int>(p.send("ping")));
		printf("Peer::sendmsg: %d\n",
		    static_cast<int>(p.sendmsg("po", "ng")));
		memset(got, 0, sizeof got);
		FID_CHECK(recv(sv[1], got, sizeof got - 1, 0) > 0);
		close(sv[1]);
		ssize_t r = p.send("late");
		printf("Peer::send to a gone peer: %s\n",
		    r == -1 && errno == EPIPE ? "EPIPE" : "something else");
	}
	return 0;
}
