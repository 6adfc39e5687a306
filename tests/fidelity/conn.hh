// A C++ socket wrapper of the kind libraries ship: its members share the
// names of the calls.  conn.cc is compiled once, WITHOUT the overlay, as a
// library built elsewhere would be; the programs using it may use the
// overlay.  Nothing the overlay does may change these members' names.
//
// Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
#ifndef CONN_HH
#define CONN_HH

#include <sys/types.h>
#include <sys/socket.h>

class Conn {
public:
	explicit Conn(int fd);
	int socket() const;
	int accept4(int flags);
	static int socketpair(int sv[2]);
private:
	int fd_;
};

namespace net {
int socket(int family);
}

#endif
