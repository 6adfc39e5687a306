/*
 * What the benchmarks share (bench.h).
 *
 * Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

void
bench_die(const char *what)
{
	perror(what);
	exit(1);
}

int
bench_args(int argc, char **argv, const char *name, const char *header,
    int (*loop)(const char *which, int n), int *quick, FILE **csv)
{
	int i;

	*quick = 0;
	*csv = NULL;
	if (argc == 4 && strcmp(argv[1], "--loop") == 0)
		return loop(argv[2], atoi(argv[3]));
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			*quick = 1;
		else if (strcmp(argv[i], "--csv") == 0 && i + 1 < argc &&
		    *csv == NULL) {
			if ((*csv = fopen(argv[++i], "w")) == NULL)
				bench_die(argv[i]);
			fprintf(*csv, "%s\n", header);
		} else {
			fprintf(stderr, "usage: %s [--quick] [--csv FILE]\n"
			    "       %s --loop libc|shim N\n", name, name);
			return 2;
		}
	}
	return -1;
}

double
bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Callgrind's instruction total inside bench_loop_WHICH for N calls, or
 * -1. */
static double
callgrind_total(const char *self, const char *which, int n)
{
	char cmd[1024], out[] = "/tmp/sc-callgrind.XXXXXX", line[256];
	double total = -1;
	FILE *f;
	int fd = mkstemp(out);

	if (fd == -1)
		return -1;
	close(fd);
	snprintf(cmd, sizeof cmd, "valgrind --tool=callgrind -q "
	    "--callgrind-out-file=%s --toggle-collect=bench_loop_%s "
	    "'%s' --loop %s %d >/dev/null 2>&1", out, which, self, which, n);
	if (system(cmd) == 0 && (f = fopen(out, "r")) != NULL) {
		while (fgets(line, sizeof line, f))
			if (strncmp(line, "totals:", 7) == 0 ||
			    strncmp(line, "summary:", 8) == 0)
				total = atof(strchr(line, ':') + 1);
		fclose(f);
	}
	unlink(out);
	return total;
}

int
bench_instructions(const char *self, double *per_libc, double *per_shim)
{
	const int n1 = BENCH_LOOP_SHORT, n2 = BENCH_LOOP_LONG;
	double l1 = callgrind_total(self, "libc", n1);
	double l2 = callgrind_total(self, "libc", n2);
	double s1 = callgrind_total(self, "shim", n1);
	double s2 = callgrind_total(self, "shim", n2);

	if (l1 < 0 || l2 < 0 || s1 < 0 || s2 < 0)
		return -1;
	*per_libc = (l2 - l1) / (n2 - n1);
	*per_shim = (s2 - s1) / (n2 - n1);
	return 0;
}
