// The one watcher of a `flex test` run: every 10 ms it stops the cases past their timeout and,
// after SIGINT/SIGTERM, every running case. Stopping a case raises its interpreter's
// Interruption (loops stop at their next step) and cancels the task running it (a live request
// in flight or a sleep ends at once). Cases register only for the time they run, so the watcher
// never touches a task that has finished. It runs on a thread of its own, not a task: endless
// cases that never suspend can hold every thread of the concurrency pool.
import FlexInterpreter
import FlexSync
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    private let stopping = Atomic<Bool>(false)
    private let thread = Locked<pthread_t?>(nil)
    /// Posted by `stop()`, so the thread ends at once instead of at the end of its 10 ms pause
    /// (which every `flex test` run would otherwise wait out, 5 ms on average, at its very end).
    nonisolated(unsafe) private let wake = CaseWatch.makeSemaphore()

    deinit {
        sem_destroy(wake)
        wake.deallocate()
    }

    private static func makeSemaphore() -> UnsafeMutablePointer<sem_t> {
        let semaphore = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        sem_init(semaphore, 0, 0)
        return semaphore
    }

    /// Starts the watching thread; `stop()` ends it.
    func start() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let started = pthread_create(&handle, nil, { context in
            guard let context else { return nil }
            Unmanaged<CaseWatch>.fromOpaque(context).takeRetainedValue().watch()
            return nil
        }, context)
        if started == 0 {
            thread.withLock { $0 = handle }
        } else {
            Unmanaged<CaseWatch>.fromOpaque(context).release()
        }
    }

    /// Ends the watching thread and waits for it.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        sem_post(wake)
        if let handle = thread.withLock({ $0 }) { pthread_join(handle, nil) }
    }

    private func watch() {
        while !stopping.load(ordering: .relaxed) {
            // A 10 ms pause, cut short by stop() (sem_timedwait counts on the wall clock; a clock
            // step changes one pause, no more).
            var until = timespec()
            clock_gettime(CLOCK_REALTIME, &until)
            until.tv_nsec += 10_000_000
            if until.tv_nsec >= 1_000_000_000 {
                until.tv_sec += 1
                until.tv_nsec -= 1_000_000_000
            }
            if sem_timedwait(wake, &until) == 0 { break }
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
