#!/usr/bin/env bash
# Installs the system packages flex needs beyond the Swift toolchain (libedit-dev and pkg-config,
# for the REPL's line editor). Skips the install when they are already present; works as root
# (no sudo needed, e.g. in a container) and as a normal user (through sudo).
set -euo pipefail

packages=(libedit-dev pkg-config)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

# A build plan that SwiftPM wrote while libedit-dev was missing has none of its pkg-config flags.
# SwiftPM 6.3 rewrites the plan on each build (README, "A build that ran before setup"), but a
# plan that still lacks them once libedit-dev is installed is stale: remove it so the next build
# writes it afresh instead of failing to link.
clear_stale_build_plans() {
    local include plan
    include=$(pkg-config --cflags-only-I libedit 2>/dev/null | sed 's/^-I//; s/ .*//') || return 0
    [ -n "$include" ] || return 0
    for plan in .build/debug.yaml .build/release.yaml; do
        if [ -f "$plan" ] && grep -q CEditShim "$plan" && ! grep -q -- "$include" "$plan"; then
            rm -f "$plan"
            echo "setup: removed $plan, a build plan written before libedit-dev was installed"
        fi
    done
}

if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup: ${packages[*]} already installed"
    clear_stale_build_plans
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${missing[*]}, and apt-get is not available; install them with your package manager" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    run_as_root=()
elif command -v sudo >/dev/null 2>&1; then
    run_as_root=(sudo)
else
    echo "setup: missing ${missing[*]}; run as root or install sudo" >&2
    exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
clear_stale_build_plans
