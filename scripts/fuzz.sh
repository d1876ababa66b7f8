#!/bin/sh
# Builds the libFuzzer targets (fuzzer + ASan, release, own scratch path) and runs each for a
# given time, one after another, printing executions, coverage and crashes per target.
# Usage: [SANITIZE=address|none] [MAX_LEN=512] [LEAK_SECONDS=30] [RUNS=N] scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# (RUNS: stop each target after N executions, or at SECONDS, whichever comes first.)
# (default 60 s; targets: language fmt interpreter simulator json regex). Crash/timeout/OOM inputs land in fuzz/artifacts/<target>/.
# SANITIZE=none builds with coverage only (in .build-fuzz-plain): several times the executions per
# second, for volume; Swift's own bounds and overflow checks still trap. Replay its grown corpus
# under the ASan build afterwards (scripts/fuzz-replay.sh) to check every input it kept for memory errors.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-language fmt interpreter simulator json regex}
cd "$root/fuzz" || exit 1

# libFuzzer with SwiftPM (docs/robustness.md): --sanitize=fuzzer makes SwiftPM keep the fuzzer entry point;
# -Xswiftc -sanitize=fuzzer,address gives every compile job both coverage and ASan.
case ${SANITIZE:-address} in
    address) flags="-sanitize=fuzzer,address" scratch=.build-fuzz ;;
    none) flags="-sanitize=fuzzer" scratch=.build-fuzz-plain ;;
    *) echo "SANITIZE is address or none" >&2; exit 1 ;;
esac
# This package reaches the main one by path, and SwiftPM kept a stale build manifest after source
# files were added there ("cannot find type … in scope"): make it write the manifest anew.
rm -f "$scratch/release.yaml" "$scratch/release/description.json"
# Only the targets asked for: building all of them costs minutes when one is wanted.
for target in $targets; do
    swift build -c release --sanitize=fuzzer -Xswiftc "$flags" --scratch-path "$scratch" --product "fuzz-$target" \
        || { echo "fuzz build failed" >&2; exit 1; }
done
bin=$(swift build -c release --sanitize=fuzzer -Xswiftc "$flags" --scratch-path "$scratch" --show-bin-path)
{ [ -d corpus/language ] && [ -d corpus/fmt ] && [ -d corpus/regex ]; } || "$root/scripts/fuzz-seeds.sh"

status=0
for target in $targets; do
    mkdir -p "corpus/$target" "artifacts/$target"
    log="artifacts/$target/last-run.log"
    # SWIFT_BACKTRACE=enable=no: a Swift trap must end as libFuzzer's "deadly signal" at once, not
    # hang in the backtracer. -rss_limit_mb and -timeout turn OOMs and hangs into findings.
    # -detect_leaks=0 in the long run: with it on, LeakSanitizer rescans memory after most inputs
    # (the concurrency runtime keeps allocations across runs), which cuts fuzz-interpreter from
    # ~6,000 to ~100 executions/s. A shorter pass with leak detection on follows (LEAK_SECONDS).
    SWIFT_BACKTRACE=enable=no "$bin/fuzz-$target" "corpus/$target" \
        -max_total_time="$seconds" -runs="${RUNS:--1}" -detect_leaks=0 -timeout=10 -rss_limit_mb=2048 -max_len="${MAX_LEN:-512}" \
        -artifact_prefix="artifacts/$target/" -print_final_stats=1 > "$log" 2>&1
    code=$?
    leaklog="artifacts/$target/last-leak-run.log"
    leakcode=0
    # LeakSanitizer comes with ASan; a coverage-only build has none to run.
    if [ "${SANITIZE:-address}" = address ]; then
        SWIFT_BACKTRACE=enable=no "$bin/fuzz-$target" "corpus/$target" \
            -max_total_time="${LEAK_SECONDS:-30}" -detect_leaks=1 -timeout=10 -rss_limit_mb=2048 -max_len="${MAX_LEN:-512}" \
            -artifact_prefix="artifacts/$target/" -print_final_stats=1 > "$leaklog" 2>&1
        leakcode=$?
    else
        : > "$leaklog"
    fi
    leakexecs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$leaklog" | grep -o '[0-9]*$')
    leaks=$(grep -c 'ERROR: LeakSanitizer' "$leaklog")
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    crashes=$(grep -c '^==[0-9]*== ERROR: libFuzzer\|^==[0-9]*==ERROR: AddressSanitizer\|deadly signal' "$log")
    timeouts=$(grep -c 'ERROR: libFuzzer: timeout' "$log")
    ooms=$(grep -c 'ERROR: libFuzzer: out-of-memory' "$log")
    echo "$target: executions ${execs:-?} (${rate:-?}/s) coverage ${cov:-?} features ${ft:-?} corpus ${corp:-?} crashes $crashes timeouts $timeouts ooms $ooms exit $code; leak pass: executions ${leakexecs:-?} leaks $leaks exit $leakcode"
    [ "$code" -eq 0 ] && [ "$leakcode" -eq 0 ] || status=1
done
exit $status
