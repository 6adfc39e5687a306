# sockcompat_errorder.m4 serial 4
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_ERROR_ORDER
dnl accept4 with an unknown flag on a descriptor that is not open: which
dnl error comes first differs between systems, and sockcompat answers as
dnl the system's own accept4 does (the shim checks the flags itself, before
dnl anything is dequeued, so it has to choose).  Cygwin looks the
dnl descriptor up first, and NetBSD's paccept never checks the flags
dnl (EBADF); FreeBSD, OpenBSD, DragonFly, illumos and GNU/Hurd check the
dnl flags first (EINVAL), which is also what FreeBSD's accept4(2) documents
dnl and so the answer where the system has no accept4.  Linux changed in
dnl 5.5 (net/socket.c: __sys_accept4 looks the descriptor up before
dnl __sys_accept4_file checks the flags; before, the flags came first), and
dnl kernels on both sides run the same binaries, so there the running
dnl kernel is asked, once, on the bad-flags path only
dnl (lib/sockcompat-ebadf-first.c); without accept4 in the C library the
dnl current order is assumed.  No run test: decided by the host system, so
dnl cross builds agree.
dnl Result: sockcompat_cv_accept4_ebadf_first (yes, no or kernel); C macro
dnl SOCKCOMPAT_EBADF_FIRST (1, 0 or 2); shell variable sockcompat_ebadf_first
dnl (the same), for the conditional SOCKCOMPAT_EBADF_FIRST_PROBE that
dnl configure.ac and modules/sockcompat make.
AC_DEFUN([gl_SOCKCOMPAT_ERROR_ORDER],
[
  AC_REQUIRE([AC_CANONICAL_HOST])
  AC_REQUIRE([gl_SOCKCOMPAT_FUNC_ACCEPT4])
  AC_REQUIRE([gl_SOCKCOMPAT_ARG_EMULATION])
  AC_CACHE_CHECK([whether accept4 reports a bad descriptor before bad flags],
    [sockcompat_cv_accept4_ebadf_first],
    [AS_CASE([$host_os],
       [linux*],
         [AS_IF([test "$ac_cv_have_decl_accept4,$ac_cv_func_accept4" = yes,yes],
            [sockcompat_cv_accept4_ebadf_first=kernel],
            [sockcompat_cv_accept4_ebadf_first=yes])],
       [cygwin*|netbsd*], [sockcompat_cv_accept4_ebadf_first=yes],
       [sockcompat_cv_accept4_ebadf_first=no])])
  AS_CASE([$sockcompat_cv_accept4_ebadf_first],
    [yes], [sockcompat_ebadf_first=1],
    [kernel], [sockcompat_ebadf_first=2],
    [sockcompat_ebadf_first=0])
  dnl With emulation forced the native accept4 is never called, not even
  dnl to ask the kernel: the current kernels' order (EBADF) is taken.
  AS_IF([test "$sockcompat_ebadf_first,$sockcompat_emulation" = 2,always],
    [sockcompat_ebadf_first=1])
  AC_DEFINE_UNQUOTED([SOCKCOMPAT_EBADF_FIRST], [$sockcompat_ebadf_first],
    [Define to 1 if accept4 with bad flags on a descriptor that is not open
     says EBADF, to 0 if it says EINVAL, to 2 if the running kernel decides.])
])
