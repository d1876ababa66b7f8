#!/bin/sh
# Runs the whole test suite under AddressSanitizer, then under ThreadSanitizer, each in its own
# scratch path (switching sanitizers in one build directory reuses uninstrumented objects).
# Slow (several minutes each on 2 cores), so not part of CI; see docs/robustness.md.
# Usage: scripts/sanitizers.sh [address|thread]...   (default: both)
set -u
cd "$(dirname "$0")/.." || exit 1
export SWIFT_BACKTRACE=enable=no
# XCTest's own runner objects live until exit; LeakSanitizer would fail the run on them.
export LSAN_OPTIONS="suppressions=$(pwd)/scripts/lsan.supp"
status=0
for sanitizer in ${*:-address thread}; do
    case $sanitizer in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer: $sanitizer (address or thread)" >&2; exit 1 ;;
    esac
    mkdir -p "$scratch"
    log="$scratch/test.log"
    echo "== swift test --sanitize=$sanitizer --scratch-path $scratch (log: $log)"
    start=$(date +%s)
    # The same two passes as `make test`: the in-process HTTP suites apart from the ones that
    # spawn processes, which hold the cooperative threads those suites' servers need.
    network='FlexHTTPTests|FlexServerTests'
    {
        swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" &&
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --filter "$network" &&
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --skip "$network"
    } > "$log" 2>&1
    code=$?
    echo "exit $code after $(( $(date +%s) - start )) s"
    grep -E "Test run with|Executed [0-9]+ tests|ERROR: (Address|Thread|Leak)Sanitizer|WARNING: ThreadSanitizer|SUMMARY:" "$log" | sort | uniq -c
    [ "$code" -eq 0 ] || status=1
done
exit $status
