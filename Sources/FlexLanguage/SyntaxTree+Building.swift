// How the parser fills a SyntaxTree: nodes, text, and lists collected while their elements are parsed.

extension SyntaxTree {
    /// Room for a file of `byteCount` bytes, so the large arrays seldom grow (growing copies
    /// them). Generous: capacity that is never written costs no memory, its pages are never touched.
    func reserveCapacity(byteCount: Int) {
        records.expressions.reserveCapacity(byteCount / 8)
        records.statements.reserveCapacity(byteCount / 40)
        records.names.reserveCapacity(byteCount / 20)
        records.lists.reserveCapacity(byteCount / 20)
        records.clauses.reserveCapacity(byteCount / 32)
        records.commands.reserveCapacity(byteCount / 80)
        records.segments.reserveCapacity(byteCount / 24)
    }

    // MARK: - Nodes

    /// Appends `entry` to `entries` and returns its index there.
    @inline(__always)
    private static func index<Entry>(ofAppending entry: Entry, to entries: inout RecordArray<Entry>) -> Int32 {
        entries.append(entry)
        return Int32(truncatingIfNeeded: entries.count - 1)
    }

    func add(_ node: ExpressionNode, _ span: SourceSpan) -> ExpressionReference {
        ExpressionReference(index: Self.index(ofAppending: Record(node, span), to: &records.expressions))
    }

    func add(_ node: StatementNode, _ span: SourceSpan) -> StatementReference {
        StatementReference(index: Self.index(ofAppending: Record(node, span), to: &records.statements))
    }

    /// Text that is not verbatim source.
    func addString(_ text: String) -> TextReference {
        .table(Int(Self.index(ofAppending: text, to: &records.strings)))
    }

    /// A canonical clause name, stored once per tree (`id` is its `CommandGrammar` number).
    func clauseName(_ id: Int, _ name: String) -> TextReference {
        if id < internedClauseNames.count, let text = internedClauseNames[id] { return text }
        if id >= internedClauseNames.count { internedClauseNames += Array(repeating: nil, count: id + 1 - internedClauseNames.count) }
        let text = addString(name)
        internedClauseNames[id] = text
        return text
    }

    func addName(_ text: String, _ span: SourceSpan) -> NameReference {
        addName(addString(text), span)
    }

    func addName(_ text: TextReference, _ span: SourceSpan) -> NameReference {
        NameReference(index: Self.index(ofAppending: Record(text, span), to: &records.names))
    }

    func addBlock(_ statements: NodeRange, _ span: SourceSpan) -> BlockReference {
        BlockReference(index: Self.index(ofAppending: Record(statements, span), to: &records.blocks))
    }

    func addCommand(_ command: CommandRecord) -> Int32 {
        Self.index(ofAppending: command, to: &records.commands)
    }

    func node(_ expression: ExpressionReference) -> ExpressionNode { records.node(expression) }
    func span(_ expression: ExpressionReference) -> SourceSpan { records.span(expression) }
    func span(_ statement: StatementReference) -> SourceSpan { records.span(statement) }
    func span(_ name: NameReference) -> SourceSpan { records.span(name) }
    func text(_ name: NameReference) -> String { records.text(name) }
    /// Where the next name will go (a phrase's or a parameter list's names are consecutive).
    var nameCount: Int { records.names.count }

    func isInvalid(_ statement: StatementReference) -> Bool {
        if case .invalid = records.statements[Int(statement.index)].node { return true }
        return false
    }

    /// Rewrites a node just made, before anything refers to it (a negated literal).
    func replace(_ expression: ExpressionReference, with node: ExpressionNode, span: SourceSpan) {
        records.expressions[Int(expression.index)] = Record(node, span)
    }

    func setSpan(_ expression: ExpressionReference, _ span: SourceSpan) {
        Self.setSpan(span, ofEntry: Int(expression.index), in: &records.expressions)
    }

    func setSpan(_ statement: StatementReference, _ span: SourceSpan) {
        Self.setSpan(span, ofEntry: Int(statement.index), in: &records.statements)
    }

    private static func setSpan<Node>(_ span: SourceSpan, ofEntry index: Int, in entries: inout RecordArray<Record<Node>>) {
        var record = entries[index]
        record.start = Int32(truncatingIfNeeded: span.start)
        record.end = Int32(truncatingIfNeeded: span.end)
        entries[index] = record
    }

    // MARK: - Lists

    /// Where the list about to be collected starts; pass it to the `finish…` call that ends it.
    var referenceMark: Int { records.pendingReferences.count }
    var branchMark: Int { records.pendingBranches.count }
    var clauseMark: Int { records.pendingClauses.count }
    var lineItemMark: Int { records.pendingLineItems.count }
    var entryMark: Int { records.pendingEntries.count }
    var segmentMark: Int { records.pendingSegments.count }

    func append(_ expression: ExpressionReference) { records.pendingReferences.append(expression.index) }
    func append(_ statement: StatementReference) { records.pendingReferences.append(statement.index) }
    func append(_ branch: ConditionalBranchRecord) { records.pendingBranches.append(branch) }
    func append(_ clause: ClauseRecord) { records.pendingClauses.append(clause) }
    func append(_ item: LineItemRecord) { records.pendingLineItems.append(item) }
    func append(_ entry: RecordEntryRecord) { records.pendingEntries.append(entry) }
    func append(_ segment: SegmentRecord) { records.pendingSegments.append(segment) }

    func finishReferences(from mark: Int) -> NodeRange { Self.move(&records.pendingReferences, from: mark, to: &records.lists) }
    func finishBranches(from mark: Int) -> NodeRange { Self.move(&records.pendingBranches, from: mark, to: &records.branches) }
    func finishClauses(from mark: Int) -> NodeRange { Self.move(&records.pendingClauses, from: mark, to: &records.clauses) }
    func finishLineItems(from mark: Int) -> NodeRange { Self.move(&records.pendingLineItems, from: mark, to: &records.lineItems) }
    func finishEntries(from mark: Int) -> NodeRange { Self.move(&records.pendingEntries, from: mark, to: &records.recordEntries) }
    func finishSegments(from mark: Int) -> NodeRange { Self.move(&records.pendingSegments, from: mark, to: &records.segments) }

    /// The texts of the segments collected since `mark`, dropped instead of kept (a literal that
    /// must be plain text); nil for a `${…}` segment.
    func takeSegments(from mark: Int) -> [String?] {
        var taken: [String?] = []
        for position in mark..<records.pendingSegments.count {
            switch records.pendingSegments[position] {
            case .text(let text): taken.append(string(text))
            case .interpolation: taken.append(nil)
            }
        }
        records.pendingSegments.truncate(to: mark)
        return taken
    }

    private static func move<Entry>(_ pending: inout RecordArray<Entry>, from mark: Int, to entries: inout RecordArray<Entry>) -> NodeRange {
        let range = NodeRange(first: Int32(truncatingIfNeeded: entries.count), count: Int32(truncatingIfNeeded: pending.count - mark))
        entries.move(from: &pending, startingAt: mark)
        return range
    }
}
