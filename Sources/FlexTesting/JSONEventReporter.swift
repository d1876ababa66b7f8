// `--json`: one compact JSON event per line (NDJSON) on stdout — run_started, file_error,
// case_started, assertion_failed, case_finished, run_finished. See docs/testing.md.
import FlexAPI
import FlexInterpreter

public final class JSONEventReporter: TestReporter {
    let output: any OutputSink

    public init(output: any OutputSink) {
        self.output = output
    }

    public func runStarted(caseCount: Int, brokenCount: Int, jobs: Int, seed: UInt64) {
        emit(["event": "run_started", "cases": .integer(caseCount), "broken_files": .integer(brokenCount),
              "jobs": .integer(jobs), "seed": .string(String(seed))])
    }

    public func fileBroken(_ broken: BrokenFile) {
        emit(["event": "file_error", "file": .string(broken.file), "line": .integer(broken.failure.line),
              "column": .integer(broken.failure.column), "message": .string(broken.failure.message),
              "diagnostic": .string(broken.failure.rendered)])
    }

    public func caseStarted(_ testCase: TestCase) {
        emit(["event": "case_started", "id": .string(testCase.id), "file": .string(testCase.file),
              "scenario": testCase.scenario.map(JSON.string) ?? .null])
    }

    public func caseFinished(_ result: TestResult) {
        let testCase = result.testCase
        if let failure = result.failure, result.status != .interrupted {
            var event: JSONObject = [
                "event": result.status == .failed ? "assertion_failed" : "error",
                "id": .string(testCase.id),
                "file": .string(failure.file), "line": .integer(failure.line), "column": .integer(failure.column),
                "message": .string(failure.message),
            ]
            if let left = failure.left { event["left"] = .string(left) }
            if let right = failure.right { event["right"] = .string(right) }
            event["notes"] = .array(failure.notes.map(JSON.string))
            event["diagnostic"] = .string(failure.rendered)
            emit(event)
        }
        var event: JSONObject = [
            "event": "case_finished", "id": .string(testCase.id), "file": .string(testCase.file),
            "scenario": testCase.scenario.map(JSON.string) ?? .null,
            "status": .string(result.status.rawValue),
            "duration_ms": .integer(Int(result.durationMilliseconds)),
        ]
        if result.status == .interrupted, let failure = result.failure {
            event["stopped_at"] = .string("\(failure.file):\(failure.line):\(failure.column)")
        }
        event["created_objects"] = .array(result.createdObjects.map(JSON.string))
        if !result.snapshotsWritten.isEmpty { event["snapshots_written"] = .array(result.snapshotsWritten.map(JSON.string)) }
        emit(event)
    }

    public func runFinished(_ summary: TestRunSummary) {
        var event: JSONObject = ["event": "run_finished", "passed": .integer(summary.passed), "failed": .integer(summary.failed),
                                 "skipped": .integer(summary.skipped)]
        if summary.interrupted > 0 { event["interrupted"] = .integer(summary.interrupted) }
        event["exit_code"] = .integer(Int(summary.exitCode))
        emit(event)
        output.flush()
    }

    public func usageError(_ messages: [String]) {
        for message in messages { emit(["event": "usage_error", "message": .string(message)]) }
    }

    private func emit(_ object: JSONObject) {
        output.write(JSON.object(object).serialized() + "\n", to: .standardOutput)
    }
}
