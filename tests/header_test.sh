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

atf_test_case send_routing
send_routing_head()
{
	atf_set descr "where the system's header has no MSG_NOSIGNAL (played" \
	    "by undefining it before sockcompat.h), free calls of send," \
	    "sendto and sendmsg reach the shims, by asm label or by the" \
	    "macro, in C and C++, and a C++ member named send stays;" \
	    "where it has one, nothing is routed"
}
send_routing_body()
{
	# The program includes <sys/socket.h> before sockcompat.h.
	require_standalone_system_header '@CC@'
	cat > s.c <<'PROG'
#include <sys/types.h>
#include <sys/socket.h>
#ifdef UNDEF_NOSIGNAL
#undef MSG_NOSIGNAL
#endif
#include <sockcompat.h>
#include <netinet/in.h>
#include <string.h>

int use_send(int fd);

int
use_send(int fd)
{
	struct sockaddr_in a;
	struct msghdr m;
	char c = 0;

	memset(&a, 0, sizeof a);
	memset(&m, 0, sizeof m);
	return (int)(send(fd, &c, 1, MSG_NOSIGNAL) +
	    sendto(fd, &c, 1, MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a) +
	    sendmsg(fd, &m, MSG_NOSIGNAL));
}
PROG
	for how in "" -DSOCKCOMPAT_RENAME_BY_MACRO -D_GNU_SOURCE; do
		atf_check @CC@ @CPPFLAGS@ -Wall -Wextra -Werror -DUNDEF_NOSIGNAL \
		    $how -I"$(incdir)" -c s.c -o s.o
		atf_check -o save:u.txt nm -u s.o
		for f in send sendto sendmsg; do
			atf_check -o ignore grep -x " *U sockcompat_$f" u.txt
		done
	done
	atf_check @CC@ @CPPFLAGS@ -Wall -Werror -I"$(incdir)" -c s.c -o n.o
	atf_check -o save:n.txt nm -u n.o
	if printf '#include <sys/socket.h>\n#ifndef MSG_NOSIGNAL\n#error none\n#endif\n' |
	    @CC@ @CPPFLAGS@ -x c -c - -o sys.o >/dev/null 2>&1; then
		atf_check -s exit:1 grep sockcompat_ n.txt
	fi
	require_cxx
	cp s.c s.cc
	printf '%s\n' 'struct conn { int send(int x) { return x; } };' \
	    'int member(void);' 'int member(void) { conn c; return c.send(1); }' \
	    >> s.cc
	atf_check $cxx @CPPFLAGS@ -Wall -Werror -DUNDEF_NOSIGNAL \
	    -I"$(incdir)" -c s.cc -o x.o
	atf_check -o save:x.txt nm -u x.o
	atf_check -o ignore grep -x " *U sockcompat_send" x.txt
}
# --- recvmsg routing (begin) ---
atf_test_case recvmsg_routing
recvmsg_routing_head()
{
	atf_set descr "MSG_CMSG_CLOEXEC is defined in every namespace; recvmsg" \
	    "is left to the system where its flag works (Linux), and reaches" \
	    "sockcompat_recvmsg by asm label or macro when routing is asked" \
	    "(SOCKCOMPAT_ROUTE_RECVMSG), but not with SOCKCOMPAT_NO_RENAME"
}
recvmsg_routing_body()
{
	cat > r.c <<'PROG'
#include <sockcompat.h>

/* glibc's is an enum constant behind a macro of its own name: in #if it
 * would be 0, so its value is checked by the compiler proper. */
#ifndef MSG_CMSG_CLOEXEC
# error "no MSG_CMSG_CLOEXEC"
#endif
typedef char flag_is_nonzero[MSG_CMSG_CLOEXEC != 0 ? 1 : -1];

ssize_t get(int fd, struct msghdr *m);

ssize_t
get(int fd, struct msghdr *m)
{
	return recvmsg(fd, m, MSG_CMSG_CLOEXEC);
}
PROG
	for ns in "" -D_GNU_SOURCE -D_POSIX_C_SOURCE=200809L; do
		atf_check @CC@ @CPPFLAGS@ -std=c99 -pedantic-errors -Wall \
		    -Wextra -Werror $ns -I"$(incdir)" -c r.c -o r.o
	done
	atf_check -o save:u.txt nm -u r.o
	if [ "$(uname -s)" = Linux ]; then
		atf_check -o ignore grep -E "(^| )recvmsg(@.*)?\$" u.txt
		atf_check -s exit:1 grep sockcompat_recvmsg u.txt
	fi
	for how in "" -DSOCKCOMPAT_RENAME_BY_MACRO; do
		atf_check @CC@ @CPPFLAGS@ -DSOCKCOMPAT_ROUTE_RECVMSG $how \
		    -I"$(incdir)" -c r.c -o routed.o
		atf_check -o save:u.txt nm -u routed.o
		atf_check -o ignore grep -E "(^| )_?sockcompat_recvmsg\$" u.txt
		atf_check -s exit:1 grep -E "(^| )_?recvmsg(@.*)?\$" u.txt
	done
	atf_check @CC@ @CPPFLAGS@ -DSOCKCOMPAT_ROUTE_RECVMSG \
	    -DSOCKCOMPAT_NO_RENAME -I"$(incdir)" -c r.c -o plain.o
	atf_check -o save:u.txt nm -u plain.o
	atf_check -s exit:1 grep sockcompat_ u.txt
}
# --- recvmsg routing (end) ---

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

# compilers DEFAULT OTHERS...: DEFAULT (configure's), then each of OTHERS
# that is installed and not the same command, so that both gcc and clang
# judge what they may judge differently.
compilers()
{
	list=$1
	shift
	for c in "$@"; do
		[ "$c" = "$list" ] && continue
		command -v "$c" >/dev/null 2>&1 && list="$list
$c"
	done
	printf '%s\n' "$list"
}

# The fallback values of SOCK_CLOEXEC and SOCK_NONBLOCK, for systems whose
# headers have none, are never compiled on a system that has them unless
# the system's are taken away first.  Checked at compile time, so that a
# C89 compiler checks them too.
write_fallback_program()
{
	cat > "$1" <<'PROG'
#include <sys/types.h>
#include <sys/socket.h>
/* As on a system without the type flags. */
#undef SOCK_CLOEXEC
#undef SOCK_NONBLOCK
#include <sockcompat.h>

#define SC_FLAGS (SOCK_CLOEXEC | SOCK_NONBLOCK)
#define SC_CLEAR(t) (((t) & SC_FLAGS) == 0 && (t) < SOCK_CLOEXEC && \
	(t) < SOCK_NONBLOCK)
typedef char sc_cloexec_nonzero[SOCK_CLOEXEC != 0 ? 1 : -1];
typedef char sc_nonblock_nonzero[SOCK_NONBLOCK != 0 ? 1 : -1];
typedef char sc_distinct[(SOCK_CLOEXEC & SOCK_NONBLOCK) == 0 ? 1 : -1];
typedef char sc_stream[SC_CLEAR(SOCK_STREAM) ? 1 : -1];
typedef char sc_dgram[SC_CLEAR(SOCK_DGRAM) ? 1 : -1];
typedef char sc_raw[SC_CLEAR(SOCK_RAW) ? 1 : -1];
typedef char sc_rdm[SC_CLEAR(SOCK_RDM) ? 1 : -1];
typedef char sc_seqpacket[SC_CLEAR(SOCK_SEQPACKET) ? 1 : -1];
PROG
}

atf_test_case fallback_flag_values
fallback_flag_values_head()
{
	atf_set descr "the header's own SOCK_CLOEXEC and SOCK_NONBLOCK (for" \
	    "systems without them, and OpenBSD's and illumos's values for" \
	    "strict namespaces) are non-zero, distinct and clear of every" \
	    "socket type, checked at compile time in C and C++ by gcc and clang"
}
fallback_flag_values_body()
{
	require_standalone_system_header '@CC@'
	write_fallback_program f.c
	cp f.c f.cc
	compilers '@CC@' gcc clang > cc.list
	: > cxx.list
	cxx='@CXX@'
	command -v "${cxx%% *}" >/dev/null 2>&1 &&
	    compilers "$cxx" g++ clang++ > cxx.list
	for sys in "" -D__OpenBSD__ -D__sun; do
		while read -r c; do
			for std in c89 c11; do
				atf_check -o ignore -e ignore $c @CPPFLAGS@ \
				    -std=$std -pedantic-errors -Wall -Wextra \
				    -Werror $sys -I"$(incdir)" -c f.c -o f.o
			done
		done < cc.list
		while read -r c; do
			atf_check -o ignore -e ignore $c @CPPFLAGS@ -std=c++11 \
			    -pedantic-errors -Wall -Wextra -Werror $sys \
			    -I"$(incdir)" -c f.cc -o f.o
		done < cxx.list
	done
	echo "compiled by: $(cat cc.list cxx.list | tr '\n' ' ')"
}

# What C++ code can ask of a declaration: is a call noexcept?  glibc
# declares socket and socketpair nothrow (__THROW, noexcept in C++) and
# accept4 not (a cancellation point).  The routed declaration must answer
# as the system's own does.
write_noexcept_program()
{
	cat > "$1" <<'PROG'
#include <sockcompat.h>

static int sc_sv[2];
#if defined SC_SOCKET
static_assert(noexcept(::socket(0, 0, 0)) == SC_EXPECT, "socket");
#elif defined SC_SOCKETPAIR
static_assert(noexcept(::socketpair(0, 0, 0, sc_sv)) == SC_EXPECT,
    "socketpair");
#else
static_assert(noexcept(::accept4(0, 0, 0, 0)) == SC_EXPECT, "accept4");
#endif
int *sc_use(void);
int *sc_use(void) { return sc_sv; }
PROG
}

atf_test_case cxx_noexcept
cxx_noexcept_head()
{
	atf_set descr "in C++, calls of the routed socket, socketpair and" \
	    "accept4 are noexcept exactly where the system's own are, for" \
	    "g++ and clang++ (which accept a redeclaration after a system" \
	    "header that drops the exception specification)"
}
cxx_noexcept_body()
{
	require_cxx
	write_noexcept_program n.cc
	compilers "$cxx" g++ clang++ > cxx.list
	while read -r c; do
		for fn in SOCKET SOCKETPAIR ACCEPT4; do
			sys=
			for e in 1 0; do
				if $c @CPPFLAGS@ -std=c++11 -D_GNU_SOURCE \
				    -DSOCKCOMPAT_NO_RENAME -DSC_$fn -DSC_EXPECT=$e \
				    -I"$(incdir)" -c n.cc -o n.o >/dev/null 2>&1
				then
					sys=$e
					break
				fi
			done
			if [ -z "$sys" ]; then
				# Only accept4 may be missing from a system.
				[ $fn = ACCEPT4 ] ||
				    atf_fail "$c: the system's $fn does not compile"
				continue
			fi
			echo "$c: the system's $fn is noexcept: $sys"
			atf_check -o ignore -e ignore $c @CPPFLAGS@ -std=c++11 \
			    -D_GNU_SOURCE -Wall -Wextra -Werror -DSC_$fn \
			    -DSC_EXPECT=$sys -I"$(incdir)" -c n.cc -o n.o
		done
	done < cxx.list
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
	atf_add_test_case send_routing
	atf_add_test_case no_config_h
	atf_add_test_case fallback_flag_values
	atf_add_test_case cxx_noexcept
	atf_add_test_case recvmsg_routing
}
