# sockcompat_recvmsg.m4 serial 3
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl gl_SOCKCOMPAT_RECVMSG
dnl Can sockcompat_recvmsg hand MSG_CMSG_CLOEXEC to the kernel, or must it
dnl set close-on-exec on the received descriptors itself?
dnl
dnl The flag is passed on only where the system's header defines it and the
dnl system is not one whose flag is known not to work.  No run test, and no
dnl "try it and fall back on EINVAL" at run time: Linux ignores recvmsg
dnl flags it does not know, so neither could tell a working flag from an
dnl ignored one.  The one known broken flag is FreeBSD's between 2015 and
dnl the 2021 fix (doc/PLATFORMS.md, section F): there the emulation is used
dnl whenever the system's <sys/param.h> says __FreeBSD_version is below the
dnl fix (1300502 on 13, 1400006 on 14).  That is a property of the headers
dnl the program is built with; FreeBSD runs a world only on a kernel at least
dnl as new, so a build against fixed headers never meets a broken kernel.
dnl
dnl Systems whose struct msghdr has only msg_accrights (4.3BSD before Reno)
dnl get the variant that walks that array instead of control messages.
dnl illumos and Solaris have both structs, by namespace; the library's
dnl msghdr files are built in the X/Open one (lib/sockcompat-xopen.h), so
dnl the member is looked for there, with that header's definition.
dnl
dnl Results: ac_cv_have_decl_MSG_CMSG_CLOEXEC,
dnl ac_cv_member_struct_msghdr_msg_control, sockcompat_cv_cmsg_cloexec_works
dnl (yes, no, or "absent" when the system has no such flag), and the
dnl decision sockcompat_native_cmsg_cloexec (and C macro
dnl SOCKCOMPAT_NATIVE_CMSG_CLOEXEC), from which configure.ac and
dnl modules/sockcompat make the conditionals SOCKCOMPAT_NATIVE_CMSG_CLOEXEC
dnl and SOCKCOMPAT_MSG_ACCRIGHTS.
AC_DEFUN([gl_SOCKCOMPAT_RECVMSG],
[
  AC_REQUIRE([gl_SOCKCOMPAT_ARG_EMULATION])
  AC_REQUIRE([AC_USE_SYSTEM_EXTENSIONS])
  AC_CHECK_DECLS([MSG_CMSG_CLOEXEC], [], [], [[
#include <sys/types.h>
#include <sys/socket.h>
]])
  AC_CHECK_MEMBERS([struct msghdr.msg_control], [], [], [[
#if defined __sun && !defined _XPG4_2
# define _XPG4_2
#endif
#include <sys/types.h>
#include <sys/socket.h>
]])
  AC_CACHE_CHECK([whether the system's MSG_CMSG_CLOEXEC works],
    [sockcompat_cv_cmsg_cloexec_works],
    [AS_IF([test "$ac_cv_have_decl_MSG_CMSG_CLOEXEC" != yes],
       [sockcompat_cv_cmsg_cloexec_works=absent],
       [dnl FreeBSD from 2015 until 6ceacebdf52211 (2021) ignored the flag.
        AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#include <sys/param.h>
#if defined __FreeBSD__ && (__FreeBSD_version < 1300502 || \
    (__FreeBSD_version >= 1400000 && __FreeBSD_version < 1400006))
# error "MSG_CMSG_CLOEXEC is ignored by this FreeBSD"
#endif
]])],
          [sockcompat_cv_cmsg_cloexec_works=yes],
          [sockcompat_cv_cmsg_cloexec_works=no])])])
  sockcompat_native_cmsg_cloexec=no
  if test "$sockcompat_emulation,$sockcompat_cv_cmsg_cloexec_works" = auto,yes; then
    sockcompat_native_cmsg_cloexec=yes
    AC_DEFINE([SOCKCOMPAT_NATIVE_CMSG_CLOEXEC], [1],
      [Define to 1 if recvmsg is given MSG_CMSG_CLOEXEC by the kernel.])
  fi
])
