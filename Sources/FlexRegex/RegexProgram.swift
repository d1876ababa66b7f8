// The compiled form of a pattern: a Thompson NFA as a list of instructions, the scalar sets
// they test, and two facts that speed up the search (anchored at the start; which first bytes
// can begin a match).

struct RegexProgram {
    enum Operation: UInt8 {
        /// Consume the scalar `a`.
        case scalar
        /// Consume a scalar of `sets[a]`.
        case set
        /// Go on at both `a` and `b`.
        case split
        case jump
        /// Go on at the next instruction when the assertion with raw value `a` holds here.
        case assert
        case match
    }

    struct Instruction {
        var operation: Operation
        var a: Int32 = 0
        var b: Int32 = 0
    }

    /// More than this many instructions is refused: it bounds the work per subject scalar.
    static let maximumSize = 100_000

    var instructions: [Instruction] = []
    var sets: [RegexScalarSet] = []
    /// Each set's ASCII table, two words a set, flat (`tabulateSets()` fills it): the search
    /// reads them without touching the sets' arrays (no reference counting in the inner loop).
    private(set) var asciiTables: [UInt64] = []
    /// Every match starts at the start of the subject (`^…` or `\A…` in every alternative).
    var anchoredAtStart = false
    /// When non-nil, a match can only begin at a byte marked true (the start state consumes a
    /// scalar before any assertion), so the search skips the other bytes while no match is under way.
    var firstBytes: [Bool]?

    mutating func tabulateSets() {
        asciiTables = []
        asciiTables.reserveCapacity(2 * sets.count)
        for set in sets { asciiTables += [set.asciiLow, set.asciiHigh] }
    }

    @inline(__always)
    func setContains(_ index: Int, _ value: UInt32) -> Bool {
        if value < 64 { return asciiTables[2 * index] & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiTables[2 * index + 1] & (1 << UInt64(value - 64)) != 0 }
        return sets[index].slowContains(value)
    }
}
