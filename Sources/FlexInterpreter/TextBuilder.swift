// Text built from a value (`json()`, `string()`, interpolation, `print`) with the string limit
// checked as it grows and Ctrl-C polled, so a value that would print to gigabytes stops at the
// limit instead of first building the whole text.

struct TextBuilder {
    /// Why building stopped before the value was written out.
    enum Stop { case tooLong, interrupted }

    private(set) var bytes: [UInt8] = []
    /// The most bytes the text may hold; past it, building stops.
    let limit: Int
    /// Whether to check `Interruption` now and then (not for diagnostics, which must finish).
    let pollsInterruption: Bool
    private(set) var stop: Stop?
    private var appendsUntilPoll = TextBuilder.pollInterval

    /// Appends between two looks at the Ctrl-C flag: often enough to answer within milliseconds.
    static let pollInterval = 4096

    init(limit: Int, pollsInterruption: Bool) {
        self.limit = limit
        self.pollsInterruption = pollsInterruption
    }

    /// No limit and no polling: for notes in diagnostics and other internal uses.
    static var unbounded: TextBuilder { TextBuilder(limit: .max, pollsInterruption: false) }

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
        appendsUntilPoll -= 1
        guard appendsUntilPoll == 0 else { return }
        appendsUntilPoll = TextBuilder.pollInterval
        if pollsInterruption, Interruption.isRequested { stop = .interrupted }
    }
}
