# sockcompat_accept4.m4 serial 4
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_FUNC_ACCEPT4
dnl Is there a native accept4() to try first?  Both the declaration and the
dnl symbol are checked: glibc declares it only under _GNU_SOURCE, and a libc
dnl may export the symbol without a prototype in its headers, or the other
dnl way round; calling it needs both.  Having it says nothing about the
dnl running kernel, which is why the library still has a runtime fallback.
dnl NetBSD 6 and 7 have paccept(2) and no accept4 (accept4 is a libc
dnl wrapper of paccept since NetBSD 8): there paccept is the native call,
dnl since it keeps what NetBSD's accept4 keeps (O_NOSIGPIPE, O_ASYNC).
dnl illumos and Solaris 11.4 have accept4, but it passes the listener's
dnl non-blocking mode on whatever the flags (socksyscalls.c), so there the
dnl native call is followed by a check of the new descriptor when
dnl SOCK_NONBLOCK was not asked for.  No run test, so nothing to assume
dnl when cross-compiling.
dnl Results: ac_cv_have_decl_accept4, ac_cv_func_accept4,
dnl ac_cv_have_decl_paccept, ac_cv_func_paccept,
dnl sockcompat_cv_accept4_shares_nonblock (yes or no; C macro
dnl SOCKCOMPAT_ACCEPT4_SHARES_NONBLOCK).
AC_DEFUN([gl_SOCKCOMPAT_FUNC_ACCEPT4],
[
  AC_REQUIRE([AC_USE_SYSTEM_EXTENSIONS])
  AC_REQUIRE([AC_CANONICAL_HOST])
  AC_REQUIRE([gl_SOCKCOMPAT_LIB_SOCKET])
  AC_CHECK_DECLS([accept4, paccept], [], [], [[
#include <sys/types.h>
#include <sys/socket.h>
]])
  sockcompat_save_LIBS=$LIBS
  LIBS="$LIBSOCKET $LIBS"
  AC_CHECK_FUNCS([accept4 paccept])
  LIBS=$sockcompat_save_LIBS
  AC_CACHE_CHECK([whether accept4 passes the listener's non-blocking mode on],
    [sockcompat_cv_accept4_shares_nonblock],
    [AS_CASE([$host_os],
       [solaris*], [sockcompat_cv_accept4_shares_nonblock=yes],
       [sockcompat_cv_accept4_shares_nonblock=no])])
  AS_IF([test "$sockcompat_cv_accept4_shares_nonblock" = yes],
    [sockcompat_shares_nonblock=1], [sockcompat_shares_nonblock=0])
  AC_DEFINE_UNQUOTED([SOCKCOMPAT_ACCEPT4_SHARES_NONBLOCK],
    [$sockcompat_shares_nonblock],
    [Define to 1 if the native accept4 gives the new descriptor the
     listener's non-blocking mode even without SOCK_NONBLOCK.])
])

dnl gl_SOCKCOMPAT_LIB_SOCKET
dnl Solaris before 11.4 and some SysV descendants keep the socket calls in
dnl -lsocket; elsewhere they are in libc.  The answer is LIBSOCKET (empty
dnl or -lsocket), for the library's link, Libs.private of sockcompat.pc
dnl and the gnulib module's Link section; it stays in LIBS only while the
dnl other probes run, so it is not forced on every program of a project.
dnl In a project that imports gnulib's socketlib module (the sockcompat
dnl module depends on it), LIBSOCKET is gnulib's gl_SOCKETLIB's answer
dnl (m4/socketlib.m4 in gnulib), which knows more systems, and is not
dnl probed a second time or overwritten.
dnl Result: LIBSOCKET; ac_cv_search_accept where probed here.
AC_DEFUN([gl_SOCKCOMPAT_LIB_SOCKET],
[
  m4_ifdef([gl_SOCKETLIB], [AC_REQUIRE([gl_SOCKETLIB])], [
  sockcompat_save_LIBS=$LIBS
  AC_SEARCH_LIBS([accept], [socket])
  LIBSOCKET=
  AS_CASE([$ac_cv_search_accept],
    [no|"none required"], [],
    [LIBSOCKET=$ac_cv_search_accept])
  LIBS=$sockcompat_save_LIBS
  AC_SUBST([LIBSOCKET])
  ])
])
