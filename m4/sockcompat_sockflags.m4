# sockcompat_sockflags.m4 serial 3
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_SOCK_FLAGS
dnl Does <sys/socket.h> define SOCK_NONBLOCK and SOCK_CLOEXEC?  Linux 2.6.27,
dnl FreeBSD 10, NetBSD 6, OpenBSD 5.7, DragonFly 4 and Solaris 11.4 do; macOS,
dnl AIX and 4.3BSD-style systems do not, and sockcompat.h then supplies its own
dnl values.  glibc makes them enum constants behind self-referential macros,
dnl so they are tested as declarations, never with "#if SOCK_CLOEXEC" (which
dnl is 0 there).
dnl Results: ac_cv_have_decl_SOCK_NONBLOCK, ac_cv_have_decl_SOCK_CLOEXEC.
AC_DEFUN([gl_SOCKCOMPAT_SOCK_FLAGS],
[
  AC_REQUIRE([AC_USE_SYSTEM_EXTENSIONS])
  AC_CHECK_DECLS([SOCK_NONBLOCK, SOCK_CLOEXEC], [], [],
    [gl_SOCKCOMPAT_SOCKET_INCLUDES])
])

AC_DEFUN([gl_SOCKCOMPAT_SOCKET_INCLUDES], [[
#include <sys/types.h>
#include <sys/socket.h>
]])

dnl gl_SOCKCOMPAT_SOCKET_FLAGS_WORK
dnl Do socket() and socketpair() honour SOCK_NONBLOCK|SOCK_CLOEXEC in the
dnl type argument on the build machine?  Information for configure's
dnl summary only: nothing is decided by it, because the kernel that runs the
dnl program need not be the one that built it.  sockcompat.h always routes
dnl socket and socketpair through the shims (one relaxed load per call),
dnl whose runtime fallback covers a kernel that refuses the flags.
dnl When cross-compiling, a guess by host_os, as gnulib does (m4/fcntl.m4),
dnl where the flags are declared; the numbers are doc/PLATFORMS.md's:
dnl   linux*: yes; net/socket.c __sys_socket, __sys_socketpair [3], [2].
dnl   freebsd*, netbsd*, openbsd*, dragonfly*: yes, every release that
dnl     declares them (accept(2)/socket(2) HISTORY [9], [13], [17], [20]).
dnl   solaris*: yes; illumos so_socket takes them [26].
dnl   cygwin*: yes; the API that declares them honours them [29], [30].
dnl   gnu* (Hurd) and anything else: not verified; gnulib's fallback
dnl     $gl_cross_guess_normal ("guessing no" unless
dnl     --enable-cross-guesses=risky).
dnl darwin* and mingw* do not declare them, so no guess is needed there.
dnl Result: sockcompat_cv_socket_flags_work (yes or no, "guessing" before
dnl it when cross-compiling).
AC_DEFUN([gl_SOCKCOMPAT_SOCKET_FLAGS_WORK],
[
  AC_REQUIRE([gl_SOCKCOMPAT_SOCK_FLAGS])
  AC_REQUIRE([gl_SOCKCOMPAT_LIB_SOCKET])
  AC_REQUIRE([AC_CANONICAL_HOST])
  dnl gl_cross_guess_normal comes from gnulib's gl_COMMON, which an importing
  dnl project's gl_EARLY has expanded already (requiring it here would
  dnl warn); sockcompat's own configure has no gnulib-common.m4.
  sockcompat_save_LIBS=$LIBS
  LIBS="$LIBSOCKET $LIBS"
  AC_CACHE_CHECK([whether socket() and socketpair() honour SOCK_NONBLOCK and SOCK_CLOEXEC],
    [sockcompat_cv_socket_flags_work],
    [if test "$ac_cv_have_decl_SOCK_NONBLOCK,$ac_cv_have_decl_SOCK_CLOEXEC" != yes,yes; then
       sockcompat_cv_socket_flags_work=no
     else
       AC_RUN_IFELSE([AC_LANG_PROGRAM([[
#include <sys/types.h>
#include <sys/socket.h>
#include <fcntl.h>
]], [[
  int t = SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC;
  int sv[2], s = socket (AF_UNIX, t, 0);
  if (s < 0 || socketpair (AF_UNIX, t, 0, sv) != 0)
    return 1;
  return !(fcntl (s, F_GETFD) & FD_CLOEXEC) || !(fcntl (s, F_GETFL) & O_NONBLOCK)
         || !(fcntl (sv[0], F_GETFD) & FD_CLOEXEC) || !(fcntl (sv[1], F_GETFL) & O_NONBLOCK);
]])],
         [sockcompat_cv_socket_flags_work=yes],
         [sockcompat_cv_socket_flags_work=no],
         [AS_CASE([$host_os],
            [linux* | freebsd* | kfreebsd* | netbsd* | openbsd* | dragonfly* | solaris* | cygwin*],
              [sockcompat_cv_socket_flags_work="guessing yes"],
            [sockcompat_cv_socket_flags_work="${gl_cross_guess_normal:-guessing no}"])])
     fi])
  LIBS=$sockcompat_save_LIBS
])
