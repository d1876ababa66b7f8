// The lines `show` writes, counted against the string limit and polling the run's interruption
// as they grow, so showing a large value stops part-way the way `print` does (show indents, so
// its text can be larger than the value's printed size the O(1) check before it bounds).

struct ShownLines {
    private(set) var lines: [String] = []
    /// Bytes of the lines so far, newlines included.
    private var bytes = 0
    let limit: Int
    private var poll: InterruptionPoll
    private(set) var stop: TextBuilder.Stop?

    init(limit: Int, interruption: Interruption?) {
        self.limit = limit
        self.poll = InterruptionPoll(interruption)
    }

    var isStopped: Bool { stop != nil }
    var text: String { lines.joined(separator: "\n") }

    /// Adds a line unless building has stopped; stops at the limit or when the run is interrupted.
    mutating func append(_ line: String) {
        guard stop == nil else { return }
        bytes += line.utf8.count + 1
        guard bytes <= limit + 1 else {
            stop = .tooLong
            return
        }
        lines.append(line)
        if let cause = poll.tick() { stop = .interrupted(cause) }
    }
}
