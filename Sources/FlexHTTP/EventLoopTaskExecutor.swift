// Runs tasks on one of HTTPFlex's event loops, so a live test case and its requests share a
// thread: the request is written and its answer resumes the case on the same loop, with no
// thread woken in between (two fewer sleeps and wake-ups per request than a pool thread).
import NIOCore

public final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        // On the loop itself this queues without a wake-up; from elsewhere it wakes the loop.
        loop.execute { job.runSynchronously(on: executor) }
    }
}
