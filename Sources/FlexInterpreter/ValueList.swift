// A script-built list and the nesting depth of its deepest element, kept up to date as it grows,
// so wrapping or appending checks the depth limit in time proportional to the new elements only.

public struct ValueList: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public private(set) var elements: [Value]
    /// The nesting depth of the deepest element (0 when every element is a scalar); the list's
    /// own depth is one more.
    public var elementDepth: Int { Int(storedElementDepth) }
    /// Few enough bits that `Value` stays 24 bytes (depths past the limit saturate).
    private var storedElementDepth: UInt16
    /// A lower bound on the bytes the list prints to (as `json()` and as `string()`): a bracket,
    /// and for each element at least one byte and a separator or the closing bracket. It lets a huge (or hugely shared) list
    /// fail the string limit before any of it is written. Saturates at UInt32.max.
    private var storedMinimumTextSize: UInt32
    var minimumTextSize: Int { Int(storedMinimumTextSize) }

    public init(_ elements: [Value]) {
        self.elements = elements
        storedElementDepth = UInt16(clamping: ValueList.deepest(elements))
        storedMinimumTextSize = 1
        addTextSize(of: elements)
    }

    /// A list the caller knows holds no list or record (`range`, `keys`): nothing to scan.
    init(scalars: [Value]) {
        elements = scalars
        storedElementDepth = 0
        storedMinimumTextSize = UInt32(clamping: 1 + 2 * scalars.count)
    }

    public init(arrayLiteral elements: Value...) { self.init(elements) }

    private init(elements: [Value], depth: UInt16, textSize: UInt32) {
        self.elements = elements
        storedElementDepth = depth
        storedMinimumTextSize = textSize
    }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> Value { elements[position] }

    /// Two lists that share one buffer are equal without looking at their elements.
    func sharesStorage(with other: ValueList) -> Bool {
        elements.count == other.elements.count
            && elements.withUnsafeBufferPointer { mine in other.elements.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress } }
    }

    mutating func append(contentsOf other: ValueList) {
        storedElementDepth = Swift.max(storedElementDepth, other.storedElementDepth)
        storedMinimumTextSize = ValueList.adding(storedMinimumTextSize, other.storedMinimumTextSize - 1)
        elements.append(contentsOf: other.elements)
    }

    /// `append(contentsOf:)`, `chunk` elements at a time with `goOn` called after each chunk with
    /// its size (the interpreter polls there). When it answers false, false comes back and the
    /// appended part is removed again (the list is as it was) when `undo` is set, or left in
    /// place for a run about to exit to keep rather than free.
    mutating func append(contentsOf other: ValueList, chunk: Int, undoingWhenStopped undo: Bool, goOn: (Int) -> Bool) -> Bool {
        let originalCount = elements.count
        // One allocation up front (still geometric, so a loop of long appends stays amortised
        // O(1)) rather than growing chunk by chunk: a growth step moves every element already
        // there in one unpolled copy, which for millions of elements outlasts the poll interval.
        if other.count > chunk, originalCount + other.count > elements.capacity {
            elements.reserveCapacity(Swift.max(originalCount + other.count, 2 * elements.capacity))
        }
        guard ValueList.copy(other.elements, into: &elements, chunk: chunk, goOn: goOn) else {
            if undo { elements.removeSubrange(originalCount...) }
            return false
        }
        storedElementDepth = Swift.max(storedElementDepth, other.storedElementDepth)
        storedMinimumTextSize = ValueList.adding(storedMinimumTextSize, other.storedMinimumTextSize - 1)
        return true
    }

    private mutating func addTextSize(of added: [Value]) {
        for element in added {
            storedMinimumTextSize = ValueList.adding(storedMinimumTextSize, UInt32(clamping: element.minimumTextSize + 1))
        }
    }

    private static func adding(_ a: UInt32, _ b: UInt32) -> UInt32 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    static func + (left: ValueList, right: ValueList) -> ValueList {
        var result = left
        result.append(contentsOf: right)
        return result
    }

    /// `left + right` into a new buffer, `chunk` elements at a time with `goOn` called after each
    /// chunk with its size: the interpreter polls for Ctrl-C there and answers false to stop, so
    /// joining two long lists (tens of milliseconds of copying) stops part-way (`complete` false,
    /// `joined` what was copied). The depth and text size come from the two lists' own, with no
    /// pass over the elements.
    static func concatenating(_ left: ValueList, _ right: ValueList, chunk: Int,
                              goOn: (Int) -> Bool) -> (joined: ValueList, complete: Bool) {
        var elements: [Value] = []
        elements.reserveCapacity(left.count + right.count)
        let complete = copy(left.elements, into: &elements, chunk: chunk, goOn: goOn)
            && copy(right.elements, into: &elements, chunk: chunk, goOn: goOn)
        let joined = ValueList(elements: elements, depth: Swift.max(left.storedElementDepth, right.storedElementDepth),
                               textSize: adding(left.storedMinimumTextSize, right.storedMinimumTextSize - 1))
        return (joined, complete)
    }

    /// Appends `source` to `elements` `chunk` elements at a time, calling `goOn` with each chunk's
    /// size; false as soon as it answers false (what was copied stays).
    private static func copy(_ source: [Value], into elements: inout [Value], chunk: Int, goOn: (Int) -> Bool) -> Bool {
        var start = 0
        while start < source.count {
            let end = start + Swift.min(source.count - start, chunk)
            elements.append(contentsOf: source[start..<end])
            guard goOn(end - start) else { return false }
            start = end
        }
        return true
    }

    /// The deepest of the elements' (cached) depths.
    static func deepest<Elements: Sequence<Value>>(_ elements: Elements) -> Int {
        var deepest = 0
        for element in elements where element.isContainer { deepest = Swift.max(deepest, element.nestingDepth) }
        return deepest
    }
}
