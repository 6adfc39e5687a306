# sockcompat.m4 serial 5
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT
dnl Everything sockcompat needs from configure, for our own configure.ac and
dnl for the gnulib module alike: runs the probes, turns their results into
dnl the decisions below, and substitutes the one thing the generated
dnl sockcompat.h needs (the socklen_t stand-in, a property of the system,
dnl not of the architecture).  Flag values and routing are not substituted:
dnl the header takes them from the system's own header, so that it is the
dnl same file on every architecture.  Every input is a cache variable, so a
dnl build can be told to behave as another platform would (see "4.3BSD
dnl profile" in README.md).
dnl
dnl Decisions (shell variables and config.h macros; the Automake conditionals
dnl on them are made by the caller: configure.ac, or the module's
dnl configure.ac: section with gl_CONDITIONAL, as gnulib's modules do):
dnl   sockcompat_native_accept4   try the native accept4 first (SOCKCOMPAT_NATIVE_ACCEPT4)
dnl   sockcompat_native_sockflags pass the type flags to socket() first
dnl                               (SOCKCOMPAT_NATIVE_SOCK_FLAGS)
dnl   sockcompat_native_nosignal  send and friends take the system's
dnl                               MSG_NOSIGNAL (SOCKCOMPAT_NATIVE_NOSIGNAL)
dnl   sockcompat_winsock          native Windows: no socketpair, recvmsg,
dnl                               sendmsg (the module's SOCKCOMPAT_WINSOCK)
AC_DEFUN_ONCE([gl_SOCKCOMPAT],
[
  AC_REQUIRE([AC_CANONICAL_HOST])
  AC_REQUIRE([gl_SOCKCOMPAT_ARG_EMULATION])
  AC_REQUIRE([gl_SOCKCOMPAT_TYPE_SOCKLEN_T])
  AC_REQUIRE([gl_SOCKCOMPAT_FUNC_ACCEPT4])
  AC_REQUIRE([gl_SOCKCOMPAT_SOCK_FLAGS])
  AC_REQUIRE([gl_SOCKCOMPAT_SOCKET_FLAGS_WORK])
  AC_REQUIRE([gl_SOCKCOMPAT_CLOEXEC_METHOD])
  AC_REQUIRE([gl_SOCKCOMPAT_NONBLOCK_METHOD])
  AC_REQUIRE([gl_SOCKCOMPAT_ACCEPT_INHERITS])
  AC_REQUIRE([gl_SOCKCOMPAT_ATOMICS])
  AC_REQUIRE([gl_SOCKCOMPAT_ERROR_ORDER])
  AC_REQUIRE([gl_SOCKCOMPAT_NOSIGNAL])
  AC_REQUIRE([gl_SOCKCOMPAT_RECVMSG])

  dnl The native calls are only worth trying with the system's own flags:
  dnl sockcompat's stand-in values would mean nothing to its kernel.
  sockcompat_native_sockflags=no
  if test "$sockcompat_emulation" = auto &&
     test "$ac_cv_have_decl_SOCK_NONBLOCK,$ac_cv_have_decl_SOCK_CLOEXEC" = yes,yes; then
    sockcompat_native_sockflags=yes
  fi
  dnl The native accept4: accept4 itself, or NetBSD 6/7's paccept.
  sockcompat_native_accept4=no
  if test "$sockcompat_native_sockflags" = yes; then
    if test "$ac_cv_have_decl_accept4,$ac_cv_func_accept4" = yes,yes; then
      sockcompat_native_accept4=yes
    elif test "$ac_cv_have_decl_paccept,$ac_cv_func_paccept" = yes,yes; then
      sockcompat_native_accept4=yes
      AC_DEFINE([SOCKCOMPAT_NATIVE_PACCEPT], [1],
        [Define to 1 if the native accept4 is spelled paccept.])
    fi
  fi
  dnl MSG_NOSIGNAL: the system's, unless emulation is forced; else the
  dnl guard of sockcompat_cv_sigpipe_method around the call.
  sockcompat_native_nosignal=no
  if test "$sockcompat_emulation,$ac_cv_have_decl_MSG_NOSIGNAL" = auto,yes; then
    sockcompat_native_nosignal=yes
    AC_DEFINE([SOCKCOMPAT_NATIVE_NOSIGNAL], [1],
      [Define to 1 if send, sendto and sendmsg take the system's MSG_NOSIGNAL.])
  fi
  dnl Native Windows (the gnulib module only, beside gnulib's sockets
  dnl modules): Winsock has no socketpair, and no recvmsg or sendmsg that
  dnl carry descriptors, so sockcompat_socketpair, _recvmsg and _sendmsg
  dnl are left out there, as gnulib has no socketpair module.
  AS_CASE([$host_os],
    [mingw* | windows*], [sockcompat_winsock=yes],
    [sockcompat_winsock=no])
  dnl For the tests, which need to know which path the library takes.
  AS_IF([test $sockcompat_native_accept4 = yes],
    [AC_DEFINE([SOCKCOMPAT_NATIVE_ACCEPT4], [1], [Define to 1 if the library tries the native accept4 first.])])
  AS_IF([test $sockcompat_native_sockflags = yes],
    [AC_DEFINE([SOCKCOMPAT_NATIVE_SOCK_FLAGS], [1], [Define to 1 if the library passes the type flags to socket() first.])])
])

dnl gl_SOCKCOMPAT_HOST_SUPPORTED
dnl For sockcompat's own configure.ac, before gl_SOCKCOMPAT: the library
dnl built on its own does not serve native Windows (mingw, MSVC).  There a
dnl socket is a C runtime descriptor only through gnulib's sockets, socket,
dnl accept and close modules (Winsock's own socket() gives a SOCKET handle),
dnl which a build without gnulib lacks; and the rest of its API
dnl (socketpair, recvmsg with SCM_RIGHTS, sendmsg) and its test suite
dnl (fork, exec) have no counterpart there.  The gnulib module, which has
dnl those modules beside it, does serve it (gl_SOCKCOMPAT does not require
dnl this macro).  Say so before the probes.
AC_DEFUN([gl_SOCKCOMPAT_HOST_SUPPORTED],
[
  AC_REQUIRE([AC_CANONICAL_HOST])
  AS_CASE([$host_os],
    [mingw* | windows* | msys*],
      [AC_MSG_ERROR([the sockcompat library does not support native Windows ($host): a socket is a C runtime descriptor there only through gnulib's sockets, socket, accept and close modules, and socketpair, recvmsg and sendmsg have no Winsock counterpart.  Import the gnulib module sockcompat into your project instead: its accept4 and socket work on native Windows (see README.md, "Native Windows").  Cygwin is supported by this build.])])
])

dnl gl_SOCKCOMPAT_ARG_EMULATION
dnl --enable-sockcompat-emulation=auto (default): native calls where the
dnl system has them, with the runtime fallback; =always: never call the
dnl native accept4 or pass the type flags to socket(), so the emulation can
dnl be tested on a system that has the native calls.  A project importing
dnl the gnulib module gets the option under that name, which cannot clash
dnl with one of its own; sockcompat's own configure.ac defines
dnl gl_SOCKCOMPAT_EMULATION_OPTION to "emulation" first, for its shorter
dnl --enable-emulation.  Result: sockcompat_emulation.
AC_DEFUN([gl_SOCKCOMPAT_ARG_EMULATION],
[
  m4_define_default([gl_SOCKCOMPAT_EMULATION_OPTION], [sockcompat-emulation])
  AC_ARG_ENABLE(gl_SOCKCOMPAT_EMULATION_OPTION,
    [AS_HELP_STRING([--enable-]gl_SOCKCOMPAT_EMULATION_OPTION[=auto|always],
       [sockcompat: use native accept4 and socket type flags where present,
        with a runtime fallback (auto, the default), or always emulate them])],
    [AS_CASE([$enableval],
       [auto|always], [sockcompat_emulation=$enableval],
       [yes], [sockcompat_emulation=always],
       [no], [sockcompat_emulation=auto],
       [AC_MSG_ERROR([--enable-]gl_SOCKCOMPAT_EMULATION_OPTION[ takes auto or always, not "$enableval"])])],
    [sockcompat_emulation=auto])
])

dnl gl_SOCKCOMPAT_SUMMARY
dnl What configure found and which path the library takes; for the end of
dnl configure's output.
AC_DEFUN([gl_SOCKCOMPAT_SUMMARY],
[
  AS_IF([test $sockcompat_native_accept4 = yes],
    [sockcompat_accept4_path="native accept4, emulated if the kernel refuses it"
     AS_IF([test "$ac_cv_func_accept4" != yes],
       [sockcompat_accept4_path="native paccept, emulated if the kernel refuses it"])
     AS_IF([test "$sockcompat_cv_accept4_shares_nonblock" = yes],
       [sockcompat_accept4_path="$sockcompat_accept4_path; non-blocking mode checked when not asked for"])],
    [sockcompat_accept4_path="emulated (accept + $sockcompat_cv_cloexec_method + $sockcompat_cv_nonblock_method)"])
  AS_IF([test $sockcompat_native_sockflags = yes],
    [sockcompat_socket_path="native type flags, emulated if the kernel refuses them"],
    [sockcompat_socket_path="emulated (socket + $sockcompat_cv_cloexec_method + $sockcompat_cv_nonblock_method)"])
  AS_IF([test $sockcompat_native_nosignal = yes],
    [sockcompat_nosignal_path="native"],
    [sockcompat_nosignal_path="emulated ($sockcompat_cv_sigpipe_method)"])
  AC_MSG_NOTICE([
sockcompat configuration:
  emulation                    $sockcompat_emulation
  accept4 declared / links     ${ac_cv_have_decl_accept4:-no} / ${ac_cv_func_accept4:-no}
  SOCK_NONBLOCK / SOCK_CLOEXEC ${ac_cv_have_decl_SOCK_NONBLOCK:-no} / ${ac_cv_have_decl_SOCK_CLOEXEC:-no}
  socket() honours the flags   $sockcompat_cv_socket_flags_work (information only)
  socklen_t                    $SOCKCOMPAT_SOCKLEN_T, $ac_cv_sizeof_socklen_t bytes
  close-on-exec by             $sockcompat_cv_cloexec_method
  non-blocking by              $sockcompat_cv_nonblock_method
  accept() inherits O_NONBLOCK $sockcompat_cv_accept_inherits
  atomics                      $sockcompat_cv_atomics
  EBADF before EINVAL          $sockcompat_cv_accept4_ebadf_first
  sockcompat_accept4           $sockcompat_accept4_path
  sockcompat_socket(pair)      $sockcompat_socket_path
  MSG_NOSIGNAL (send...)       $sockcompat_nosignal_path
  MSG_CMSG_CLOEXEC works       $sockcompat_cv_cmsg_cloexec_works; native: $sockcompat_native_cmsg_cloexec])
])
