// The lists of the syntax tree (statements of a block, arguments, clauses, …), used like arrays.

/// A run of entries in a `SyntaxTree`, each element read when asked for. Slicing keeps the
/// indices, as `ArraySlice` does.
public struct NodeList<Element: SyntaxListElement>: RandomAccessCollection {
    @usableFromInline let tree: SyntaxTree
    /// Element `i` is entry `first + i` of the tree's list of this element type.
    @usableFromInline let first: Int32
    @usableFromInline let start: Int32
    @usableFromInline let end: Int32

    @usableFromInline
    init(tree: SyntaxTree, first: Int32, start: Int, end: Int) {
        self.tree = tree
        self.first = first
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    init(_ tree: SyntaxTree, _ range: NodeRange) {
        self.init(tree: tree, first: range.first, start: 0, end: Int(range.count))
    }

    @inlinable public var startIndex: Int { Int(start) }
    @inlinable public var endIndex: Int { Int(end) }

    @inlinable
    public subscript(position: Int) -> Element {
        precondition(position >= startIndex && position < endIndex, "index out of range")
        return Element.element(of: tree, at: Int(first) + position)
    }

    @inlinable
    public subscript(bounds: Range<Int>) -> NodeList<Element> {
        precondition(bounds.lowerBound >= startIndex && bounds.upperBound <= endIndex, "range out of bounds")
        return NodeList(tree: tree, first: first, start: bounds.lowerBound, end: bounds.upperBound)
    }
}

/// The node types a `NodeList` can hold. Each knows which of the tree's arrays its lists index.
public protocol SyntaxListElement: Sendable {
    /// Entry `position` of the tree's lists of this type; for `NodeList`, which is the only caller.
    static func element(of tree: SyntaxTree, at position: Int) -> Self
}

extension NodeList: Sendable {}

extension NodeList {
    /// The entries of the tree's lists that hold these elements.
    var range: NodeRange { NodeRange(first: first + start, count: end - start) }
}
