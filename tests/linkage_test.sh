#! @ATF_SH@
#
# The test programs installed with the suite test the installed library:
# each one that calls sockcompat takes it from libsockcompat.so.0 in the
# library directory, and none carries a copy of the code of its own.
# In the build tree, the same for the programs "make install" would install
# (libtool's real binaries in .libs), against the build's library.
#
# Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

programs='@INSTALLED_PROGRAMS@'

# binary NAME: the program's ELF file (libtool keeps it in .libs in the
# build tree, behind a wrapper script).
binary()
{
	if [ -f "$(atf_get_srcdir)/.libs/$1" ]; then
		echo "$(atf_get_srcdir)/.libs/$1"
	else
		echo "$(atf_get_srcdir)/$1"
	fi
}

# require_tools: the shared library and the ELF tools this test reads with.
require_tools()
{
	libdir=$(atf_config_get libdir '@LIBDIR@')
	lib=$libdir/libsockcompat.so.0
	[ -f "$lib" ] || atf_skip "no shared library at $lib (built static only?)"
	for t in nm readelf ldd; do
		command -v $t >/dev/null 2>&1 ||
		    atf_skip "$t is not installed (binutils, libc-bin)"
	done
}

atf_test_case no_copy_of_the_code
no_copy_of_the_code_head()
{
	atf_set descr "no installed test program defines a sockcompat_" \
	    "function: the code they test is the shared library's"
}
no_copy_of_the_code_body()
{
	require_tools
	: > copies
	for p in $programs; do
		f=$(binary "$p")
		[ -f "$f" ] || atf_fail "$p is not beside this test ($f)"
		nm --defined-only "$f" 2>/dev/null |
		    awk -v p="$p" '$3 ~ /^sockcompat_/ { print p ": " $3 }' >> copies
	done
	atf_check -o empty cat copies
}

atf_test_case linked_with_the_library
linked_with_the_library_head()
{
	atf_set descr "every installed test program that calls sockcompat" \
	    "needs libsockcompat.so.0 and the dynamic linker finds it in" \
	    "the library directory; the behaviour tests all do"
}
linked_with_the_library_body()
{
	require_tools
	real=$(cd "$libdir" && pwd -P)/libsockcompat.so.0
	: > wrong
	users=
	for p in $programs; do
		f=$(binary "$p")
		nm -D --undefined-only "$f" 2>/dev/null | grep -q ' sockcompat_' ||
		    continue
		users="$users $p"
		readelf -d "$f" | grep -q 'NEEDED.*\[libsockcompat\.so\.0\]' ||
		    echo "$p: calls sockcompat_ but does not need libsockcompat.so.0" >> wrong
		found=$(LD_LIBRARY_PATH=$libdir ldd "$f" |
		    sed -n 's/^[[:space:]]*libsockcompat\.so\.0 => \([^ ]*\) .*/\1/p')
		if [ -z "$found" ] || [ "$(cd "${found%/*}" && pwd -P)/${found##*/}" != "$real" ]; then
			echo "$p: libsockcompat.so.0 is '$found', not $real" >> wrong
		fi
	done
	atf_check -o empty cat wrong
	# (fallback_test is not required: where the build never calls the
	# native accept4, its cases skip and the compiler drops its calls.)
	for p in accept4_test accept4_refused_test socket_test \
	    socket_refused_test accept_error_test accept_error_refused_test \
	    threads_test threads_refused_test echod; do
		case " $users " in
		*" $p "*) ;;
		*) atf_fail "$p does not call sockcompat through the library" ;;
		esac
	done
}

atf_init_test_cases()
{
	atf_add_test_case no_copy_of_the_code
	atf_add_test_case linked_with_the_library
}
