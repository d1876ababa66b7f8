// `flex test` throughput: generates 1,000 scenario files in a temporary directory (never in the
// repository), runs them in process through FlexTesting with -j 1 and -j 2, and prints the
// speed-up and scenarios per second. Usage: test-bench [FILES] [REPEATS]
import FlexInterpreter
import FlexTesting
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Counts what finished; the benchmark prints no per-case lines.
final class CountingReporter: TestReporter {
    var finished = 0
    func caseFinished(_ result: TestResult) { finished += 1 }
}

let arguments = CommandLine.arguments.dropFirst()
let fileCount = arguments.first.flatMap { Int($0) } ?? 1_000
let repeats = arguments.dropFirst().first.flatMap { Int($0) } ?? 3

var template = Array("/tmp/flex-test-bench-XXXXXX".utf8CString)
guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
    print("test-bench: cannot create a temporary directory")
    exit(1)
}
let directory = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

/// A realistic scenario: catalog, checkout, pay, expectations, a pattern.
func scenarioFile(_ index: Int) -> String {
    """
    # generated scenario \(index)
    let thermo = product "Thermometer \(index)" eligible price $\(10 + index % 50).99
    let s = checkout items [thermo x\(1 + index % 3)]

    scenario "pays \(index)" {
      let paid = pay s with card "4242 4242 4242 4242" hsa
      expect paid.status == "complete"
      expect paid matches { checkout_session_id: any id, status: "complete", amount_total: any money }
    }

    """
}

for index in 0..<fileCount {
    _ = TestFileSystem.write(scenarioFile(index), to: directory + "/s\(index).flex")
}

/// User + system CPU seconds this process has used so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func measure(jobs: Int) async -> (seconds: Double, cases: Int, exit: Int32, cpu: Double) {
    var best = Double.infinity
    var cpu = 0.0
    var cases = 0
    var exitCode: Int32 = 0
    for _ in 0..<max(1, repeats) {
        let counter = CountingReporter()
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStarted = cpuSeconds()
        let summary = await TestRunner(options: TestOptions(jobs: jobs)).run(paths: [directory], reporters: [counter])
        let elapsed = clock.now - started
        let taken = seconds(elapsed)
        if taken < best { cpu = cpuSeconds() - cpuStarted }
        best = min(best, taken)
        cases = counter.finished
        exitCode = summary.exitCode
    }
    return (best, cases, exitCode, cpu)
}

/// The machine's own two-core ceiling, the baseline for the speed-up: the same fixed CPU-bound
/// work (a hash over a small buffer, no allocation, nothing shared) done by one task, then split
/// across two. On a VM whose two vCPUs share a physical core, or under load, this falls well below
/// 2x, and no runner can beat it.
func hashWork(rounds: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for round in 0..<rounds {
        for byte in 0..<4096 { hash = (hash ^ UInt64((byte &+ round) & 0xFF)) &* 0x100_0000_01b3 }
    }
    return hash
}

func ceiling(rounds: Int = 8_000) async -> Double {
    var one = Double.infinity, two = Double.infinity
    for _ in 0..<max(1, repeats) {
        let clock = ContinuousClock()
        var started = clock.now
        var sink = hashWork(rounds: rounds)
        one = min(one, seconds(clock.now - started))
        started = clock.now
        sink ^= await withTaskGroup(of: UInt64.self) { group in
            for _ in 0..<2 { group.addTask { hashWork(rounds: rounds / 2) } }
            return await group.reduce(0, ^)
        }
        two = min(two, seconds(clock.now - started))
        if sink == 42 { print("") }  // keeps the work from being optimised away
    }
    return one / two
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Where one run's wall time goes, best of REPEATS: discovery (serial), loading (parse + check,
/// in parallel), running the cases (in parallel).
func phases(jobs: Int) async -> (discover: Double, load: Double, run: Double, free: Double) {
    var best = (discover: Double.infinity, load: Double.infinity, run: Double.infinity, free: Double.infinity)
    for _ in 0..<max(1, repeats) {
        let clock = ContinuousClock()
        var started = clock.now
        let found = TestDiscovery.find([directory])
        best.discover = min(best.discover, seconds(clock.now - started))
        started = clock.now
        var suite: TestSuite? = await TestSuite.load(found.files, jobs: jobs)
        best.load = min(best.load, seconds(clock.now - started))
        started = clock.now
        if let loaded = suite { _ = await TestRunner(options: TestOptions(jobs: jobs)).run(loaded, reporters: [CountingReporter()]) }
        best.run = min(best.run, seconds(clock.now - started))
        started = clock.now
        suite = nil
        best.free = min(best.free, seconds(clock.now - started))
    }
    return best
}

let machineCeiling = await ceiling()
let sequential = await measure(jobs: 1)
let parallel = await measure(jobs: 2)
func format(_ value: Double, _ decimals: Int = 2) -> String {
    var factor = 1.0
    for _ in 0..<decimals { factor *= 10 }
    let scaled = Int((value * factor).rounded())
    let whole = scaled / Int(factor)
    var fraction = String(scaled % Int(factor))
    while fraction.count < decimals { fraction = "0" + fraction }
    return "\(whole).\(fraction)"
}
print("flex test benchmark: \(fileCount) files, \(sequential.cases) scenarios, best of \(repeats), \(TestOptions.coreCount) cores")
print("  -j 1: \(format(sequential.seconds * 1000, 1)) ms  \(Int(Double(sequential.cases) / sequential.seconds)) scenarios/s  cpu \(format(sequential.cpu * 1000, 1)) ms  (exit \(sequential.exit))")
print("  -j 2: \(format(parallel.seconds * 1000, 1)) ms  \(Int(Double(parallel.cases) / parallel.seconds)) scenarios/s  cpu \(format(parallel.cpu * 1000, 1)) ms  (exit \(parallel.exit))")
var load = [Double](repeating: 0, count: 3)
_ = getloadavg(&load, 3)
// Under `chrt -f N` (SCHED_FIFO) the benchmark's threads preempt every ordinary process, so a busy
// machine still lends it both cores; otherwise the load figure says how far to trust the ratio.
let realTime = sched_getscheduler(0) == SCHED_FIFO
print("  machine load average (1 min): \(format(load[0]))" + (realTime
    ? " — run at real-time priority (chrt -f), so other load does not take the cores"
    : " — a busy machine cannot show the 2-core speed-up; run it under `chrt -f 50` there"))
for jobs in [1, 2] {
    let split = await phases(jobs: jobs)
    print("  -j \(jobs) phases: discover \(format(split.discover * 1000, 1)) ms, load \(format(split.load * 1000, 1)) ms, run \(format(split.run * 1000, 1)) ms, free \(format(split.free * 1000, 1)) ms")
}
let speedUp = sequential.seconds / parallel.seconds
print("  speed-up -j 2 / -j 1: \(format(speedUp))x (target ≥ 1.70x on 2 cores)")
print("  baseline: the machine's two-task ceiling on pure CPU work \(format(machineCeiling))x; the runner reaches \(format(speedUp / machineCeiling)) of it")

// Leave nothing behind.
for index in 0..<fileCount { unlink(directory + "/s\(index).flex") }
rmdir(directory)
