#! @ATF_SH@
#
# The shared library exports exactly the public API, each symbol in the
# release's version node.
#
# Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

atf_test_case exported
exported_head()
{
	atf_set descr "nm -D --defined-only lists exactly the sockcompat_" \
	    "functions of the public API, versioned SOCKCOMPAT_0.1"
}
exported_body()
{
	libdir=$(atf_config_get libdir '@LIBDIR@')
	lib=$libdir/libsockcompat.so.0
	[ -f "$lib" ] || atf_skip "no shared library at $lib (built static only?)"
	command -v nm >/dev/null 2>&1 || atf_skip "nm (binutils) is not installed"

	cat > expected <<'LIST'
SOCKCOMPAT_0.1
sockcompat_accept4@@SOCKCOMPAT_0.1
sockcompat_accept_error@@SOCKCOMPAT_0.1
sockcompat_recvmsg@@SOCKCOMPAT_0.1
sockcompat_send@@SOCKCOMPAT_0.1
sockcompat_sendmsg@@SOCKCOMPAT_0.1
sockcompat_sendto@@SOCKCOMPAT_0.1
sockcompat_socket@@SOCKCOMPAT_0.1
sockcompat_socketpair@@SOCKCOMPAT_0.1
LIST
	atf_check -o save:nm.out nm -D --defined-only "$lib"
	awk '{ print $NF }' nm.out | sort > actual
	atf_check -o empty diff -u expected actual
}

atf_init_test_cases()
{
	atf_add_test_case exported
}
