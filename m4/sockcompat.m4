# sockcompat.m4 serial 1
dnl Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

dnl SOCKCOMPAT
dnl Everything sockcompat needs from configure, for our own configure.ac and
dnl for the gnulib module alike: runs the probes, turns their results into
dnl the decisions below, and substitutes what the generated sockcompat.h
dnl needs.  Every input is a cache variable, so a build can be told to behave
dnl as another platform would (see "4.3BSD profile" in README.md).
dnl
dnl Decisions (shell variables, AM_CONDITIONALs, config.h macros):
dnl   sockcompat_native_accept4   try the native accept4 first (SC_NATIVE_ACCEPT4)
dnl   sockcompat_native_sockflags pass the type flags to socket() first
dnl                               (SC_NATIVE_SOCK_FLAGS)
dnl   SOCKCOMPAT_RENAME_SOCKET    sockcompat.h renames socket/socketpair
AC_DEFUN([SOCKCOMPAT],
[
  AC_REQUIRE([SOCKCOMPAT_ARG_EMULATION])
  AC_REQUIRE([SOCKCOMPAT_TYPE_SOCKLEN_T])
  AC_REQUIRE([SOCKCOMPAT_FUNC_ACCEPT4])
  AC_REQUIRE([SOCKCOMPAT_SOCK_FLAGS])
  AC_REQUIRE([SOCKCOMPAT_SOCKET_FLAGS_WORK])
  AC_REQUIRE([SOCKCOMPAT_CLOEXEC_METHOD])
  AC_REQUIRE([SOCKCOMPAT_NONBLOCK_METHOD])
  AC_REQUIRE([SOCKCOMPAT_ACCEPT_INHERITS])
  AC_REQUIRE([SOCKCOMPAT_ATOMICS])

  dnl The header uses the system's flag values where it has them, and
  dnl spells them out, because the program including it may use feature
  dnl macros under which <sys/socket.h> hides them (FreeBSD and Solaris
  dnl declare them only for their extended namespaces).  Ours elsewhere.
  SOCKCOMPAT_HAVE_SOCK_NONBLOCK=0
  SOCKCOMPAT_HAVE_SOCK_CLOEXEC=0
  SOCKCOMPAT_SOCK_NONBLOCK=0x20000000
  SOCKCOMPAT_SOCK_CLOEXEC=0x10000000
  if test "$ac_cv_have_decl_SOCK_NONBLOCK" = yes; then
    SOCKCOMPAT_HAVE_SOCK_NONBLOCK=1
    AC_COMPUTE_INT([SOCKCOMPAT_SOCK_NONBLOCK], [SOCK_NONBLOCK],
      [SOCKCOMPAT_SOCKET_INCLUDES],
      [AC_MSG_ERROR([cannot compute the value of SOCK_NONBLOCK])])
  fi
  if test "$ac_cv_have_decl_SOCK_CLOEXEC" = yes; then
    SOCKCOMPAT_HAVE_SOCK_CLOEXEC=1
    AC_COMPUTE_INT([SOCKCOMPAT_SOCK_CLOEXEC], [SOCK_CLOEXEC],
      [SOCKCOMPAT_SOCKET_INCLUDES],
      [AC_MSG_ERROR([cannot compute the value of SOCK_CLOEXEC])])
  fi
  AC_SUBST([SOCKCOMPAT_HAVE_SOCK_NONBLOCK])
  AC_SUBST([SOCKCOMPAT_HAVE_SOCK_CLOEXEC])
  AC_SUBST([SOCKCOMPAT_SOCK_NONBLOCK])
  AC_SUBST([SOCKCOMPAT_SOCK_CLOEXEC])

  dnl The native calls are only worth trying with the system's own flag
  dnl values: ours would mean nothing to its kernel.
  sockcompat_native_sockflags=no
  if test "$sockcompat_emulation" = auto &&
     test "$SOCKCOMPAT_HAVE_SOCK_NONBLOCK$SOCKCOMPAT_HAVE_SOCK_CLOEXEC" = 11; then
    sockcompat_native_sockflags=yes
  fi
  sockcompat_native_accept4=no
  if test "$sockcompat_native_sockflags" = yes &&
     test "$ac_cv_have_decl_accept4,$ac_cv_func_accept4" = yes,yes; then
    sockcompat_native_accept4=yes
  fi
  AM_CONDITIONAL([SC_NATIVE_ACCEPT4], [test $sockcompat_native_accept4 = yes])
  AM_CONDITIONAL([SC_NATIVE_SOCK_FLAGS], [test $sockcompat_native_sockflags = yes])
  dnl For the tests, which need to know which path the library takes.
  AS_IF([test $sockcompat_native_accept4 = yes],
    [AC_DEFINE([SC_NATIVE_ACCEPT4], [1], [Define to 1 if the library tries the native accept4 first.])])
  AS_IF([test $sockcompat_native_sockflags = yes],
    [AC_DEFINE([SC_NATIVE_SOCK_FLAGS], [1], [Define to 1 if the library passes the type flags to socket() first.])])

  SOCKCOMPAT_RENAME_SOCKET=1
  if test "$sockcompat_native_sockflags,$sockcompat_cv_socket_flags_work" = yes,yes; then
    SOCKCOMPAT_RENAME_SOCKET=0
  fi
  AC_SUBST([SOCKCOMPAT_RENAME_SOCKET])
])

dnl SOCKCOMPAT_ARG_EMULATION
dnl --enable-emulation=auto (default): native calls where the system has
dnl them, with the runtime fallback; =always: never call the native accept4
dnl or pass the type flags to socket(), so the emulation can be tested on a
dnl system that has the native calls.  Result: sockcompat_emulation.
AC_DEFUN([SOCKCOMPAT_ARG_EMULATION],
[
  AC_ARG_ENABLE([emulation],
    [AS_HELP_STRING([--enable-emulation=auto|always],
       [auto: use native accept4 and socket type flags where present, with a
        runtime fallback (default); always: always use the emulation])],
    [AS_CASE([$enableval],
       [auto|always], [sockcompat_emulation=$enableval],
       [yes], [sockcompat_emulation=always],
       [no], [sockcompat_emulation=auto],
       [AC_MSG_ERROR([--enable-emulation takes auto or always, not "$enableval"])])],
    [sockcompat_emulation=auto])
])

dnl SOCKCOMPAT_SUMMARY
dnl What configure found and which path the library takes; for the end of
dnl configure's output.
AC_DEFUN([SOCKCOMPAT_SUMMARY],
[
  AS_IF([test $sockcompat_native_accept4 = yes],
    [sockcompat_accept4_path="native accept4, emulated if the kernel refuses it"],
    [sockcompat_accept4_path="emulated (accept + $sockcompat_cv_cloexec_method + $sockcompat_cv_nonblock_method)"])
  AS_IF([test $sockcompat_native_sockflags = yes],
    [sockcompat_socket_path="native type flags, emulated if the kernel refuses them"],
    [sockcompat_socket_path="emulated (socket + $sockcompat_cv_cloexec_method + $sockcompat_cv_nonblock_method)"])
  AS_IF([test "$SOCKCOMPAT_RENAME_SOCKET" = 1],
    [sockcompat_renames="accept4, socket, socketpair"],
    [sockcompat_renames="accept4"])
  AC_MSG_NOTICE([
sockcompat configuration:
  emulation                    $sockcompat_emulation
  accept4 declared / links     ${ac_cv_have_decl_accept4:-no} / ${ac_cv_func_accept4:-no}
  SOCK_NONBLOCK / SOCK_CLOEXEC ${ac_cv_have_decl_SOCK_NONBLOCK:-no} / ${ac_cv_have_decl_SOCK_CLOEXEC:-no}
  socket() honours the flags   $sockcompat_cv_socket_flags_work
  socklen_t                    $SOCKCOMPAT_SOCKLEN_T, $ac_cv_sizeof_socklen_t bytes
  close-on-exec by             $sockcompat_cv_cloexec_method
  non-blocking by              $sockcompat_cv_nonblock_method
  accept() inherits O_NONBLOCK $sockcompat_cv_accept_inherits
  atomics                      $sockcompat_cv_atomics
  sockcompat_accept4           $sockcompat_accept4_path
  sockcompat_socket(pair)      $sockcompat_socket_path
  sockcompat.h renames         $sockcompat_renames])
])
