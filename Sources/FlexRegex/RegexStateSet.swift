// A sparse set of NFA states (Briggs and Torczon's, as RE2 uses): O(1) insert, membership and
// clear, and iteration in insertion order. It borrows its storage from the search that owns it
// (RegexMachine), so the inner loop does no reference counting or copy-on-write checks.

struct RegexStateSet {
    /// Slots a set needs per state of the program.
    static let slotsPerState = 3

    private let dense: UnsafeMutablePointer<Int32>
    private let sparse: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    /// The members that consume a scalar, in insertion order: the only ones a step looks at.
    let consuming: UnsafeMutablePointer<Int32>
    private(set) var consumingCount = 0

    /// `storage` holds `slotsPerState × capacity` slots; the set is valid while it is.
    init(storage: UnsafeMutablePointer<Int32>, capacity: Int) {
        dense = storage
        sparse = storage + capacity
        consuming = storage + 2 * capacity
        // Any value will do in `sparse` (membership also checks `dense`), but reading memory
        // never written is undefined: start from zeros.
        storage.initialize(repeating: 0, count: RegexStateSet.slotsPerState * capacity)
    }

    var isEmpty: Bool { count == 0 }

    mutating func clear() {
        count = 0
        consumingCount = 0
    }

    @inline(__always)
    mutating func appendConsuming(_ state: Int32) {
        consuming[consumingCount] = state
        consumingCount += 1
    }

    /// False when `state` was already in the set.
    @inline(__always)
    mutating func insert(_ state: Int32) -> Bool {
        let slot = Int(sparse[Int(state)])
        if slot < count, dense[slot] == state { return false }
        sparse[Int(state)] = Int32(count)
        dense[count] = state
        count += 1
        return true
    }
}
