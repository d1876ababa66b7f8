#!/usr/bin/env bash
# Runs the checkout page's browser test: starts the built flex-serve on an ephemeral loopback port,
# runs checkout_page_test.py (headless Chromium through Selenium) against it, and stops the server.
# Usage: tests-browser/run.sh BIN_DIR   (BIN_DIR holds flex-serve, e.g. $(swift build --show-bin-path))
# FLEX_SCREENSHOT_DIR=docs/images refreshes the screenshots docs/serve.md shows (default: a temp dir).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin_dir=${1:?usage: tests-browser/run.sh BIN_DIR}
server_program="$bin_dir/flex-serve"
[ -x "$server_program" ] || { echo "browser test: $server_program is missing (swift build --product flex-serve)" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

"$server_program" --port 0 --seed 42 > "$work/stdout" 2> "$work/access.log" &
server_pid=$!

# Bounded wait (10 s) for "flex serve: listening on http://127.0.0.1:PORT/v1 …".
port=""
for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\)\/v1.*/\1/p' "$work/stdout")
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
done
if [ -z "$port" ]; then
    echo "browser test: flex-serve did not report its port" >&2
    cat "$work/stdout" "$work/access.log" >&2
    exit 1
fi

export FLEX_SERVE_URL="http://127.0.0.1:$port"
export FLEX_SCREENSHOT_DIR="${FLEX_SCREENSHOT_DIR:-$work/screenshots}"
status=0
timeout 600 python3 tests-browser/checkout_page_test.py -v || status=$?
if [ "$status" -ne 0 ]; then
    echo "browser test: failed (exit $status); the server's last access-log lines:" >&2
    tail -n 30 "$work/access.log" >&2
fi
exit "$status"
