// How `flex` runs its async commands from synchronous top-level code: the command runs in a task
// and exits the process itself, while the main thread only waits. Async top-level code would park
// the main thread with dispatch_main(), which leaves through pthread_exit: a forced unwind that,
// in a static executable, first sorts every frame description entry of the binary (~25 ms per
// run; docs/performance.md (g)).
import FlexInterpreter
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum MainThread {
    /// Flushes what flex wrote and ends the process with `code`, from whichever thread calls it.
    static func exit(_ code: Int32, flushing output: StandardOutputSink) -> Never {
        output.flush()
        #if canImport(Glibc)
        Glibc.exit(code)
        #elseif canImport(Musl)
        Musl.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }

    /// Runs `command` in a task on the global executor; never returns, as `command` ends the
    /// process (MainThread.exit). The task is detached because top-level code is on the main
    /// actor, whose queue nothing drains now.
    ///
    /// The main thread then waits for signals with none blocked, as dispatch_main's parked main
    /// thread did: the pool's threads block every signal, so the SIGINT and SIGTERM handlers
    /// (InterruptSignals, the REPL's) run here, even when flex was started with them blocked
    /// (a parent spawning from one of its own pool threads passes its mask on).
    static func run(_ command: sending @escaping () async -> Never) -> Never {
        Task.detached { await command() }
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        while true { sigsuspend(&none) }
    }
}
