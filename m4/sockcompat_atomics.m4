# sockcompat_atomics.m4 serial 2
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl This file is free software, offered under either of two licences, at
dnl your choice (SPDX-License-Identifier: BSD-2-Clause OR LGPL-2.1-or-later):
dnl
dnl (a) The BSD 2-Clause licence.
dnl Redistribution and use in source and binary forms, with or without
dnl modification, are permitted provided that the following conditions
dnl are met:
dnl 1. Redistributions of source code must retain the above copyright
dnl    notice, this list of conditions and the following disclaimer.
dnl 2. Redistributions in binary form must reproduce the above copyright
dnl    notice, this list of conditions and the following disclaimer in the
dnl    documentation and/or other materials provided with the distribution.
dnl THIS SOFTWARE IS PROVIDED BY THE AUTHORS AND CONTRIBUTORS ``AS IS'' AND
dnl ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
dnl IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
dnl ARE DISCLAIMED.  IN NO EVENT SHALL THE AUTHORS OR CONTRIBUTORS BE LIABLE
dnl FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
dnl DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
dnl OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
dnl HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
dnl LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
dnl OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
dnl SUCH DAMAGE.
dnl
dnl (b) The GNU Lesser General Public License.
dnl This file is free software: you can redistribute it and/or modify
dnl it under the terms of the GNU Lesser General Public License as
dnl published by the Free Software Foundation; either version 2.1 of the
dnl License, or (at your option) any later version.
dnl This file is distributed in the hope that it will be useful,
dnl but WITHOUT ANY WARRANTY; without even the implied warranty of
dnl MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
dnl GNU Lesser General Public License for more details.
dnl You should have received a copy of the GNU Lesser General Public License
dnl along with this program.  If not, see <https://www.gnu.org/licenses/>.

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
  dnl lib/sockcompat-verdict.h's accessors are static inline; C89 compilers need a
  dnl spelling of "inline" (or none) from config.h.
  AC_REQUIRE([AC_C_INLINE])
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
