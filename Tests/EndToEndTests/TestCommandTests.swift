// End-to-end tests of `flex test` (the built binary, through ProcessRunner): exit codes, the
// final summary line, the machine-readable reports and the flags' validation.
import FlexTestSupport
import Testing

@Suite("flex test")
struct TestCommandTests {
    static let fixtures = "fixtures/suites"

    @Test(arguments: [("passing", Int32(0), "6 passed, 0 failed"), ("failing", 4, "1 passed, 2 failed"),
                      ("erroring", 3, "1 passed, 2 failed"), ("broken", 2, "0 passed, 1 failed")])
    func exitCodeAndSummary(directory: String, code: Int32, summary: String) throws {
        let result = try Flex.run(["test", "\(Self.fixtures)/\(directory)"])
        #expect(result.exitCode == code, "\(result.stdout)\(result.stderr)")
        #expect(result.stdoutLines.last == summary)
    }

    @Test func wholeSuiteReportsEveryFailureAndEndsWithTheSummary() throws {
        let result = try Flex.run(["test", Self.fixtures, "-j", "2"])
        #expect(result.exitCode == 2)
        #expect(result.stdoutLines.last == "8 passed, 5 failed")
        #expect(result.stdout.contains("✓ fixtures/suites/passing/checkout.flex › paying completes it ("))
        #expect(result.stdout.contains("✗ fixtures/suites/failing/assertions.flex › wrong email ("))
        #expect(result.stdout.contains(" --> fixtures/suites/failing/assertions.flex:9:10"))
        #expect(result.stdout.contains("✗ fixtures/suites/broken/unparsable.flex (does not parse)"))
    }

    @Test func sequentialAndParallelPrintTheSameOnceDurationsAreRemoved() throws {
        func normalized(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                guard line.hasSuffix(" ms)"), let open = line.lastIndex(of: "(") else { return String(line) }
                return String(line[..<open])
            }.sorted()
        }
        let one = try Flex.run(["test", Self.fixtures, "-j", "1"])
        let two = try Flex.run(["test", Self.fixtures, "-j", "2"])
        #expect(normalized(one.stdout) == normalized(two.stdout))
        #expect(one.exitCode == two.exitCode)
    }

    @Test func junitTapAndJSON() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let junit = dir.path + "/report.xml"
        let result = try Flex.run(["test", "\(Self.fixtures)/failing", "--junit", junit, "--tap"])
        #expect(result.exitCode == 4)
        #expect(result.stdoutLines.first == "TAP version 13")
        #expect(result.stdoutLines.contains("1..3"))
        #expect(result.stderrLines.last == "1 passed, 2 failed")
        let xml = try #require(FileSystem.read(junit))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"flex test\" tests=\"3\" failures=\"2\" errors=\"0\""))
        #expect(xml.contains("<testcase classname=\"fixtures/suites/failing/assertions.flex\" name=\"wrong email\""))
        dir.remove()

        let json = try Flex.run(["test", "\(Self.fixtures)/passing", "--json"])
        #expect(json.exitCode == 0)
        #expect(json.stdoutLines.allSatisfy { $0.hasPrefix("{\"event\":\"") && $0.hasSuffix("}") })
        #expect(json.stdoutLines.filter { $0.hasPrefix("{\"event\":\"case_finished\"") }.count == 6)
        #expect(json.stdoutLines.last == "{\"event\":\"run_finished\",\"passed\":6,\"failed\":0,\"skipped\":0,\"exit_code\":0}")
    }

    @Test func shardFilterBail() throws {
        var total = 0
        for index in 1...3 {
            let result = try Flex.run(["test", "\(Self.fixtures)/passing", "--shard", "\(index)/3"])
            #expect(result.exitCode == 0)
            let counts = result.stdoutLines.last?.split(separator: " ").first.flatMap { Int($0) } ?? -1
            total += counts
        }
        #expect(total == 6)
        let filtered = try Flex.run(["test", Self.fixtures, "--filter", "checkout"])
        #expect(filtered.exitCode == 0)
        #expect(filtered.stdoutLines.last == "3 passed, 0 failed")
        let bail = try Flex.run(["test", "\(Self.fixtures)/failing", "--bail", "-j", "1"])
        #expect(bail.exitCode == 4)
        #expect(bail.stdoutLines.last == "1 passed, 1 failed, 1 skipped")
    }

    @Test func usageErrors() throws {
        for arguments in [["--shard", "4/3"], ["-j", "0"], ["--tap", "--json"], ["no/such/dir"]] {
            let result = try Flex.run(["test"] + arguments)
            #expect(result.exitCode == 1, "\(arguments): \(result.stderr)")
        }
    }
}
