# sockcompat_socklen.m4 serial 4
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_TYPE_SOCKLEN_T
dnl sockcompat.h promises a socklen_t.  Whether the system has one, and what
dnl to use where it does not (int on 4.3BSD, whatever getpeername takes
dnl elsewhere), is gnulib's gl_TYPE_SOCKLEN_T, reused as is; this macro only
dnl records the answer for the generated header and measures the width, which
dnl the tests compare with what the header gives.
dnl Results: ac_cv_type_socklen_t, gl_cv_socklen_t_equiv, ac_cv_sizeof_socklen_t.
AC_DEFUN([gl_SOCKCOMPAT_TYPE_SOCKLEN_T],
[
  AC_REQUIRE([gl_TYPE_SOCKLEN_T])
  if test "$ac_cv_type_socklen_t" = yes; then
    SOCKCOMPAT_HAVE_SOCKLEN_T=1
    SOCKCOMPAT_SOCKLEN_T=socklen_t
  else
    SOCKCOMPAT_HAVE_SOCKLEN_T=0
    SOCKCOMPAT_SOCKLEN_T=$gl_cv_socklen_t_equiv
  fi
  AC_SUBST([SOCKCOMPAT_HAVE_SOCKLEN_T])
  AC_SUBST([SOCKCOMPAT_SOCKLEN_T])
  dnl gnulib's own includes for it: <ws2tcpip.h> on native Windows,
  dnl which has no <sys/socket.h>.
  AC_CHECK_SIZEOF([socklen_t], [], [gl_SOCKET_HEADERS])
])
