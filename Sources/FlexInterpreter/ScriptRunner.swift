// The drivers behind `flex run` and `flex check`: load files, parse and check them all (nothing
// runs if any has an error), then run them in order on one backend, rendering every failure.
import FlexAPI
import FlexLanguage
import FlexSimulator

public final class ScriptRunner {
    public struct Options: Sendable {
        public var seed: UInt64
        public var json: Bool
        public var diagnosticStyle: DiagnosticRenderer.Style
        public var color: Bool
        public var variables: [(name: String, value: Value)]
        /// See `Interpreter.Options.idempotencyNamespace`.
        public var idempotencyNamespace: String?

        public init(seed: UInt64 = 42, json: Bool = false, diagnosticStyle: DiagnosticRenderer.Style = .full,
                    color: Bool = false, variables: [(name: String, value: Value)] = [], idempotencyNamespace: String? = nil) {
            self.idempotencyNamespace = idempotencyNamespace
            self.seed = seed
            self.json = json
            self.diagnosticStyle = diagnosticStyle
            self.color = color
            self.variables = variables
        }
    }

    /// A script to run: a file on disk, or text already read (`<stdin>`).
    public enum Script: Sendable {
        case file(String)
        case source(path: String, bytes: [UInt8])
        /// A source that could not be read (standard input over the size limit).
        case unreadable(FileReadError)
    }

    public let sources = SourceManager()
    public let options: Options
    let output: OutputSink
    let loader: any SourceLoader
    let makeBackend: Interpreter.BackendFactory

    public init(options: Options = Options(), output: OutputSink, loader: any SourceLoader = FileSourceLoader(),
                makeBackend: @escaping Interpreter.BackendFactory = { SimulatedFlex(seed: $0) }) {
        self.options = options
        self.output = output
        self.loader = loader
        self.makeBackend = makeBackend
    }

    var renderer: DiagnosticRenderer {
        DiagnosticRenderer(sources: sources, style: options.diagnosticStyle, color: options.color)
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
        guard let (programs, includes) = analyze(files) else { return ExitStatus.checkFailed }
        let interpreter = Interpreter(
            sources: sources, output: output,
            options: Interpreter.Options(seed: options.seed, json: options.json, variables: options.variables,
                                         idempotencyNamespace: options.idempotencyNamespace),
            makeBackend: makeBackend)
        interpreter.includes = includes
        var worst = ExitStatus.success
        for program in programs {
            interpreter.resetGlobals()
            let code = await interpreter.run(program) { failure, scenario in
                var diagnostic = failure.diagnostic
                if let scenario { diagnostic.notes.append(Diagnostic.Note("in scenario \"\(scenario)\"")) }
                report([diagnostic])
            }
            worst = ExitStatus.worst(worst, code)
            if code != ExitStatus.success { break }
        }
        return worst
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

    /// Parses and checks every file, reporting all diagnostics; nil when any is an error.
    func analyze(_ files: [SourceFile]) -> ([Program], [SourceSpan: Program])? {
        let checker = Checker(sources: sources, loader: loader, predefined: Set(options.variables.map(\.name)))
        var programs: [Program] = []
        var includes: [SourceSpan: Program] = [:]
        var failed = false
        for file in files {
            let parsed = Parser.parse(file)
            let checked = checker.check(parsed.program)
            let diagnostics = parsed.diagnostics + checked.diagnostics
            report(diagnostics)
            if diagnostics.contains(where: { $0.severity == .error }) { failed = true }
            programs.append(parsed.program)
            includes.merge(checked.includes) { first, _ in first }
        }
        return failed ? nil : (programs, includes)
    }
}
