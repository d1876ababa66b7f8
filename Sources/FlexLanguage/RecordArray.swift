// A growable array for the syntax tree's records and text, without reference counting or copy-on-write.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appending is a capacity check and a store (no uniqueness check), reading is a load, and a copy
/// of the array is three words with no reference count: the checker copies the tree's arrays and
/// reads them without touching a counter. The owner (`SyntaxTree`) frees the storage in its
/// `deinit`; a copy must not be used after that. Elements are moved as bytes when the storage
/// grows, which every type the tree stores allows (plain records and `String`).
struct RecordArray<Element> {
    private(set) var base: UnsafeMutablePointer<Element>?
    private(set) var count = 0
    private var capacity = 0

    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "record index out of range")
            return base.unsafelyUnwrapped[position]
        }
        set {
            precondition(position >= 0 && position < count, "record index out of range")
            base.unsafelyUnwrapped[position] = newValue
        }
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base.unsafelyUnwrapped + count).initialize(to: element)
        count += 1
    }

    /// Appends `other[start ..< other.count]` and removes those elements from `other` (see `SyntaxTree`'s pending lists).
    mutating func move(from other: inout RecordArray<Element>, startingAt start: Int) {
        let moved = other.count - start
        guard moved > 0 else { return }
        if count + moved > capacity { grow(to: count + moved) }
        (base.unsafelyUnwrapped + count).moveInitialize(from: other.base.unsafelyUnwrapped + start, count: moved)
        count += moved
        other.count = start
    }

    /// Drops the elements from `newCount` on.
    mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "record index out of range")
        (base.unsafelyUnwrapped + newCount).deinitialize(count: count - newCount)
        count = newCount
    }

    mutating func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(to: minimum) }
    }

    /// At least doubles, so appends stay amortized O(1); `realloc` moves large blocks by remapping pages, not copying.
    private mutating func grow(to minimum: Int) {
        let newCapacity = max(minimum, capacity * 2, 16)
        let bytes = newCapacity * MemoryLayout<Element>.stride
        guard let raw = realloc(base.map(UnsafeMutableRawPointer.init), bytes) else {
            fatalError("out of memory for \(newCapacity) syntax tree records")
        }
        base = raw.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }

    /// Destroys the elements and frees the storage; the array is empty afterwards.
    mutating func deallocate() {
        base?.deinitialize(count: count)
        free(base.map(UnsafeMutableRawPointer.init))
        base = nil
        count = 0
        capacity = 0
    }
}
