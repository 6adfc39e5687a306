/*
 * A process-wide verdict on a native call: not yet known, usable, or
 * unusable.
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
 *
 * A verdict is written only when a native call has proved itself (it
 * worked, or a probe showed that it exists) or been refused, and guards no
 * other data, so relaxed ordering is enough: a thread that still reads
 * "unknown" makes one more careful native attempt and reaches the same
 * verdict.  Reading it costs one plain load, hence inline functions.
 */
#ifndef SOCKCOMPAT_VERDICT_H
#define SOCKCOMPAT_VERDICT_H

#define SOCKCOMPAT_VERDICT_UNKNOWN 0
#define SOCKCOMPAT_VERDICT_USABLE 1
#define SOCKCOMPAT_VERDICT_UNUSABLE 2

#if defined SOCKCOMPAT_ATOMICS_C11
# include <stdatomic.h>
typedef atomic_int sockcompat_verdict;
# define SOCKCOMPAT_VERDICT_LOAD(v) \
	atomic_load_explicit((v), memory_order_relaxed)
# define SOCKCOMPAT_VERDICT_STORE(v, x) \
	atomic_store_explicit((v), (x), memory_order_relaxed)
#elif defined SOCKCOMPAT_ATOMICS_BUILTIN
typedef int sockcompat_verdict;
# define SOCKCOMPAT_VERDICT_LOAD(v) __atomic_load_n((v), __ATOMIC_RELAXED)
# define SOCKCOMPAT_VERDICT_STORE(v, x) \
	__atomic_store_n((v), (x), __ATOMIC_RELAXED)
#else
/*
 * No atomics (pre-C11 compilers other than GCC and Clang).  A volatile
 * sig_atomic_t is read and written whole on every system that has one,
 * and concurrent writers store the same answer, so the worst outcome of
 * the formal race is one extra careful native attempt.
 */
# include <signal.h>
typedef volatile sig_atomic_t sockcompat_verdict;
# define SOCKCOMPAT_VERDICT_LOAD(v) (*(v))
# define SOCKCOMPAT_VERDICT_STORE(v, x) (*(v) = (x))
#endif

static inline int
sockcompat_verdict_load(sockcompat_verdict *v)
{
	return SOCKCOMPAT_VERDICT_LOAD(v);
}

static inline void
sockcompat_verdict_store(sockcompat_verdict *v, int value)
{
	SOCKCOMPAT_VERDICT_STORE(v, value);
}

#endif /* SOCKCOMPAT_VERDICT_H */
