# sockcompat_accept4.m4 serial 1
dnl Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

dnl SOCKCOMPAT_FUNC_ACCEPT4
dnl Is there a native accept4() to try first?  Both the declaration and the
dnl symbol are checked: glibc declares it only under _GNU_SOURCE, and a libc
dnl may export the symbol without a prototype in its headers, or the other
dnl way round; calling it needs both.  Having it says nothing about the
dnl running kernel, which is why the library still has a runtime fallback.
dnl No run test, so nothing to assume when cross-compiling.
dnl Results: ac_cv_have_decl_accept4, ac_cv_func_accept4.
AC_DEFUN([SOCKCOMPAT_FUNC_ACCEPT4],
[
  AC_REQUIRE([AC_USE_SYSTEM_EXTENSIONS])
  AC_REQUIRE([SOCKCOMPAT_LIB_SOCKET])
  AC_CHECK_DECLS([accept4], [], [], [[
#include <sys/types.h>
#include <sys/socket.h>
]])
  AC_CHECK_FUNCS([accept4])
])

dnl SOCKCOMPAT_LIB_SOCKET
dnl Solaris before 11.4 and some SysV descendants keep the socket calls in
dnl -lsocket (and -lnsl); elsewhere they are in libc and nothing is added.
dnl The result goes into LIBS, so it reaches the link of the library and
dnl Libs.private of sockcompat.pc.
AC_DEFUN([SOCKCOMPAT_LIB_SOCKET],
[
  AC_SEARCH_LIBS([accept], [socket], [], [], [-lnsl])
])
