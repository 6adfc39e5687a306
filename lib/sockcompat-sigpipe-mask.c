/*
 * MSG_NOSIGNAL where the system has none: SIGPIPE blocked in the calling
 * thread around the call, and the one the call raised taken back.
 *
 * Copyright (c) 2026 The sockcompat authors.
 *
 * This file is free software, offered under either of two licences, at
 * your choice (SPDX-License-Identifier: BSD-2-Clause OR LGPL-2.1-or-later):
 *
 * (a) The BSD 2-Clause licence.
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 * 1. Redistributions of source code must retain the above copyright
 *    notice, this list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright
 *    notice, this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * THIS SOFTWARE IS PROVIDED BY THE AUTHORS AND CONTRIBUTORS ``AS IS'' AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
 * ARE DISCLAIMED.  IN NO EVENT SHALL THE AUTHORS OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
 * OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
 * HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
 * LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
 * OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
 * SUCH DAMAGE.
 *
 * (b) The GNU Lesser General Public License.
 * This file is free software: you can redistribute it and/or modify
 * it under the terms of the GNU Lesser General Public License as
 * published by the Free Software Foundation; either version 2.1 of the
 * License, or (at your option) any later version.
 * This file is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU Lesser General Public License for more details.
 * You should have received a copy of the GNU Lesser General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#ifdef HAVE_PTHREAD_SIGMASK
# include <pthread.h>
#endif
#ifdef HAVE_SIGTIMEDWAIT
# include <time.h>
#endif

#include "sockcompat-internal.h"

/*
 * This relies on the kernel directing the SIGPIPE of a failed send at the
 * thread that called it (Linux: sk_stream_error, send_sig to current; see
 * doc/PLATFORMS.md, table G): blocked in this thread, it stays pending for
 * this thread, however other threads mask it.  Where a kernel signals the
 * process instead, another thread that leaves SIGPIPE unblocked could
 * take it; XNU does so, and macOS uses sockcompat-sigpipe-sockopt.c.
 *
 * pthread_sigmask where the C library has it without -pthread; otherwise
 * sigprocmask, the same call in a process with one thread.
 */
static int
mask_sigpipe(int how, const sigset_t *set, sigset_t *old)
{
#ifdef HAVE_PTHREAD_SIGMASK
	int err = pthread_sigmask(how, set, old);

	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
#else
	return sigprocmask(how, set, old);
#endif
}

static void
sigpipe_only(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGPIPE);
}

/*
 * Take back the SIGPIPE pending for this thread, without waiting: the
 * call that failed with EPIPE has raised it by the time it returns, or
 * has raised none (a socket with SO_NOSIGPIPE set), and then there is
 * nothing to take.  sigtimedwait with a zero timeout does both in one
 * call; without it (older systems), sigpending says whether sigwait would
 * return at once.  An interrupting handler does not end the wait early.
 */
static void
take_sigpipe(void)
{
	sigset_t set;
#ifdef HAVE_SIGTIMEDWAIT
	static const struct timespec now = { 0, 0 };

	sigpipe_only(&set);
	while (sigtimedwait(&set, NULL, &now) == -1 && errno == EINTR)
		continue;
#else
	sigset_t pending;
	int sig;

	sigpipe_only(&set);
	if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE))
		(void)sigwait(&set, &sig);
#endif
}

int
sockcompat_priv_sigpipe_hold(struct sockcompat_sigpipe_guard *guard, int fd)
{
	sigset_t set, pending;

	(void)fd;
	sigpipe_only(&set);
	if (mask_sigpipe(SIG_BLOCK, &set, &guard->mask) == -1)
		return -1;
	/*
	 * A SIGPIPE already pending (for this thread or for the process) is
	 * someone else's: it must still be delivered, so none is taken back
	 * after the call.  Standard signals do not queue, so the call's own
	 * adds nothing to it.  Only a thread that blocked SIGPIPE can have
	 * one pending (this one would have taken it), so only then is
	 * sigpending asked, as libpq's pq_block_sigpipe does.
	 */
	guard->state = 0;
	if (!sigismember(&guard->mask, SIGPIPE))
		return 0;
	if (sigpending(&pending) == -1)
		return -1;	/* nothing to undo: SIGPIPE was blocked */
	guard->state = sigismember(&pending, SIGPIPE);
	return 0;
}

void
sockcompat_priv_sigpipe_release(struct sockcompat_sigpipe_guard *guard,
    int fd, ssize_t result)
{
	int saved_errno = errno;
	sigset_t set;

	(void)fd;
	if (result == -1 && saved_errno == EPIPE && !guard->state)
		take_sigpipe();
	/* Unblock only what hold blocked: SIGPIPE, if it was not already. */
	if (!sigismember(&guard->mask, SIGPIPE)) {
		sigpipe_only(&set);
		(void)mask_sigpipe(SIG_UNBLOCK, &set, NULL);
	}
	errno = saved_errno;
}
