# sockcompat_nosignal.m4 serial 1
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_NOSIGNAL
dnl MSG_NOSIGNAL for send, sendto and sendmsg.  Does the system's header
dnl declare it (then the system's calls do the work), and where it does not,
dnl how the shims keep a failed send from raising SIGPIPE:
dnl   mask     SIGPIPE blocked in the calling thread for the call, and the
dnl            one the call raised taken back (sigtimedwait, or sigpending
dnl            and sigwait); right where the kernel directs that SIGPIPE at
dnl            the thread that sent (Linux; see doc/PLATFORMS.md, table G);
dnl   sockopt  SO_NOSIGPIPE set for the call: macOS, whose kernel signals
dnl            the whole process, so that blocking it in one thread does not
dnl            keep it from another;
dnl   none     the system has no SIGPIPE (Windows).
dnl No run test, so nothing to assume when cross-compiling.
dnl Results: ac_cv_have_decl_MSG_NOSIGNAL, ac_cv_have_decl_SO_NOSIGPIPE,
dnl ac_cv_have_decl_SIGPIPE, ac_cv_func_pthread_sigmask (HAVE_PTHREAD_SIGMASK),
dnl ac_cv_func_sigtimedwait (HAVE_SIGTIMEDWAIT), sockcompat_cv_sigpipe_method.
AC_DEFUN([gl_SOCKCOMPAT_NOSIGNAL],
[
  AC_REQUIRE([AC_USE_SYSTEM_EXTENSIONS])
  AC_REQUIRE([AC_CANONICAL_HOST])
  AC_CHECK_DECLS([MSG_NOSIGNAL, SO_NOSIGPIPE], [], [], [[
#include <sys/types.h>
#include <sys/socket.h>
]])
  AC_CHECK_DECLS([SIGPIPE], [], [], [[#include <signal.h>]])
  dnl pthread_sigmask without -pthread (glibc 2.32 and later, the BSDs,
  dnl macOS); else sigprocmask, which is per thread on Linux anyway.
  AC_CHECK_FUNCS([pthread_sigmask sigtimedwait])
  AC_CACHE_CHECK([how sockcompat keeps SIGPIPE from a send without MSG_NOSIGNAL],
    [sockcompat_cv_sigpipe_method],
    [AS_IF([test "$ac_cv_have_decl_SIGPIPE" != yes],
       [sockcompat_cv_sigpipe_method=none],
       [AS_CASE([$host_os],
          [darwin*],
            [AS_IF([test "$ac_cv_have_decl_SO_NOSIGPIPE" = yes],
               [sockcompat_cv_sigpipe_method=sockopt],
               [sockcompat_cv_sigpipe_method=mask])],
          [sockcompat_cv_sigpipe_method=mask])])])
  AS_CASE([$sockcompat_cv_sigpipe_method],
    [mask|sockopt|none], [],
    [AC_MSG_ERROR([sockcompat_cv_sigpipe_method must be mask, sockopt or none, not "$sockcompat_cv_sigpipe_method"])])
  AS_IF([test $sockcompat_cv_sigpipe_method = none],
    [AC_DEFINE([SOCKCOMPAT_SIGPIPE_NONE], [1],
       [Define to 1 if the system has no SIGPIPE.])])
])
