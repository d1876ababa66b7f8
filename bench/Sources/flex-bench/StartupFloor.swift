// Section (g): `flex run` of a two-statement script against the floor, a Swift hello world built
// the same way, and against /usr/bin/python3 -c pass (never the python3 on PATH, which may be a
// version-manager shim), in alternating rounds so the machine's slow moments hit all three alike.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum StartupFloor {
    struct Program {
        var label: String
        var executable: String
        var arguments: [String]
    }

    /// The flex to time: FLEX_BENCH_FLEX (make bench points it at an installed flex when there
    /// is one), else the flex built beside this bench.
    static func flexUnderTest() -> String {
        if let named = getenv("FLEX_BENCH_FLEX"), access(named, X_OK) == 0 { return String(cString: named) }
        return BenchSupport.siblingExecutable("flex")
    }

    static func run(rounds: Int) {
        let flex = flexUnderTest()
        let script = BenchSupport.writeTempFile("let c = customer create email \"floor@example.com\"\nprint c.email\n")
        defer { unlink(script) }
        let programs = [
            Program(label: "flex run (2 statements)", executable: flex, arguments: ["run", script]),
            Program(label: "Swift hello (static)", executable: BenchSupport.siblingExecutable("swift-hello"), arguments: []),
            Program(label: "/usr/bin/python3 -c pass", executable: "/usr/bin/python3", arguments: ["-c", "pass"]),
        ]
        guard let medians = pairedMedians(programs, rounds: rounds) else {
            print("(g) skipped: could not run \(programs.map(\.executable).joined(separator: ", ")) (make bench builds them)\n")
            return
        }
        print("(g) start-up against the floor, \(rounds) alternating rounds, medians (wall / CPU: user + system)")
        for (index, program) in programs.enumerated() {
            print("    \(program.label.padding(26))\(BenchSupport.milliseconds(medians.wall[index])) / "
                  + "\(BenchSupport.milliseconds(medians.cpu[index]))  \(fileSize(program.executable))")
        }
        print("    flex: \(flex)")
        for (label, times) in [("wall", medians.wall), ("CPU", medians.cpu)] {
            let hello = times[0] / times[1], python = times[0] / times[2]
            print("    ratio, \(label.padding(4))             \(BenchSupport.fixed(hello, 2))× Swift hello (target ≤ 2: \(BenchSupport.verdict(hello <= 2))), "
                  + "\(BenchSupport.fixed(python, 3))× python3 (target ≤ 0.4: \(BenchSupport.verdict(python <= 0.4)))")
        }
        print("")
    }

    /// Median wall time and median CPU time of each program over `rounds` rounds, each round
    /// running every program once in turn (after one warm-up round); nil when one cannot be
    /// started or fails. CPU time is what a loaded machine moves least.
    static func pairedMedians(_ programs: [Program], rounds: Int) -> (wall: [Double], cpu: [Double])? {
        var wall = [[Double]](repeating: [], count: programs.count), cpu = wall
        for round in 0...rounds {
            for (index, program) in programs.enumerated() {
                var used: Double?
                let elapsed = BenchSupport.time { used = BenchSupport.spawnAndWaitForCPU(program.executable, program.arguments) }
                guard let used else { return nil }
                if round > 0 {
                    wall[index].append(elapsed)
                    cpu[index].append(used)
                }
            }
        }
        let median = { (times: [Double]) in times.sorted()[times.count / 2] }
        return (wall.map(median), cpu.map(median))
    }

    static func fileSize(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "" }
        return "(binary \(BenchSupport.fixed(Double(info.st_size) / 1_000_000, 1)) MB)"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
