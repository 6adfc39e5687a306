// Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
#include "conn.hh"

Conn::Conn(int fd) : fd_(fd) {}

int Conn::socket() const { return fd_; }

int Conn::accept4(int flags)
{
	return ::accept4(fd_, 0, 0, flags);
}

int Conn::socketpair(int sv[2])
{
	return ::socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
}

int net::socket(int family)
{
	return ::socket(family, SOCK_STREAM, 0);
}
