#!/usr/bin/env bash
# The install test (make test-install, run by make test): make install into a temporary DESTDIR,
# then the installed flex from another folder with an empty environment (env -i): --version, run,
# serve on an ephemeral 127.0.0.1 port answering one request and a live run against it by host name;
# flex one static executable, no libswift in flex-serve's ldd; the man pages
# and completions present and knowing serve's options; make uninstall leaving nothing behind.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

passed=0
failed=0
check() { # check DESCRIPTION COMMAND…: one line per check, counted for the summary
    local description=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok      $description"
    else failed=$((failed + 1)); echo "FAILED  $description"; fi
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/flex-install-test-XXXXXX")
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT

destdir=$scratch/dest
prefix=/opt/flex
root=$destdir$prefix
elsewhere=$scratch/elsewhere
mkdir -p "$destdir" "$elsewhere"

make --no-print-directory install DESTDIR="$destdir" PREFIX="$prefix" SWIFT="${SWIFT:-swift}"

flex=$root/bin/flex
check "bin/flex and libexec/flex/flex-serve are executable" test -x "$flex" -a -x "$root/libexec/flex/flex-serve"
check "bin/flex is one static executable (docs/performance.md (g))" bash -c "ldd '$flex' 2>&1 | grep -q 'not a dynamic executable'"
check "ldd: flex-serve links no libswift" bash -c "! ldd '$root/libexec/flex/flex-serve' | grep -q libswift"

cd "$elsewhere"
check "env -i flex --version names flex" bash -c "env -i '$flex' --version | grep -q '^flex '"
printf 'let c = customer create email "ann@example.com"\nprint "customer ${c.email}"\n' >two.flex
check "env -i flex run two.flex prints the customer" bash -c "[ \"\$(env -i '$flex' run two.flex)\" = 'customer ann@example.com' ]"

# flex serve on port 0: read the port from its first line (bounded wait), one request, then stop.
env -i "$flex" serve --port 0 --quiet >serve.out 2>serve.err &
server=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*127\.0\.0\.1:\([0-9]*\)/v1.*|\1|p' serve.out)
    [ -n "$port" ] && break
    sleep 0.1
done
check "env -i flex serve --port 0 announced its port" test -n "$port"
if [ -n "$port" ]; then
    status=$(curl -s -o "$scratch/answer.json" -w '%{http_code}' --max-time 5 \
        -H 'Authorization: Bearer fsk_test_install' "http://127.0.0.1:$port/v1/customers" || true)
    check "flex serve answered GET /v1/customers with 200 and JSON" \
        bash -c "[ '$status' = 200 ] && head -c 1 '$scratch/answer.json' | grep -q '{'"
    # The static flex resolves a host NAME (glibc's files and dns lookups are built in).
    check "env -i flex run --backend live against http://localhost:PORT/v1" \
        bash -c "[ \"\$(env -i FLEX_API_KEY=fsk_test_install '$flex' run --backend live --base-url 'http://localhost:$port/v1' two.flex 2>/dev/null)\" = 'customer ann@example.com' ]"
fi
kill "$server"; wait "$server" 2>/dev/null || true; server=
cd - >/dev/null

man=$root/share/man/man1
check "man page flex.1 and one per subcommand" test -f "$man/flex.1" -a -f "$man/flex.serve.1" -a -f "$man/flex.run.1"
check "the serve man page documents --port and --quiet" bash -c "grep -q 'port' '$man/flex.serve.1' && grep -q 'quiet' '$man/flex.serve.1'"
check "man renders flex.1" bash -c "MANWIDTH=80 man -l '$man/flex.1' 2>/dev/null | grep -q serve"
for completion in share/bash-completion/completions/flex share/zsh/site-functions/_flex share/fish/vendor_completions.d/flex.fish; do
    check "$completion completes serve's --port and --quiet, and .flex files" \
        bash -c "grep -q -- 'port' '$root/$completion' && grep -q -- 'quiet' '$root/$completion' && grep -q 'flex' '$root/$completion'"
done
# The bash completion run as bash would at `flex run <Tab>` and `flex serve --<Tab>` in a folder
# with a script, a text file and a subfolder.
completing=$scratch/completing
mkdir -p "$completing/sub" && touch "$completing/a.flex" "$completing/b.txt"
complete_at() { # complete_at WORD…: what the installed bash completion offers for the last word
    (cd "$completing" && bash -c 'shopt -s extglob; source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _flex flex "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"; printf "%s\n" "${COMPREPLY[@]}"' \
        "$root/share/bash-completion/completions/flex" "$@")
}
offers_flex_files() { [ "$(echo $(complete_at flex run ''))" = 'a.flex sub' ]; }
offers_serve_options() {
    local offered
    offered=$(complete_at flex serve --)
    grep -qx -- --port <<<"$offered" && grep -qx -- --quiet <<<"$offered"
}
check "bash completes flex run <Tab> to a.flex and sub, not b.txt" offers_flex_files
check "bash completes flex serve --<Tab> with --port and --quiet" offers_serve_options

make --no-print-directory uninstall DESTDIR="$destdir" PREFIX="$prefix"
check "make uninstall leaves nothing under the prefix" bash -c "[ -z \"\$(find '$destdir' -mindepth 1 ! -path '$destdir/opt' ! -path '$root')\" ]"

echo "test-install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
