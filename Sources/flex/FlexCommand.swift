// The argument-parser command tree: `flex run`, `flex check` (`flex repl`, `flex test` in their own files).
import ArgumentParser
import FlexAPI
import FlexInterpreter
import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct FlexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flex",
        abstract: "A small language for driving Flex (withflex.com) checkouts, on an embedded simulator.",
        discussion: """
            flex with no arguments starts the REPL on a terminal and runs the script on standard input \
            otherwise; `flex FILE.flex` is `flex run FILE.flex`; `flex run -` reads the script from \
            standard input.

            Exit codes: 0 ok, 1 usage, 2 parse or check error, 3 runtime or API error, \
            4 expectation failed, 130 interrupted (SIGINT or SIGTERM).

            Environment: FLEX_API_KEY (the key for --backend live), FLEX_API_BASE (its base URL) and \
            FLEX_CA_FILE (a PEM file of extra certificate authorities for https), or api_key, base_url \
            and ca_file in ~/.config/flex/config (mode 0600); NO_COLOR turns colour off.
            """,
        version: FlexVersion.description,
        subcommands: [RunCommand.self, CheckCommand.self, ReplCommand.self, TestCommand.self, ServeCommand.self, TriggerCommand.self,
                      VersionCommand.self, FmtCommand.self])

    static let subcommandNames: Set<String> = ["run", "check", "repl", "test", "serve", "trigger", "version", "fmt", "help"]
}

enum DiagnosticsOption: String, ExpressibleByArgument, CaseIterable {
    case full, short
    var style: DiagnosticRenderer.Style { self == .full ? .full : .short }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run scripts on a fresh simulator.")

    @Argument(help: "Scripts to run in order ('-' reads standard input).", completion: .file(extensions: ["flex"]))
    var files: [String]

    @Option(help: "The simulator's seed: same seed and script, same output.")
    var seed: UInt64 = RunCommand.defaultSeed

    @Flag(help: "Write NDJSON on stdout: one self-describing line per value, print, show, expectation and error.")
    var json = false

    @Option(help: "How to show errors: full or short.")
    var diagnostics: DiagnosticsOption = .full

    @OptionGroup var variableOptions: VariableOptions

    @OptionGroup var backendOptions: BackendOptions

    static let defaultSeed: UInt64 = 42

    func execute(output: StandardOutputSink) async -> Int32 {
        guard let bound = variableOptions.bindings(output: output) else { return ExitStatus.usage }
        guard let plan = backendOptions.start(output: output) else { return ExitStatus.usage }
        var configuration = plan.configuration(seed: seed)
        configuration.json = json
        configuration.diagnosticStyle = diagnostics.style
        configuration.variables = bound
        return await Self.run(files, plan: plan, configuration: configuration, output: output)
    }

    /// Runs the scripts, stopping at SIGINT or SIGTERM; also PlainRun's way in, with the defaults.
    static func run(_ files: [String], plan: BackendOptions.Plan, configuration: RunConfiguration, output: StandardOutputSink) async -> Int32 {
        var configuration = configuration
        configuration.color = colorDiagnostics()
        let runner = ScriptRunner(configuration: configuration, output: output)
        runner.keepsValuesWhenInterrupted = true
        InterruptSignals.install()
        // Live: the script runs on the HTTP client's event loop, so each answer resumes it on the
        // thread that read it (as `flex test` runs its workers).
        let code = await withTaskExecutorPreference(plan.workerExecutors.first) { await runner.run(scripts(files)) }
        await plan.finish()
        return code
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Parse and check scripts without running them.")

    @Argument(help: "Scripts to check ('-' reads standard input).", completion: .file(extensions: ["flex"]))
    var files: [String]

    @Option(help: "How to show errors: full or short.")
    var diagnostics: DiagnosticsOption = .full

    @OptionGroup var variableOptions: VariableOptions

    func execute(output: StandardOutputSink) -> Int32 {
        guard let bound = variableOptions.bindings(output: output) else { return ExitStatus.usage }
        // Nothing runs, so the backend is the default one, never made.
        var configuration = BackendOptions.Plan.embeddedSimulator.configuration(seed: 42)
        configuration.variables = bound
        configuration.diagnosticStyle = diagnostics.style
        configuration.color = colorDiagnostics()
        let runner = ScriptRunner(configuration: configuration, output: output)
        return runner.check(scripts(files))
    }
}

func scripts(_ files: [String]) -> [ScriptRunner.Script] {
    files.map { path in
        guard path == "-" else { return .file(path) }
        switch FileSourceLoader.readStandardInput() {
        case .success(let bytes): return .source(path: "<stdin>", bytes: bytes)
        case .failure(let error): return .unreadable(error)
        }
    }
}

/// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
func colorDiagnostics() -> Bool {
    isatty(2) != 0 && getenv("NO_COLOR") == nil
}
