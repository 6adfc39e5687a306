# sockcompat_errorder.m4 serial 1
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

dnl gl_SOCKCOMPAT_ERROR_ORDER
dnl accept4 with an unknown flag on a descriptor that is not open: which
dnl error comes first differs between systems, and sockcompat answers as
dnl the system's own accept4 does (the shim checks the flags itself, before
dnl anything is dequeued, so it has to choose).  Linux looks the descriptor
dnl up first since 5.5 (net/socket.c, __sys_accept4 through
dnl __sys_accept4_file: EBADF), Cygwin likewise, and NetBSD's paccept never
dnl checks the flags (EBADF); FreeBSD, OpenBSD, DragonFly, illumos and
dnl GNU/Hurd check the flags first (EINVAL), which is also what FreeBSD's
dnl accept4(2) documents and so the answer where the system has no accept4.
dnl No run test: decided by the host system, so cross builds agree.
dnl Result: sockcompat_cv_accept4_ebadf_first (yes or no); C macro
dnl SOCKCOMPAT_EBADF_FIRST (1 or 0).
AC_DEFUN([gl_SOCKCOMPAT_ERROR_ORDER],
[
  AC_REQUIRE([AC_CANONICAL_HOST])
  AC_CACHE_CHECK([whether accept4 reports a bad descriptor before bad flags],
    [sockcompat_cv_accept4_ebadf_first],
    [AS_CASE([$host_os],
       [linux*|cygwin*|netbsd*], [sockcompat_cv_accept4_ebadf_first=yes],
       [sockcompat_cv_accept4_ebadf_first=no])])
  AS_IF([test "$sockcompat_cv_accept4_ebadf_first" = yes],
    [sockcompat_ebadf_first=1], [sockcompat_ebadf_first=0])
  AC_DEFINE_UNQUOTED([SOCKCOMPAT_EBADF_FIRST], [$sockcompat_ebadf_first],
    [Define to 1 if accept4 with bad flags on a descriptor that is not open
     says EBADF, to 0 if it says EINVAL.])
])
