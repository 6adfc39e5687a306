# sockcompat_inherit.m4 serial 4
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_ACCEPT_INHERITS
dnl Does accept() give the new descriptor the listener's O_NONBLOCK (and
dnl O_ASYNC)?  The BSDs, macOS, illumos and Cygwin do; Linux does not
dnl (doc/PLATFORMS.md has the sources).  Native accept4 passes only what
dnl the flags ask (illumos's aside, handled in sockcompat_accept4.m4), so
dnl where accept() inherits, the emulation must set the new descriptor's
dnl status flags outright even when no flag was asked for.  This is a run
dnl test on an AF_UNIX listener in the build directory (no network needed).
dnl When the test cannot decide, assume "yes": the emulation then spends
dnl one extra fcntl per accept but is never wrong.  When cross-compiling,
dnl guess by host_os, as gnulib does (m4/fcntl.m4), from each system's own
dnl source (the numbers are doc/PLATFORMS.md's references):
dnl   linux*: no; net/socket.c __sys_accept4 copies no file flag [34].
dnl   freebsd*: yes; kern_accept4 keeps f_flag with ACCEPT4_INHERIT [11].
dnl   netbsd*: yes; do_sys_accept copies f_flag [16].
dnl   openbsd*: yes; doaccept sets the listener's non-blocking mode [19].
dnl   dragonfly*: yes; kern_accept copies f_flag [37], accept(2) [20].
dnl   darwin*: yes; xnu accept_nocancel copies f_flag and SS_NBIO [21].
dnl   solaris*: yes; illumos sockfs copies SS_NONBLOCK/SS_NDELAY [26]
dnl     (Solaris 11.4 not verified: "yes" is the safe answer anyway).
dnl   cygwin*: yes; winsup/cygwin/net.cc cygwin_accept passes the
dnl     listener's non-blocking mode on [30].
dnl   mingw*: yes; a Winsock accept() socket has the listening socket's
dnl     properties (Microsoft's accept() reference, Remarks), so its
dnl     non-blocking mode (FIONBIO) comes along.
dnl   gnu* (Hurd) and anything else: not verified; gnulib's conservative
dnl     fallback, $gl_cross_guess_inverted ("guessing yes" unless
dnl     --enable-cross-guesses=risky).
dnl Result: sockcompat_cv_accept_inherits (yes or no, "guessing" before
dnl it when cross-compiling); C macro SOCKCOMPAT_ACCEPT_INHERITS (1 or 0).
AC_DEFUN([gl_SOCKCOMPAT_ACCEPT_INHERITS],
[
  AC_REQUIRE([gl_SOCKCOMPAT_LIB_SOCKET])
  AC_REQUIRE([AC_CANONICAL_HOST])
  dnl gl_cross_guess_inverted comes from gnulib's gl_COMMON, which an importing
  dnl project's gl_EARLY has expanded already (requiring it here would
  dnl warn); sockcompat's own configure has no gnulib-common.m4.
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
  struct sockaddr_un addr_un;
  int l, c, a, fl;
  memset (&addr_un, 0, sizeof addr_un);
  addr_un.sun_family = AF_UNIX;
  strcpy (addr_un.sun_path, "conftest.sock");
  unlink (addr_un.sun_path);
  l = socket (AF_UNIX, SOCK_STREAM, 0);
  c = socket (AF_UNIX, SOCK_STREAM, 0);
  if (l < 0 || c < 0
      || bind (l, (struct sockaddr *) &addr_un, sizeof addr_un) != 0
      || listen (l, 1) != 0
      || fcntl (l, F_SETFL, fcntl (l, F_GETFL) | O_NONBLOCK) != 0
      || connect (c, (struct sockaddr *) &addr_un, sizeof addr_un) != 0)
    return 2;
  a = accept (l, 0, 0);
  unlink (addr_un.sun_path);
  if (a < 0 || (fl = fcntl (a, F_GETFL)) < 0)
    return 3;
  return (fl & O_NONBLOCK) != 0;
]])],
      [sockcompat_cv_accept_inherits=no],
      [sockcompat_cv_accept_inherits=yes],
      [AS_CASE([$host_os],
         [linux*], [sockcompat_cv_accept_inherits="guessing no"],
         [freebsd* | kfreebsd* | netbsd* | openbsd* | dragonfly* | darwin* | solaris* | cygwin* | mingw* | windows*],
           [sockcompat_cv_accept_inherits="guessing yes"],
         [sockcompat_cv_accept_inherits="${gl_cross_guess_inverted:-guessing yes}"])])
     rm -f conftest.sock])
  LIBS=$sockcompat_save_LIBS
  AS_CASE([$sockcompat_cv_accept_inherits],
    [no | "guessing no"], [sockcompat_accept_inherits=0],
    [sockcompat_accept_inherits=1])
  AC_DEFINE_UNQUOTED([SOCKCOMPAT_ACCEPT_INHERITS], [$sockcompat_accept_inherits],
    [Define to 1 if accept() passes the listener's O_NONBLOCK/O_ASYNC on.])
])
