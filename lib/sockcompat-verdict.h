/*
 * A process-wide verdict on a native call: not yet known, usable, or
 * unusable.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
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
# define SOCKCOMPAT_VERDICT_LOAD(v) atomic_load_explicit((v), memory_order_relaxed)
# define SOCKCOMPAT_VERDICT_STORE(v, x) \
	atomic_store_explicit((v), (x), memory_order_relaxed)
#elif defined SOCKCOMPAT_ATOMICS_BUILTIN
typedef int sockcompat_verdict;
# define SOCKCOMPAT_VERDICT_LOAD(v) __atomic_load_n((v), __ATOMIC_RELAXED)
# define SOCKCOMPAT_VERDICT_STORE(v, x) __atomic_store_n((v), (x), __ATOMIC_RELAXED)
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
