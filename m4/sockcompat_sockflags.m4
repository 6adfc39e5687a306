# sockcompat_sockflags.m4 serial 2
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
dnl Result: sockcompat_cv_socket_flags_work (yes, no, or not run when
dnl cross-compiling).
AC_DEFUN([gl_SOCKCOMPAT_SOCKET_FLAGS_WORK],
[
  AC_REQUIRE([gl_SOCKCOMPAT_SOCK_FLAGS])
  AC_REQUIRE([gl_SOCKCOMPAT_LIB_SOCKET])
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
         [sockcompat_cv_socket_flags_work="not run (cross-compiling)"])
     fi])
  LIBS=$sockcompat_save_LIBS
])
