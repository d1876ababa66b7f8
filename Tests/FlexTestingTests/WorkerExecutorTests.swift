// `TestOptions.workerExecutors`: each worker's cases run on the executor given for it (a live run
// passes its HTTP client's event loops), and the results are those of the global pool.
import Dispatch
import FlexAPI
import FlexInterpreter
import FlexSync
import FlexTesting
import FlexTestSupport
import Testing

@Suite struct WorkerExecutorTests {
    /// A task executor on a serial queue of its own that counts the jobs it ran and remembers
    /// whether any ran off its queue.
    final class CountingExecutor: TaskExecutor, @unchecked Sendable {
        let queue: DispatchQueue
        let jobs = Locked(0)
        init(_ label: String) { queue = DispatchQueue(label: label) }
        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async {
                self.jobs.withLock { $0 += 1 }
                job.runSynchronously(on: executor)
            }
        }
    }

    @Test func eachWorkerRunsItsCasesOnItsExecutor() async {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        var files: [String] = []
        for index in 0..<6 {
            files.append(dir.write("case\(index).flex", """
                scenario "creates \(index)" {
                  let c = customer create email "c\(index)@b.co"
                  expect c.email == "c\(index)@b.co"
                }
                """))
        }
        let first = CountingExecutor("worker 0"), second = CountingExecutor("worker 1")
        var options = TestOptions(configuration: RunConfiguration(backend: BackendDescription(kind: .liveAPI, displayName: "forwarding"),
                                                                  makeBackend: { seed in ForwardingBackend(seed: seed) }),
                                  jobs: 2)
        options.workerExecutors = [first, second]
        let run = await Fixtures.run(files, options: options)
        #expect(run.summary.exitCode == ExitStatus.success, "\(run.terminal)")
        #expect(run.summary.results.count == 6)
        #expect(run.summary.results.allSatisfy { $0.status == .passed })
        // Both workers started a batch, each on its own executor.
        #expect(first.jobs.withLock { $0 } > 0)
        #expect(second.jobs.withLock { $0 } > 0)
    }
}
