#! @ATF_SH@
#
# The fidelity corpus (tests/fidelity/programs): small programs shaped like
# real daemons' socket code.  Each is built natively, against the system's
# headers alone, and through the overlay (-isystem overlay, linked with
# sockcompat), with gcc and clang where both are installed, under the
# errors that GCC 14 makes default.  A program that builds natively must
# build through the overlay, and the two must print the same: what the
# caller asked for is the same on the native and the emulated path.
#
# Copyright (c) 2026 The sockcompat authors.  BSD-2-Clause (see COPYRIGHT).

# The corpus: in the build tree, a link beside this program to the source
# directory, which make creates; installed, with the suite's data (the
# installed-tests layout keeps data out of libexec).
corpus_default()
{
	if [ -d "$(atf_get_srcdir)/fidelity_corpus" ]; then
		echo "$(atf_get_srcdir)/fidelity_corpus"
	else
		echo '@TESTDATADIR@/fidelity_corpus'
	fi
}
corpus() { atf_config_get corpus "$(corpus_default)"; }
incdir() { atf_config_get incdir '@INCLUDEDIR@'; }
overlaydir() { atf_config_get overlaydir '@INCLUDEDIR@/sockcompat-overlay'; }
libdir() { atf_config_get libdir '@LIBDIR@'; }

# The compilers to try, C or C++: the configured one with its flags where
# those flags need a runtime of their own (sanitizers); otherwise gcc and
# clang, whichever are installed, as they stand.
compilers()
{
	case '@SANITIZE_CFLAGS@' in
	*-fsanitize*)
		if [ "$1" = c ]; then echo '@CC@ @SANITIZE_CFLAGS@'
		else echo '@CXX@ @SANITIZE_CFLAGS@'; fi
		return ;;
	esac
	for c in $([ "$1" = c ] && echo gcc clang || echo g++ clang++); do
		command -v "$c" >/dev/null 2>&1 && echo "$c"
	done
}

# The errors GCC 14 turns on by default, for C; -Werror=return-mismatch
# only where the compiler knows it.
strict_flags()
{
	[ "$2" = c ] || return 0
	printf '%s' "-Werror=incompatible-pointer-types"
	printf ' %s' "-Werror=implicit-function-declaration -Werror=int-conversion"
	if echo 'int main(void){return 0;}' |
	    $1 -Werror=return-mismatch -x c -c -o /dev/null - 2>/dev/null; then
		printf ' %s' "-Werror=return-mismatch"
	fi
}

# build CC STRICT MODE OUT FLAGS SOURCES: MODE native or overlay; STRICT
# is strict_flags' answer for CC, asked once per compiler.
build()
{
	cc=$1 strict=$2 mode=$3 out=$4 flags=$5 srcs=$6
	objs= ok=0
	inc="-I$(corpus)"
	[ "$mode" = overlay ] &&
	    inc="-isystem $(overlaydir) -I$(incdir) @CPPFLAGS@ $inc"
	for s in $(echo "$srcs" | tr ',' ' '); do
		case $s in
		*=native) s=${s%=native} sinc="-I$(corpus)" ;;
		*) sinc=$inc ;;
		esac
		o=$out-$(basename "$s").o
		$cc $flags $strict $sinc \
		    -c "$(corpus)/$s" -o "$o" >> "$out.log" 2>&1 || return 1
		objs="$objs $o"
	done
	if [ "$mode" = overlay ]; then
		$cc $flags -o "$out" $objs -L"$(libdir)" -Wl,-rpath,"$(libdir)" \
		    -lsockcompat >> "$out.log" 2>&1
	else
		$cc $flags -o "$out" $objs >> "$out.log" 2>&1
	fi
}

# check NAME: build and compare one program of the corpus.
check()
{
	line=$(awk -v n="$1" '$1 == n { print; exit }' "$(corpus)/programs")
	[ -n "$line" ] || atf_fail "$1 is not in the corpus"
	srcs=$(echo "$line" | awk '{ print $2 }')
	flags=$(echo "$line" | cut -d' ' -f3- | sed 's/^ *//; s/^[^ ]* *//')
	case $srcs in *.cc*) lang=c++ ;; *) lang=c ;; esac
	case '@CPPFLAGS@' in *-D__socklen_t_defined*)
		atf_skip "this build pretends the system has no socklen_t" \
		    "(the 4.3BSD profile), so glibc's own header does not" \
		    "compile beside it: there is no native build to compare" ;;
	esac
	tried=0 native_failed=
	# One compiler a line: a command with its flags.
	nl='
'
	list=$(compilers $lang)
	while [ -n "$list" ]; do
		cc=${list%%"$nl"*}
		case $list in *"$nl"*) list=${list#*"$nl"} ;; *) list= ;; esac
		id=$1-$(basename "${cc%% *}")
		strict=$(strict_flags "$cc" $lang)
		if ! build "$cc" "$strict" native "$id-native" "$flags" "$srcs"; then
			native_failed="$native_failed $cc"
			continue
		fi
		tried=$((tried + 1))
		if ! build "$cc" "$strict" overlay "$id-overlay" "$flags" "$srcs"; then
			cat "$id-overlay.log"
			atf_fail "$1 builds natively with $cc but not through the overlay"
		fi
		(cd "$(mktemp -d "$PWD/run.XXXXXX")" &&
		    timeout 20 "../$id-native" > ../"$id-native.out" 2>&1;
		    echo "exit $?" >> ../"$id-native.out")
		(cd "$(mktemp -d "$PWD/run.XXXXXX")" &&
		    timeout 20 "../$id-overlay" > ../"$id-overlay.out" 2>&1;
		    echo "exit $?" >> ../"$id-overlay.out")
		cat "$id-native.out"
		if ! diff -u "$id-native.out" "$id-overlay.out"; then
			atf_fail "$1 built with $cc prints something else through" \
			    "the overlay than natively"
		fi
		nm -u "$id-overlay" > "$id.syms" 2>/dev/null || true
		grep -q 'sockcompat_' "$id.syms" ||
		    atf_fail "$1 built with $cc through the overlay does not" \
			"call sockcompat at all"
	done
	[ $tried -gt 0 ] || atf_skip "$1 does not build natively here" \
	    "(with:$native_failed): nothing to compare"
}

atf_init_test_cases()
{
	for name in $(awk '!/^#/ && NF { print $1 }' "$(corpus_default)/programs"); do
		eval "${name}_head() { atf_set descr 'fidelity corpus:' \
		    '$name builds and prints the same natively and through the' \
		    'overlay'; atf_set require.progs 'nm diff awk timeout'; }"
		eval "${name}_body() { check $name; }"
		atf_add_test_case "$name"
	done
}
