# sockcompat_accept4.m4 serial 1
dnl Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

dnl gl_SOCKCOMPAT_FUNC_ACCEPT4
dnl Is there a native accept4() to try first?  Both the declaration and the
dnl symbol are checked: glibc declares it only under _GNU_SOURCE, and a libc
dnl may export the symbol without a prototype in its headers, or the other
dnl way round; calling it needs both.  Having it says nothing about the
dnl running kernel, which is why the library still has a runtime fallback.
dnl No run test, so nothing to assume when cross-compiling.
dnl Results: ac_cv_have_decl_accept4, ac_cv_func_accept4.
AC_DEFUN([gl_SOCKCOMPAT_FUNC_ACCEPT4],
[
  AC_REQUIRE([AC_USE_SYSTEM_EXTENSIONS])
  AC_REQUIRE([gl_SOCKCOMPAT_LIB_SOCKET])
  AC_CHECK_DECLS([accept4], [], [], [[
#include <sys/types.h>
#include <sys/socket.h>
]])
  sockcompat_save_LIBS=$LIBS
  LIBS="$LIBSOCKET $LIBS"
  AC_CHECK_FUNCS([accept4])
  LIBS=$sockcompat_save_LIBS
])

dnl gl_SOCKCOMPAT_LIB_SOCKET
dnl Solaris before 11.4 and some SysV descendants keep the socket calls in
dnl -lsocket; elsewhere they are in libc.  The answer is LIBSOCKET (empty
dnl or -lsocket), for the library's link, Libs.private of sockcompat.pc
dnl and the gnulib module's Link section; it stays in LIBS only while the
dnl other probes run, so it is not forced on every program of a project.
dnl Result: sockcompat_cv_lib_socket ("none required" or -lsocket).
AC_DEFUN([gl_SOCKCOMPAT_LIB_SOCKET],
[
  sockcompat_save_LIBS=$LIBS
  AC_SEARCH_LIBS([accept], [socket])
  LIBSOCKET=
  AS_CASE([$ac_cv_search_accept],
    [no|"none required"], [],
    [LIBSOCKET=$ac_cv_search_accept])
  LIBS=$sockcompat_save_LIBS
  AC_SUBST([LIBSOCKET])
])
