# sockcompat_cloexec.m4 serial 2
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

dnl gl_SOCKCOMPAT_CLOEXEC_METHOD
dnl How does this system mark a descriptor close-on-exec?  POSIX has
dnl fcntl(F_SETFD, FD_CLOEXEC); 4.3BSD and some of its descendants only had
dnl ioctl(FIOCLEX) (which Linux and the BSDs still implement, so that variant
dnl can be built and run here by forcing the cache variables below).
dnl Results: ac_cv_have_decl_FD_CLOEXEC, ac_cv_have_decl_F_SETFD,
dnl ac_cv_have_decl_FIOCLEX, and sockcompat_cv_cloexec_method, which is
dnl F_SETFD or FIOCLEX.  It selects lib/sockcompat-cloexec-fcntl.c or lib/sockcompat-cloexec-ioctl.c.
AC_DEFUN([gl_SOCKCOMPAT_CLOEXEC_METHOD],
[
  AC_REQUIRE([gl_SOCKCOMPAT_IOCTL_HEADERS])
  AC_CHECK_DECLS([FD_CLOEXEC, F_SETFD], [], [], [[#include <fcntl.h>]])
  AC_CHECK_DECLS([FIOCLEX], [], [], [gl_SOCKCOMPAT_IOCTL_INCLUDES])
  AC_CACHE_CHECK([how to set close-on-exec], [sockcompat_cv_cloexec_method],
    [if test "$ac_cv_have_decl_FD_CLOEXEC,$ac_cv_have_decl_F_SETFD" = yes,yes; then
       sockcompat_cv_cloexec_method=F_SETFD
     elif test "$ac_cv_have_decl_FIOCLEX" = yes; then
       sockcompat_cv_cloexec_method=FIOCLEX
     else
       sockcompat_cv_cloexec_method=none
     fi])
  AS_CASE([$sockcompat_cv_cloexec_method],
    [F_SETFD|FIOCLEX], [],
    [AC_MSG_ERROR([no way to set close-on-exec: neither fcntl(F_SETFD, FD_CLOEXEC) nor ioctl(FIOCLEX)])])
  AM_CONDITIONAL([SOCKCOMPAT_CLOEXEC_IOCTL], [test "$sockcompat_cv_cloexec_method" = FIOCLEX])
])

dnl gl_SOCKCOMPAT_IOCTL_HEADERS
dnl The FIO* requests live in <sys/ioctl.h>, or in <sys/filio.h> on Solaris
dnl and some BSDs.
AC_DEFUN([gl_SOCKCOMPAT_IOCTL_HEADERS],
[
  AC_CHECK_HEADERS_ONCE([sys/filio.h])
])
AC_DEFUN([gl_SOCKCOMPAT_IOCTL_INCLUDES], [[
#include <sys/types.h>
#include <sys/ioctl.h>
#ifdef HAVE_SYS_FILIO_H
# include <sys/filio.h>
#endif
]])
