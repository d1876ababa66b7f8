#!/usr/bin/env bash
# Installs the system packages flex needs beyond the Swift toolchain (libedit-dev and pkg-config,
# for the REPL's line editor). `scripts/setup.sh test` (what `make test` runs) also installs what
# the checkout page's browser test needs: chromium and chromium-driver, then selenium and
# axe-selenium-python with pip --user. Skips each install when it is already present; works as
# root (no sudo needed, e.g. in a container) and as a normal user (through sudo).
set -euo pipefail

packages=(libedit-dev pkg-config)
for_tests=false
if [ "${1:-}" = test ]; then
    for_tests=true
    packages+=(chromium chromium-driver)
fi

# The browser test's Python packages (tests-browser/), into the user's site-packages.
install_python_packages() {
    [ "$for_tests" = true ] || return 0
    if python3 -c 'import selenium, axe_selenium_python' >/dev/null 2>&1; then
        echo "setup: selenium and axe-selenium-python already installed"
        return
    fi
    echo "setup: installing selenium and axe-selenium-python (pip --user)"
    local pip=(python3 -m pip install --user --quiet --disable-pip-version-check --no-warn-script-location)
    # Debian's own python3 refuses --user installs (PEP 668) unless told that is meant.
    "${pip[@]}" selenium axe-selenium-python || "${pip[@]}" --break-system-packages selenium axe-selenium-python
}

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
    install_python_packages
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
install_python_packages
clear_stale_build_plans
