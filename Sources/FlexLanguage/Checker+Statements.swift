// Statement rules: scoping of let/for/def, return placement, scenarios, function definitions.

extension Checker.Pass {
    /// The file that was run: its top level may hold scenarios.
    mutating func checkMainProgram(_ statements: NodeRange) {
        // A big script binds most of its names at the top level: size the table for them once
        // (and no larger: a new binding lands on a random slot, so a smaller table misses the cache less).
        var bindings = predefined.count
        for position in statements.positions {
            if case .letBinding = tree.statements[Int(tree.lists[position])].node { bindings += 1 }
        }
        variables.reserveCapacity(bindings)
        checkFileTopLevel(statements, isMainFile: true)
    }

    func statement(at position: Int) -> StatementReference { StatementReference(index: tree.lists[position]) }

    func expression(at position: Int) -> ExpressionReference { ExpressionReference(index: tree.lists[position]) }

    /// The top level of a file (the main one or an included one), in the global scope.
    mutating func checkFileTopLevel(_ statements: NodeRange, isMainFile: Bool) {
        let savedFile = (fileStatements, fileGlobalsCache)
        (fileStatements, fileGlobalsCache) = (statements, nil)
        defer { (fileStatements, fileGlobalsCache) = savedFile }
        hoistFunctions(statements)

        var firstScenario: SourceSpan?
        var scenarioNames: [String: SourceSpan] = [:]
        for position in statements.positions {
            let statement = statement(at: position)
            switch tree.statements[Int(statement.index)].node {
            case .scenario(let nameReference, let body):
                let name = tree.text(nameReference), nameSpan = tree.span(nameReference)
                if !isMainFile {
                    report("an included file cannot contain scenarios", at: nameSpan,
                           help: "keep shared setup in included files and put scenarios in the file you run")
                } else if let first = scenarioNames[name] {
                    report("duplicate scenario name '\(name)'", at: nameSpan,
                           notes: [Diagnostic.Note("the first scenario named '\(name)' is here", span: first)])
                } else {
                    scenarioNames[name] = nameSpan
                }
                if firstScenario == nil { firstScenario = tree.span(statement) }
                checkBlock(body)
            case .functionDefinition, .invalid:
                // Definitions are hoisted, so one after the scenarios is still shared by all of them.
                checkStatement(statement, atTopLevel: true)
            default:
                if let first = firstScenario {
                    report("statements after the first scenario must be inside a scenario", at: tree.span(statement),
                           help: "move it before the first scenario (shared setup) or into a scenario",
                           notes: [Diagnostic.Note("the first scenario starts here", span: first)])
                }
                checkStatement(statement, atTopLevel: true)
            }
        }
    }

    /// `{ … }`: a new scope for lets and defs (defs are hoisted to the top of their block).
    mutating func checkBlock(_ block: BlockReference) {
        guard enter() else { return }
        defer { leave() }
        variables.push()
        functions.push()
        let statements = tree.blocks[Int(block.index)].node
        hoistFunctions(statements)
        for position in statements.positions { checkStatement(statement(at: position), atTopLevel: false) }
        functions.pop()
        variables.pop()
    }

    /// Binds every `def` of one block before its statements are checked, so calls may come first
    /// and functions may recurse.
    mutating func hoistFunctions(_ statements: NodeRange) {
        for position in statements.positions {
            let statement = statement(at: position)
            switch tree.statements[Int(statement.index)].node {
            case .invalid:
                // A definition with a syntax error still names a function; binding it keeps its
                // calls from adding "unknown function" to the parse error already reported.
                let span = tree.span(statement)
                if let name = brokenDefinitionName(span) {
                    functions.bind(name, Checker.FunctionInfo(arity: nil, span: span))
                }
            case .functionDefinition(let nameReference, let parameters, _):
                let name = tree.text(nameReference), nameSpan = tree.span(nameReference)
                if let existing = functions.lookup(name), existing.span == nil {
                    report("'\(name)' is a built-in function and cannot be redefined", at: nameSpan,
                           help: "pick another name for your function")
                    continue
                }
                if let first = functions.lookupInCurrentScope(name) {
                    report("function '\(name)' is already defined", at: nameSpan,
                           notes: [Diagnostic.Note("'\(name)' is first defined here", span: first.span)])
                    continue
                }
                let count = Int(parameters.count)
                functions.bind(name, Checker.FunctionInfo(arity: count...count, span: nameSpan))
            default:
                continue
            }
        }
    }

    mutating func checkStatement(_ statement: StatementReference, atTopLevel: Bool) {
        switch tree.statements[Int(statement.index)].node {
        case .letBinding(let name, let value):
            checkExpression(value)
            if checkVariableName(name, role: "a variable") {
                variables.bind(tree.text(name), ())
            }
        case .assignment(let nameReference, let value):
            checkExpression(value)
            let name = tree.text(nameReference)
            if !isVariableVisible(name) {
                let help = Suggestions.closest(to: name, among: visibleVariableNames()).map { "did you mean '\($0)'?" }
                report("'\(name)' is not defined; use 'let \(name) = …' to create it", at: tree.span(nameReference), help: help)
            }
        case .expression(let expression):
            checkExpression(expression)
        case .expect(let condition, _) where isSnapshot(condition):
            checkSnapshot(condition)
        case .expect(let condition, let message):
            checkExpression(condition)
            if let message { checkExpression(message) }
        case .expectError(_, let body):
            checkBlock(body)
        case .print(let values):
            for position in values.positions { checkExpression(expression(at: position)) }
        case .show(let value):
            checkExpression(value)
        case .ifElse(let branches, let elseBlock):
            for position in branches.positions {
                let branch = tree.branches[position]
                checkExpression(branch.condition)
                checkBlock(branch.body)
            }
            if let elseBlock { checkBlock(elseBlock) }
        case .forIn(let name, let list, let body):
            checkExpression(list)
            variables.push()
            if checkVariableName(name, role: "a variable") { variables.bind(tree.text(name), ()) }
            checkBlock(body)
            variables.pop()
        case .repeatTimes(let count, let body):
            checkLiteral(count, against: .integer, context: nil)
            checkExpression(count)
            checkBlock(body)
        case .waitUntil(let condition, let every, let timeout):
            checkExpression(condition)
            for interval in [every, timeout].compactMap({ $0 }) {
                checkLiteral(interval, against: .duration, context: nil)
                checkExpression(interval)
            }
        case .functionDefinition(_, let parameters, let body):
            checkFunctionBody(parameters: parameters, body: body)
        case .returnStatement(let value):
            if functionDepth == 0 {
                report("'return' is only allowed inside a 'def'", at: tree.span(statement),
                       help: "to stop a script early, use 'expect' or move the code into a function")
            }
            if let value { checkExpression(value) }
        case .include(let path):
            if atTopLevel {
                checkInclude(path: tree.text(path), pathSpan: tree.span(path))
            } else {
                report("'include' is only allowed at the top level of a file", at: tree.span(statement),
                       help: "move the include to the top of the file")
            }
        case .scenario(let name, let body):
            // Top-level scenarios are handled by checkFileTopLevel; this is one inside a block.
            report("'scenario' is only allowed at the top level of a file", at: tree.span(name),
                   help: "scenarios cannot be nested; move it out of the enclosing block")
            checkBlock(body)
        case .invalid:
            break
        }
    }

    /// Parameters are bound in their own scope around the body; duplicates are reported.
    mutating func checkFunctionBody(parameters: NodeRange, body: BlockReference) {
        variables.push()
        for position in parameters.positions {
            let parameter = NameReference(index: Int32(truncatingIfNeeded: position))
            let name = tree.text(parameter)
            // Parameter lists are short: a scan beats allocating a set per definition.
            if let first = (Int(parameters.first)..<position).first(where: { tree.text(NameReference(index: Int32(truncatingIfNeeded: $0))) == name }) {
                report("duplicate parameter '\(name)'", at: tree.span(parameter),
                       notes: [Diagnostic.Note("'\(name)' is first declared here", span: tree.span(NameReference(index: Int32(truncatingIfNeeded: first))))])
                continue
            }
            if checkVariableName(parameter, role: "a parameter") { variables.bind(name, ()) }
        }
        functionDepth += 1
        checkBlock(body)
        functionDepth -= 1
        variables.pop()
    }

    /// A name that reads as a Flex ID would be ambiguous with the ID literal; false when rejected.
    mutating func checkVariableName(_ nameReference: NameReference, role: String) -> Bool {
        let name = tree.text(nameReference)
        // Every ID prefix starts with 'f'; most names are rejected by that one byte.
        guard name.utf8.first == UInt8(ascii: "f"), let prefix = FlexIDPrefix.prefix(of: name) else { return true }
        report("'\(name)' looks like \(Checker.idNoun(prefix: prefix)), so it cannot name \(role)", at: tree.span(nameReference),
               help: "pick a name without the '\(prefix)' prefix")
        return false
    }

    /// `NAME` when an unparsable statement's text starts `def NAME`.
    func brokenDefinitionName(_ span: SourceSpan) -> String? {
        guard let file = sources.file(span.file) else { return nil }
        let bytes = file.bytes
        var index = max(0, span.start)
        let end = min(span.end, bytes.count)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        while index < end, isSpace(bytes[index]) { index += 1 }
        guard index + 4 <= end, bytes[index] == UInt8(ascii: "d"), bytes[index + 1] == UInt8(ascii: "e"),
              bytes[index + 2] == UInt8(ascii: "f"), isSpace(bytes[index + 3]) else { return nil }
        index += 3
        while index < end, isSpace(bytes[index]) { index += 1 }
        let start = index
        while index < end, isWordByte(bytes[index]) { index += 1 }
        guard index > start, !(bytes[start] >= 0x30 && bytes[start] <= 0x39) else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Guards recursion depth; false (and nothing walked) past `maximumDepth`.
    mutating func enter() -> Bool {
        guard depth < Self.maximumDepth else { return false }
        depth += 1
        return true
    }

    mutating func leave() { depth -= 1 }
}
