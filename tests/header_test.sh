#! @ATF_SH@
#
# sockcompat.h stands alone: it compiles by itself as C89, C99, C11 and
# C++, with and without _GNU_SOURCE, before or after <sys/socket.h>, needs
# no config.h, and renames as documented.  Run against the header in the
# build tree by "make check", against the installed one otherwise.
#
# Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

incdir() { atf_config_get incdir '@INCLUDEDIR@'; }
overlaydir() { atf_config_get overlaydir '@INCLUDEDIR@/sockcompat-overlay'; }

# write_program FILE: a program using everything the header promises,
# including it before <sys/socket.h>, after it (SC_AFTER), or not at all,
# through the overlay (SC_OVERLAY).
write_program()
{
	cat > "$1" <<'PROG'
#if defined SC_OVERLAY
# include <sys/types.h>
# include <sys/socket.h>
#elif defined SC_AFTER
# include <sys/socket.h>
# include <sockcompat.h>
#else
# include <sockcompat.h>
# include <sys/socket.h>
#endif

int use_it(int l);

int
use_it(int l)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int sv[2];
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	return s + accept4(l, (struct sockaddr *)&ss, &len,
	    SOCK_CLOEXEC | SOCK_NONBLOCK);
}
PROG
}

# compile_all COMPILER SOURCE ORDER STD...: every standard, with and
# without _GNU_SOURCE, and in a strict POSIX namespace (under which some
# systems hide SOCK_CLOEXEC: the header must still provide it), warnings
# as errors.
compile_all()
{
	cc=$1 src=$2 order=$3
	shift 3
	for std in "$@"; do
		for gnu in "" -D_GNU_SOURCE -D_POSIX_C_SOURCE=200809L; do
			atf_check -o ignore -e ignore $cc @CPPFLAGS@ -std=$std \
			    -pedantic-errors -Wall -Wextra -Werror $gnu $order \
			    -I"$(incdir)" -c "$src" -o t.o
		done
	done
}

# The "after" cases need a <sys/socket.h> that compiles by itself, which
# is true of real systems but not of a build configured to pretend the
# system has no socklen_t (the 4.3BSD profile hides glibc's).
require_standalone_system_header()
{
	printf '#include <sys/types.h>\n#include <sys/socket.h>\n' > sys.c
	if ! $1 @CPPFLAGS@ -c sys.c -o sys.o >/dev/null 2>&1; then
		atf_skip "<sys/socket.h> does not compile on its own with" \
		    "CPPFLAGS '@CPPFLAGS@' (a profile that hides socklen_t)"
	fi
}

require_cxx()
{
	cxx='@CXX@'
	command -v "${cxx%% *}" >/dev/null 2>&1 ||
	    atf_skip "no C++ compiler ($cxx) to compile with"
}

atf_test_case c_before
c_before_head()
{
	atf_set descr "sockcompat.h compiles alone, before <sys/socket.h>," \
	    "as C89, C99 and C11, with and without _GNU_SOURCE"
}
c_before_body()
{
	write_program t.c
	compile_all '@CC@' t.c "" c89 c99 c11
}

atf_test_case c_after
c_after_head()
{
	atf_set descr "sockcompat.h compiles after <sys/socket.h>," \
	    "as C89, C99 and C11, with and without _GNU_SOURCE"
}
c_after_body()
{
	require_standalone_system_header '@CC@'
	write_program t.c
	compile_all '@CC@' t.c -DSC_AFTER c89 c99 c11
}

atf_test_case cxx_before
cxx_before_head()
{
	atf_set descr "sockcompat.h compiles alone as C++98 and C++11 with" \
	    "C linkage, with and without _GNU_SOURCE"
}
cxx_before_body()
{
	require_cxx
	write_program t.cc
	compile_all '@CXX@' t.cc "" c++98 c++11
}

atf_test_case cxx_after
cxx_after_head()
{
	atf_set descr "sockcompat.h compiles after <sys/socket.h> as C++98" \
	    "and C++11, with and without _GNU_SOURCE"
}
cxx_after_body()
{
	require_cxx
	require_standalone_system_header '@CXX@'
	write_program t.cc
	compile_all '@CXX@' t.cc -DSC_AFTER c++98 c++11
}

# routed OBJECT: the object calls all three shims and none of the
# system's own accept4, socket and socketpair.
routed()
{
	atf_check -o save:u.txt nm -u "$1"
	for f in accept4 socket socketpair; do
		atf_check -o ignore grep -E "(^| )_?sockcompat_$f\$" u.txt
		atf_check -s exit:1 grep -E "(^| )_?$f(@.*)?\$" u.txt
	done
}

overlay_compile()
{
	for gnu in "" -D_GNU_SOURCE; do
		atf_check -o ignore -e ignore $1 @CPPFLAGS@ -std=$2 -Wall \
		    -Wextra -Werror $gnu -DSC_OVERLAY -isystem "$(overlaydir)" \
		    -I"$(incdir)" -c "$3" -o t.o
		routed t.o
	done
}

atf_test_case overlay_c
overlay_c_head()
{
	atf_set descr "C code that includes only <sys/socket.h> gets" \
	    "accept4 and the flags through the overlay, with and without" \
	    "_GNU_SOURCE"
}
overlay_c_body()
{
	write_program t.c
	overlay_compile '@CC@' c99 t.c
}

atf_test_case overlay_cxx
overlay_cxx_head()
{
	atf_set descr "C++ code that includes only <sys/socket.h> gets" \
	    "accept4 and the flags through the overlay, with and without" \
	    "_GNU_SOURCE"
}
overlay_cxx_body()
{
	require_cxx
	write_program t.cc
	overlay_compile '@CXX@' c++11 t.cc
}

atf_test_case rename
rename_head()
{
	atf_set descr "free calls of accept4, socket and socketpair reach the" \
	    "shims, by asm label or by the macro fallback, unless" \
	    "SOCKCOMPAT_NO_RENAME is defined"
}
rename_body()
{
	write_program t.c
	atf_check @CC@ @CPPFLAGS@ -I"$(incdir)" -c t.c -o label.o
	routed label.o
	atf_check @CC@ @CPPFLAGS@ -DSOCKCOMPAT_RENAME_BY_MACRO -I"$(incdir)" \
	    -c t.c -o macro.o
	routed macro.o
	atf_check @CC@ @CPPFLAGS@ -D_GNU_SOURCE -DSOCKCOMPAT_NO_RENAME -I"$(incdir)" \
	    -c t.c -o plain.o
	atf_check -o save:plain.txt nm -u plain.o
	atf_check -s exit:1 grep sockcompat_ plain.txt
}

atf_test_case no_config_h
no_config_h_head()
{
	atf_set descr "sockcompat.h includes no config.h and leaves no" \
	    "unsubstituted configure variable behind"
}
no_config_h_body()
{
	atf_check -s exit:1 grep -E 'config\.h"|<config\.h>|@[A-Z_]+@' \
	    "$(incdir)/sockcompat.h"
}

atf_init_test_cases()
{
	atf_add_test_case c_before
	atf_add_test_case c_after
	atf_add_test_case cxx_before
	atf_add_test_case cxx_after
	atf_add_test_case overlay_c
	atf_add_test_case overlay_cxx
	atf_add_test_case rename
	atf_add_test_case no_config_h
}
