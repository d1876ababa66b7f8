// The runner on the fixture suite: outcomes per case, exit codes, shards, filter, bail,
// parallel = sequential, discovery rules, and a non-simulated backend's created objects.
import FlexAPI
import FlexInterpreter
import FlexLanguage
import FlexSimulator
@testable import FlexTesting
import FlexTestSupport
import Testing

@Suite struct RunnerTests {
    /// Every case of the fixture suite and its expected status.
    static let expected: [String: TestStatus] = [
        "erroring/runtime.flex::fine": .passed,
        "erroring/runtime.flex::index out of range": .errored,
        "erroring/runtime.flex::api error": .errored,
        "failing/assertions.flex::passes": .passed,
        "failing/assertions.flex::wrong email": .failed,
        "failing/assertions.flex::pattern reports every field": .failed,
        "passing/checkout.flex::session starts open": .passed,
        "passing/checkout.flex::paying completes it": .passed,
        "passing/checkout.flex::expiring closes it": .passed,
        "passing/patterns.flex::customer shape": .passed,
        "passing/patterns.flex::nested and lists": .passed,
        "passing/whole_file.flex::": .passed,
    ]

    static func relative(_ id: String) -> String {
        String(id.dropFirst(Fixtures.directory.count + 1))
    }

    @Test func fixtureSuiteOutcomes() async {
        let run = await Fixtures.run([Fixtures.directory])
        var statuses: [String: TestStatus] = [:]
        for result in run.summary.results { statuses[Self.relative(result.testCase.id)] = result.status }
        #expect(statuses == Self.expected)
        #expect(run.summary.broken.map { Self.relative($0.file + "::") } == ["broken/unparsable.flex::"])
        #expect(run.summary.exitCode == ExitStatus.checkFailed)
        #expect(run.summary.line == "8 passed, 5 failed")
        #expect(run.terminal.hasSuffix("\n8 passed, 5 failed\n"))
        // Every failure is shown in full: caret, both sides, the scenario.
        #expect(run.terminal.contains("= note: left:  \"a@b.co\""))
        #expect(run.terminal.contains("= note: right: \"b@b.co\""))
        #expect(run.terminal.contains("^^^^"))
        #expect(run.terminal.contains("expected an expression after '+'"))
        // A pattern reports every mismatching field at once.
        #expect(run.terminal.contains("email: expected \"x@y.z\", got \"a@b.co\""))
        #expect(run.terminal.contains("customer_id: expected any number, got fcus_"))
        #expect(run.terminal.contains("test_mode: expected false, got true"))
    }

    @Test(arguments: [("passing", ExitStatus.success), ("failing", ExitStatus.expectationFailed),
                      ("erroring", ExitStatus.runtimeError), ("broken", ExitStatus.checkFailed)])
    func exitCodes(directory: String, code: Int32) async {
        let run = await Fixtures.run([Fixtures.path(directory)])
        #expect(run.summary.exitCode == code, "\(run.terminal)")
    }

    @Test func missingPathIsUsageError() async {
        let run = await Fixtures.run([Fixtures.path("no-such-dir")])
        #expect(run.summary.exitCode == ExitStatus.usage)
        #expect(run.summary.results.isEmpty)
    }

    @Test func shardsPartitionTheCases() async {
        let suite = await TestSuite.load(TestDiscovery.find([Fixtures.directory]).files)
        let all = suite.cases.map(\.id)
        #expect(all.count == 12)
        for count in 1...5 {
            var seen: [String: Int] = [:]
            for index in 1...count {
                let runner = TestRunner(options: TestOptions(configuration: .simulated(), shard: Shard(index: index, count: count)))
                for testCase in runner.select(suite.cases) { seen[testCase.id, default: 0] += 1 }
            }
            #expect(Set(seen.keys) == Set(all), "N = \(count)")
            #expect(seen.values.allSatisfy { $0 == 1 }, "N = \(count): a case ran in two shards")
        }
        // Stable: a hash of the text only, the same on every machine and in every order.
        #expect(Shard.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.stableHash("") == 0xcbf2_9ce4_8422_2325)
        let reversed = TestRunner(options: TestOptions(configuration: .simulated(), shard: Shard(index: 2, count: 3))).select(suite.cases.reversed()).map(\.id)
        let forward = TestRunner(options: TestOptions(configuration: .simulated(), shard: Shard(index: 2, count: 3))).select(suite.cases).map(\.id)
        #expect(Set(reversed) == Set(forward))
    }

    @Test func shardParsing() {
        #expect(Shard(parsing: "2/5") == Shard(index: 2, count: 5))
        #expect(Shard(parsing: "0/5") == nil)
        #expect(Shard(parsing: "6/5") == nil)
        #expect(Shard(parsing: "1/0") == nil)
        #expect(Shard(parsing: "x") == nil)
        #expect(Shard(parsing: "1/2/3") == nil)
    }

    @Test func parallelAndSequentialAgree() async {
        let sequential = await Fixtures.run([Fixtures.directory], options: TestOptions(configuration: .simulated(), jobs: 1))
        let parallel = await Fixtures.run([Fixtures.directory], options: TestOptions(configuration: .simulated(), jobs: 4))
        func outcomes(_ summary: TestRunSummary) -> [String] {
            summary.results.map { "\($0.testCase.id) \($0.status) \($0.failure?.rendered ?? "") \($0.output)" }
        }
        #expect(outcomes(sequential.summary) == outcomes(parallel.summary))
        #expect(sequential.summary.exitCode == parallel.summary.exitCode)
        #expect(sequential.summary.line == parallel.summary.line)
    }

    @Test func filterBySubstringAndRegex() async {
        let bySubstring = await Fixtures.run([Fixtures.directory], options: TestOptions(configuration: .simulated(), filter: "checkout"))
        #expect(bySubstring.summary.results.map(\.testCase.scenario) == ["session starts open", "paying completes it", "expiring closes it"])
        #expect(bySubstring.summary.broken.isEmpty)
        #expect(bySubstring.summary.exitCode == ExitStatus.success)
        let byRegex = await Fixtures.run([Fixtures.directory], options: TestOptions(configuration: .simulated(), filter: "^(passes|fine)$"))
        #expect(Set(byRegex.summary.results.compactMap(\.testCase.scenario)) == ["passes", "fine"])
        let byScenario = await Fixtures.run([Fixtures.directory], options: TestOptions(configuration: .simulated(), filter: "wrong email"))
        #expect(byScenario.summary.results.count == 1)
        #expect(byScenario.summary.exitCode == ExitStatus.expectationFailed)
    }

    @Test func bailStopsAtTheFirstFailure() async {
        let run = await Fixtures.run([Fixtures.path("failing"), Fixtures.path("passing")], options: TestOptions(configuration: .simulated(), jobs: 1, bail: true))
        let statuses = run.summary.results.map(\.status)
        #expect(statuses == [.passed, .failed, .skipped, .skipped, .skipped, .skipped, .skipped, .skipped, .skipped])
        #expect(run.summary.line == "1 passed, 1 failed, 7 skipped")
        #expect(run.terminal.hasSuffix("\n1 passed, 1 failed, 7 skipped\n"))
        #expect(run.summary.exitCode == ExitStatus.expectationFailed)
    }

    @Test func discoverySkipsLibHiddenAndBuildDirectories() {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        dir.write("a.flex", "print 1\n")
        dir.write("sub/b.flex", "print 1\n")
        dir.write("lib/helper.flex", "print 1\n")
        dir.write(".hidden/c.flex", "print 1\n")
        dir.write(".build-x/d.flex", "print 1\n")
        dir.write("__snapshots__/e.flex", "print 1\n")
        dir.write("notes.txt", "x\n")
        let found = TestDiscovery.find([dir.path]).files
        #expect(found == [dir.path + "/a.flex", dir.path + "/sub/b.flex"])
        // A file named explicitly is taken even inside lib/.
        #expect(TestDiscovery.find([dir.path + "/lib/helper.flex"]).files == [dir.path + "/lib/helper.flex"])
        #expect(TestDiscovery.find([dir.path + "/nope"]).missing == [dir.path + "/nope"])
    }

    @Test func casesAreScenariosOrWholeFiles() async {
        let suite = await TestSuite.load([Fixtures.path("passing/checkout.flex"), Fixtures.path("passing/whole_file.flex")])
        #expect(suite.cases.map(\.scenario) == ["session starts open", "paying completes it", "expiring closes it", nil])
        #expect(suite.cases.map(\.line) == [5, 10, 15, 1])
    }

    @Test func sameSeedSameIDsInEveryScenario() async {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.write("ids.flex", """
            let c = customer create email "a@b.co"
            scenario "one" { print c.id }
            scenario "two" { print c.id }
            """)
        let run = await Fixtures.run([file], options: TestOptions(configuration: .simulated(seed: 7), jobs: 2))
        #expect(run.summary.results.count == 2)
        #expect(run.summary.results[0].output == run.summary.results[1].output)
        #expect(run.summary.results[0].output.hasPrefix("fcus_"))
    }

    /// A backend that is not the simulator: cases default to -j 1 and report what they created.
    @Test func nonSimulatedBackendListsCreatedObjects() async {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.write("live.flex", """
            scenario "creates" {
              let c = customer create email "a@b.co"
              expect c.email == "a@b.co"
            }
            """)
        let options = TestOptions(configuration: RunConfiguration(backend: BackendDescription(kind: .liveAPI, displayName: "forwarding"),
                                                            makeBackend: { seed in ForwardingBackend(seed: seed) }))
        #expect(options.effectiveJobs == 1)
        let run = await Fixtures.run([file], options: options)
        #expect(run.summary.exitCode == ExitStatus.success, "\(run.terminal)")
        #expect(run.summary.results.first?.createdObjects.count == 1)
        #expect(run.summary.results.first?.createdObjects.first?.hasPrefix("fcus_") == true)
        #expect(run.json.contains("\"created_objects\":[\"fcus_"))
    }
}

/// The simulator behind the plain `FlexBackend` protocol, as a live backend would be used.
final class ForwardingBackend: FlexBackend {
    let simulator: SimulatedFlex
    init(seed: UInt64) { simulator = SimulatedFlex(seed: seed) }
    func send(_ request: APIRequest) async throws -> APIResponse { simulator.handle(request) }
}
