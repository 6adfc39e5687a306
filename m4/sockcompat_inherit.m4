# sockcompat_inherit.m4 serial 3
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

dnl gl_SOCKCOMPAT_ACCEPT_INHERITS
dnl Does accept() give the new descriptor the listener's O_NONBLOCK (and
dnl O_ASYNC)?  The BSDs, macOS, illumos and Cygwin do; Linux does not
dnl (doc/PLATFORMS.md has the sources).  Native accept4 passes only what
dnl the flags ask (illumos's aside, handled in sockcompat_accept4.m4), so
dnl where accept() inherits, the emulation must set the new descriptor's
dnl status flags outright even when no flag was asked for.  This is a run test on an AF_UNIX listener in the build directory
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
      [sockcompat_cv_accept_inherits="yes (assumed: cross-compiling)"])
     rm -f conftest.sock])
  LIBS=$sockcompat_save_LIBS
  AS_CASE([$sockcompat_cv_accept_inherits],
    [no], [sockcompat_accept_inherits=0],
    [sockcompat_accept_inherits=1])
  AC_DEFINE_UNQUOTED([SOCKCOMPAT_ACCEPT_INHERITS], [$sockcompat_accept_inherits],
    [Define to 1 if accept() passes the listener's O_NONBLOCK/O_ASYNC on.])
])
