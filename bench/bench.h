/*
 * What the benchmarks share: timing, medians, and the instruction counts
 * callgrind gives for a program's own --loop mode.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SC_BENCH_H
#define SC_BENCH_H

/* perror(WHAT), then exit(1). */
void bench_die(const char *what);
/* CLOCK_MONOTONIC, in nanoseconds. */
double bench_now_ns(void);
/* The median of the N values at V (which are sorted in place). */
double bench_median(double *v, int n);

/*
 * The loops callgrind measures, run by the benchmark as
 * "SELF --loop libc|shim N"; each program defines bench_loop_libc and
 * bench_loop_shim (not static, not inlined: callgrind counts inside them
 * only) over BENCH_LOOP_SHORT and BENCH_LOOP_LONG calls.
 */
#define BENCH_LOOP_SHORT 100
#define BENCH_LOOP_LONG 200
/*
 * User-space instructions per call of the libc and the shim loop: the
 * difference between the long and the short run, which cancels set-up.
 * 0, or -1 where valgrind's callgrind cannot be run.
 */
int bench_instructions(const char *self, double *per_libc, double *per_shim);

#endif
