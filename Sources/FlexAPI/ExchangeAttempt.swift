// Which attempt of a request is running, for the trace line: set by the retrying decorator as
// a task-local around each attempt, read by TracingBackend below it.

/// The attempt a retrying decorator is making, for the trace line (1 outside any retry loop).
public enum ExchangeAttempt {
    @TaskLocal public static var number = 1
}
