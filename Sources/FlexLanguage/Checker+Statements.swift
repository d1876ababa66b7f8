// Statement rules: scoping of let/for/def, return placement, scenarios, function definitions.

extension Checker.Pass {
    /// The file that was run: its top level may hold scenarios.
    mutating func checkMainProgram(_ program: Program) {
        // Most top-level statements of a big script bind a name; grow the table once.
        variables.reserveCapacity(program.statements.count + predefined.count)
        checkFileTopLevel(program.statements, isMainFile: true)
    }

    /// The top level of a file (the main one or an included one), in the global scope.
    mutating func checkFileTopLevel(_ statements: [Statement], isMainFile: Bool) {
        let savedFile = (fileStatements, fileGlobalsCache)
        (fileStatements, fileGlobalsCache) = (statements, nil)
        defer { (fileStatements, fileGlobalsCache) = savedFile }
        hoistFunctions(statements)

        var firstScenario: SourceSpan?
        var scenarioNames: [String: SourceSpan] = [:]
        for statement in statements {
            switch statement.kind {
            case .scenario(let name, let nameSpan, let body):
                if !isMainFile {
                    report("an included file cannot contain scenarios", at: nameSpan,
                           help: "keep shared setup in included files and put scenarios in the file you run")
                } else if let first = scenarioNames[name] {
                    report("duplicate scenario name '\(name)'", at: nameSpan,
                           notes: [Diagnostic.Note("the first scenario named '\(name)' is here", span: first)])
                } else {
                    scenarioNames[name] = nameSpan
                }
                if firstScenario == nil { firstScenario = statement.span }
                checkBlock(body)
            case .functionDefinition, .invalid:
                // Definitions are hoisted, so one after the scenarios is still shared by all of them.
                checkStatement(statement, atTopLevel: true)
            default:
                if let first = firstScenario {
                    report("statements after the first scenario must be inside a scenario", at: statement.span,
                           help: "move it before the first scenario (shared setup) or into a scenario",
                           notes: [Diagnostic.Note("the first scenario starts here", span: first)])
                }
                checkStatement(statement, atTopLevel: true)
            }
        }
    }

    /// `{ … }`: a new scope for lets and defs (defs are hoisted to the top of their block).
    mutating func checkBlock(_ block: Block) {
        guard enter() else { return }
        defer { leave() }
        variables.push()
        functions.push()
        hoistFunctions(block.statements)
        for statement in block.statements { checkStatement(statement, atTopLevel: false) }
        functions.pop()
        variables.pop()
    }

    /// Binds every `def` of one block before its statements are checked, so calls may come first
    /// and functions may recurse.
    mutating func hoistFunctions(_ statements: [Statement]) {
        for statement in statements {
            if case .invalid = statement.kind {
                // A definition with a syntax error still names a function; binding it keeps its
                // calls from adding "unknown function" to the parse error already reported.
                if let name = brokenDefinitionName(statement.span) {
                    functions.bind(name, Checker.FunctionInfo(arity: nil, span: statement.span))
                }
                continue
            }
            guard case .functionDefinition(let name, let parameters, _) = statement.kind else { continue }
            if let existing = functions.lookup(name.name), existing.span == nil {
                report("'\(name.name)' is a built-in function and cannot be redefined", at: name.span,
                       help: "pick another name for your function")
                continue
            }
            if let first = functions.lookupInCurrentScope(name.name) {
                report("function '\(name.name)' is already defined", at: name.span,
                       notes: [Diagnostic.Note("'\(name.name)' is first defined here", span: first.span)])
                continue
            }
            functions.bind(name.name, Checker.FunctionInfo(arity: parameters.count...parameters.count, span: name.span))
        }
    }

    mutating func checkStatement(_ statement: Statement, atTopLevel: Bool) {
        switch statement.kind {
        case .letBinding(let name, let value):
            checkExpression(value)
            if checkVariableName(name, role: "a variable") {
                variables.bind(name.name, ())
            }
        case .assignment(let name, let value):
            checkExpression(value)
            if !isVariableVisible(name.name) {
                let help = Suggestions.closest(to: name.name, among: visibleVariableNames()).map { "did you mean '\($0)'?" }
                report("'\(name.name)' is not defined; use 'let \(name.name) = …' to create it", at: name.span, help: help)
            }
        case .expression(let expression):
            checkExpression(expression)
        case .expect(let condition, _) where Checker.Pass.isSnapshot(condition):
            checkSnapshot(condition)
        case .expect(let condition, let message):
            checkExpression(condition)
            if let message { checkExpression(message) }
        case .expectError(_, let body):
            checkBlock(body)
        case .print(let values):
            for value in values { checkExpression(value) }
        case .show(let value):
            checkExpression(value)
        case .ifElse(let branches, let elseBlock):
            for branch in branches {
                checkExpression(branch.condition)
                checkBlock(branch.body)
            }
            if let elseBlock { checkBlock(elseBlock) }
        case .forIn(let name, let list, let body):
            checkExpression(list)
            variables.push()
            if checkVariableName(name, role: "a variable") { variables.bind(name.name, ()) }
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
                report("'return' is only allowed inside a 'def'", at: statement.span,
                       help: "to stop a script early, use 'expect' or move the code into a function")
            }
            if let value { checkExpression(value) }
        case .include(let path, let pathSpan):
            if atTopLevel {
                checkInclude(path: path, pathSpan: pathSpan)
            } else {
                report("'include' is only allowed at the top level of a file", at: statement.span,
                       help: "move the include to the top of the file")
            }
        case .scenario(_, let nameSpan, let body):
            // Top-level scenarios are handled by checkFileTopLevel; this is one inside a block.
            report("'scenario' is only allowed at the top level of a file", at: nameSpan,
                   help: "scenarios cannot be nested; move it out of the enclosing block")
            checkBlock(body)
        case .invalid:
            break
        }
    }

    /// Parameters are bound in their own scope around the body; duplicates are reported.
    mutating func checkFunctionBody(parameters: [Identifier], body: Block) {
        variables.push()
        for (index, parameter) in parameters.enumerated() {
            // Parameter lists are short: a scan beats allocating a set per definition.
            if let first = parameters[..<index].first(where: { $0.name == parameter.name }) {
                report("duplicate parameter '\(parameter.name)'", at: parameter.span,
                       notes: [Diagnostic.Note("'\(parameter.name)' is first declared here", span: first.span)])
                continue
            }
            if checkVariableName(parameter, role: "a parameter") { variables.bind(parameter.name, ()) }
        }
        functionDepth += 1
        checkBlock(body)
        functionDepth -= 1
        variables.pop()
    }

    /// A name that reads as a Flex ID would be ambiguous with the ID literal; false when rejected.
    mutating func checkVariableName(_ name: Identifier, role: String) -> Bool {
        // Every ID prefix starts with 'f'; most names are rejected by that one byte.
        guard name.name.utf8.first == UInt8(ascii: "f"), let prefix = FlexIDPrefix.prefix(of: name.name) else { return true }
        report("'\(name.name)' looks like \(Checker.idNoun(prefix: prefix)), so it cannot name \(role)", at: name.span,
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
