# sockcompat_inherit.m4 serial 1
dnl Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

dnl gl_SOCKCOMPAT_ACCEPT_INHERITS
dnl Does accept() give the new descriptor the listener's O_NONBLOCK (and
dnl O_ASYNC)?  The BSDs and macOS do; Linux and Solaris do not.  Native
dnl accept4 never does, so where accept() inherits, the emulation must set
dnl the new descriptor's status flags outright even when no flag was asked
dnl for.  This is a run test on an AF_UNIX listener in the build directory
dnl (no network needed).  When cross-compiling, or when the test cannot
dnl decide, assume "yes": the emulation then spends one extra fcntl per
dnl accept but is never wrong.
dnl Result: sockcompat_cv_accept_inherits (yes or no); C macro
dnl SOCKCOMPAT_ACCEPT_INHERITS (1 or 0).
AC_DEFUN([gl_SOCKCOMPAT_ACCEPT_INHERITS],
[
  AC_REQUIRE([gl_SOCKCOMPAT_LIB_SOCKET])
  sockcompat_save_LIBS=$LIBS
  LIBS="$LIBSOCKET $LIBS"
  AC_CACHE_CHECK([whether accept() inherits O_NONBLOCK from the listener],
    [sockcompat_cv_accept_inherits],
    [AC_RUN_IFELSE([AC_LANG_PROGRAM([[
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
]], [[
  /* Exit 0 only when it is established that the flag is NOT inherited. */
  struct sockaddr_un sun;
  int l, c, a, fl;
  memset (&sun, 0, sizeof sun);
  sun.sun_family = AF_UNIX;
  strcpy (sun.sun_path, "conftest.sock");
  unlink (sun.sun_path);
  l = socket (AF_UNIX, SOCK_STREAM, 0);
  c = socket (AF_UNIX, SOCK_STREAM, 0);
  if (l < 0 || c < 0
      || bind (l, (struct sockaddr *) &sun, sizeof sun) != 0
      || listen (l, 1) != 0
      || fcntl (l, F_SETFL, fcntl (l, F_GETFL) | O_NONBLOCK) != 0
      || connect (c, (struct sockaddr *) &sun, sizeof sun) != 0)
    return 2;
  a = accept (l, 0, 0);
  unlink (sun.sun_path);
  if (a < 0 || (fl = fcntl (a, F_GETFL)) < 0)
    return 3;
  return (fl & O_NONBLOCK) != 0;
]])],
      [sockcompat_cv_accept_inherits=no],
      [sockcompat_cv_accept_inherits=yes],
      [sockcompat_cv_accept_inherits="yes (assumed: cross-compiling)"])
     rm -f conftest.sock])
  LIBS=$sockcompat_save_LIBS
  AS_CASE([$sockcompat_cv_accept_inherits],
    [no], [sockcompat_accept_inherits=0],
    [sockcompat_accept_inherits=1])
  AC_DEFINE_UNQUOTED([SOCKCOMPAT_ACCEPT_INHERITS], [$sockcompat_accept_inherits],
    [Define to 1 if accept() passes the listener's O_NONBLOCK/O_ASYNC on.])
])
