// The drivers behind `flex run` and `flex check`: load files, parse and check them all (nothing
// runs if any has an error), then run them in order on one backend, rendering every failure.
import FlexAPI
import FlexLanguage

public final class ScriptRunner {
    /// A script to run: a file on disk, or text already read (`<stdin>`).
    public enum Script: Sendable {
        case file(String)
        case source(path: String, bytes: [UInt8])
        /// A source that could not be read (standard input over the size limit).
        case unreadable(FileReadError)
    }

    public let sources = SourceManager()
    public let configuration: RunConfiguration
    let output: OutputSink
    let loader: any SourceLoader
    /// `flex run`, which exits right after an interrupted run: the interpreter (and every value
    /// it holds) is then never freed, because releasing a list of millions of elements takes tens
    /// of milliseconds the user waits for after Ctrl-C. Off for anything that lives on (tests).
    public var keepsValuesWhenInterrupted = false

    public init(configuration: RunConfiguration, output: OutputSink, loader: any SourceLoader = FileSourceLoader()) {
        self.configuration = configuration
        self.output = output
        self.loader = loader
    }

    var renderer: DiagnosticRenderer {
        DiagnosticRenderer(sources: sources, style: configuration.diagnosticStyle, color: configuration.color)
    }

    /// `flex check`: 0 when every file parses and checks, 2 otherwise, 1 when a file is missing.
    public func check(_ scripts: [Script]) -> Int32 {
        guard let files = load(scripts) else { return ExitStatus.usage }
        return analyze(files) == nil ? ExitStatus.checkFailed : ExitStatus.success
    }

    /// `flex run`: every file in order on one fresh backend. A file that fails stops the run
    /// (later files usually build on it); scenarios inside a file all run regardless.
    public func run(_ scripts: [Script]) async -> Int32 {
        guard let files = load(scripts) else { return ExitStatus.usage }
        guard let programs = analyze(files) else { return ExitStatus.checkFailed }
        let interpreter = Interpreter(sources: sources, output: output, configuration: configuration)
        interpreter.keepsValuesWhenInterrupted = keepsValuesWhenInterrupted
        var worst = ExitStatus.success
        for program in programs {
            interpreter.resetGlobals()
            let code = await interpreter.run(program) { failure, scenario in
                var diagnostic = failure.diagnostic
                if let scenario { diagnostic.notes.append(Diagnostic.Note("in scenario \"\(scenario)\"")) }
                report([diagnostic])
                jsonLines?.error(failure, scenario: scenario, fallbackFile: sources.file(program.program.file)?.path)
            }
            worst = ExitStatus.worst(worst, code)
            if code == ExitStatus.interrupted && keepsValuesWhenInterrupted {
                // Deliberately never released: the process ends next (see the property).
                _ = Unmanaged.passRetained(interpreter)
            }
            if code != ExitStatus.success { break }
        }
        return worst
    }

    /// `--json`: errors also go to stdout as "error" lines; stderr keeps the human diagnostic.
    var jsonLines: JSONLineWriter? {
        configuration.json ? JSONLineWriter(sources: sources, output: output) : nil
    }

    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        output.write(renderer.render(diagnostics), to: .standardError)
    }

    func load(_ scripts: [Script]) -> [SourceFile]? {
        var files: [SourceFile] = []
        for script in scripts {
            switch script {
            case .file(let path):
                switch FileSourceLoader.readFile(path) {
                case .success(let bytes): files.append(sources.add(path: path, bytes: bytes))
                case .failure(let error):
                    output.write("flex: \(error)\n", to: .standardError)
                    return nil
                }
            case .source(let path, let bytes):
                files.append(sources.add(path: path, bytes: bytes))
            case .unreadable(let error):
                output.write("flex: \(error)\n", to: .standardError)
                return nil
            }
        }
        return files
    }

    /// Compiles every file, reporting all diagnostics; nil when any is an error.
    func analyze(_ files: [SourceFile]) -> [CheckedProgram]? {
        let predefined = Set(configuration.variables.map(\.name))
        var programs: [CheckedProgram] = []
        var failed = false
        for file in files {
            let program = CheckedProgram.compile(file, sources: sources, loader: loader, predefined: predefined,
                                                 commandLineVariables: predefined)
            report(program.diagnostics)
            if let jsonLines {
                for diagnostic in program.diagnostics where diagnostic.severity == .error {
                    jsonLines.checkError(diagnostic, file: file.path)
                }
            }
            if program.hasErrors { failed = true }
            programs.append(program)
        }
        return failed ? nil : programs
    }
}
