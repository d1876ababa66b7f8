// The outcome of a whole run: every case's result, the broken files, the counts and the exit code.
import FlexInterpreter

public struct TestRunSummary: Sendable {
    public var results: [TestResult]
    public var broken: [BrokenFile]
    public var exitCode: Int32

    /// SIGINT or SIGTERM stopped the run: the exit code is 130 whatever the results.
    public var wasInterrupted: Bool

    public init(results: [TestResult], broken: [BrokenFile], exitCode: Int32? = nil, wasInterrupted: Bool = false) {
        self.results = results
        self.broken = broken
        self.wasInterrupted = wasInterrupted
        self.exitCode = exitCode ?? (wasInterrupted ? ExitStatus.interrupted : TestRunSummary.exitCode(results: results, broken: broken))
    }

    public var passed: Int { results.count { $0.status == .passed } }
    /// Failed and errored cases, plus one per file that does not parse.
    public var failed: Int { results.count { $0.status == .failed || $0.status == .errored } + broken.count }
    public var skipped: Int { results.count { $0.status == .skipped } }
    /// Cases a signal stopped while they ran.
    public var interrupted: Int { results.count { $0.status == .interrupted } }

    /// `N passed, N failed` (`, N interrupted`, `, N skipped` when any): the last line of every
    /// terminal run. CI parsers read the prefix, so it never changes shape.
    public var line: String {
        var line = "\(passed) passed, \(failed) failed"
        if interrupted > 0 { line += ", \(interrupted) interrupted" }
        if skipped > 0 { line += ", \(skipped) skipped" }
        return line
    }

    /// 2 when a file does not parse, else 3 on a runtime/API error, else 4 on a failed expectation.
    static func exitCode(results: [TestResult], broken: [BrokenFile]) -> Int32 {
        var worst = broken.isEmpty ? ExitStatus.success : ExitStatus.checkFailed
        for result in results {
            switch result.status {
            case .failed: worst = ExitStatus.worst(worst, ExitStatus.expectationFailed)
            case .errored: worst = ExitStatus.worst(worst, ExitStatus.runtimeError)
            case .passed, .skipped, .interrupted: break
            }
        }
        return worst
    }
}
