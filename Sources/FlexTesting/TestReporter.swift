// What a run tells its reporters. All calls come from the one task that drives the run, in order,
// so a reporter needs no locking.

public protocol TestReporter: AnyObject {
    func runStarted(caseCount: Int, brokenCount: Int, jobs: Int, seed: UInt64)
    func fileBroken(_ broken: BrokenFile)
    func caseStarted(_ testCase: TestCase)
    func caseFinished(_ result: TestResult)
    func runFinished(_ summary: TestRunSummary)
    /// Paths that could not be read; the run stops before anything runs.
    func usageError(_ messages: [String])
}

extension TestReporter {
    public func runStarted(caseCount: Int, brokenCount: Int, jobs: Int, seed: UInt64) {}
    public func fileBroken(_ broken: BrokenFile) {}
    public func caseStarted(_ testCase: TestCase) {}
    public func caseFinished(_ result: TestResult) {}
    public func runFinished(_ summary: TestRunSummary) {}
    public func usageError(_ messages: [String]) {}
}
