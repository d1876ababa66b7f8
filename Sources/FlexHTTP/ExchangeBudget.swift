// The overall time budget of one exchange (every attempt and wait of a request), carried as a
// task-local from `TimeBudgetBackend` down to `HTTPFlex`, which ends its attempt at whichever of
// the attempt's own limit and the overall deadline comes first.

/// When the exchange running in this task must be over, and how long it was given.
public struct ExchangeBudget: Sendable {
    public var deadline: ContinuousClock.Instant
    public var total: Duration

    public init(total: Duration, from start: ContinuousClock.Instant = .now) {
        self.total = total
        self.deadline = start + total
    }

    /// Set by `TimeBudgetBackend` around `send`; nil outside one (no overall limit).
    @TaskLocal public static var current: ExchangeBudget?
}
