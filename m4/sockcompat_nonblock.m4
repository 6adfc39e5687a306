# sockcompat_nonblock.m4 serial 4
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_NONBLOCK_METHOD
dnl How does this system make a descriptor non-blocking?  POSIX has
dnl fcntl(F_SETFL, O_NONBLOCK); System V had O_NDELAY and 4.3BSD FNDELAY for
dnl the same fcntl call; the oldest systems only have ioctl(FIONBIO).  The
dnl fcntl spellings share lib/sockcompat-nonblock-fcntl.c (the flag is SOCKCOMPAT_O_NONBLOCK in
dnl config.h); ioctl(FIONBIO) is lib/sockcompat-nonblock-ioctl.c, which also needs
dnl FIOASYNC to clear an inherited O_ASYNC.
dnl Native Windows has none of them for a C runtime descriptor; Winsock's
dnl ioctlsocket(FIONBIO) on the handle behind it is the way there
dnl (lib/sockcompat-nonblock-winsock.c, as gnulib's lib/nonblocking.c).
dnl Results: ac_cv_have_decl_O_NONBLOCK, ac_cv_have_decl_O_NDELAY,
dnl ac_cv_have_decl_FNDELAY, ac_cv_have_decl_FIONBIO, ac_cv_have_decl_FIOASYNC,
dnl ac_cv_have_decl_ioctlsocket (asked only where the others fail) and
dnl sockcompat_cv_nonblock_method (O_NONBLOCK, O_NDELAY, FNDELAY, FIONBIO
dnl or ioctlsocket).
AC_DEFUN([gl_SOCKCOMPAT_NONBLOCK_METHOD],
[
  AC_REQUIRE([gl_SOCKCOMPAT_IOCTL_HEADERS])
  AC_CHECK_DECLS([F_SETFL, O_NONBLOCK, O_NDELAY, FNDELAY], [], [], [[#include <fcntl.h>]])
  AC_CHECK_DECLS([FIONBIO, FIOASYNC], [], [], [gl_SOCKCOMPAT_IOCTL_INCLUDES])
  AS_IF([test "$ac_cv_have_decl_F_SETFL,$ac_cv_have_decl_O_NONBLOCK" != yes,yes &&
         test "$ac_cv_have_decl_F_SETFL,$ac_cv_have_decl_O_NDELAY" != yes,yes &&
         test "$ac_cv_have_decl_F_SETFL,$ac_cv_have_decl_FNDELAY" != yes,yes &&
         test "$ac_cv_have_decl_FIONBIO,$ac_cv_have_decl_FIOASYNC" != yes,yes],
    [AC_CHECK_DECLS([ioctlsocket], [], [], [[#include <winsock2.h>]])])
  AC_CACHE_CHECK([how to set non-blocking mode], [sockcompat_cv_nonblock_method],
    [sockcompat_cv_nonblock_method=none
     if test "$ac_cv_have_decl_F_SETFL" = yes; then
       for sockcompat_flag in O_NONBLOCK O_NDELAY FNDELAY; do
         eval sockcompat_have=\$ac_cv_have_decl_$sockcompat_flag
         if test "$sockcompat_have" = yes; then
           sockcompat_cv_nonblock_method=$sockcompat_flag
           break
         fi
       done
     fi
     if test $sockcompat_cv_nonblock_method = none &&
        test "$ac_cv_have_decl_FIONBIO,$ac_cv_have_decl_FIOASYNC" = yes,yes; then
       sockcompat_cv_nonblock_method=FIONBIO
     fi
     if test $sockcompat_cv_nonblock_method = none &&
        test "$ac_cv_have_decl_ioctlsocket" = yes; then
       sockcompat_cv_nonblock_method=ioctlsocket
     fi])
  AS_CASE([$sockcompat_cv_nonblock_method],
    [O_NONBLOCK|O_NDELAY|FNDELAY],
      [AC_DEFINE_UNQUOTED([SOCKCOMPAT_O_NONBLOCK], [$sockcompat_cv_nonblock_method],
         [The fcntl(F_SETFL) flag that makes a descriptor non-blocking.])],
    [FIONBIO|ioctlsocket], [],
    [AC_MSG_ERROR([no way to set non-blocking mode: no O_NONBLOCK, O_NDELAY or FNDELAY for fcntl, no ioctl(FIONBIO) with FIOASYNC, no Winsock ioctlsocket])])
])
