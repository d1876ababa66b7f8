// Runs a RegexProgram over a subject's UTF-8 bytes, one Unicode scalar at a time, keeping the
// set of live NFA states (Thompson's simulation, as RE2's and Rust's Pike VM do, without
// captures): each scalar is looked at once per state, so the work is at most
// O(program size × subject length) whatever the pattern, and it asks the caller every few
// thousand state steps whether to stop.

struct RegexMachine {
    /// State steps between two calls of `shouldStop`.
    static let pollInterval = 4096
    /// No scalar: before the start or past the end of the subject.
    static let none: UInt32 = .max

    let program: RegexProgram
    private var current: RegexStateSet
    private var next: RegexStateSet
    /// The closure's work list: each state is pushed at most once per incoming edge.
    private let stack: UnsafeMutablePointer<Int32>
    private var stackCount = 0
    private let instructions: UnsafeMutablePointer<RegexProgram.Instruction>
    private let storage: UnsafeMutablePointer<Int32>

    /// The caller must call `release()` when done (the buffers are not reference counted).
    init(_ program: RegexProgram) {
        self.program = program
        let size = program.instructions.count
        let perSet = RegexStateSet.slotsPerState * size
        storage = .allocate(capacity: 2 * perSet + 2 * size + 1)
        current = RegexStateSet(storage: storage, capacity: size)
        next = RegexStateSet(storage: storage + perSet, capacity: size)
        stack = storage + 2 * perSet
        instructions = .allocate(capacity: size)
        instructions.initialize(from: program.instructions, count: size)
    }

    func release() {
        storage.deallocate()
        instructions.deallocate()
    }

    /// Where the search stands between two scalars: the one before, the one after, and whether
    /// the one after is the subject's last (for `\Z`).
    struct Position {
        var previous: UInt32
        var scalar: UInt32
        var scalarIsLast: Bool
    }

    /// True when the program matches somewhere in `bytes` (valid UTF-8), false when not, nil
    /// when `shouldStop` said to stop first.
    mutating func search(_ bytes: UnsafeBufferPointer<UInt8>, shouldStop: () -> Bool) -> Bool? {
        var index = 0
        var (scalar, width) = RegexMachine.decode(bytes, at: 0)
        var previous = RegexMachine.none
        var work = 0
        current.clear()
        while true {
            if current.isEmpty {
                if program.anchoredAtStart, index > 0 { return false }
                if !program.anchoredAtStart, let firstBytes = program.firstBytes {
                    guard let landing = skip(bytes, from: index, firstBytes: firstBytes, work: &work, shouldStop: shouldStop) else { return nil }
                    if landing == bytes.count { return false }
                    if landing != index {
                        index = landing
                        (scalar, width) = RegexMachine.decode(bytes, at: index)
                        previous = RegexMachine.scalar(before: index, in: bytes)
                    }
                }
            }
            var here = Position(previous: previous, scalar: scalar, scalarIsLast: index + width == bytes.count)
            if !program.anchoredAtStart || index == 0, addStates(from: 0, intoNext: false, at: here) { return true }
            if scalar == RegexMachine.none { return false }
            let nextIndex = index + width
            let (nextScalar, nextWidth) = RegexMachine.decode(bytes, at: nextIndex)
            here = Position(previous: scalar, scalar: nextScalar, scalarIsLast: nextIndex + nextWidth == bytes.count)
            if step(consuming: scalar, at: here) { return true }
            swap(&current, &next)
            next.clear()
            work += current.count + 1
            if work >= RegexMachine.pollInterval {
                work = 0
                if shouldStop() { return nil }
            }
            previous = scalar
            (scalar, width, index) = (nextScalar, nextWidth, nextIndex)
        }
    }

    /// Moves every state of `current` that accepts `scalar` into `next`; true on a match.
    private mutating func step(consuming scalar: UInt32, at position: Position) -> Bool {
        for slot in 0..<current.consumingCount {
            let pc = Int(current.consuming[slot])
            let instruction = instructions[pc]
            let accepted: Bool
            switch instruction.operation {
            case .scalar: accepted = UInt32(bitPattern: instruction.a) == scalar
            case .set: accepted = program.setContains(Int(instruction.a), scalar)
            default: accepted = false
            }
            if accepted, addStates(from: Int32(pc + 1), intoNext: true, at: position) { return true }
        }
        return false
    }

    /// Adds `start` and every state reachable from it without consuming (following jumps,
    /// splits and the assertions that hold at `position`) to `next` or `current`; true when that
    /// reaches the match.
    private mutating func addStates(from start: Int32, intoNext: Bool, at position: Position) -> Bool {
        stackCount = 1
        stack[0] = start
        while stackCount > 0 {
            stackCount -= 1
            let pc = stack[stackCount]
            guard intoNext ? next.insert(pc) : current.insert(pc) else { continue }
            let instruction = instructions[Int(pc)]
            switch instruction.operation {
            case .jump: push(instruction.a)
            case .split:
                push(instruction.b)
                push(instruction.a)
            case .assert:
                if let assertion = RegexAssertion(rawValue: UInt8(instruction.a)), RegexMachine.holds(assertion, at: position) {
                    push(pc + 1)
                }
            case .match: return true
            case .scalar, .set:
                if intoNext { next.appendConsuming(pc) } else { current.appendConsuming(pc) }
            }
        }
        return false
    }

    @inline(__always)
    private mutating func push(_ pc: Int32) {
        stack[stackCount] = pc
        stackCount += 1
    }

    /// The byte offset of the next byte that can begin a match, or the end; nil when told to stop.
    private func skip(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstBytes: [Bool],
                      work: inout Int, shouldStop: () -> Bool) -> Int? {
        var index = start
        while index < bytes.count {
            let chunkEnd = min(bytes.count, index + 16 * RegexMachine.pollInterval)
            while index < chunkEnd, !firstBytes[Int(bytes[index])] { index += 1 }
            if index < chunkEnd { return index }
            work += 16 * RegexMachine.pollInterval
            if work >= RegexMachine.pollInterval {
                work = 0
                if shouldStop() { return nil }
            }
        }
        return index
    }

    static func holds(_ assertion: RegexAssertion, at position: Position) -> Bool {
        switch assertion {
        case .textStart: return position.previous == none
        case .textEnd: return position.scalar == none
        case .textEndBeforeFinalNewline: return position.scalar == none || (position.scalar == 10 && position.scalarIsLast)
        case .lineStart: return position.previous == none || position.previous == 10
        case .lineEnd: return position.scalar == none || position.scalar == 10
        case .wordBoundary, .notWordBoundary:
            let before = position.previous != none && RegexScalarSet.isMember(position.previous, of: .word)
            let after = position.scalar != none && RegexScalarSet.isMember(position.scalar, of: .word)
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    /// The scalar that ends just before `index` (for the assertions after a skip); `none` at 0.
    static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard index > 0 else { return none }
        var start = index - 1
        // Continuation bytes are 10xxxxxx; a scalar has at most three.
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(bytes, at: start).0
    }

    /// The scalar starting at `index` and its length in bytes; `none` and 0 at the end.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        guard index < bytes.count else { return (none, 0) }
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < bytes.count ? UInt32(bytes[index + offset]) & 0x3F : 0
        }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }
}
