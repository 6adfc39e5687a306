/*
 * What the benchmarks share: timing, medians, and the instruction counts
 * callgrind gives for a program's own --loop mode.
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#ifndef SC_BENCH_H
#define SC_BENCH_H

#include <stdio.h>

/* perror(WHAT), then exit(1). */
void bench_die(const char *what);
/*
 * The command line every driver takes: "NAME [--quick] [--csv FILE]", or
 * "NAME --loop libc|shim N" for the instruction counts, which LOOP runs.
 * Returns -1 when the driver is to go on, with *QUICK set and *CSV open on
 * FILE with the line HEADER written (or NULL); otherwise the status main
 * returns: LOOP's, or 2 after a usage message.
 */
int bench_args(int argc, char **argv, const char *name, const char *header,
    int (*loop)(const char *which, int n), int *quick, FILE **csv);
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
