# sockcompat_testsys.m4 serial 2
dnl Copyright (c) 2026 The sockcompat authors.
dnl
dnl Copying and distribution of this file, with or without modification,
dnl are permitted in any medium without royalty provided the copyright
dnl notice and this notice are preserved.  This file is offered as-is,
dnl without any warranty.  (SPDX-License-Identifier: FSFAP)

dnl SC_TESTS_SYSTEM
dnl What the test programs need to know to reach the system's own calls
dnl past the functions they interpose (fcntl, ioctl, accept, accept4), and
dnl to write those definitions with the system's own prototypes.  Not part
dnl of the gnulib module: the library never interposes anything.
dnl
dnl syscall(): OpenBSD neither declares nor exports it any more, macOS
dnl declares it deprecated (a warning, an error under --enable-werror);
dnl the tests then look the next definition up with dlsym(RTLD_NEXT).
dnl ioctl's request is unsigned long on the BSDs, glibc and macOS, int on
dnl illumos (<unistd.h>); accept's length is socklen_t * except with
dnl illumos's GCC outside the X/Open namespace (Psocklen_t, a void *).
dnl Result: HAVE_SYS_SYSCALL_H, HAVE_PTHREAD_BARRIER_T, SC_T_HAVE_SYSCALL, SC_T_IOCTL_REQUEST, SC_T_ACCEPT_LEN (config.h);
dnl SC_T_LIBDL (for dlsym, empty where libc has it); SC_T_HAVE_ACCEPT4
dnl (automake conditional: the simulations of other systems need the
dnl system's accept4); SC_T_HAVE_SOCK_NOSIGPIPE, SC_T_HAVE_SOCK_CLOFORK,
dnl SC_T_HAVE_SO_NOSIGPIPE (conditionals: the system's own flag is kept).
AC_DEFUN([SC_TESTS_SYSTEM],
[
  AC_REQUIRE([AC_USE_SYSTEM_EXTENSIONS])
  AC_REQUIRE([gl_SOCKCOMPAT])
  dnl <sys/syscall.h> is no standard header: zig's macOS headers lack it.
  AC_CHECK_HEADERS([sys/syscall.h])
  dnl pthread barriers are optional in POSIX; macOS has none.
  AC_CHECK_TYPES([pthread_barrier_t], [], [], [[#include <pthread.h>]])
  dnl A warning is a "no": a deprecated syscall() must not be chosen.
  AC_CACHE_CHECK([whether syscall() is declared, exported and not deprecated],
    [sockcompat_cv_syscall],
    [sockcompat_save_werror=$ac_c_werror_flag
     ac_c_werror_flag=yes
     AC_LINK_IFELSE([AC_LANG_PROGRAM([[#ifdef HAVE_SYS_SYSCALL_H
# include <sys/syscall.h>
#endif
#include <unistd.h>]], [[return (int)syscall(SYS_getpid) < 0;]])],
       [sockcompat_cv_syscall=yes], [sockcompat_cv_syscall=no])
     ac_c_werror_flag=$sockcompat_save_werror])
  AS_IF([test $sockcompat_cv_syscall = yes],
    [AC_DEFINE([SC_T_HAVE_SYSCALL], [1],
       [Define to 1 if the tests can call syscall() (not OpenBSD, not macOS).])])
  AC_CACHE_CHECK([for the type of ioctl's request argument],
    [sockcompat_cv_ioctl_request],
    [sockcompat_cv_ioctl_request=no
     for sockcompat_t in 'unsigned long' int; do
       AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <sys/ioctl.h>
#include <unistd.h>
int ioctl(int, $sockcompat_t, ...);]], [])],
         [sockcompat_cv_ioctl_request=$sockcompat_t; break])
     done])
  AS_IF([test "$sockcompat_cv_ioctl_request" = no],
    [sockcompat_cv_ioctl_request='unsigned long'])
  AC_DEFINE_UNQUOTED([SC_T_IOCTL_REQUEST], [$sockcompat_cv_ioctl_request],
    [The type of ioctl's second parameter, for the tests' own ioctl.])
  AC_CACHE_CHECK([for the type of accept's length argument],
    [sockcompat_cv_accept_len],
    [sockcompat_cv_accept_len=no
     for sockcompat_t in 'socklen_t *' 'Psocklen_t' 'void *'; do
       AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <sys/types.h>
#include <sys/socket.h>
int accept(int, struct sockaddr *, $sockcompat_t);]], [])],
         [sockcompat_cv_accept_len=$sockcompat_t; break])
     done])
  AS_IF([test "$sockcompat_cv_accept_len" = no],
    [sockcompat_cv_accept_len='socklen_t *'])
  AC_DEFINE_UNQUOTED([SC_T_ACCEPT_LEN], [$sockcompat_cv_accept_len],
    [The type of the length parameter of accept and accept4, for the tests' own definitions.])
  sockcompat_save_LIBS=$LIBS
  AC_SEARCH_LIBS([dlsym], [dl])
  LIBS=$sockcompat_save_LIBS
  SC_T_LIBDL=
  AS_CASE([$ac_cv_search_dlsym],
    [no|"none required"], [],
    [SC_T_LIBDL=$ac_cv_search_dlsym])
  AC_SUBST([SC_T_LIBDL])
  AM_CONDITIONAL([SC_T_HAVE_ACCEPT4],
    [test "$ac_cv_have_decl_accept4,$ac_cv_func_accept4" = yes,yes])
  dnl The simulations of other systems' flags define stand-ins for these
  dnl (Makefile.am); a system that has one keeps its own definition, which
  dnl a -D of another value would redefine (FreeBSD 15's SOCK_CLOFORK,
  dnl NetBSD's SOCK_NOSIGPIPE, macOS's and FreeBSD's SO_NOSIGPIPE).
  AC_CHECK_DECLS([SOCK_NOSIGPIPE, SOCK_CLOFORK, SO_NOSIGPIPE], [], [], [[
#include <sys/types.h>
#include <sys/socket.h>
]])
  AM_CONDITIONAL([SC_T_HAVE_SOCK_NOSIGPIPE],
    [test "$ac_cv_have_decl_SOCK_NOSIGPIPE" = yes])
  AM_CONDITIONAL([SC_T_HAVE_SOCK_CLOFORK],
    [test "$ac_cv_have_decl_SOCK_CLOFORK" = yes])
  AM_CONDITIONAL([SC_T_HAVE_SO_NOSIGPIPE],
    [test "$ac_cv_have_decl_SO_NOSIGPIPE" = yes])
])
