// The run's budget: interruption (signals, test timeouts), a step limit and a real-time limit,
// checked before every statement and loop iteration so no script (`repeat 1000000000`, a
// `wait until` that never holds) can hang.
import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// Throws when the run was interrupted or has used up its steps or its time.
    func checkBudget(_ span: SourceSpan) throws {
        try checkInterruption(span)
        steps &+= 1
        guard steps <= configuration.maximumSteps else {
            throw ScriptFailure.runtime("step limit reached: the run executed more than \(configuration.maximumSteps) statements and loop iterations",
                                        at: span, help: "a loop that runs this long probably never ends")
        }
        // Reading the clock costs a little, so only every 256 steps.
        guard let limit = configuration.timeLimit, steps & 255 == 1 else { return }
        let now = ContinuousClock.now
        guard let startedAt else {
            self.startedAt = now
            return
        }
        if startedAt.duration(to: now) > limit {
            throw ScriptFailure.runtime("time limit reached: the run took longer than \(limit)", at: span)
        }
    }

    /// Throws when a signal arrived or this run's own interruption (a test timeout) was raised:
    /// two relaxed atomic loads, cheap enough for every step.
    func checkInterruption(_ span: SourceSpan) throws {
        if let cause = Interruption.process.cause ?? interruption.cause { throw Interpreter.interrupted(cause, at: span) }
    }

    /// Sleeps on the real clock in short slices, so an interruption ends the wait within 20 ms.
    func sleep(seconds: Int, span: SourceSpan) throws {
        var remaining = seconds * 1000
        while remaining > 0 {
            try checkInterruption(span)
            let slice = min(remaining, 20)
            var request = timespec(tv_sec: 0, tv_nsec: slice * 1_000_000)
            var left = timespec()
            while nanosleep(&request, &left) != 0 { request = left }
            remaining -= slice
        }
        try checkInterruption(span)
    }
}

extension Interpreter {
    /// Empties every scope a `def` ran in, so the scope ↔ function cycles are freed (found by
    /// the fuzzer's leak checker). Only called when nothing can reach those scopes any more.
    func breakFunctionCycles() {
        for scope in functionScopes { scope.variables.removeAll() }
        functionScopes.removeAll()
    }
}
