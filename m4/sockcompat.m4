# sockcompat.m4 serial 3
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl This file is free software, offered under either of two licences, at
dnl your choice (SPDX-License-Identifier: BSD-2-Clause OR LGPL-2.1-or-later):
dnl
dnl (a) The BSD 2-Clause licence.
dnl Redistribution and use in source and binary forms, with or without
dnl modification, are permitted provided that the following conditions
dnl are met:
dnl 1. Redistributions of source code must retain the above copyright
dnl    notice, this list of conditions and the following disclaimer.
dnl 2. Redistributions in binary form must reproduce the above copyright
dnl    notice, this list of conditions and the following disclaimer in the
dnl    documentation and/or other materials provided with the distribution.
dnl THIS SOFTWARE IS PROVIDED BY THE AUTHORS AND CONTRIBUTORS ``AS IS'' AND
dnl ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
dnl IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
dnl ARE DISCLAIMED.  IN NO EVENT SHALL THE AUTHORS OR CONTRIBUTORS BE LIABLE
dnl FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
dnl DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
dnl OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
dnl HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
dnl LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
dnl OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
dnl SUCH DAMAGE.
dnl
dnl (b) The GNU Lesser General Public License.
dnl This file is free software: you can redistribute it and/or modify
dnl it under the terms of the GNU Lesser General Public License as
dnl published by the Free Software Foundation; either version 2.1 of the
dnl License, or (at your option) any later version.
dnl This file is distributed in the hope that it will be useful,
dnl but WITHOUT ANY WARRANTY; without even the implied warranty of
dnl MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
dnl GNU Lesser General Public License for more details.
dnl You should have received a copy of the GNU Lesser General Public License
dnl along with this program.  If not, see <https://www.gnu.org/licenses/>.

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
dnl Decisions (shell variables, AM_CONDITIONALs, config.h macros):
dnl   sockcompat_native_accept4   try the native accept4 first (SOCKCOMPAT_NATIVE_ACCEPT4)
dnl   sockcompat_native_sockflags pass the type flags to socket() first
dnl                               (SOCKCOMPAT_NATIVE_SOCK_FLAGS)
AC_DEFUN([gl_SOCKCOMPAT],
[
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
  AM_CONDITIONAL([SOCKCOMPAT_ACCEPT4_UNSHARE],
    [test $sockcompat_native_accept4,$sockcompat_cv_accept4_shares_nonblock = yes,yes])
  AM_CONDITIONAL([SOCKCOMPAT_NATIVE_ACCEPT4], [test $sockcompat_native_accept4 = yes])
  AM_CONDITIONAL([SOCKCOMPAT_NATIVE_SOCK_FLAGS], [test $sockcompat_native_sockflags = yes])
  dnl For the tests, which need to know which path the library takes.
  AS_IF([test $sockcompat_native_accept4 = yes],
    [AC_DEFINE([SOCKCOMPAT_NATIVE_ACCEPT4], [1], [Define to 1 if the library tries the native accept4 first.])])
  AS_IF([test $sockcompat_native_sockflags = yes],
    [AC_DEFINE([SOCKCOMPAT_NATIVE_SOCK_FLAGS], [1], [Define to 1 if the library passes the type flags to socket() first.])])
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
  sockcompat_socket(pair)      $sockcompat_socket_path])
])
