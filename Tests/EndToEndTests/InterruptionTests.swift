// End-to-end tests of runs that do not end by themselves: `flex test --timeout` stops an endless
// case and reports the rest, and SIGINT/SIGTERM end `flex test` (summary, reports, exit 130) and
// `flex run` (where it stopped), all through the built binary with bounded waits.
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("runs that do not end by themselves")
struct InterruptionTests {
    /// Two files: the second case of the first never ends.
    static func endlessSuite() throws -> ScratchDirectory {
        let dir = try ScratchDirectory()
        try dir.write("a.flex", """
            scenario "fine one" {
              expect 1 + 1 == 2
            }

            scenario "endless" {
              let n = 0
              repeat 1000000000000 {
                n = n + 1
              }
            }

            scenario "fine two" {
              expect 2 + 2 == 4
            }

            """)
        try dir.write("b.flex", "let x = 1\nexpect x == 1\n")
        return dir
    }

    @Test func aTimedOutCaseNamesItsLocationAndTheOthersRun() throws {
        let dir = try Self.endlessSuite()
        defer { dir.remove() }
        let started = ProcessRunner.monotonicNanoseconds()
        let result = try Flex.run(["test", dir.path, "--timeout", "1s", "-j", "2"])
        let seconds = (ProcessRunner.monotonicNanoseconds() - started) / 1_000_000_000
        #expect(result.exitCode == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdoutLines.last == "3 passed, 1 failed")
        #expect(result.stdout.contains("✗ \(dir.path)/a.flex › endless ("))
        // Stopped at the loop's next step: its body's statement or the repeat itself.
        let atStatement = result.stdout.contains("error: timed out after 1s\n --> \(dir.path)/a.flex:8:5\n  |\n8 |     n = n + 1\n")
        let atLoop = result.stdout.contains("error: timed out after 1s\n --> \(dir.path)/a.flex:7:3\n  |\n7 |   repeat 1000000000000 {\n")
        #expect(atStatement || atLoop, "\(result.stdout)")
        for name in ["a.flex › fine one", "a.flex › fine two", "b.flex"] {
            #expect(result.stdout.contains("✓ \(dir.path)/\(name) ("))
        }
        #expect(seconds < 10, "the run took \(seconds) s")
    }

    /// The timeout also ends a live request in flight (the case's task is cancelled): against a
    /// server that never answers, the case ends at 1 s, long before the 30 s request timeout,
    /// and the next case runs.
    @Test func aTimedOutCaseEndsItsLiveRequestInFlight() throws {
        let server = try SilentListener()
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        try dir.write("live.flex", """
            scenario "hangs" {
              customer create email "ada@example.com"
            }

            scenario "after" {
              expect 1 + 1 == 2
            }

            """)
        let started = ProcessRunner.monotonicNanoseconds()
        let result = try Flex.run(["test", dir.path, "--timeout", "1s", "-j", "1", "--backend", "live", "--base-url", server.baseURL,
                                   "--retries", "0"],
                                  environment: ["FLEX_API_KEY": "fsk_test_silent000000000", "XDG_CONFIG_HOME": "/nonexistent"])
        let seconds = Double(ProcessRunner.monotonicNanoseconds() - started) / 1e9
        #expect(result.exitCode == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdoutLines.last == "1 passed, 1 failed")
        #expect(result.stdout.contains("✗ \(dir.path)/live.flex › hangs ("))
        #expect(result.stdout.contains("error: timed out after 1s\n --> \(dir.path)/live.flex:2:3\n"), "\(result.stdout)")
        #expect(result.stdout.contains("✓ \(dir.path)/live.flex › after ("))
        #expect(seconds < 15, "the run took \(seconds) s")
    }

    @Test func aBadTimeoutIsAUsageError() throws {
        for value in ["soon", "3x", "-1", "1.5s"] {
            let result = try Flex.run(["test", "--timeout", value, "fixtures/suites/passing"])
            #expect(result.exitCode == 1, "\(value): \(result.stderr)")
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalEndsTheRunWithItsSummaryAndReports(signal: Int32) throws {
        let dir = try Self.endlessSuite()
        defer { dir.remove() }
        let junit = dir.path + "/report.xml"
        // The human report goes to stderr (unbuffered) with --tap, so progress can be watched.
        let child = try ProcessRunner.start(Flex.binary, ["test", dir.path, "--timeout", "0", "-j", "1", "--tap", "--junit", junit],
                                            environment: ["NO_COLOR": "1"], directory: Flex.root)
        let firstFinished = child.waitUntil { child.stderrSoFar.contains("✓ ") && child.catches(signal) }
        #expect(firstFinished, "no case finished: \(child.stderrSoFar)")
        child.send(signal)
        let result = child.wait(timeoutSeconds: 20)
        #expect(!result.timedOut)
        #expect(result.exitCode == 130, "\(result.stderr)")
        #expect(result.stderrLines.last == "1 passed, 0 failed, 1 interrupted, 2 skipped")
        let stopped = "- \(dir.path)/a.flex › endless (interrupted at \(dir.path)/a.flex:"
        #expect(result.stderr.contains(stopped + "8:5)\n") || result.stderr.contains(stopped + "7:3)\n"))
        #expect(result.stdoutLines.first == "TAP version 13")
        #expect(result.stdout.hasSuffix("\n# 1 passed, 0 failed, 1 interrupted, 2 skipped\n"))
        let xml = try #require(FileSystem.read(junit))
        #expect(xml.contains("<testsuites name=\"flex test\" tests=\"4\" failures=\"0\" errors=\"1\" skipped=\"2\""))
        #expect(xml.contains("<error message=\"interrupted\" type=\"interrupted\">"))
        #expect(xml.contains("<skipped message=\"not run: the run was interrupted\"/>"))
        #expect(xml.hasSuffix("</testsuites>\n"))
    }

    @Test func aSignalToFlexRunSaysWhereItStopped() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("endless.flex", "print \"started\"\nlet n = 0\nrepeat 1000000000000 {\n  n = n + 1\n}\n")
        let child = try ProcessRunner.start(Flex.binary, ["run", script], environment: ["NO_COLOR": "1"], directory: Flex.root)
        #expect(child.waitUntil { child.catches(SIGINT) })
        // The handler is in place before the script runs; give it time to reach the loop (where
        // it stops does not matter: it must say where).
        var pause = timespec(tv_sec: 0, tv_nsec: 300_000_000)
        nanosleep(&pause, nil)
        child.send(SIGINT)
        let result = child.wait(timeoutSeconds: 20)
        #expect(result.exitCode == 130, "\(result.stderr)")
        #expect(result.stdout == "started\n" || result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: interrupted\n --> \(script):"), "\(result.stderr)")
    }
}
