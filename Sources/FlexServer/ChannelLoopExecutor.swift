// Runs flex serve's tasks on the event loop that resumes them, so a request is read, handled and
// answered on its connection's loop: no hop to Swift's global pool and back per request.
import NIOCore

final class ChannelLoopExecutor: TaskExecutor {
    let group: any EventLoopGroup

    init(group: any EventLoopGroup) {
        self.group = group
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        // `any()` is the calling thread's own loop when it is one of the group's (a channel's
        // loop resuming its handler), else the next loop in turn.
        group.any().execute { job.runSynchronously(on: executor) }
    }
}
