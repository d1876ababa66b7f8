#!/usr/bin/env bash
# Writes what the built flex prints for every example and every script of the corpus (stdout,
# stderr and exit code, plain and --json) into one file, so two builds can be compared byte for
# byte: a refactoring that claims to change no behaviour must leave the file identical.
#
#   scripts/snapshot-outputs.sh FLEX_BINARY OUT_FILE
#   diff before.txt after.txt
#
# Paths are printed relative to the corpus folder, so moving the corpus does not show as a change.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
flex=$(realpath "$1")
out=$2
corpus=fixtures/scripts
[ -d "$corpus" ] || corpus=tests/scripts   # the corpus's folder before it moved

: > "$out"
run_one() {
    local dir=$1 name=$2
    shift 2
    local stdout stderr status
    stdout=$(mktemp) stderr=$(mktemp)
    status=0
    (cd "$dir" && "$flex" run --seed 42 "$@" "$name" >"$stdout" 2>"$stderr" </dev/null) || status=$?
    {
        echo "=== $name $* (exit $status)"
        cat "$stdout"
        echo "--- stderr"
        cat "$stderr"
    } >> "$out"
    rm -f "$stdout" "$stderr"
}

while IFS= read -r script; do
    case "$script" in */lib/*) continue ;; esac
    for options in "" "--json" "--diagnostics short"; do
        # shellcheck disable=SC2086
        run_one "$corpus" "${script#"$corpus"/}" $options
    done
done < <(find "$corpus" -name '*.flex' | LC_ALL=C sort)

for script in examples/*.flex; do
    for options in "" "--json"; do
        # shellcheck disable=SC2086
        run_one . "$script" $options
    done
done
echo "snapshot-outputs: $(grep -c '^=== ' "$out") runs written to $out"
