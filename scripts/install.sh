#!/usr/bin/env bash
# make install / make uninstall: puts the release build of flex under DESTDIR/PREFIX (bin/flex,
# libexec/flex/flex-serve, the man pages and the bash, zsh and fish completions), or takes it away.
#   scripts/install.sh stage               release build (static Swift runtime), man pages, completions
#   scripts/install.sh install PREFIX      copy what stage made under $DESTDIR$PREFIX
#   scripts/install.sh uninstall PREFIX    remove those files, and the folders install left empty
# The man pages come from ArgumentParser's description of the commands (`flex
# --experimental-dump-help`, the input of its generate-manual tool) through scripts/generate-man.py,
# and the completions from `flex --generate-completion-script`: both read the command definitions,
# so they cannot drift from what flex accepts. (The generate-manual plugin itself rebuilds every
# product in release with other flags than --static-swift-stdlib: a full rebuild per install.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SWIFT=${SWIFT:-swift}
STAGE=.build/install-stage
# The man pages' date: the last commit's, so the same tree installs the same files.
MAN_DATE=$(git log -1 --format=%cs 2>/dev/null || date +%F)

# Every installed file, relative to PREFIX: what uninstall removes.
installed_files=(
    bin/flex
    libexec/flex/flex-serve
    share/bash-completion/completions/flex
    share/zsh/site-functions/_flex
    share/fish/vendor_completions.d/flex.fish
)

stage() {
    rm -rf "$STAGE"
    mkdir -p "$STAGE/man" "$STAGE/completions"
    "$SWIFT" build -c release --static-swift-stdlib --product flex
    "$SWIFT" build -c release --static-swift-stdlib --product flex-serve
    local bin
    bin=$("$SWIFT" build -c release --show-bin-path)
    cp "$bin/flex" "$bin/flex-serve" "$STAGE/"
    python3 scripts/generate-man.py "$STAGE/flex" "$STAGE/man" "$MAN_DATE"
    "$STAGE/flex" --generate-completion-script bash >"$STAGE/completions/flex"
    "$STAGE/flex" --generate-completion-script zsh >"$STAGE/completions/_flex"
    "$STAGE/flex" --generate-completion-script fish >"$STAGE/completions/flex.fish"
}

install_files() {
    local root="${DESTDIR:-}$1"
    [ -f "$STAGE/flex" ] || { echo "install: nothing staged; run make install" >&2; exit 1; }
    install -d "$root/bin" "$root/libexec/flex" "$root/share/man/man1" "$root/share/bash-completion/completions" \
        "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
    install -m 755 "$STAGE/flex" "$root/bin/flex"
    install -m 755 "$STAGE/flex-serve" "$root/libexec/flex/flex-serve"
    install -m 644 "$STAGE"/man/*.1 "$root/share/man/man1/"
    install -m 644 "$STAGE/completions/flex" "$root/share/bash-completion/completions/flex"
    install -m 644 "$STAGE/completions/_flex" "$root/share/zsh/site-functions/_flex"
    install -m 644 "$STAGE/completions/flex.fish" "$root/share/fish/vendor_completions.d/flex.fish"
    echo "install: flex installed under $root (bin/flex, libexec/flex/flex-serve, share/man/man1/flex*.1, completions)"
}

uninstall_files() {
    local root="${DESTDIR:-}$1" file directory
    for file in "${installed_files[@]}"; do rm -f "$root/$file"; done
    # Man pages: one per command, named flex.1 and flex.SUBCOMMAND.1.
    rm -f "$root"/share/man/man1/flex.1 "$root"/share/man/man1/flex.*.1
    # Folders that are empty now, deepest first, never the prefix itself.
    for directory in libexec/flex libexec share/man/man1 share/man share/bash-completion/completions \
        share/bash-completion share/zsh/site-functions share/zsh share/fish/vendor_completions.d share/fish share bin; do
        if [ -d "$root/$directory" ]; then rmdir --ignore-fail-on-non-empty "$root/$directory"; fi
    done
    echo "uninstall: flex removed from $root"
}

case "${1:-}" in
    stage) stage ;;
    install) install_files "${2:?install needs PREFIX}" ;;
    uninstall) uninstall_files "${2:?uninstall needs PREFIX}" ;;
    *) echo "usage: scripts/install.sh stage | install PREFIX | uninstall PREFIX" >&2; exit 1 ;;
esac
