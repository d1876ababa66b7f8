// flex-bench section (g): how long `flex run` takes to stop after SIGINT in each kind of long work
// (loops, recursion, builtins on large values, long comparisons and searches). Each script builds
// its values in well under the settling time, then spins in one kind of work; the signal comes
// after the settling time, and the latency is from `kill` to the process's exit. stderr must name
// the line of the long work, so a figure is never taken from a process that was still setting up.
// Baseline: /usr/bin/python3 spinning in `while True: pass`, interrupted the same way.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum InterruptLatency {
    /// One kind of long work: a script whose line `line` never ends (or runs for many seconds).
    struct Kind {
        var name: String
        var script: String
        /// The 1-based line the interruption must be reported at (the long work's line); 0 accepts
        /// any (the set-up is itself long polled work, `range(10000000)`, which a loaded machine
        /// may still be in when the signal comes).
        var line: Int
    }

    static let doubled = "def doubled(n) {\n  let x = [1]\n  repeat n { x = [x, x] }\n  return x\n}\n"

    /// Every script's long work is on its last line.
    static let kinds: [Kind] = [
        Kind(name: "repeat loop", script: "let n = 0\nrepeat 1000000000000 { n = n + 1 }\n", line: 2),
        Kind(name: "for loop over range", script: "let n = 0\nfor i in range(10000000) { n = n + i }\n", line: 2),
        Kind(name: "recursion", script: "def down(n) {\n  if n > 0 { down(n - 1)\n    down(n - 1) }\n}\ndown(100)\n", line: 0),
        Kind(name: "== of shared values", script: doubled + "let a = doubled(60)\nlet b = doubled(60)\nexpect a == b\n", line: 8),
        Kind(name: "in [list] (shared)", script: doubled + "let a = doubled(60)\nlet b = [doubled(60)]\nexpect a in b\n", line: 8),
        Kind(name: "contains on 10M list", script: "let l = range(10000000)\nrepeat 1000000 { expect not (l contains -1) }\n", line: 0),
        Kind(name: "string search", script: "let s = \"a\"\nrepeat 25 { s = s + s }\nlet p = s + \"b\"\nlet t = s + s\nexpect not (t contains p)\n", line: 0),
        Kind(name: "len of a 64 MiB string", script: "let s = \"é\"\nrepeat 25 { s = s + s }\nrepeat 1000000 { expect len(s) > 0 }\n", line: 3),
        Kind(name: "json() of 5M list", script: "let l = range(5000000)\nrepeat 1000000 { expect len(json(l)) > 0 }\n", line: 2),
        Kind(name: "string() of shared", script: doubled + "let x = doubled(21)\nrepeat 1000000 { expect len(string(x)) > 0 }\n", line: 7),
        Kind(name: "interpolation", script: "let l = range(5000000)\nrepeat 1000000 { expect len(\"${l}\") > 0 }\n", line: 2),
        Kind(name: "show of 1M list", script: "let l = range(1000000)\nrepeat 1000000 { show l }\n", line: 2),
        Kind(name: "sum of 10M list", script: "let l = range(10000000)\nrepeat 1000000 { expect sum(l) > 0 }\n", line: 0),
        Kind(name: "range(10M)", script: "repeat 1000000 { expect len(range(10000000)) > 0 }\n", line: 1),
        Kind(name: "list + list (2 × 5M)", script: "let l = range(5000000)\nrepeat 1000000 { expect len(l + l) > 0 }\n", line: 2),
        Kind(name: "string + string (2 × 32 MiB)", script: "let s = \"a\"\nrepeat 25 { s = s + s }\nrepeat 1000000 { expect len(s + s) > 0 }\n", line: 3),
        Kind(name: "matches ^(a|aa)+$ on 16 MiB", script: "let s = \"a\"\nrepeat 24 { s = s + s }\nlet t = s + \"!\"\nrepeat 1000000 { expect not (t matches \"^(a|aa)+$\") }\n", line: 4),
        Kind(name: "matches (a+)+b on 64 MiB", script: "let s = \"a\"\nrepeat 26 { s = s + s }\nrepeat 1000000 { expect not (s matches \"(a+)+b\") }\n", line: 3),
        Kind(name: "x = x + 5M list (in place)", script: "let l = range(5000000)\nrepeat 1000000 {\n  let x = [0]\n  x = x + l\n}\n", line: 0),
        Kind(name: "filter over 1M", script: "def big(n) { return n > 10 }\nlet l = range(1000000)\nrepeat 1000000 { expect len(filter(l, big)) > 0 }\n", line: 0),
    ]

    /// Time from start to the signal: enough for start-up and every script's set-up in release.
    static let settleMilliseconds = 700

    static func run(runs: Int) {
        let flex = BenchSupport.siblingExecutable("flex")
        print("(h) SIGINT latency: `flex run` spinning in each kind of long work, signal after \(settleMilliseconds) ms, time to exit; \(runs) runs each")
        let python = "/usr/bin/python3"
        let baseline = access(python, X_OK) == 0
            ? measure(python, ["-c", "while True: pass"], expectedLine: nil, runs: runs) : nil
        if let baseline {
            print("    baseline python3 while True   median \(BenchSupport.milliseconds(baseline.median))  worst \(BenchSupport.milliseconds(baseline.worst))")
        } else {
            print("    baseline skipped: \(python) is absent")
        }
        var worstOverall = 0.0
        for kind in kinds {
            let script = BenchSupport.writeTempFile(kind.script)
            defer { unlink(script) }
            let expected = kind.line == 0 ? script + ":" : "\(script):\(kind.line):"
            guard let figures = measure(flex, ["run", script], expectedLine: expected, runs: runs) else {
                print("    \(pad(kind.name)) FAILED: the run did not stop with `interrupted` at its long work")
                worstOverall = .infinity
                continue
            }
            worstOverall = max(worstOverall, figures.worst)
            let ratio = baseline.map { "  \(BenchSupport.fixed(figures.median / $0.median, 2))× python3" } ?? ""
            print("    \(pad(kind.name)) median \(BenchSupport.milliseconds(figures.median))  worst \(BenchSupport.milliseconds(figures.worst))\(ratio)")
            // Each kind takes seconds: show it as it comes.
            fflush(nil)
        }
        print("    worst of all kinds \(BenchSupport.milliseconds(worstOverall))   target ≤ 50 ms: \(BenchSupport.verdict(worstOverall <= 0.050))\n")
    }

    static func pad(_ name: String) -> String {
        name + String(repeating: " ", count: max(1, 30 - name.count))
    }

    /// Median and worst latency over `runs`; nil when a run did not end by the signal as expected.
    static func measure(_ executable: String, _ arguments: [String], expectedLine: String?, runs: Int) -> (median: Double, worst: Double)? {
        var latencies: [Double] = []
        for _ in 0..<runs {
            guard let latency = interruptOnce(executable, arguments, expectedLine: expectedLine) else { return nil }
            latencies.append(latency)
        }
        latencies.sort()
        return (latencies[latencies.count / 2], latencies[latencies.count - 1])
    }

    /// Starts the process, waits the settling time, sends SIGINT and times until it exits.
    static func interruptOnce(_ executable: String, _ arguments: [String], expectedLine: String?) -> Double? {
        let errors = BenchSupport.writeTempFile("")
        defer { unlink(errors) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_TRUNC, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // The child starts with no signal blocked and SIGINT at its default action: a child
        // inherits the spawning thread's mask, and this bench's pool threads block every signal
        // (python3 would then never see the SIGINT and spin for ever).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), interrupt = sigset_t()
        sigemptyset(&none)
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, environ) == 0 else { return nil }
        var pause = timespec(tv_sec: settleMilliseconds / 1000, tv_nsec: (settleMilliseconds % 1000) * 1_000_000)
        var left = timespec()
        while nanosleep(&pause, &left) != 0 { pause = left }
        let signalled = ContinuousClock.now
        kill(pid, SIGINT)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let latency = BenchSupport.seconds(ContinuousClock.now - signalled)
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exitCode == 130 else { return nil }
        if let expectedLine {
            let text = BenchSupport.readFile(errors)
            guard text.hasPrefix("error: interrupted\n --> " + expectedLine) else {
                print("    unexpected stderr: \(text.prefix(300))")
                return nil
            }
        }
        return latency
    }
}
