// The interactive loop: read an entry (continuing while the parser says it is incomplete), run
// it on the session's interpreter, echo a one-line summary, and survive every error.
import FlexAPI
import FlexInterpreter
import FlexLanguage
import FlexSync
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

public final class REPL {

    static let prompt = "flex> "
    static let continuationPrompt = " ...> "
    static let fileName = "<repl>"

    let reader: LineReader
    let output: OutputSink
    /// The seed (`.seed` changes it), colour, and the backend with its description for the banner.
    var configuration: RunConfiguration
    var sources = SourceManager()
    var interpreter: Interpreter
    let history: HistoryStore?
    let recorder = SessionRecorder()
    var echoJSON = false
    var showTiming = false
    /// IDs seen in results, oldest first, for completion.
    public private(set) var seenIDs: [String] = []
    var seenIDSet: Set<String> = []
    /// The latest summary of each object seen in a result, by its ID, for the list Tab shows.
    var idHints: [String: String] = [:]

    /// Input from a pipe (`echo .help | flex repl`): no banner, and the exit status tells
    /// whether every entry succeeded, as `flex run` does.
    let isPiped: Bool
    /// The worst outcome of the session's entries so far (ExitStatus.worst).
    var worstStatus = ExitStatus.success

    /// `historyPath` nil: no persistent history (tests, or no HOME).
    public init(reader: LineReader, output: OutputSink, configuration: RunConfiguration, historyPath: String? = nil, isPiped: Bool = false) {
        self.isPiped = isPiped
        self.reader = reader
        self.output = output
        self.configuration = configuration
        self.history = historyPath.map { HistoryStore(path: $0) }
        self.interpreter = Interpreter(sources: sources, output: output, configuration: configuration)
        for entry in history?.entries ?? [] { reader.addToHistory(entry) }
    }

    public var banner: String {
        "flex — \(backendDescription) — type .help for help, .quit to leave"
    }

    /// "embedded simulator, seed 42": the banner's, `.backend`'s and `.save`'s name for the session.
    var backendDescription: String {
        "\(configuration.backend.displayName), seed \(configuration.seed)"
    }

    /// Runs until `.quit` or end of input; returns the process exit code.
    public func run() async -> Int32 {
        if !isPiped { write(banner + "\n") }
        let exitStatus = { self.isPiped ? self.worstStatus : ExitStatus.success }
        while true {
            // Cleared before reading, not before running: a Ctrl-C that arrives after the line is
            // entered but before the interpreter starts must still stop the command.
            Interruption.clear()
            guard let entry = readEntry() else { return exitStatus() }
            guard let text = entry else { continue }  // interrupted or blank
            history?.append(text)
            if text.first == "." {
                if await runDotCommand(text) == .quit { return exitStatus() }
                continue
            }
            if let hint = habitHint(for: text) {
                write(hint + "\n")
                continue
            }
            if let scenarios = await evaluate(text)?.scenarios { write(scenarios.summary + "\n") }
        }
    }

    /// nil at end of input; `.some(nil)` when the entry was discarded (Ctrl-C, blank line).
    func readEntry() -> String?? {
        var buffer = ""
        while true {
            output.flush()
            switch reader.readLine(prompt: buffer.isEmpty ? Self.prompt : Self.continuationPrompt) {
            case .endOfInput:
                return nil
            case .interrupted:
                return .some(nil)
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if buffer.trimmingWhitespace.isEmpty { return .some(nil) }
                if buffer.first == "." { return .some(buffer) }
                let probe = SourceManager().add(path: Self.fileName, text: buffer)
                if Parser.parse(probe).isIncomplete { continue }
                reader.addToHistory(buffer)
                return .some(buffer)
            }
        }
    }

    /// What one entry (or `.load`ed file) did.
    struct EntryResult {
        /// Its statements outside scenarios, which run in the session.
        var statementCount: Int
        /// False when one of those statements failed (the error was shown).
        var completed: Bool
        var scenarioCount: Int
        /// How its scenarios went; nil when there were none or they could not run.
        var scenarios: ScenarioTally?
    }

    /// Parses, checks and runs one entry; errors are shown and the session goes on. Nil when
    /// it did not check.
    @discardableResult
    func evaluate(_ text: String, path: String = REPL.fileName) async -> EntryResult? {
        let file = sources.add(path: path, text: text)
        let checked = CheckedProgram.compile(file, sources: sources, loader: FileSourceLoader(),
                                             predefined: Set(interpreter.globalNames),
                                             commandLineVariables: Set(configuration.variables.map(\.name)))
        report(checked.diagnostics)
        guard !checked.hasErrors else {
            noteFailure(ExitStatus.checkFailed)
            return nil
        }
        let started = Self.monotonicNanoseconds()
        let scenarioCount = Interpreter.scenarioIndices(of: checked.program).count
        var result = EntryResult(statementCount: checked.program.statements.count - scenarioCount,
                                 completed: await runInSession(checked, text: text, file: file, record: scenarioCount == 0),
                                 scenarioCount: scenarioCount)
        if scenarioCount > 0 {
            if result.completed {
                result.scenarios = await runScenarios(of: file)
            } else {
                complain("the scenarios did not run: the statements before them stopped at the error above")
            }
        }
        if showTiming {
            let elapsed = Double(Self.monotonicNanoseconds() - started) / 1_000_000
            write("(\(Self.formatMilliseconds(elapsed)))\n")
        }
        return result
    }

    /// Runs the entry's statements (scenarios aside) in the session's scope and echoes the value;
    /// false when one failed. With `record`, `.save` keeps the entry (not one with scenarios: a
    /// script allows no statement after its first scenario).
    func runInSession(_ checked: CheckedProgram, text: String, file: SourceFile, record: Bool) async -> Bool {
        do {
            let value = try await interpreter.executeTopLevel(checked)
            if record { recorder.record(text: text, file: file, program: checked.program, value: value) }
            if let value {
                remember(value)
                if Self.echoes(checked.program) { echo(value) }
            }
            return true
        } catch let failure as ScriptFailure {
            if Interruption.isRequested { write("\n") }  // the terminal echoed ^C with no newline
            report([failure.diagnostic])
            noteFailure(failure.exitCode)
        } catch {
            report([.error("\(error)", at: nil)])
            noteFailure(ExitStatus.runtimeError)
        }
        return false
    }

    func noteFailure(_ status: Int32) {
        worstStatus = ExitStatus.worst(worstStatus, status)
    }

    /// A bare expression or command shows its value; `let` shows it too (what was bound);
    /// print/show/expect already wrote what they had to say.
    static func echoes(_ program: Program) -> Bool {
        guard let last = program.statements.last else { return false }
        switch last.kind {
        case .expression, .letBinding, .assignment: return true
        default: return false
        }
    }

    func echo(_ value: Value) {
        if echoJSON {
            write(value.json.serialized(pretty: true) + "\n")
        } else {
            write(ResultSummary.line(for: value) + "\n")
        }
    }

    /// Collects the IDs a result carries, for Tab completion of `fcus_…`.
    func remember(_ value: Value) {
        for (id, _) in SessionRecorder.ids(in: value) where seenIDSet.insert(id).inserted {
            seenIDs.append(id)
        }
        for object in [value] + (value.listElements ?? []) where object.isRecord {
            if let id = ResultSummary.objectID(object) { idHints[id] = ResultSummary.hint(for: object) }
        }
    }

    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(sources: sources, style: .full, color: configuration.color)
        output.write(renderer.render(diagnostics), to: .standardError)
    }

    func write(_ text: String) {
        output.write(SecretRedaction.scrub(text), to: .standardOutput)
    }

    /// A new interpreter (and simulator) with `seed`; variables, results and `.save` start over.
    func restart(seed: UInt64) {
        configuration.seed = seed
        sources = SourceManager()
        interpreter = Interpreter(sources: sources, output: output, configuration: configuration)
        recorder.removeAll()
        seenIDs.removeAll()
        seenIDSet.removeAll()
        idHints.removeAll()
    }

    static func monotonicNanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }

    static func formatMilliseconds(_ milliseconds: Double) -> String {
        let hundredths = Int((milliseconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) ms"
    }
}

extension REPL: CompletionSource {
    public var variableNames: [String] { interpreter.globalNames }

    public func fieldNames(of path: [String]) -> [String] {
        guard let first = path.first, var value = interpreter.globalValue(first) else { return [] }
        for key in path.dropFirst() {
            guard let next = value.field(key) else { return [] }
            value = next
        }
        var keys = value.recordKeys ?? []
        if value.ownIDKey != nil { keys.append("id") }
        return keys
    }

    public func hint(forID id: String) -> String? { idHints[id] }

    public var completer: Completer {
        Completer(dotCommands: DotCommand.all.map { "." + $0.name },
                  fileArgumentDotCommands: Set(DotCommand.all.filter(\.takesFile).map { "." + $0.name }))
    }

    /// What libedit's Tab calls.
    public func complete(_ textBeforeCursor: String) -> Completion {
        completer.complete(textBeforeCursor, source: self)
    }
}
