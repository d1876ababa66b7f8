// How `flex test` runs: parallelism, the slice of cases, the seed, snapshots, the backend.
import FlexAPI
import FlexInterpreter
import FlexLanguage
import FlexSimulator

public struct TestOptions: Sendable {
    /// Cases run at the same time; nil means the number of cores (1 for a non-simulated backend).
    public var jobs: Int?
    /// `--shard I/N` (1-based index): only the cases whose stable hash mod N is I-1.
    public var shard: Shard?
    /// `--filter PATTERN`: a substring of, or a regular expression matching, the file or scenario name.
    public var filter: String?
    /// `--bail`: stop starting cases after the first that does not pass.
    public var bail: Bool
    public var seed: UInt64
    /// `--update-snapshots`: rewrite every snapshot the run reaches.
    public var updateSnapshots: Bool
    /// `--ci`: a missing snapshot fails instead of being recorded.
    public var ci: Bool
    public var diagnosticStyle: DiagnosticRenderer.Style
    public var color: Bool
    /// Where each case's backend comes from (a fresh one per case, with the run's seed).
    public var makeBackend: Interpreter.BackendFactory
    /// True for the embedded simulator: parallel by default, no created-object bookkeeping.
    public var backendIsSimulated: Bool
    /// See `Interpreter.Options.idempotencyNamespace` (set for the live API).
    public var idempotencyNamespace: String?

    public init(jobs: Int? = nil, shard: Shard? = nil, filter: String? = nil, bail: Bool = false, seed: UInt64 = 42,
                updateSnapshots: Bool = false, ci: Bool = false, diagnosticStyle: DiagnosticRenderer.Style = .full,
                color: Bool = false, makeBackend: @escaping Interpreter.BackendFactory = { SimulatedFlex(seed: $0) },
                backendIsSimulated: Bool = true) {
        self.jobs = jobs
        self.shard = shard
        self.filter = filter
        self.bail = bail
        self.seed = seed
        self.updateSnapshots = updateSnapshots
        self.ci = ci
        self.diagnosticStyle = diagnosticStyle
        self.color = color
        self.makeBackend = makeBackend
        self.backendIsSimulated = backendIsSimulated
    }

    /// The parallelism actually used.
    public var effectiveJobs: Int {
        if let jobs { return max(1, jobs) }
        return backendIsSimulated ? TestOptions.coreCount : 1
    }

    public static var coreCount: Int { Processors.online }
}
