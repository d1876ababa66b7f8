// Runs a suite's cases: filter, shard, then up to `jobs` at once, each on its own Interpreter and
// fresh backend (nothing mutable is shared between cases); reporters hear every event in one place.
import FlexAPI
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
        let suite = await TestSuite.load(discovered.files, style: options.configuration.diagnosticStyle, jobs: options.effectiveJobs,
                                         variables: Set(options.configuration.variables.map(\.name)))
        return await run(suite, missing: discovered.missing, reporters: reporters)
    }

    public func run(_ suite: TestSuite, missing: [String] = [], reporters: [any TestReporter]) async -> TestRunSummary {
        // A file named on the command line that does not exist is a usage error; nothing runs.
        if !missing.isEmpty {
            for reporter in reporters { reporter.usageError(missing.map { "cannot read '\($0)': no such file or directory" }) }
            return TestRunSummary(results: [], broken: [], exitCode: ExitStatus.usage)
        }
        let selectedBroken = selectBroken(suite.broken)
        let cases = select(suite.cases)
        let jobs = options.effectiveJobs
        for reporter in reporters { reporter.runStarted(caseCount: cases.count, brokenCount: selectedBroken.count, jobs: jobs, seed: options.seed) }
        for broken in selectedBroken {
            for reporter in reporters { reporter.fileBroken(broken) }
        }

        let watch = CaseWatch(timeout: options.timeout)
        watch.start()
        let results = await run(cases, of: suite, jobs: jobs, bailed: options.bail && !selectedBroken.isEmpty, watch: watch, reporters: reporters)
        watch.stop()

        // Cases that never ran: after --bail, or after a signal stopped the run.
        let wasInterrupted = Interruption.isRequested
        var finished: [TestResult] = []
        for (index, testCase) in cases.enumerated() {
            if let result = results[index] {
                finished.append(result)
            } else {
                var skipped = TestResult(testCase: testCase, status: .skipped)
                skipped.skipReason = wasInterrupted ? .interrupted : .bail
                for reporter in reporters { reporter.caseFinished(skipped) }
                finished.append(skipped)
            }
        }
        let summary = TestRunSummary(results: finished, broken: selectedBroken, wasInterrupted: wasInterrupted)
        for reporter in reporters { reporter.runFinished(summary) }
        return summary
    }

    /// The broken files the filter and the shard admit.
    func selectBroken(_ broken: [BrokenFile]) -> [BrokenFile] {
        let options = self.options
        return broken.filter { broken in
            guard let filter = options.filter, !filter.isEmpty else { return true }
            return broken.file.contains(filter) || ((try? Regex(filter)).map { broken.file.firstMatch(of: $0) != nil } ?? false)
        }.filter { broken in
            options.shard.map { $0.contains(TestCase(file: broken.file, scenario: nil, statementIndex: nil, line: 1)) } ?? true
        }
    }

    /// A case to run: its position in the run, the case, its file.
    typealias Work = (index: Int, testCase: TestCase, file: TestSuite.LoadedFile)

    /// What a batch task did, and the cases it left when a case of it was stopped (its task is
    /// then cancelled, so the rest go out again in a fresh batch).
    struct BatchOutcome: Sendable {
        var done: [(Int, TestResult)] = []
        var leftover: [Work] = []
        /// The worker that ran it, whose executor the next batch gets.
        var worker = 0
    }

    /// Runs the cases up to `jobs` batches at once; nil for each case that did not run.
    func run(_ cases: [TestCase], of suite: TestSuite, jobs: Int, bailed: Bool, watch: CaseWatch,
             reporters: [any TestReporter]) async -> [TestResult?] {
        var programs: [String: TestSuite.LoadedFile] = [:]
        for file in suite.files { programs[file.path] = file }
        var results = [TestResult?](repeating: nil, count: cases.count)
        var stopped = bailed
        let options = self.options
        let sources = suite.sources

        // Cases go out in small batches: a case takes ~0.1 ms on the simulator, so one task per
        // case would spend a good part of the run waking threads. --bail keeps batches of one.
        let batchSize = options.bail ? 1 : max(1, min(16, cases.count / max(1, jobs * 8)))
        await withTaskGroup(of: BatchOutcome.self) { group in
            var next = 0
            func start(_ work: [Work], worker: Int, _ group: inout TaskGroup<BatchOutcome>) {
                let executors = options.workerExecutors
                group.addTask(executorPreference: executors.isEmpty ? nil : executors[worker % executors.count]) {
                    var outcome = await TestRunner.runBatch(work, sources: sources, options: options, watch: watch)
                    outcome.worker = worker
                    return outcome
                }
            }
            func startNext(worker: Int, _ group: inout TaskGroup<BatchOutcome>) {
                let batch = next..<min(cases.count, next + batchSize)
                next = batch.upperBound
                var work: [Work] = []
                for index in batch {
                    let testCase = cases[index]
                    guard let file = programs[testCase.file] else { continue }
                    for reporter in reporters { reporter.caseStarted(testCase) }
                    work.append((index, testCase, file))
                }
                start(work, worker: worker, &group)
            }
            var running = 0
            while !stopped, next < cases.count, running < jobs {
                startNext(worker: running, &group)
                running += 1
            }
            for await outcome in group {
                for (index, result) in outcome.done {
                    results[index] = result
                    for reporter in reporters { reporter.caseFinished(result) }
                    if options.bail, result.status != .passed { stopped = true }
                }
                if Interruption.isRequested { stopped = true }
                if stopped { continue }
                if !outcome.leftover.isEmpty {
                    start(outcome.leftover, worker: outcome.worker, &group)
                } else if next < cases.count {
                    startNext(worker: outcome.worker, &group)
                }
            }
        }
        return results
    }

    /// One batch, case after case in this task; stops early when the task was cancelled (a case
    /// timed out, or a signal came).
    static func runBatch(_ work: [Work], sources: SourceManager, options: TestOptions, watch: CaseWatch) async -> BatchOutcome {
        var outcome = BatchOutcome()
        for (position, item) in work.enumerated() {
            if Task.isCancelled || Interruption.isRequested {
                outcome.leftover = Array(work[position...])
                break
            }
            outcome.done.append((item.index, await runCase(item.testCase, file: item.file, sources: sources, options: options, watch: watch)))
        }
        return outcome
    }

    /// One case on its own Interpreter and backend; never throws, never shares mutable state.
    static func runCase(_ testCase: TestCase, file: TestSuite.LoadedFile, sources: SourceManager, options: TestOptions,
                        watch: CaseWatch) async -> TestResult {
        let clock = ContinuousClock()
        let started = clock.now
        let output = CapturingOutputSink()
        let interpreter = Interpreter(sources: sources, output: output, configuration: options.configuration)
        interpreter.recordsCreatedObjects = !options.configuration.backend.startsFresh
        let snapshots = SnapshotDirectory(for: testCase, update: options.updateSnapshots, ci: options.ci)
        interpreter.snapshotStore = snapshots
        let failure = await watch.watch(interpreter.interruption) {
            await interpreter.runCase(file.program, scenario: testCase.statementIndex)
        }
        // A case's sandbox on a flex serve is given back as soon as the case is over.
        await (interpreter.backend as? any FinishingBackend)?.finish()
        let elapsed = clock.now - started
        let nanoseconds = elapsed.components.seconds &* 1_000_000_000 &+ elapsed.components.attoseconds / 1_000_000_000
        var result = TestResult(testCase: testCase, status: .passed, durationNanoseconds: nanoseconds,
                                output: output.standardOutput, createdObjects: interpreter.createdObjects,
                                snapshotsWritten: snapshots.written)
        if let failure {
            let stop = interpreter.interruption.cause ?? TestRunner.interruptionCause(of: failure)
            var diagnostic = failure.diagnostic
            switch (stop, failure.kind) {
            case (.timedOut, _):
                result.status = .errored
                diagnostic.message = "timed out after \(options.timeout?.text ?? "its timeout")"
                diagnostic.help = "give the case longer with --timeout, or --timeout 0 for no limit"
            case (.interrupted, _): result.status = .interrupted
            case (nil, .expectation): result.status = .failed
            case (nil, _): result.status = .errored
            }
            if let scenario = testCase.scenario { diagnostic.notes.append(Diagnostic.Note("in scenario \"\(scenario)\"")) }
            let renderer = DiagnosticRenderer(sources: sources, style: options.configuration.diagnosticStyle)
            var detail = FailureDetail(diagnostic: diagnostic, sources: sources, renderer: renderer)
            if detail.file.isEmpty { detail.file = testCase.file }
            result.failure = detail
        }
        return result
    }

    static func interruptionCause(of failure: ScriptFailure) -> Interruption.Cause? {
        guard case .interrupted(let cause) = failure.kind else { return nil }
        return cause
    }
}
