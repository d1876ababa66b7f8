// Counts units of long work (elements compared, bytes appended, items copied) and looks at the
// run's interruption and the process-wide one every few thousand of them, so a builtin answers
// Ctrl-C or a test case's timeout within milliseconds without an atomic load per element.

struct InterruptionPoll {
    /// Units of work between two looks: a few microseconds of the cheapest work, well under a
    /// millisecond of the dearest (one deep comparison step, one escaped string).
    static let interval = 4096

    /// The run's own interruption (a test case's timeout); nil polls nothing (diagnostics, which
    /// must finish).
    let interruption: Interruption?
    private var remaining = InterruptionPoll.interval

    init(_ interruption: Interruption?) {
        self.interruption = interruption
    }

    /// Counts `units` of work; the cause when the run must stop now, nil to go on.
    mutating func tick(_ units: Int = 1) -> Interruption.Cause? {
        remaining -= units
        guard remaining <= 0 else { return nil }
        remaining = InterruptionPoll.interval
        guard let interruption else { return nil }
        return Interruption.process.cause ?? interruption.cause
    }
}
