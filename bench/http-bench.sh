#!/usr/bin/env bash
# HTTP benchmarks (issue 5, item 12): installs what is missing (wrk from Debian, requests from
# PyPI), builds the release binaries, then runs bench/http_bench.py, which prints the figures.
#   bench/http-bench.sh [--quick] [--rounds N] [--wrk-seconds S] [--sections abcde]
# Everything binds 127.0.0.1; every server it starts is stopped at the end, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
        echo "http-bench: run as root or install sudo to install $*" >&2; exit 1
    fi
}

if ! command -v wrk >/dev/null 2>&1; then
    echo "http-bench: installing wrk"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk
fi
if ! python3 -c 'import requests' >/dev/null 2>&1; then
    echo "http-bench: installing the Python package requests"
    python3 -m pip install --quiet requests || python3 -m pip install --quiet --break-system-packages requests
fi
scripts/setup.sh >/dev/null

SWIFT=${SWIFT:-swift}
# One configuration for all three programs: the static stdlib build that `make bench` ships.
for product in flex flex-serve bare-hummingbird; do
    "$SWIFT" build -c release --static-swift-stdlib --product "$product"
done
BIN=$("$SWIFT" build -c release --static-swift-stdlib --show-bin-path)

echo "uptime:$(uptime)"
python3 bench/http_bench.py "$BIN" "$@"
echo "uptime:$(uptime)"
