# sockcompat_atomics.m4 serial 3
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_ATOMICS
dnl The "native call is unusable" verdicts are written by whichever thread
dnl finds out first and read on every call, so they must be atomic to be
dnl free of data races.  Prefer C11 <stdatomic.h>, then the GCC/Clang
dnl __atomic builtins; without either, lib/sockcompat-verdict.h falls back to a
dnl volatile sig_atomic_t (see the comment there for why that is tolerable).
dnl Compile-and-link tests only, so cross-compiling needs no assumption.
dnl Result: sockcompat_cv_atomics (c11, builtin or none); C macro
dnl SOCKCOMPAT_ATOMICS_C11 or SOCKCOMPAT_ATOMICS_BUILTIN.
AC_DEFUN([gl_SOCKCOMPAT_ATOMICS],
[
  dnl lib/sockcompat-verdict.h's accessors are static inline: C99, which
  dnl gnulib assumes (and AC_PROG_CC asks for), so no AC_C_INLINE.
  AC_CACHE_CHECK([for atomic loads and stores], [sockcompat_cv_atomics],
    [AC_LINK_IFELSE([AC_LANG_PROGRAM([[
#if defined __STDC_NO_ATOMICS__ || !defined __STDC_VERSION__ || __STDC_VERSION__ < 201112L
# error no C11 atomics
#endif
#include <stdatomic.h>
static atomic_int v;
]], [[
  atomic_store_explicit (&v, 1, memory_order_relaxed);
  return atomic_load_explicit (&v, memory_order_relaxed) != 1;
]])],
       [sockcompat_cv_atomics=c11],
       [AC_LINK_IFELSE([AC_LANG_PROGRAM([[static int v;]], [[
  __atomic_store_n (&v, 1, __ATOMIC_RELAXED);
  return __atomic_load_n (&v, __ATOMIC_RELAXED) != 1;
]])],
          [sockcompat_cv_atomics=builtin],
          [sockcompat_cv_atomics=none])])])
  AS_CASE([$sockcompat_cv_atomics],
    [c11], [AC_DEFINE([SOCKCOMPAT_ATOMICS_C11], [1], [Define to 1 to use C11 <stdatomic.h>.])],
    [builtin], [AC_DEFINE([SOCKCOMPAT_ATOMICS_BUILTIN], [1], [Define to 1 to use the __atomic builtins.])])
])
