// flex-bench section (h'): the speed of `matches` (FlexRegex's linear engine) on a 64 MiB subject,
// beside Swift's Regex (what `matches` used before) and /usr/bin/python3's `re` on the same
// pattern and subject, each timed around the search alone. Patterns a backtracking engine takes
// exponential time on are left out of the comparison (the baselines would not finish); (h)
// shows the linear engine stopping within milliseconds on one.
import FlexRegex
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum RegexSpeed {
    struct Case {
        var name: String
        var pattern: String
        /// Repeated to the subject's size; no case matches, so each search reads it all.
        var unit: String
    }

    static let cases: [Case] = [
        Case(name: "literal, absent", pattern: "needle", unit: "abcdefgh"),
        Case(name: "word@word.com, absent", pattern: "\\b\\w+@\\w+\\.com\\b", unit: "lorem ipsum dolor sit amet "),
        Case(name: "date-like, absent", pattern: "[0-9]{4}-[0-9]{2}x", unit: "2026-01-01 "),
        Case(name: "(?i) alternation", pattern: "(?i)(?:refund|dispute)d", unit: "Checkout paid; refund issued. "),
    ]

    static func run(megabytes: Int) {
        let size = megabytes << 20
        print("(h') matches on a \(megabytes) MiB subject (no match, the whole subject read): FlexRegex vs Swift Regex vs /usr/bin/python3 re")
        let python = "/usr/bin/python3"
        let havePython = access(python, X_OK) == 0
        for item in cases {
            let subject = String(repeating: item.unit, count: size / item.unit.utf8.count)
            let ours = BenchSupport.time {
                let found = (try? LinearRegex(item.pattern))?.matches(in: subject)
                if found != false { print("    unexpected: \(item.pattern) answered \(String(describing: found))") }
            }
            let swift = BenchSupport.time {
                guard let regex = try? Regex(item.pattern) else { return }
                if subject.firstMatch(of: regex) != nil { print("    unexpected: Swift Regex matched \(item.pattern)") }
            }
            let re = havePython ? pythonSearch(python, item, size: size) : nil
            let mbps = Double(size) / 1_048_576 / ours
            var line = "    \(InterruptLatency.pad(item.name)) FlexRegex \(BenchSupport.milliseconds(ours)) (\(BenchSupport.fixed(mbps, 0)) MiB/s)"
            line += "  Swift Regex \(BenchSupport.milliseconds(swift)) (\(BenchSupport.fixed(swift / ours, 2))× ours)"
            if let re { line += "  python3 re \(BenchSupport.milliseconds(re)) (\(BenchSupport.fixed(re / ours, 2))× ours)" }
            print(line)
            fflush(nil)
        }
        print("")
    }

    /// Python builds the same subject and times `re.search` alone; nil when it fails.
    static func pythonSearch(_ python: String, _ item: Case, size: Int) -> Double? {
        let answer = BenchSupport.writeTempFile("")
        defer { unlink(answer) }
        let program = """
            import re, sys, time
            unit, pattern, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
            subject = unit * (size // len(unit.encode()))
            regex = re.compile(pattern)
            start = time.perf_counter()
            found = regex.search(subject)
            elapsed = time.perf_counter() - start
            open(sys.argv[4], "w").write("%.6f %d" % (elapsed, found is not None))
            """
        guard BenchSupport.spawnAndWait(python, ["-c", program, item.unit, item.pattern, String(size), answer]) else { return nil }
        let fields = BenchSupport.readFile(answer).split(separator: " ")
        guard fields.count == 2, fields[1] == "0" else { return nil }
        return Double(fields[0])
    }
}
