// Copies a syntax tree built by hand (tests, tools) into a SyntaxTree, the form the checker reads.

extension SyntaxTree {
    /// A tree holding `statements`, and the entries of its lists that list them.
    static func importing(_ statements: NodeList<Statement>, file: FileID) -> (SyntaxTree, NodeRange) {
        let tree = SyntaxTree(file: file, source: [])
        let list = tree.importStatements(statements, depth: 0)
        return (tree, list)
    }

    /// Nodes nested deeper than the checker walks (`Checker.Pass.maximumDepth`, counted the way
    /// it counts: expressions and blocks) are not copied: the checker would not reach them, and
    /// a hand-built tree may be deep enough to overflow the stack.
    private static func isTooDeep(_ depth: Int) -> Bool { depth > Checker.Pass.maximumDepth }

    private func importStatements(_ statements: NodeList<Statement>, depth: Int) -> NodeRange {
        let references = statements.map { importStatement($0, depth: depth) }
        let mark = referenceMark
        for reference in references { append(reference) }
        return finishReferences(from: mark)
    }

    private func importExpressions(_ expressions: NodeList<Expression>, depth: Int) -> NodeRange {
        let references = expressions.map { importExpression($0, depth: depth) }
        let mark = referenceMark
        for reference in references { append(reference) }
        return finishReferences(from: mark)
    }

    private func importName(_ identifier: Identifier) -> NameReference {
        addName(identifier.name, identifier.span)
    }

    /// Names that must be consecutive (parameters, phrase words).
    private func importNames(_ identifiers: NodeList<Identifier>) -> NodeRange {
        let first = Int32(truncatingIfNeeded: nameCount)
        for identifier in identifiers { _ = importName(identifier) }
        return NodeRange(first: first, count: Int32(truncatingIfNeeded: identifiers.count))
    }

    private func importBlock(_ block: Block, depth: Int) -> BlockReference {
        let depth = depth + 1
        guard !Self.isTooDeep(depth) else { return addBlock(.empty, block.span) }
        return addBlock(importStatements(block.statements, depth: depth), block.span)
    }

    private func importStatement(_ statement: Statement, depth: Int) -> StatementReference {
        func importExpression(_ expression: Expression) -> ExpressionReference { self.importExpression(expression, depth: depth) }
        func importExpressions(_ expressions: NodeList<Expression>) -> NodeRange { self.importExpressions(expressions, depth: depth) }
        func importBlock(_ block: Block) -> BlockReference { self.importBlock(block, depth: depth) }
        let node: StatementNode
        switch statement.kind {
        case .letBinding(let name, let value): node = .letBinding(importName(name), importExpression(value))
        case .assignment(let name, let value): node = .assignment(importName(name), importExpression(value))
        case .expression(let value): node = .expression(importExpression(value))
        case .expect(let condition, let message): node = .expect(importExpression(condition), message: message.map(importExpression))
        case .expectError(let code, let body): node = .expectError(code: code.map(importName), body: importBlock(body))
        case .print(let values): node = .print(importExpressions(values))
        case .show(let value): node = .show(importExpression(value))
        case .ifElse(let branches, let elseBlock):
            let records = branches.map { ConditionalBranchRecord(condition: importExpression($0.condition), body: importBlock($0.body)) }
            let mark = branchMark
            for record in records { append(record) }
            node = .ifElse(branches: finishBranches(from: mark), elseBlock: elseBlock.map(importBlock))
        case .forIn(let name, let sequence, let body): node = .forIn(importName(name), importExpression(sequence), importBlock(body))
        case .repeatTimes(let count, let body): node = .repeatTimes(importExpression(count), importBlock(body))
        case .waitUntil(let condition, let every, let timeout):
            node = .waitUntil(importExpression(condition), every: every.map(importExpression), timeout: timeout.map(importExpression))
        case .functionDefinition(let name, let parameters, let body):
            node = .functionDefinition(name: importName(name), parameters: importNames(parameters), body: importBlock(body))
        case .returnStatement(let value): node = .returnStatement(value.map(importExpression))
        case .include(let path, let pathSpan): node = .include(addName(path, pathSpan))
        case .scenario(let name, let nameSpan, let body): node = .scenario(addName(name, nameSpan), body: importBlock(body))
        case .invalid: node = .invalid
        }
        return add(node, statement.span)
    }

    private func importExpression(_ expression: Expression, depth: Int) -> ExpressionReference {
        let depth = depth + 1
        guard !Self.isTooDeep(depth) else { return add(.invalid, expression.span) }
        func importExpression(_ expression: Expression) -> ExpressionReference { self.importExpression(expression, depth: depth) }
        func importExpressions(_ expressions: NodeList<Expression>) -> NodeRange { self.importExpressions(expressions, depth: depth) }
        let node: ExpressionNode
        switch expression.kind {
        case .null: node = .null
        case .boolean(let value): node = .boolean(value)
        case .integer(let value): node = .integer(value)
        case .decimal(let value): node = .decimal(significand: value.significand, scale: Int32(truncatingIfNeeded: value.scale))
        case .money(let cents): node = .money(cents: cents)
        case .duration(let seconds): node = .duration(seconds: seconds)
        case .string(let segments):
            let records = segments.map { segment -> SegmentRecord in
                switch segment {
                case .text(let text): .text(addString(text))
                case .interpolation(let inner): .interpolation(importExpression(inner))
                }
            }
            let mark = segmentMark
            for record in records { append(record) }
            node = .string(finishSegments(from: mark))
        case .flexID(let text): node = .flexID(addString(text))
        case .variable(let name): node = .variable(addString(name))
        case .list(let elements): node = .list(importExpressions(elements))
        case .record(let entries):
            let records = entries.map {
                RecordEntryRecord(key: addString($0.key), keyStart: Int32(truncatingIfNeeded: $0.keySpan.start),
                                  keyEnd: Int32(truncatingIfNeeded: $0.keySpan.end), value: importExpression($0.value))
            }
            let mark = entryMark
            for record in records { append(record) }
            node = .record(finishEntries(from: mark))
        case .member(let base, let name): node = .member(importExpression(base), importName(name))
        case .index(let base, let index): node = .index(importExpression(base), importExpression(index))
        case .call(let name, let arguments): node = .call(importName(name), importExpressions(arguments))
        case .unary(let op, let operand): node = .unary(op, importExpression(operand))
        case .binary(let op, let left, let right): node = .binary(op, importExpression(left), importExpression(right))
        case .command(let invocation): node = .command(importCommand(invocation, depth: depth))
        case .invalid: node = .invalid
        }
        return add(node, expression.span)
    }

    private func importCommand(_ invocation: CommandInvocation, depth: Int) -> Int32 {
        func importExpression(_ expression: Expression) -> ExpressionReference { self.importExpression(expression, depth: depth) }
        func importExpressions(_ expressions: NodeList<Expression>) -> NodeRange { self.importExpressions(expressions, depth: depth) }
        let phrase = importNames(invocation.phrase)
        let arguments = importExpressions(invocation.arguments)
        let facts = invocation.command.flatMap(Checker.ClauseFacts.of)
        let records = invocation.clauses.map { clause -> ClauseRecord in
            let value: ClauseRecord.Value
            switch clause.value {
            case .none: value = .none
            case .expression(let inner): value = .expression(importExpression(inner))
            case .word(let word): value = .word(importName(word))
            case .items(let items, let span):
                let itemRecords = items.map {
                    LineItemRecord(price: importExpression($0.price), quantity: $0.quantity.map(importExpression),
                                   start: Int32(truncatingIfNeeded: $0.span.start), end: Int32(truncatingIfNeeded: $0.span.end))
                }
                let mark = lineItemMark
                for record in itemRecords { append(record) }
                value = .items(finishLineItems(from: mark), start: Int32(truncatingIfNeeded: span.start), end: Int32(truncatingIfNeeded: span.end))
            }
            let tableIndex = facts?.index(of: clause.name) ?? -1
            return ClauseRecord(name: addString(clause.name), tableIndex: Int16(truncatingIfNeeded: tableIndex),
                                keywordStart: Int32(truncatingIfNeeded: clause.keywordSpan.start),
                                keywordEnd: Int32(truncatingIfNeeded: clause.keywordSpan.end), value: value,
                                start: Int32(truncatingIfNeeded: clause.span.start), end: Int32(truncatingIfNeeded: clause.span.end))
        }
        let mark = clauseMark
        for record in records { append(record) }
        let clauses = finishClauses(from: mark)
        return addCommand(CommandRecord(command: invocation.command, phraseStart: Int32(truncatingIfNeeded: invocation.phraseSpan.start),
                                        phraseEnd: Int32(truncatingIfNeeded: invocation.phraseSpan.end), phrase: phrase,
                                        arguments: arguments, clauses: clauses))
    }
}
