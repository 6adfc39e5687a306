# sockcompat_accept4.m4 serial 3
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
