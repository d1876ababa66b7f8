// `flex test`: the QA scenario runner for CI; parses flags and hands everything to FlexTesting.
import ArgumentParser
import FlexInterpreter
import FlexTesting
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every scenario of the .flex files under PATH… as independent test cases.",
        discussion: """
        Each scenario (or each file without scenarios) runs on a fresh simulator with the same seed.
        A case running longer than --timeout (default 60s) is stopped and reported as an error.
        SIGINT/SIGTERM stop the run: running cases are reported as interrupted, the summary and
        every report are still written, and the exit code is 130.
        Exit codes: 0 all passed, 2 a file does not parse, 3 a runtime/API error, 4 an expectation failed.
        """)

    @Argument(help: "Files or directories to search for .flex files (default: the current directory).",
              completion: .file(extensions: ["flex"]))
    var paths: [String] = []

    @Option(name: .customShort("j"), help: ArgumentHelp("How many cases run at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Run only a stable slice of the cases, e.g. 2/4.", valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Run only cases whose file or scenario name contains PATTERN or matches it as a regex.", valueName: "PATTERN"))
    var filter: String?

    @Flag(help: "Stop starting cases after the first failure; the rest are reported as skipped.")
    var bail = false

    @Option(help: "The simulator's seed for every case.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Write a JUnit XML report to FILE.", valueName: "FILE"), completion: .file(extensions: ["xml"]))
    var junit: String?

    @Flag(help: "Write TAP version 13 to stdout (the human report goes to stderr).")
    var tap = false

    @Flag(help: "Write NDJSON events to stdout (the human report goes to stderr).")
    var json = false

    @Flag(help: "Rewrite every snapshot the run reaches.")
    var updateSnapshots = false

    @Flag(inversion: .prefixedNo, help: "Fail on a missing snapshot instead of recording it (default: on when $CI is set).")
    var ci: Bool?

    @Option(help: ArgumentHelp("How long one case may run (3s, 500ms, 2m, plain seconds; 0: no limit).", valueName: "DURATION"))
    var timeout: String = CaseTimeout.standard.text

    @Option(help: "How to show errors: full or short.")
    var diagnostics: DiagnosticsOption = .full

    @OptionGroup var variableOptions: VariableOptions

    @OptionGroup var backendOptions: BackendOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j needs a positive number of jobs, got \(jobs)") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard expects I/N with 1 ≤ I ≤ N, got '\(shard)'")
        }
        if tap && json { throw ValidationError("--tap and --json both write to stdout; pick one") }
        if CaseTimeout(parsing: timeout) == nil {
            throw ValidationError("--timeout expects a duration such as 3s, 500ms, 2m or 0, got '\(timeout)'")
        }
    }

    func execute(output: StandardOutputSink) async -> Int32 {
        guard let bound = variableOptions.bindings(output: output),
              let plan = backendOptions.start(output: output, isolatesCases: true) else { return ExitStatus.usage }
        var configuration = plan.configuration(seed: seed)
        configuration.variables = bound
        configuration.diagnosticStyle = diagnostics.style
        var options = TestOptions(
            configuration: configuration, jobs: jobs, shard: shard.flatMap(Shard.init(parsing:)), filter: filter, bail: bail,
            updateSnapshots: updateSnapshots, ci: ci ?? TestCommand.environmentIsCI(), timeout: CaseTimeout(parsing: timeout))
        options.workerExecutors = plan.workerExecutors
        let machineReadable = tap || json
        let human = TerminalReporter(output: output, stream: machineReadable ? .standardError : .standardOutput,
                                     showsProgress: !machineReadable && isatty(1) != 0)
        var reporters: [any TestReporter] = [human]
        if tap { reporters.append(TAPReporter(output: output)) }
        if json { reporters.append(JSONEventReporter(output: output)) }
        let junitReporter = junit.map(JUnitReporter.init(path:))
        if let junitReporter { reporters.append(junitReporter) }
        InterruptSignals.install()
        let summary = await TestRunner(options: options).run(paths: paths, reporters: reporters)
        await plan.finish()
        if let junitReporter, let problem = junitReporter.writeError {
            output.write("flex: cannot write '\(junitReporter.path)': \(problem)\n", to: .standardError)
            return ExitStatus.worst(summary.exitCode, ExitStatus.usage)
        }
        return summary.exitCode
    }

    /// CI services set CI (usually to "true"); "false" and "0" mean no.
    static func environmentIsCI() -> Bool {
        guard let value = getenv("CI") else { return false }
        let text = String(cString: value).lowercased()
        return !text.isEmpty && text != "false" && text != "0"
    }
}
