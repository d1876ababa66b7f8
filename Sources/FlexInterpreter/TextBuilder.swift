// Text built from a value (`json()`, `string()`, interpolation, `print`) with the string limit
// checked as it grows and the run's interruption polled (Ctrl-C, a test case's timeout), so a
// value that would print to gigabytes stops at the limit instead of first building the whole text.

struct TextBuilder {
    /// Why building stopped before the value was written out.
    enum Stop { case tooLong, interrupted(Interruption.Cause) }

    private(set) var bytes: [UInt8] = []
    /// The most bytes the text may hold; past it, building stops.
    let limit: Int
    private(set) var stop: Stop?
    /// Looks at the run's interruption every few thousand appends; polls nothing for diagnostics.
    private var poll: InterruptionPoll

    init(limit: Int, interruption: Interruption?) {
        self.limit = limit
        self.poll = InterruptionPoll(interruption)
    }

    var isStopped: Bool { stop != nil }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Stops now when `size` more bytes (a lower bound of what comes next) would pass the limit.
    mutating func requireRoom(_ size: Int) {
        if size > limit - bytes.count { stop = .tooLong }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        noteGrowth()
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
        noteGrowth()
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: run)
        noteGrowth()
    }

    private mutating func noteGrowth() {
        if bytes.count > limit { stop = .tooLong }
        if let cause = poll.tick() { stop = .interrupted(cause) }
    }
}
