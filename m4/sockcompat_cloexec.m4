# sockcompat_cloexec.m4 serial 1
dnl Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

dnl gl_SOCKCOMPAT_CLOEXEC_METHOD
dnl How does this system mark a descriptor close-on-exec?  POSIX has
dnl fcntl(F_SETFD, FD_CLOEXEC); 4.3BSD and some of its descendants only had
dnl ioctl(FIOCLEX) (which Linux and the BSDs still implement, so that variant
dnl can be built and run here by forcing the cache variables below).
dnl Results: ac_cv_have_decl_FD_CLOEXEC, ac_cv_have_decl_F_SETFD,
dnl ac_cv_have_decl_FIOCLEX, and sockcompat_cv_cloexec_method, which is
dnl F_SETFD or FIOCLEX.  It selects lib/sockcompat-cloexec-fcntl.c or lib/sockcompat-cloexec-ioctl.c.
AC_DEFUN([gl_SOCKCOMPAT_CLOEXEC_METHOD],
[
  AC_REQUIRE([gl_SOCKCOMPAT_IOCTL_HEADERS])
  AC_CHECK_DECLS([FD_CLOEXEC, F_SETFD], [], [], [[#include <fcntl.h>]])
  AC_CHECK_DECLS([FIOCLEX], [], [], [gl_SOCKCOMPAT_IOCTL_INCLUDES])
  AC_CACHE_CHECK([how to set close-on-exec], [sockcompat_cv_cloexec_method],
    [if test "$ac_cv_have_decl_FD_CLOEXEC,$ac_cv_have_decl_F_SETFD" = yes,yes; then
       sockcompat_cv_cloexec_method=F_SETFD
     elif test "$ac_cv_have_decl_FIOCLEX" = yes; then
       sockcompat_cv_cloexec_method=FIOCLEX
     else
       sockcompat_cv_cloexec_method=none
     fi])
  AS_CASE([$sockcompat_cv_cloexec_method],
    [F_SETFD|FIOCLEX], [],
    [AC_MSG_ERROR([no way to set close-on-exec: neither fcntl(F_SETFD, FD_CLOEXEC) nor ioctl(FIOCLEX)])])
  AM_CONDITIONAL([SOCKCOMPAT_CLOEXEC_IOCTL], [test "$sockcompat_cv_cloexec_method" = FIOCLEX])
])

dnl gl_SOCKCOMPAT_IOCTL_HEADERS
dnl The FIO* requests live in <sys/ioctl.h>, or in <sys/filio.h> on Solaris
dnl and some BSDs.
AC_DEFUN([gl_SOCKCOMPAT_IOCTL_HEADERS],
[
  AC_CHECK_HEADERS_ONCE([sys/filio.h])
])
AC_DEFUN([gl_SOCKCOMPAT_IOCTL_INCLUDES], [[
#include <sys/types.h>
#include <sys/ioctl.h>
#ifdef HAVE_SYS_FILIO_H
# include <sys/filio.h>
#endif
]])
