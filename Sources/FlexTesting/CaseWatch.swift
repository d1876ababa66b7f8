// The one watcher of a `flex test` run: every 10 ms it stops the cases past their timeout and,
// after SIGINT/SIGTERM, every running case. Stopping a case raises its interpreter's
// Interruption (loops stop at their next step) and cancels the task running it (a live request
// in flight or a sleep ends at once). Cases register only for the time they run, so the watcher
// never touches a task that has finished.
import FlexInterpreter
import FlexSync

final class CaseWatch: Sendable {
    /// A case being run: when it must stop, how to tell its interpreter, and its task.
    private struct Entry {
        var deadline: ContinuousClock.Instant?
        var interruption: Interruption
        /// Valid while the entry is registered: the case's task removes it (under the lock)
        /// before it moves on, so a cancel from here never reaches a finished task.
        var task: UnsafeCurrentTask
    }

    private struct Entries: @unchecked Sendable {
        var running: [Int: Entry] = [:]
        var nextKey = 0
    }

    let timeout: CaseTimeout?
    private let entries = Locked(Entries())
    static let period: Duration = .milliseconds(10)

    init(timeout: CaseTimeout?) {
        self.timeout = timeout.flatMap { $0.isUnlimited ? nil : $0 }
    }

    /// Runs one case under watch, in the current task.
    func watch<Result>(_ interruption: Interruption, _ body: () async -> Result) async -> Result {
        let deadline = timeout.map { ContinuousClock.now + $0.duration }
        let key: Int? = withUnsafeCurrentTask { task in
            guard let task else { return nil }
            return entries.withLock { entries in
                let key = entries.nextKey
                entries.nextKey += 1
                entries.running[key] = Entry(deadline: deadline, interruption: interruption, task: task)
                return key
            }
        }
        let result = await body()
        if let key { entries.withLock { _ = $0.running.removeValue(forKey: key) } }
        return result
    }

    /// Watches until its task is cancelled (when the run's cases are all done).
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: CaseWatch.period)
            stopOverdueCases()
        }
    }

    /// Stops each case past its deadline, or every case once a signal arrived.
    func stopOverdueCases() {
        let signalled = Interruption.isRequested
        let now = ContinuousClock.now
        entries.withLock { entries in
            for (key, entry) in entries.running {
                let overdue = entry.deadline.map { now >= $0 } ?? false
                guard signalled || overdue else { continue }
                entry.interruption.request(overdue ? .timedOut : .interrupted)
                entry.task.cancel()
                entries.running.removeValue(forKey: key)
            }
        }
    }
}
