// The interpreter's state for one run: the configuration, the backend commands go to, the
// top-level scope, `it`, and what `flex test` collects. Running programs and scenarios is in
// Interpreter+Scenarios.swift, statements in Interpreter+Statements.swift, expressions, operators,
// built-ins, expectations, output and commands in the other Interpreter+*.swift files and Commands/.
import FlexAPI
import FlexLanguage
import FlexRegex
import Synchronization

public final class Interpreter {
    public let configuration: RunConfiguration
    let sources: SourceManager
    let output: OutputSink

    /// The backend commands go to: a fresh one from the configuration's factory per run or scenario.
    public private(set) var backend: any FlexBackend
    /// Numbers the Idempotency-Key of each POST (`flex-<seed>-<n>`); restarts with each simulator.
    var requestCounter = 0
    /// `flex-<seed>-` or `flex-<run>-<k>-`, built once (`idempotencyKeyPrefix(_:)`).
    let idempotencyKeyPrefix: String

    /// Parsed included files of every program run so far, keyed by the include statement's path
    /// span (from the checker; spans never collide between files).
    private(set) var includes: [SourceSpan: Program] = [:]
    public private(set) var globals: Scope
    /// The last value of an expression statement (or binding); `it` in scripts.
    public internal(set) var it: Value = .null
    var callDepth = 0
    /// Where `expect snapshot NAME: VALUE` compares (set by `flex test`); nil: only evaluated.
    public var snapshotStore: (any SnapshotStore)?
    /// `flex test` against a backend that does not start fresh lists what each case created.
    public var recordsCreatedObjects = false
    /// IDs of objects created by successful POSTs since the last `resetBackend` (when recorded).
    public internal(set) var createdObjects: [String] = []
    /// Snapshot names used by the current case (a name may be used once per case).
    var snapshotNamesUsed: Set<String> = []
    /// Statements and loop iterations run so far, and when the first one ran (see `checkBudget`).
    var steps = 0
    var startedAt: ContinuousClock.Instant?
    /// Scopes a `def` ran in: each holds a function that holds it back (a reference cycle), so
    /// they are emptied when the globals are replaced and when the interpreter goes away.
    var functionScopes: [Scope] = []
    var regexCache: [String: LinearRegex] = [:]
    /// Set by `flex run` (ScriptRunner), whose process ends right after an interruption: large
    /// values the interruption unwinds through go to `keptAfterInterruption`, never freed.
    var keepsValuesWhenInterrupted = false
    var keptAfterInterruption: [[Value]] = []
    /// Raised from outside (`flex test`'s timeout watch) to stop this run at its next step.
    public let interruption = Interruption()
    /// `--json`: where statements write their self-describing lines; nil writes plain text.
    let jsonLines: JSONLineWriter?
    /// The scenario running now (named on every `--json` line); nil outside scenarios.
    var currentScenario: String?

    public init(sources: SourceManager, output: OutputSink, configuration: RunConfiguration) {
        self.sources = sources
        self.output = output
        self.configuration = configuration
        self.idempotencyKeyPrefix = Interpreter.idempotencyKeyPrefix(configuration)
        self.backend = configuration.makeBackend(configuration.seed)
        self.globals = Scope(parent: nil)
        self.jsonLines = configuration.json ? JSONLineWriter(sources: sources, output: output) : nil
        resetGlobals()
    }

    deinit { breakFunctionCycles() }

    /// `flex-<seed>-` on the simulator (reproducible). With a namespace (the live API, one per
    /// run) also this interpreter's number in the process, `flex-<run>-<k>-`: every `flex test`
    /// case has its own interpreter, so no two requests of one run share a key, at any `-j`.
    static func idempotencyKeyPrefix(_ configuration: RunConfiguration) -> String {
        guard let namespace = configuration.idempotencyNamespace else { return "flex-\(configuration.seed)-" }
        let number = instancesWithNamespace.wrappingAdd(1, ordering: .relaxed).newValue
        return "flex-\(namespace)-\(number)-"
    }

    /// Interpreters made with an Idempotency-Key namespace so far in this process.
    static let instancesWithNamespace = Atomic<Int>(0)

    /// Starts over on a fresh backend from the factory (each scenario and test case does).
    func resetBackend() {
        backend = configuration.makeBackend(configuration.seed)
        // A fresh simulator has forgotten every key; a live API has not, so keys keep counting.
        if configuration.idempotencyNamespace == nil { requestCounter = 0 }
        createdObjects = []
        snapshotNamesUsed = []
    }

    /// A fresh top-level scope holding only the predefined variables.
    func resetGlobals() {
        breakFunctionCycles()
        globals = Scope(parent: nil)
        for (name, value) in configuration.variables { globals.define(name, value) }
        it = .null
    }

    /// Makes a checked program's included files available to its include statements.
    func adopt(_ program: CheckedProgram) {
        if includes.isEmpty {
            includes = program.includes
        } else {
            includes.merge(program.includes) { first, _ in first }
        }
    }

    /// A signal or a test timeout (see `Interruption`): the run stops where it was. The message
    /// stays "interrupted" for both; `flex test` words a timeout itself (it knows the limit).
    static func interrupted(_ cause: Interruption.Cause, at span: SourceSpan) -> ScriptFailure {
        ScriptFailure(.interrupted(cause), .error("interrupted", at: span))
    }
}
