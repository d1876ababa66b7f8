// The nodes of one parse, in flat arrays that refer to each other by index.
//
// A tree of heap nodes cost an allocation per node to build, a reference-count update per node
// visited, and a free per node when dropped: for a 20 MB script, 160 MB in millions of blocks, and
// most of parse + check. Here a parse fills a few arrays; the public node types are handles
// (`Expression`, `Statement`) or values read out on demand (`Identifier`, `Clause`, lists).

/// Public only as a name (`NodeList` and the node handles refer to it); everything in it is internal.
/// One parser fills it (SyntaxTree+Building.swift), then it is only read, which is why it may be
/// shared across tasks although its storage is mutable.
public final class SyntaxTree: @unchecked Sendable {
    /// The file's bytes, which most of the tree's text refers to.
    let source: [UInt8]
    /// Read for every node visited, so without dynamic exclusivity checks (see the class comment
    /// for why no accesses conflict).
    @exclusivity(unchecked) var records: Records
    /// While parsing: the text of each canonical clause name already stored, by its grammar number.
    @exclusivity(unchecked) var internedClauseNames: [TextReference?] = []

    init(file: FileID, source: [UInt8]) {
        self.source = source
        records = Records(file: file)
    }

    /// Runs `body` with `records.source` set to the file's bytes (the pointer is valid only there).
    func withSource<Result>(_ body: (inout Records) throws -> Result) rethrows -> Result {
        try source.withUnsafeBufferPointer { buffer in
            var records = self.records
            records.source = buffer
            return try body(&records)
        }
    }

    deinit {
        records.deallocate()
    }

    var file: FileID { records.file }

    /// The tree's arrays. A copy is a handful of pointers and counts, valid while the tree lives:
    /// the checker reads a copy, so walking a tree updates no reference count.
    struct Records {
        let file: FileID
        var expressions = RecordArray<Record<ExpressionNode>>()
        var statements = RecordArray<Record<StatementNode>>()
        /// Identifiers, and other text with a span of its own (include paths, scenario names).
        var names = RecordArray<Record<TextReference>>()
        var blocks = RecordArray<Record<NodeRange>>()
        var branches = RecordArray<ConditionalBranchRecord>()
        var commands = RecordArray<CommandRecord>()
        var clauses = RecordArray<ClauseRecord>()
        var lineItems = RecordArray<LineItemRecord>()
        var recordEntries = RecordArray<RecordEntryRecord>()
        var segments = RecordArray<SegmentRecord>()
        /// The entries of expression and statement lists: indices into `expressions` or `statements`.
        var lists = RecordArray<Int32>()
        /// Text that is not verbatim source (see `TextReference`), so the records hold no references.
        var strings = RecordArray<String>()
        /// The file's bytes, set only while they are pinned (`SyntaxTree.withSource`, the parser).
        var source = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

        // A list's entries must be consecutive, but its elements may contain lists of their own (a
        // command in a clause value, a string in an interpolation): while a list is parsed its
        // entries collect here, above those of the lists around it, and move to the tree once it is complete.
        var pendingReferences = RecordArray<Int32>()
        var pendingBranches = RecordArray<ConditionalBranchRecord>()
        var pendingClauses = RecordArray<ClauseRecord>()
        var pendingLineItems = RecordArray<LineItemRecord>()
        var pendingEntries = RecordArray<RecordEntryRecord>()
        var pendingSegments = RecordArray<SegmentRecord>()

        init(file: FileID) {
            self.file = file
        }

        mutating func deallocate() {
            expressions.deallocate()
            statements.deallocate()
            names.deallocate()
            blocks.deallocate()
            branches.deallocate()
            commands.deallocate()
            clauses.deallocate()
            lineItems.deallocate()
            recordEntries.deallocate()
            segments.deallocate()
            lists.deallocate()
            strings.deallocate()
            pendingReferences.deallocate()
            pendingBranches.deallocate()
            pendingClauses.deallocate()
            pendingLineItems.deallocate()
            pendingEntries.deallocate()
            pendingSegments.deallocate()
        }

        func string(_ text: TextReference) -> String {
            if let index = text.tableIndex { return strings[index] }
            return String(decoding: UnsafeBufferPointer(rebasing: source[Int(text.start)..<Int(text.end)]), as: UTF8.self)
        }

        func span(_ start: Int32, _ end: Int32) -> SourceSpan {
            SourceSpan(file: file, start: Int(start), end: Int(end))
        }

        func node(_ expression: ExpressionReference) -> ExpressionNode { expressions[Int(expression.index)].node }

        func span(_ expression: ExpressionReference) -> SourceSpan {
            let record = expressions[Int(expression.index)]
            return span(record.start, record.end)
        }

        func span(_ statement: StatementReference) -> SourceSpan {
            let record = statements[Int(statement.index)]
            return span(record.start, record.end)
        }

        func span(_ name: NameReference) -> SourceSpan {
            let record = names[Int(name.index)]
            return span(record.start, record.end)
        }

        func text(_ name: NameReference) -> String { string(names[Int(name.index)].node) }
    }

    func string(_ text: TextReference) -> String {
        if let index = text.tableIndex { return records.strings[index] }
        return source.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(text.start)..<Int(text.end)]), as: UTF8.self) }
    }

    func span(_ start: Int32, _ end: Int32) -> SourceSpan { records.span(start, end) }

    // MARK: - Reading nodes as the public types

    func expressionSpan(_ index: Int32) -> SourceSpan {
        let record = records.expressions[Int(index)]
        return span(record.start, record.end)
    }

    func statementSpan(_ index: Int32) -> SourceSpan {
        let record = records.statements[Int(index)]
        return span(record.start, record.end)
    }

    func blockSpan(_ index: Int32) -> SourceSpan {
        let record = records.blocks[Int(index)]
        return span(record.start, record.end)
    }

    func blockStatements(_ index: Int32) -> NodeList<Statement> {
        NodeList(self, records.blocks[Int(index)].node)
    }

    func expressionKind(_ index: Int32) -> Expression.Kind {
        switch records.expressions[Int(index)].node {
        case .null: .null
        case .boolean(let value): .boolean(value)
        case .integer(let value): .integer(value)
        case .decimal(let significand, let scale): .decimal(DecimalLiteral(significand: significand, scale: Int(scale)))
        case .money(let cents): .money(cents: cents)
        case .duration(let seconds): .duration(seconds: seconds)
        case .string(let range): .string(StringSegments(self, first: range.first, count: range.count))
        case .flexID(let text): .flexID(string(text))
        case .variable(let name): .variable(string(name))
        case .list(let range): .list(NodeList(self, range))
        case .record(let range): .record(NodeList(self, range))
        case .member(let base, let name): .member(expression(base), identifier(name))
        case .index(let base, let index): .index(expression(base), expression(index))
        case .call(let name, let arguments): .call(identifier(name), NodeList(self, arguments))
        case .unary(let op, let operand): .unary(op, expression(operand))
        case .binary(let op, let left, let right): .binary(op, expression(left), expression(right))
        case .command(let index): .command(CommandInvocation(self, index))
        case .invalid: .invalid
        }
    }

    func statementKind(_ index: Int32) -> Statement.Kind {
        switch records.statements[Int(index)].node {
        case .letBinding(let name, let value): .letBinding(identifier(name), expression(value))
        case .assignment(let name, let value): .assignment(identifier(name), expression(value))
        case .expression(let value): .expression(expression(value))
        case .expect(let condition, let message): .expect(expression(condition), message: message.map(expression))
        case .expectError(let code, let body): .expectError(code: code.map(identifier), body: Block(self, body.index))
        case .print(let values): .print(NodeList(self, values))
        case .show(let value): .show(expression(value))
        case .ifElse(let branches, let elseBlock): .ifElse(branches: NodeList(self, branches), elseBlock: elseBlock.map { Block(self, $0.index) })
        case .forIn(let name, let sequence, let body): .forIn(identifier(name), expression(sequence), Block(self, body.index))
        case .repeatTimes(let count, let body): .repeatTimes(expression(count), Block(self, body.index))
        case .waitUntil(let condition, let every, let timeout):
            .waitUntil(expression(condition), every: every.map(expression), timeout: timeout.map(expression))
        case .functionDefinition(let name, let parameters, let body):
            .functionDefinition(name: identifier(name), parameters: NodeList(self, parameters), body: Block(self, body.index))
        case .returnStatement(let value): .returnStatement(value.map(expression))
        case .include(let path): .include(path: string(records.names[Int(path.index)].node), pathSpan: identifier(path).span)
        case .scenario(let name, let body):
            .scenario(name: string(records.names[Int(name.index)].node), nameSpan: identifier(name).span, body: Block(self, body.index))
        case .invalid: .invalid
        }
    }

    func expression(_ reference: ExpressionReference) -> Expression {
        Expression(self, reference.index)
    }

    func identifier(_ reference: NameReference) -> Identifier {
        let record = records.names[Int(reference.index)]
        return Identifier(string(record.node), span: span(record.start, record.end))
    }

    func segment(_ position: Int) -> StringSegment {
        switch records.segments[position] {
        case .text(let text): .text(string(text))
        case .interpolation(let inner): .interpolation(expression(inner))
        }
    }
}

// Which array each kind of list indexes, and how an entry reads as the public type.

extension Expression: SyntaxListElement {
    public static func element(of tree: SyntaxTree, at position: Int) -> Expression {
        Expression(tree, tree.records.lists[position])
    }
}

extension Statement: SyntaxListElement {
    public static func element(of tree: SyntaxTree, at position: Int) -> Statement {
        Statement(tree, tree.records.lists[position])
    }
}

extension Identifier: SyntaxListElement {
    public static func element(of tree: SyntaxTree, at position: Int) -> Identifier {
        tree.identifier(NameReference(index: Int32(truncatingIfNeeded: position)))
    }
}

extension ConditionalBranch: SyntaxListElement {
    public static func element(of tree: SyntaxTree, at position: Int) -> ConditionalBranch {
        let record = tree.records.branches[position]
        return ConditionalBranch(condition: tree.expression(record.condition), body: Block(tree, record.body.index))
    }
}

extension RecordEntry: SyntaxListElement {
    public static func element(of tree: SyntaxTree, at position: Int) -> RecordEntry {
        let record = tree.records.recordEntries[position]
        return RecordEntry(key: tree.string(record.key), keySpan: tree.span(record.keyStart, record.keyEnd), value: tree.expression(record.value))
    }
}

extension LineItemExpression: SyntaxListElement {
    public static func element(of tree: SyntaxTree, at position: Int) -> LineItemExpression {
        let record = tree.records.lineItems[position]
        return LineItemExpression(price: tree.expression(record.price), quantity: record.quantity.map(tree.expression),
                                  span: tree.span(record.start, record.end))
    }
}

extension Clause: SyntaxListElement {
    public static func element(of tree: SyntaxTree, at position: Int) -> Clause {
        let record = tree.records.clauses[position]
        let value: ClauseValue
        switch record.value {
        case .none: value = .none
        case .expression(let inner): value = .expression(tree.expression(inner))
        case .word(let word): value = .word(tree.identifier(word))
        case .items(let items, let start, let end): value = .items(NodeList(tree, items), span: tree.span(start, end))
        }
        return Clause(name: tree.string(record.name), keywordSpan: tree.span(record.keywordStart, record.keywordEnd), value: value,
                      span: tree.span(record.start, record.end))
    }
}

// MARK: - Records

/// Indices into the tree's arrays, typed so one kind of index cannot be used for another.
struct ExpressionReference: Hashable, BitwiseCopyable { var index: Int32 }
struct StatementReference: Hashable, BitwiseCopyable { var index: Int32 }
struct NameReference: Hashable, BitwiseCopyable { var index: Int32 }
struct BlockReference: Hashable, BitwiseCopyable { var index: Int32 }

/// Text of the tree: the source bytes `start..<end` (names and most literals are written
/// verbatim), or, when `start` is negative, entry `-start - 1` of the string table (text with
/// escapes decoded, canonical clause names, markers). Most text then costs no `String` at all.
struct TextReference: BitwiseCopyable {
    var start: Int32
    var end: Int32

    static func source(_ start: Int, _ end: Int) -> TextReference {
        TextReference(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end))
    }

    static func table(_ index: Int) -> TextReference {
        TextReference(start: -1 - Int32(truncatingIfNeeded: index), end: 0)
    }

    /// The string table index, or nil for source text.
    var tableIndex: Int? { start < 0 ? Int(-1 - start) : nil }
}

/// `count` consecutive entries from `first` of one of the tree's arrays.
struct NodeRange: BitwiseCopyable {
    var first: Int32
    var count: Int32
    static let empty = NodeRange(first: 0, count: 0)

    /// The positions of the entries in their array.
    var positions: Range<Int> { Int(first)..<(Int(first) + Int(count)) }
}

/// A node with its span; the file is the tree's.
struct Record<Node: BitwiseCopyable>: BitwiseCopyable {
    var node: Node
    var start: Int32
    var end: Int32

    init(node: Node, start: Int32, end: Int32) {
        self.node = node
        self.start = start
        self.end = end
    }

    /// Offsets fit in 32 bits: SourceManager refuses larger files.
    init(_ node: Node, _ span: SourceSpan) {
        self.init(node: node, start: Int32(truncatingIfNeeded: span.start), end: Int32(truncatingIfNeeded: span.end))
    }
}

enum ExpressionNode: BitwiseCopyable {
    case null
    case boolean(Bool)
    case integer(Int)
    /// A `DecimalLiteral` (its parts, so that every node fits in 12 bytes).
    case decimal(significand: Int, scale: Int32)
    case money(cents: Int)
    case duration(seconds: Int)
    /// Its segments (`segments`).
    case string(NodeRange)
    case flexID(TextReference)
    case variable(TextReference)
    /// Its elements (`lists`).
    case list(NodeRange)
    /// Its entries (`recordEntries`).
    case record(NodeRange)
    case member(ExpressionReference, NameReference)
    case index(ExpressionReference, ExpressionReference)
    /// The name and the arguments (`lists`).
    case call(NameReference, NodeRange)
    case unary(UnaryOperator, ExpressionReference)
    case binary(BinaryOperator, ExpressionReference, ExpressionReference)
    /// Index into `commands`.
    case command(Int32)
    case invalid
}

enum StatementNode: BitwiseCopyable {
    case letBinding(NameReference, ExpressionReference)
    case assignment(NameReference, ExpressionReference)
    case expression(ExpressionReference)
    case expect(ExpressionReference, message: ExpressionReference?)
    case expectError(code: NameReference?, body: BlockReference)
    /// The values (`lists`).
    case print(NodeRange)
    case show(ExpressionReference)
    /// The branches (`branches`).
    case ifElse(branches: NodeRange, elseBlock: BlockReference?)
    case forIn(NameReference, ExpressionReference, BlockReference)
    case repeatTimes(ExpressionReference, BlockReference)
    case waitUntil(ExpressionReference, every: ExpressionReference?, timeout: ExpressionReference?)
    /// The parameters (`names`).
    case functionDefinition(name: NameReference, parameters: NodeRange, body: BlockReference)
    case returnStatement(ExpressionReference?)
    /// The decoded path and the span of its literal.
    case include(NameReference)
    /// The decoded name and the span of its literal.
    case scenario(NameReference, body: BlockReference)
    case invalid
}

struct ConditionalBranchRecord: BitwiseCopyable {
    var condition: ExpressionReference
    var body: BlockReference
}

struct CommandRecord: BitwiseCopyable {
    var command: CommandName?
    var phraseStart: Int32
    var phraseEnd: Int32
    /// The phrase words (`names`).
    var phrase: NodeRange
    /// The positional arguments (`lists`).
    var arguments: NodeRange
    /// The clauses (`clauses`).
    var clauses: NodeRange
}

struct ClauseRecord: BitwiseCopyable {
    enum Value: BitwiseCopyable {
        case none
        case expression(ExpressionReference)
        case word(NameReference)
        /// The items (`lineItems`) and the span of the bracketed list.
        case items(NodeRange, start: Int32, end: Int32)
    }

    var name: TextReference
    /// The clause's index in its command's table entry (`CommandSyntax.clauses`), -1 when it is none of them.
    var tableIndex: Int16
    var keywordStart: Int32
    var keywordEnd: Int32
    var value: Value
    var start: Int32
    var end: Int32
}

struct LineItemRecord: BitwiseCopyable {
    var price: ExpressionReference
    var quantity: ExpressionReference?
    var start: Int32
    var end: Int32
}

struct RecordEntryRecord: BitwiseCopyable {
    var key: TextReference
    var keyStart: Int32
    var keyEnd: Int32
    var value: ExpressionReference
}

enum SegmentRecord: BitwiseCopyable {
    case text(TextReference)
    case interpolation(ExpressionReference)
}
