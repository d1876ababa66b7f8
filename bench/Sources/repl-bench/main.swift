// REPL benchmarks (run by `make bench`): Tab completion latency with 10,000 variables and
// 10,000 IDs in the session (clauses from the command table, IDs by kind and partial prefix with
// their hints, paths), against a plain prefix filter over the same names measured in the same
// run; and the idle REPL's resident memory, against an idle python3 measured the same way.
// Run: swift build -c release --product repl-bench && .build/release/repl-bench
import FlexInterpreter
import FlexREPL
import FlexSimulator
#if canImport(Glibc)
import Glibc
#endif

/// A real REPL session holding 10,000 variables (customers made on the embedded simulator) and
/// so 10,000 IDs seen in results: a generated file `.load`ed into it.
func largeSession(count: Int) async -> REPL {
    let path = "/tmp/repl-bench-\(getpid()).flex"
    var script = ""
    for index in 0..<count { script += "let order_\(index) = customer create email \"c\(index)@example.com\"\n" }
    script += "let everyone = [" + (0..<count).map { "order_\($0)" }.joined(separator: ", ") + "]\n"
    guard let file = fopen(path, "w") else { fatalError("cannot write \(path)") }
    fputs(script, file)
    fclose(file)
    defer { unlink(path) }
    let configuration = RunConfiguration(backend: .embeddedSimulator, makeBackend: { SimulatedFlex(seed: $0) })
    let repl = REPL(reader: ScriptedLineReader(lines: [".load \(path)"]), output: CapturingOutputSink(), configuration: configuration)
    _ = await repl.run()
    return repl
}

func nanoseconds(_ clock: clockid_t = CLOCK_MONOTONIC) -> Int {
    var time = timespec()
    clock_gettime(clock, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
}

/// Median and 95th percentile of `runs` timings of `body`, in microseconds, in wall time and in
/// this thread's CPU time. (The maximum is whatever the scheduler did to one run on a busy
/// machine; p95 is what a person feels. On a loaded machine the wall-time tail is mostly waiting
/// for a core, which the CPU time leaves out.)
func measure(runs: Int, _ body: () -> Int) -> (median: Double, p95: Double, cpuP95: Double, sink: Int) {
    var samples: [Int] = []
    var cpuSamples: [Int] = []
    var sink = 0
    for _ in 0..<runs {
        let start = nanoseconds(), cpuStart = nanoseconds(CLOCK_THREAD_CPUTIME_ID)
        sink &+= body()
        cpuSamples.append(nanoseconds(CLOCK_THREAD_CPUTIME_ID) - cpuStart)
        samples.append(nanoseconds() - start)
    }
    samples.sort()
    cpuSamples.sort()
    let p95 = runs * 95 / 100
    return (Double(samples[runs / 2]) / 1000, Double(samples[p95]) / 1000, Double(cpuSamples[p95]) / 1000, sink)
}

func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

let session = await largeSession(count: 10_000)
let names = session.variableNames + session.seenIDs
print("session: \(session.variableNames.count) variables, \(session.seenIDs.count) IDs")
let inputs = [
    "print order_12",                          // variables
    "customer get fcus_",                      // every ID matches
    "customer get " + String(session.seenIDs[5_000].prefix(20)),
    "let s = checkout items [order_1 x2] ",    // the clauses not used yet
    "o",                                       // statement start: everything that begins with o
    "print order_5.em",                        // fields of a value
    "customer get ",                           // a positional of an ID kind: its IDs + variables
    "fcu",                                     // an ID from a partial prefix, with hints
    "pay order_1 with card \"4242\" ",         // a multi-word clause used, the rest offered
    "include \"exa",                           // a path in a string
]
print("Tab completion, 10,000 variables + 10,000 IDs (200 runs per input, microseconds)")
print("input                                              median      p95  cpu-p95   baseline-median   ratio")
var worst = 0.0, worstCPU = 0.0
for input in inputs {
    let completion = measure(runs: 200) { session.complete(input).candidates.count }
    // Baseline: the least any completer must do, one prefix filter over all names.
    let word = input.hasSuffix(" ") ? "" : String(input.split(separator: " ").last ?? "")
    let baseline = measure(runs: 200) {
        names.reduce(0) { $0 + ($1.hasPrefix(word) ? 1 : 0) }
    }
    worst = max(worst, completion.p95)
    worstCPU = max(worstCPU, completion.cpuP95)
    let padded = input.padding(50)
    print("\(padded) \(format(completion.median).leftPadded(8)) \(format(completion.p95).leftPadded(8)) \(format(completion.cpuP95).leftPadded(8)) \(format(baseline.median).leftPadded(17)) \(format(completion.median / max(baseline.median, 0.001)).leftPadded(7))x")
}
var load = [Double](repeating: 0, count: 3)
let loadCount = getloadavg(&load, 3)
print("slowest p95 over the inputs: \(format(worst / 1000)) ms wall, \(format(worstCPU / 1000)) ms CPU (target: within 5 ms; load average \(loadCount > 0 ? format(load[0]) : "?"))")

extension String {
    func padding(_ width: Int) -> String { count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
