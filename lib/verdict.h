/*
 * A process-wide "the native call is unusable" verdict.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 *
 * A verdict only ever goes from 0 (try the native call) to 1 (never again),
 * and guards no other data, so relaxed ordering is enough: a thread that
 * still reads 0 makes one more native attempt and reaches the same verdict.
 * Reading it must cost no more than a plain load, hence inline functions.
 */
#ifndef SOCKCOMPAT_VERDICT_H
#define SOCKCOMPAT_VERDICT_H

#if defined SC_ATOMICS_C11
# include <stdatomic.h>

typedef atomic_int sc_verdict;

static inline int
sc_verdict_unusable(sc_verdict *v)
{
	return atomic_load_explicit(v, memory_order_relaxed);
}

static inline void
sc_verdict_set_unusable(sc_verdict *v)
{
	atomic_store_explicit(v, 1, memory_order_relaxed);
}

#elif defined SC_ATOMICS_BUILTIN

typedef int sc_verdict;

static inline int
sc_verdict_unusable(sc_verdict *v)
{
	return __atomic_load_n(v, __ATOMIC_RELAXED);
}

static inline void
sc_verdict_set_unusable(sc_verdict *v)
{
	__atomic_store_n(v, 1, __ATOMIC_RELAXED);
}

#else
/*
 * No atomics (pre-C11 compilers other than GCC and Clang).  A volatile
 * sig_atomic_t is read and written whole on every system that has one;
 * concurrent writers only ever store the same value, so the worst outcome
 * of the formal race is one extra native attempt.
 */
# include <signal.h>

typedef volatile sig_atomic_t sc_verdict;

static inline int
sc_verdict_unusable(sc_verdict *v)
{
	return *v;
}

static inline void
sc_verdict_set_unusable(sc_verdict *v)
{
	*v = 1;
}
#endif

#endif /* SOCKCOMPAT_VERDICT_H */
