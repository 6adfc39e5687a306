# sockcompat_nonblock.m4 serial 1
dnl Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

dnl gl_SOCKCOMPAT_NONBLOCK_METHOD
dnl How does this system make a descriptor non-blocking?  POSIX has
dnl fcntl(F_SETFL, O_NONBLOCK); System V had O_NDELAY and 4.3BSD FNDELAY for
dnl the same fcntl call; the oldest systems only have ioctl(FIONBIO).  The
dnl fcntl spellings share lib/sockcompat-nonblock-fcntl.c (the flag is SOCKCOMPAT_O_NONBLOCK in
dnl config.h); ioctl(FIONBIO) is lib/sockcompat-nonblock-ioctl.c, which also needs
dnl FIOASYNC to clear an inherited O_ASYNC.
dnl Results: ac_cv_have_decl_O_NONBLOCK, ac_cv_have_decl_O_NDELAY,
dnl ac_cv_have_decl_FNDELAY, ac_cv_have_decl_FIONBIO, ac_cv_have_decl_FIOASYNC
dnl and sockcompat_cv_nonblock_method (O_NONBLOCK, O_NDELAY, FNDELAY or FIONBIO).
AC_DEFUN([gl_SOCKCOMPAT_NONBLOCK_METHOD],
[
  AC_REQUIRE([gl_SOCKCOMPAT_IOCTL_HEADERS])
  AC_CHECK_DECLS([F_SETFL, O_NONBLOCK, O_NDELAY, FNDELAY], [], [], [[#include <fcntl.h>]])
  AC_CHECK_DECLS([FIONBIO, FIOASYNC], [], [], [gl_SOCKCOMPAT_IOCTL_INCLUDES])
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
     fi])
  AS_CASE([$sockcompat_cv_nonblock_method],
    [O_NONBLOCK|O_NDELAY|FNDELAY],
      [AC_DEFINE_UNQUOTED([SOCKCOMPAT_O_NONBLOCK], [$sockcompat_cv_nonblock_method],
         [The fcntl(F_SETFL) flag that makes a descriptor non-blocking.])],
    [FIONBIO], [],
    [AC_MSG_ERROR([no way to set non-blocking mode: no O_NONBLOCK, O_NDELAY or FNDELAY for fcntl, no ioctl(FIONBIO) with FIOASYNC])])
  AM_CONDITIONAL([SOCKCOMPAT_NONBLOCK_IOCTL], [test "$sockcompat_cv_nonblock_method" = FIONBIO])
])
