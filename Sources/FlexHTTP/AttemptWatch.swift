// Ends one HTTP attempt that must not go on: at its deadline (the attempt's own limit or the
// exchange's overall one, every body byte included) or, checked every 10 ms, once the caller
// raised its StopSignal. A timer on the request's event loop does it, so an attempt costs no
// task race (two child tasks and a sleeping timer each) on the way.
import FlexSync
import NIOCore
import Synchronization

final class AttemptWatch: Sendable {
    /// Why the watch cancelled the request, if it did.
    enum Verdict: UInt8 {
        case running = 0
        case expired = 1
        case stopped = 2
    }

    private struct Timer {
        var scheduled: Scheduled<Void>?
        var isFinished = false
    }

    /// How often a stop request is looked for: well under the 100 ms Ctrl-C promises.
    static let stopPollInterval = TimeAmount.milliseconds(10)

    let loop: any EventLoop
    let deadline: NIODeadline
    let stop: (@Sendable () -> Bool)?
    private let verdictValue = Atomic<UInt8>(0)
    private let timer = Locked(Timer())

    init(loop: any EventLoop, deadline: NIODeadline, stop: (@Sendable () -> Bool)?) {
        self.loop = loop
        self.deadline = deadline
        self.stop = stop
    }

    var verdict: Verdict { Verdict(rawValue: verdictValue.load(ordering: .acquiring)) ?? .running }

    /// Watches `task` until it completes (its future's completion ends the watch on the loop).
    func watch(_ task: Exchange) {
        arm(task)
        task.future.whenComplete { [self] _ in finish() }
    }

    private func arm(_ task: Exchange) {
        // Without a stop check, one timer at the deadline is enough.
        let next = stop == nil ? deadline : min(deadline, .now() + AttemptWatch.stopPollInterval)
        let scheduled = loop.scheduleTask(deadline: next) { [self] in tick(task) }
        let finished = timer.withLock { timer in
            if !timer.isFinished { timer.scheduled = scheduled }
            return timer.isFinished
        }
        if finished { scheduled.cancel() }
    }

    private func tick(_ task: Exchange) {
        if stop?() == true {
            end(task, .stopped)
        } else if NIODeadline.now() >= deadline {
            end(task, .expired)
        } else {
            arm(task)
        }
    }

    private func end(_ task: Exchange, _ verdict: Verdict) {
        verdictValue.store(verdict.rawValue, ordering: .releasing)
        // A cancelled exchange closes its connection, whatever of the answer is still to come.
        task.cancel()
    }

    /// Stops the timer; the request is over.
    func finish() {
        let scheduled = timer.withLock { timer in
            timer.isFinished = true
            defer { timer.scheduled = nil }
            return timer.scheduled
        }
        scheduled?.cancel()
    }
}
