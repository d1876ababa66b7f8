// Runs an operation against a referee (a Ctrl-C watch): the first to finish wins and the other
// is cancelled, so a stalled request or retry wait ends when the user's patience does. (HTTPFlex's
// own attempts use AttemptWatch instead.)

public enum TaskRace {
    /// `operation`'s result, or nil when `referee` returned first (then `operation` was cancelled
    /// and waited for: a cancelled HTTP attempt closes its connection, body included).
    /// A cancellation of the calling task cancels both; an error of either is rethrown.
    public static func run<Result: Sendable>(
        _ operation: @escaping @Sendable () async throws -> Result,
        until referee: @escaping @Sendable () async throws -> Void
    ) async throws -> Result? {
        try await withThrowingTaskGroup(of: Outcome<Result>.self) { group in
            group.addTask { .finished(try await operation()) }
            group.addTask {
                try await referee()
                return .stopped
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return nil }
            switch first {
            case .finished(let result): return result
            case .stopped: return nil
            }
        }
    }

    /// A referee that returns once `isRaised` holds, checked every `interval` (a signal handler
    /// can only raise a flag, so the flag is polled: 10 ms keeps Ctrl-C well under 100 ms).
    public static func polling(every interval: Duration = .milliseconds(10), _ isRaised: @escaping @Sendable () -> Bool) -> @Sendable () async throws -> Void {
        {
            while !isRaised() { try await Task.sleep(for: interval) }
        }
    }

    enum Outcome<Result: Sendable>: Sendable {
        case finished(Result)
        case stopped
    }
}
