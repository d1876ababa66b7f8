// The human report: `✓ name (12 ms)` / `✗ name (3 ms)` per case, each failure in full, a progress
// line on a terminal, and the final `N passed, N failed` line. Durations appear only here.
import FlexInterpreter

public final class TerminalReporter: TestReporter {
    let output: any OutputSink
    let stream: OutputStream
    /// Rewrite a `[done/total]` line in place (only on a terminal).
    let showsProgress: Bool
    let showsDurations: Bool
    private var total = 0
    private var done = 0
    private var failures = 0
    private var progressVisible = false

    public init(output: any OutputSink, stream: OutputStream = .standardOutput, showsProgress: Bool = false, showsDurations: Bool = true) {
        self.output = output
        self.stream = stream
        self.showsProgress = showsProgress
        self.showsDurations = showsDurations
    }

    public func runStarted(caseCount: Int, brokenCount: Int, jobs: Int, seed: UInt64) {
        total = caseCount
    }

    public func fileBroken(_ broken: BrokenFile) {
        clearProgress()
        write("✗ \(broken.file) (does not parse)\n")
        write(broken.failure.rendered + "\n")
    }

    public func caseFinished(_ result: TestResult) {
        clearProgress()
        done += 1
        let time = showsDurations ? " (\(result.durationMilliseconds) ms)" : ""
        switch result.status {
        case .passed:
            write("✓ \(result.testCase.displayName)\(time)\n")
        case .failed, .errored:
            failures += 1
            write("✗ \(result.testCase.displayName)\(time)\n")
            if let failure = result.failure { write(failure.rendered + "\n") }
        case .skipped:
            write("- \(result.testCase.displayName) (skipped)\n")
        case .interrupted:
            let location = result.failure.map { " at \($0.file):\($0.line):\($0.column)" } ?? ""
            write("- \(result.testCase.displayName) (interrupted\(location))\n")
        }
        for path in result.snapshotsWritten { write("  snapshot written: \(path)\n") }
        drawProgress()
    }

    public func runFinished(_ summary: TestRunSummary) {
        clearProgress()
        write(summary.line + "\n")
        output.flush()
    }

    public func usageError(_ messages: [String]) {
        for message in messages { output.write("flex: \(message)\n", to: .standardError) }
    }

    private func write(_ text: String) { output.write(text, to: stream) }

    private func drawProgress() {
        guard showsProgress, done < total else { return }
        write("[\(done)/\(total)] \(failures) failed\u{1B}[K\r")
        output.flush()
        progressVisible = true
    }

    private func clearProgress() {
        guard progressVisible else { return }
        write("\r\u{1B}[K")
        progressVisible = false
    }
}
