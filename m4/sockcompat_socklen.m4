# sockcompat_socklen.m4 serial 2
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

dnl gl_SOCKCOMPAT_TYPE_SOCKLEN_T
dnl sockcompat.h promises a socklen_t.  Whether the system has one, and what
dnl to use where it does not (int on 4.3BSD, whatever getpeername takes
dnl elsewhere), is gnulib's gl_TYPE_SOCKLEN_T, reused as is; this macro only
dnl records the answer for the generated header and measures the width, which
dnl the tests compare with what the header gives.
dnl Results: ac_cv_type_socklen_t, gl_cv_socklen_t_equiv, ac_cv_sizeof_socklen_t.
AC_DEFUN([gl_SOCKCOMPAT_TYPE_SOCKLEN_T],
[
  AC_REQUIRE([gl_TYPE_SOCKLEN_T])
  if test "$ac_cv_type_socklen_t" = yes; then
    SOCKCOMPAT_HAVE_SOCKLEN_T=1
    SOCKCOMPAT_SOCKLEN_T=socklen_t
  else
    SOCKCOMPAT_HAVE_SOCKLEN_T=0
    SOCKCOMPAT_SOCKLEN_T=$gl_cv_socklen_t_equiv
  fi
  AC_SUBST([SOCKCOMPAT_HAVE_SOCKLEN_T])
  AC_SUBST([SOCKCOMPAT_SOCKLEN_T])
  AC_CHECK_SIZEOF([socklen_t], [], [[
#include <sys/types.h>
#include <sys/socket.h>
]])
])
