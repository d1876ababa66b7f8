// How `flex test` runs: parallelism, the slice of cases, snapshots, and the run configuration
// (seed, backend, diagnostics) every case shares.
import FlexAPI
import FlexInterpreter
import FlexLanguage

public struct TestOptions: Sendable {
    /// Cases run at the same time; nil means the number of cores (1 for a backend that does not
    /// start fresh: the live API is one shared world).
    public var jobs: Int?
    /// `--shard I/N` (1-based index): only the cases whose stable hash mod N is I-1.
    public var shard: Shard?
    /// `--filter PATTERN`: a substring of, or a regular expression matching, the file or scenario name.
    public var filter: String?
    /// `--bail`: stop starting cases after the first that does not pass.
    public var bail: Bool
    /// `--update-snapshots`: rewrite every snapshot the run reaches.
    public var updateSnapshots: Bool
    /// `--ci`: a missing snapshot fails instead of being recorded.
    public var ci: Bool
    /// `--timeout`: how long one case may run before it is stopped and reported as timed out;
    /// nil (or 0) for no limit. `flex test` passes `CaseTimeout.standard` unless told otherwise.
    public var timeout: CaseTimeout?
    /// The seed, the backend each case gets fresh from the factory, the diagnostics style.
    public var configuration: RunConfiguration
    /// Where the workers run, one after another by worker (`-j 2`: worker 0 on the first, 1 on
    /// the second); empty for the global pool. A live run passes its HTTP client's event loops,
    /// so each case and its requests share a thread.
    public var workerExecutors: [any TaskExecutor] = []

    public init(configuration: RunConfiguration, jobs: Int? = nil, shard: Shard? = nil, filter: String? = nil,
                bail: Bool = false, updateSnapshots: Bool = false, ci: Bool = false, timeout: CaseTimeout? = nil) {
        self.configuration = configuration
        self.timeout = timeout
        self.jobs = jobs
        self.shard = shard
        self.filter = filter
        self.bail = bail
        self.updateSnapshots = updateSnapshots
        self.ci = ci
    }

    public var seed: UInt64 { configuration.seed }

    /// The parallelism actually used.
    public var effectiveJobs: Int {
        if let jobs { return max(1, jobs) }
        return configuration.backend.startsFresh ? TestOptions.coreCount : 1
    }

    public static var coreCount: Int { Processors.online }
}
