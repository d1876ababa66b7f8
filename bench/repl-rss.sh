#!/usr/bin/env bash
# Idle REPL memory: starts `flex` on a pseudo-terminal, waits for its prompt, and reads VmRSS;
# the baseline is an idle python3 interpreter at its own prompt, measured the same way.
# Usage: bench/repl-rss.sh [path/to/flex]   (default .build/release/flex)
set -euo pipefail
flex=${1:-.build/release/flex}
python3 - "$flex" <<'PY'
import os, pty, select, sys, time, tempfile

def idle_rss(argv, prompt, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(env)
        os.execv(argv[0], argv)
    out, deadline = b"", time.time() + 20
    while prompt not in out and time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            out += os.read(fd, 4096)
    time.sleep(0.5)
    with open(f"/proc/{pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return rss / 1024

state = tempfile.mkdtemp()
flex = idle_rss([sys.argv[1]], b"flex> ", {"XDG_STATE_HOME": state, "TERM": "xterm"})
python = idle_rss(["/usr/bin/env", "python3", "-i", "-q"], b">>> ", {"TERM": "xterm"})
print(f"idle REPL RSS: flex {flex:.1f} MB, python3 -i {python:.1f} MB, ratio {flex / python:.2f}x (target: flex <= 30 MB)")
PY
