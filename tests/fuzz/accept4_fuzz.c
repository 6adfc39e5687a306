/*
 * libFuzzer harness: arbitrary flags, address lengths, listener states and
 * targets, each run through the C library's accept4 and through the
 * emulation; any observable difference aborts.  Built and run by
 * tests/fuzz/run.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#define SOCKCOMPAT_NO_RENAME 1

#include <sys/types.h>
#include <sys/socket.h>

#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sockcompat.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int families[] = { AF_INET, AF_INET6, AF_UNIX };
	struct sc_scenario s;
	struct sc_outcome native, emulated;
	uint32_t flags;

	if (size < 8)
		return 0;
	memset(&s, 0, sizeof s);
	s.name = "fuzz";
	s.target = (enum sc_target)(data[0] % SC_NTARGETS);
	s.family = families[data[1] % 3];
	s.listener_fl = ((data[2] & 1) ? O_NONBLOCK : 0) |
	    ((data[2] & 2) ? O_ASYNC : 0);
	s.listener_cloexec = (data[2] & 4) != 0;
	s.addr = (enum sc_addr)(data[3] % SC_NADDRS);
	s.given_len = data[4];
	/* Mostly the known flags, sometimes any bit at all. */
	memcpy(&flags, data + 4, sizeof flags);
	s.flags = (data[3] & 0x80) ? (int)flags :
	    (int)flags & (SOCK_CLOEXEC | SOCK_NONBLOCK);
	if (s.target == SC_EMPTY)
		s.listener_fl |= O_NONBLOCK;	/* else it would block */
	/* A listener with nothing pending and blocking would wait forever. */

	if (sc_run(&s, accept4, &native) == -1 ||
	    sc_run(&s, sockcompat_accept4, &emulated) == -1)
		return 0;
	if (sc_compare(&s, &native, &emulated) != 0)
		abort();
	return 0;
}
