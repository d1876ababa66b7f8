// Everything a front end decides about a run (flex run, flex test, the REPL): the seed, how output
// and diagnostics look, predefined variables, and which backend, made by a factory the composition
// root supplies together with its description.
import FlexAPI
import FlexLanguage

public struct RunConfiguration: Sendable {
    /// Makes the backend each run (and each scenario, and each test case) starts from.
    public typealias BackendFactory = @Sendable (_ seed: UInt64) -> any FlexBackend

    public var makeBackend: BackendFactory
    /// What the factory makes: the banner's name, whether cases may run in parallel, …
    public var backend: BackendDescription
    public var seed: UInt64
    /// `--json`: top-level statements with a value write one compact JSON line each.
    public var json: Bool
    public var diagnosticStyle: DiagnosticRenderer.Style
    public var color: Bool
    /// Names bound before the script starts (`--var NAME=VALUE`).
    public var variables: [(name: String, value: Value)]
    /// The middle of every Idempotency-Key (`flex-<namespace>-<n>`). Nil: the seed, so runs on
    /// the simulator are reproducible. Against the live API it must differ per run, or Flex
    /// would replay an earlier run's stored responses.
    public var idempotencyNamespace: String?
    /// How deep `def` calls may nest before the run stops with an error.
    public var maximumCallDepth: Int
    /// How many statements and loop iterations a run may execute before it stops with an
    /// error (the fuzzer's guard against `repeat 1000000000`); unlimited by default.
    public var maximumSteps: Int
    /// How long a run may take on the real clock before it stops with an error; none by default.
    public var timeLimit: Duration?

    public init(backend: BackendDescription, makeBackend: @escaping BackendFactory, seed: UInt64 = 42, json: Bool = false,
                diagnosticStyle: DiagnosticRenderer.Style = .full, color: Bool = false,
                variables: [(name: String, value: Value)] = [], idempotencyNamespace: String? = nil,
                maximumCallDepth: Int = 200, maximumSteps: Int = .max, timeLimit: Duration? = nil) {
        self.makeBackend = makeBackend
        self.backend = backend
        self.seed = seed
        self.json = json
        self.diagnosticStyle = diagnosticStyle
        self.color = color
        self.variables = variables
        self.idempotencyNamespace = idempotencyNamespace
        self.maximumCallDepth = maximumCallDepth
        self.maximumSteps = maximumSteps
        self.timeLimit = timeLimit
    }
}
