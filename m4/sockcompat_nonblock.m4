# sockcompat_nonblock.m4 serial 2
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

dnl gl_SOCKCOMPAT_NONBLOCK_METHOD
dnl How does this system make a descriptor non-blocking?  POSIX has
dnl fcntl(F_SETFL, O_NONBLOCK); System V had O_NDELAY and 4.3BSD FNDELAY for
dnl the same fcntl call; the oldest systems only have ioctl(FIONBIO).  The
dnl fcntl spellings share lib/sockcompat-nonblock-fcntl.c (the flag is SOCKCOMPAT_O_NONBLOCK in
dnl config.h); ioctl(FIONBIO) is lib/sockcompat-nonblock-ioctl.c, which also needs
dnl FIOASYNC to clear an inherited O_ASYNC.
dnl Results: ac_cv_have_decl_O_NONBLOCK, ac_cv_have_decl_O_NDELAY,
dnl ac_cv_have_decl_FNDELAY, ac_cv_have_decl_FIONBIO, ac_cv_have_decl_FIOASYNC
dnl and sockcompat_cv_nonblock_method (O_NONBLOCK, O_NDELAY, FNDELAY or FIONBIO).
AC_DEFUN([gl_SOCKCOMPAT_NONBLOCK_METHOD],
[
  AC_REQUIRE([gl_SOCKCOMPAT_IOCTL_HEADERS])
  AC_CHECK_DECLS([F_SETFL, O_NONBLOCK, O_NDELAY, FNDELAY], [], [], [[#include <fcntl.h>]])
  AC_CHECK_DECLS([FIONBIO, FIOASYNC], [], [], [gl_SOCKCOMPAT_IOCTL_INCLUDES])
  AC_CACHE_CHECK([how to set non-blocking mode], [sockcompat_cv_nonblock_method],
    [sockcompat_cv_nonblock_method=none
     if test "$ac_cv_have_decl_F_SETFL" = yes; then
       for sockcompat_flag in O_NONBLOCK O_NDELAY FNDELAY; do
         eval sockcompat_have=\$ac_cv_have_decl_$sockcompat_flag
         if test "$sockcompat_have" = yes; then
           sockcompat_cv_nonblock_method=$sockcompat_flag
           break
         fi
       done
     fi
     if test $sockcompat_cv_nonblock_method = none &&
        test "$ac_cv_have_decl_FIONBIO,$ac_cv_have_decl_FIOASYNC" = yes,yes; then
       sockcompat_cv_nonblock_method=FIONBIO
     fi])
  AS_CASE([$sockcompat_cv_nonblock_method],
    [O_NONBLOCK|O_NDELAY|FNDELAY],
      [AC_DEFINE_UNQUOTED([SOCKCOMPAT_O_NONBLOCK], [$sockcompat_cv_nonblock_method],
         [The fcntl(F_SETFL) flag that makes a descriptor non-blocking.])],
    [FIONBIO], [],
    [AC_MSG_ERROR([no way to set non-blocking mode: no O_NONBLOCK, O_NDELAY or FNDELAY for fcntl, no ioctl(FIONBIO) with FIOASYNC])])
  AM_CONDITIONAL([SOCKCOMPAT_NONBLOCK_IOCTL], [test "$sockcompat_cv_nonblock_method" = FIONBIO])
])
