// Runs a suite's cases: filter, shard, then up to `jobs` at once, each on its own Interpreter and
// fresh backend (nothing mutable is shared between cases); reporters hear every event in one place.
import FlexInterpreter
import FlexLanguage

public struct TestRunner: Sendable {
    public let options: TestOptions

    public init(options: TestOptions) {
        self.options = options
    }

    /// The cases this run takes: those the filter admits, then this shard's share.
    public func select(_ cases: [TestCase]) -> [TestCase] {
        var selected = cases
        if let filter = options.filter, !filter.isEmpty {
            let regex = try? Regex(filter)
            selected = selected.filter { testCase in
                let names = [testCase.file, testCase.scenario ?? "", testCase.id, testCase.displayName]
                return names.contains { name in
                    name.contains(filter) || (regex.map { name.firstMatch(of: $0) != nil } ?? false)
                }
            }
        }
        if let shard = options.shard { selected = selected.filter(shard.contains) }
        return selected
    }

    /// Loads, selects and runs; every event goes to `reporters`; returns the summary.
    public func run(paths: [String], reporters: [any TestReporter]) async -> TestRunSummary {
        let discovered = TestDiscovery.find(paths)
        let suite = await TestSuite.load(discovered.files, style: options.configuration.diagnosticStyle, jobs: options.effectiveJobs)
        return await run(suite, missing: discovered.missing, reporters: reporters)
    }

    public func run(_ suite: TestSuite, missing: [String] = [], reporters: [any TestReporter]) async -> TestRunSummary {
        // A file named on the command line that does not exist is a usage error; nothing runs.
        if !missing.isEmpty {
            for reporter in reporters { reporter.usageError(missing.map { "cannot read '\($0)': no such file or directory" }) }
            return TestRunSummary(results: [], broken: [], exitCode: ExitStatus.usage)
        }
        let options = self.options
        let selectedBroken = suite.broken.filter { broken in
            guard let filter = options.filter, !filter.isEmpty else { return true }
            return broken.file.contains(filter) || ((try? Regex(filter)).map { broken.file.firstMatch(of: $0) != nil } ?? false)
        }.filter { broken in
            options.shard.map { $0.contains(TestCase(file: broken.file, scenario: nil, statementIndex: nil, line: 1)) } ?? true
        }
        let cases = select(suite.cases)
        let jobs = options.effectiveJobs
        for reporter in reporters { reporter.runStarted(caseCount: cases.count, brokenCount: selectedBroken.count, jobs: jobs, seed: options.seed) }
        for broken in selectedBroken {
            for reporter in reporters { reporter.fileBroken(broken) }
        }

        var programs: [String: TestSuite.LoadedFile] = [:]
        for file in suite.files { programs[file.path] = file }
        var results = [TestResult?](repeating: nil, count: cases.count)
        var stopped = options.bail && !selectedBroken.isEmpty
        let sources = suite.sources

        // Cases go out in small batches: a case takes ~0.1 ms on the simulator, so one task per
        // case would spend a good part of the run waking threads. --bail keeps batches of one.
        let batchSize = options.bail ? 1 : max(1, min(16, cases.count / max(1, jobs * 8)))
        await withTaskGroup(of: [(Int, TestResult)].self) { group in
            var next = 0
            func start(_ group: inout TaskGroup<[(Int, TestResult)]>) {
                let batch = next..<min(cases.count, next + batchSize)
                next = batch.upperBound
                var work: [(Int, TestCase, TestSuite.LoadedFile)] = []
                for index in batch {
                    let testCase = cases[index]
                    guard let file = programs[testCase.file] else { continue }
                    for reporter in reporters { reporter.caseStarted(testCase) }
                    work.append((index, testCase, file))
                }
                group.addTask {
                    var done: [(Int, TestResult)] = []
                    for (index, testCase, file) in work {
                        done.append((index, await TestRunner.runCase(testCase, file: file, sources: sources, options: options)))
                    }
                    return done
                }
            }
            var running = 0
            while !stopped, next < cases.count, running < jobs {
                start(&group)
                running += 1
            }
            for await batch in group {
                for (index, result) in batch {
                    results[index] = result
                    for reporter in reporters { reporter.caseFinished(result) }
                    if options.bail, result.status != .passed { stopped = true }
                }
                if !stopped, next < cases.count { start(&group) }
            }
        }

        var finished: [TestResult] = []
        for (index, testCase) in cases.enumerated() {
            if let result = results[index] {
                finished.append(result)
            } else {
                let skipped = TestResult(testCase: testCase, status: .skipped)
                for reporter in reporters { reporter.caseFinished(skipped) }
                finished.append(skipped)
            }
        }
        let summary = TestRunSummary(results: finished, broken: selectedBroken)
        for reporter in reporters { reporter.runFinished(summary) }
        return summary
    }

    /// One case on its own Interpreter and backend; never throws, never shares mutable state.
    static func runCase(_ testCase: TestCase, file: TestSuite.LoadedFile, sources: SourceManager, options: TestOptions) async -> TestResult {
        let clock = ContinuousClock()
        let started = clock.now
        let output = CapturingOutputSink()
        let interpreter = Interpreter(sources: sources, output: output, configuration: options.configuration)
        interpreter.recordsCreatedObjects = !options.configuration.backend.startsFresh
        let snapshots = SnapshotDirectory(for: testCase, update: options.updateSnapshots, ci: options.ci)
        interpreter.snapshotStore = snapshots
        let failure = await interpreter.runCase(file.program, scenario: testCase.statementIndex)
        let elapsed = clock.now - started
        let nanoseconds = elapsed.components.seconds &* 1_000_000_000 &+ elapsed.components.attoseconds / 1_000_000_000
        var result = TestResult(testCase: testCase, status: .passed, durationNanoseconds: nanoseconds,
                                output: output.standardOutput, createdObjects: interpreter.createdObjects,
                                snapshotsWritten: snapshots.written)
        if let failure {
            switch failure.kind {
            case .expectation: result.status = .failed
            case .runtime, .api: result.status = .errored
            }
            var diagnostic = failure.diagnostic
            if let scenario = testCase.scenario { diagnostic.notes.append(Diagnostic.Note("in scenario \"\(scenario)\"")) }
            let renderer = DiagnosticRenderer(sources: sources, style: options.configuration.diagnosticStyle)
            var detail = FailureDetail(diagnostic: diagnostic, sources: sources, renderer: renderer)
            if detail.file.isEmpty { detail.file = testCase.file }
            result.failure = detail
        }
        return result
    }
}
