// The run's budget: Ctrl-C, a step limit and a real-time limit, checked before every statement
// and loop iteration so no script (`repeat 1000000000`, a `wait until` that never holds) can hang.
import FlexLanguage

extension Interpreter {
    /// Throws when the run was interrupted or has used up its steps or its time.
    func checkBudget(_ span: SourceSpan) throws {
        if Interruption.isRequested { throw Interpreter.interrupted(span) }
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
}

extension Interpreter {
    /// Empties every scope a `def` ran in, so the scope ↔ function cycles are freed (found by
    /// the fuzzer's leak checker). Only called when nothing can reach those scopes any more.
    func breakFunctionCycles() {
        for scope in functionScopes { scope.variables.removeAll() }
        functionScopes.removeAll()
    }
}
