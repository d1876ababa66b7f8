// One test case: a `scenario` block of a file, or a whole file that has none.

public struct TestCase: Sendable, Hashable {
    /// The file as discovered (relative to the working directory when found under a relative path).
    public var file: String
    /// The scenario's name; nil when the whole file is the case.
    public var scenario: String?
    /// The scenario statement's index in the file's program; nil for a whole file.
    public var statementIndex: Int?
    /// 1-based line of the scenario (or 1), for reports.
    public var line: Int

    public init(file: String, scenario: String?, statementIndex: Int?, line: Int) {
        self.file = file
        self.scenario = scenario
        self.statementIndex = statementIndex
        self.line = line
    }

    /// `file::scenario` (or `file::` for a whole file): what shards hash and filters match.
    public var id: String { file + "::" + (scenario ?? "") }

    /// How terminal and TAP lines name the case.
    public var displayName: String {
        guard let scenario else { return file }
        return file + " › " + scenario
    }
}

public enum TestStatus: String, Sendable {
    case passed
    /// An `expect` did not hold (exit 4).
    case failed
    /// A runtime or API error stopped the case (exit 3).
    case errored
    /// Not run (`--bail` or a signal stopped the run first; `TestResult.skipReason` says which).
    case skipped
    /// Running when SIGINT/SIGTERM arrived, and stopped there (exit 130).
    case interrupted
}

/// Why a case did not run.
public enum SkipReason: Sendable {
    case bail
    case interrupted

    /// How JUnit and TAP word it.
    public var message: String {
        switch self {
        case .bail: "not run after --bail"
        case .interrupted: "not run: the run was interrupted"
        }
    }
}

/// What one case did. Everything but `durationNanoseconds` is deterministic for the simulator.
public struct TestResult: Sendable {
    public var testCase: TestCase
    public var status: TestStatus
    public var durationNanoseconds: Int64
    /// The failure's headline, location and rendered diagnostic (nil when it passed).
    public var failure: FailureDetail?
    /// What the case printed (`print`/`show`), for JUnit's system-out.
    public var output: String
    /// IDs of objects the case created (recorded against a non-simulated backend).
    public var createdObjects: [String]
    /// Snapshot files written by this case (first recording or `--update-snapshots`).
    public var snapshotsWritten: [String]
    /// Why a skipped case did not run.
    public var skipReason: SkipReason = .bail

    public init(testCase: TestCase, status: TestStatus, durationNanoseconds: Int64 = 0, failure: FailureDetail? = nil,
                output: String = "", createdObjects: [String] = [], snapshotsWritten: [String] = []) {
        self.testCase = testCase
        self.status = status
        self.durationNanoseconds = durationNanoseconds
        self.failure = failure
        self.output = output
        self.createdObjects = createdObjects
        self.snapshotsWritten = snapshotsWritten
    }

    public var durationMilliseconds: Int64 { durationNanoseconds / 1_000_000 }
}

/// A failure as reports need it: the headline, where, the notes' values, and the full rendering.
public struct FailureDetail: Sendable {
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    /// `left:`/`right:` of a failed comparison (as the diagnostic shows them), when there are some.
    public var left: String?
    public var right: String?
    /// Every note of the diagnostic (record diff lines, pattern mismatches).
    public var notes: [String]
    /// The diagnostic drawn with its caret, exactly as the terminal shows it (no colour).
    public var rendered: String

    public init(message: String, file: String, line: Int, column: Int, left: String? = nil, right: String? = nil,
                notes: [String] = [], rendered: String) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.left = left
        self.right = right
        self.notes = notes
        self.rendered = rendered
    }
}

/// A file that does not parse or check: reported once, its cases never run (exit 2).
public struct BrokenFile: Sendable {
    public var file: String
    public var failure: FailureDetail

    public init(file: String, failure: FailureDetail) {
        self.file = file
        self.failure = failure
    }
}
