#!/bin/sh
# Runs every input of each target's corpus once through the ASan build (no mutation): the inputs a
# coverage-only volume run kept (SANITIZE=none scripts/fuzz.sh) get checked for memory errors and leaks.
# Usage: scripts/fuzz-replay.sh [TARGET...]   (default: language fmt interpreter simulator json regex)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
targets=${*:-language fmt interpreter simulator json regex}
cd "$root/fuzz" || exit 1
# This package reaches the main one by path, and SwiftPM kept a stale build manifest after source
# files were added there ("cannot find type … in scope"): make it write the manifest anew.
rm -f .build-fuzz/release.yaml .build-fuzz/release/description.json
swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --scratch-path .build-fuzz \
    || { echo "fuzz build failed" >&2; exit 1; }
bin=$(swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --scratch-path .build-fuzz --show-bin-path)

status=0
for target in $targets; do
    [ -d "corpus/$target" ] || { echo "$target: no corpus (run scripts/fuzz.sh first)"; continue; }
    mkdir -p "artifacts/$target"
    log="artifacts/$target/last-replay.log"
    # -runs=0: read and execute the whole corpus once, then stop without mutating.
    SWIFT_BACKTRACE=enable=no "$bin/fuzz-$target" "corpus/$target" -runs=0 -detect_leaks=1 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="artifacts/$target/" > "$log" 2>&1
    code=$?
    inputs=$(ls "corpus/$target" | wc -l)
    errors=$(grep -c '^==[0-9]*==ERROR: \(AddressSanitizer\|LeakSanitizer\)\|deadly signal\|ERROR: libFuzzer' "$log")
    echo "$target: replayed $inputs inputs under ASan: errors $errors exit $code (log fuzz/$log)"
    [ "$code" -eq 0 ] || status=1
done
exit $status
