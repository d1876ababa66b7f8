// The lists of the syntax tree (statements of a block, arguments, clauses, …), used like arrays.

/// A parsed list is a run of entries in its `SyntaxTree`, each element read when asked for; a list
/// built by hand (tests, tools) is an ordinary array. Slicing keeps the indices, as `ArraySlice` does.
public struct NodeList<Element: SyntaxListElement>: RandomAccessCollection {
    @usableFromInline
    enum Storage {
        case array([Element])
        /// Element `i` is entry `first + i` of the tree's list of this element type.
        case tree(SyntaxTree, first: Int32)
    }

    @usableFromInline let storage: Storage
    @usableFromInline let start: Int32
    @usableFromInline let end: Int32

    @usableFromInline
    init(storage: Storage, start: Int, end: Int) {
        self.storage = storage
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    public init(_ elements: [Element]) {
        self.init(storage: .array(elements), start: 0, end: elements.count)
    }

    public init() {
        self.init([])
    }

    init(_ tree: SyntaxTree, _ range: NodeRange) {
        self.init(storage: .tree(tree, first: range.first), start: 0, end: Int(range.count))
    }

    @inlinable public var startIndex: Int { Int(start) }
    @inlinable public var endIndex: Int { Int(end) }

    @inlinable
    public subscript(position: Int) -> Element {
        precondition(position >= startIndex && position < endIndex, "index out of range")
        switch storage {
        case .array(let elements): return elements[position]
        case .tree(let tree, let first): return Element.element(of: tree, at: Int(first) + position)
        }
    }

    @inlinable
    public subscript(bounds: Range<Int>) -> NodeList<Element> {
        precondition(bounds.lowerBound >= startIndex && bounds.upperBound <= endIndex, "range out of bounds")
        return NodeList(storage: storage, start: bounds.lowerBound, end: bounds.upperBound)
    }
}

/// The node types a `NodeList` can hold. Each knows which of the tree's arrays its lists index.
public protocol SyntaxListElement: Sendable {
    /// Entry `position` of the tree's lists of this type; for `NodeList`, which is the only caller.
    static func element(of tree: SyntaxTree, at position: Int) -> Self
}

extension NodeList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension NodeList: Sendable {}
extension NodeList.Storage: Sendable {}

extension NodeList {
    /// The tree and the entries of its lists that hold these elements, when they are parsed ones.
    var syntaxTreeList: (SyntaxTree, NodeRange)? {
        guard case .tree(let tree, let first) = storage else { return nil }
        return (tree, NodeRange(first: first + start, count: end - start))
    }
}
