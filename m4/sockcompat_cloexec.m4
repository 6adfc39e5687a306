# sockcompat_cloexec.m4 serial 4
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_CLOEXEC_METHOD
dnl How does this system mark a descriptor close-on-exec?  POSIX has
dnl fcntl(F_SETFD, FD_CLOEXEC); 4.3BSD and some of its descendants only had
dnl ioctl(FIOCLEX) (which Linux and the BSDs still implement, so that variant
dnl can be built and run here by forcing the cache variables below).
dnl Native Windows has neither: a socket there is a C runtime descriptor
dnl around a Winsock handle (gnulib's sockets module), and what a child
dnl inherits is the handle, if its inheritance flag is set: cleared with
dnl SetHandleInformation (lib/sockcompat-cloexec-handle.c says why not
dnl gnulib's duplicate of the handle).
dnl Results: ac_cv_have_decl_FD_CLOEXEC, ac_cv_have_decl_F_SETFD,
dnl ac_cv_have_decl_FIOCLEX, ac_cv_have_decl_SetHandleInformation (asked
dnl only where the others fail), and sockcompat_cv_cloexec_method, which is
dnl F_SETFD, FIOCLEX or SetHandleInformation.  It selects lib/sockcompat-cloexec-fcntl.c,
dnl lib/sockcompat-cloexec-ioctl.c or lib/sockcompat-cloexec-handle.c.
AC_DEFUN([gl_SOCKCOMPAT_CLOEXEC_METHOD],
[
  AC_REQUIRE([gl_SOCKCOMPAT_IOCTL_HEADERS])
  AC_CHECK_DECLS([FD_CLOEXEC, F_SETFD], [], [], [[#include <fcntl.h>]])
  AC_CHECK_DECLS([FIOCLEX], [], [], [gl_SOCKCOMPAT_IOCTL_INCLUDES])
  dnl Asked only where neither exists, so that other systems' output
  dnl does not change.
  AS_IF([test "$ac_cv_have_decl_FD_CLOEXEC,$ac_cv_have_decl_F_SETFD" != yes,yes &&
         test "$ac_cv_have_decl_FIOCLEX" != yes],
    [AC_CHECK_DECLS([SetHandleInformation], [], [], [[
#include <windows.h>
#include <io.h>
]])])
  AC_CACHE_CHECK([how to set close-on-exec], [sockcompat_cv_cloexec_method],
    [if test "$ac_cv_have_decl_FD_CLOEXEC,$ac_cv_have_decl_F_SETFD" = yes,yes; then
       sockcompat_cv_cloexec_method=F_SETFD
     elif test "$ac_cv_have_decl_FIOCLEX" = yes; then
       sockcompat_cv_cloexec_method=FIOCLEX
     elif test "$ac_cv_have_decl_SetHandleInformation" = yes; then
       sockcompat_cv_cloexec_method=SetHandleInformation
     else
       sockcompat_cv_cloexec_method=none
     fi])
  AS_CASE([$sockcompat_cv_cloexec_method],
    [F_SETFD|FIOCLEX|SetHandleInformation], [],
    [AC_MSG_ERROR([no way to set close-on-exec: neither fcntl(F_SETFD, FD_CLOEXEC) nor ioctl(FIOCLEX), nor Windows' SetHandleInformation])])
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
