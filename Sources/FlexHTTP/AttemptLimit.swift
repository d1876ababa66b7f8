// When one HTTP attempt must end: its own limit (30 s by default) or the exchange's overall
// deadline, whichever is sooner, and how to say which one ran out.
import FlexAPI

struct AttemptLimit {
    var deadline: ContinuousClock.Instant
    let attempt: Duration
    /// Set when the overall deadline is the sooner one.
    let overall: ExchangeBudget?

    init(attempt: Duration, overall budget: ExchangeBudget?, now: ContinuousClock.Instant = .now) {
        self.attempt = attempt
        let own = now + attempt
        if let budget, budget.deadline < own {
            deadline = budget.deadline
            overall = budget
        } else {
            deadline = own
            overall = nil
        }
    }

    /// The failure when the limit ran out. The request was sent, so its effect is unknown; the
    /// overall budget ends the exchange (final), an attempt's own limit may be retried.
    func failure(_ label: String) -> AttemptFailure {
        if let overall {
            return AttemptFailure("the time budget of \(DurationText.short(overall.total)) for \(label) ran out before its answer was complete",
                                  sent: true, isFinal: true)
        }
        return AttemptFailure("\(label) timed out: no complete answer within the \(DurationText.short(attempt)) allowed for one attempt", sent: true)
    }
}
