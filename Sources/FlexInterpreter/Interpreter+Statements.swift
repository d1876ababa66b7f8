// Statements: bindings, output, control flow, definitions and includes. `execute` only dispatches;
// each kind of statement has its own method.
import FlexAPI
import FlexLanguage

extension Interpreter {
    enum Flow {
        case normal
        case returned(Value)
    }

    func execute(_ statement: Statement, in scope: Scope, topLevel: Bool = false) async throws -> Flow {
        try checkBudget(statement.span)
        switch statement.kind {
        case .letBinding(let name, let expression):
            try await bind(name, to: expression, in: scope)
            try emitValue(of: statement, topLevel: topLevel)
        case .assignment(let name, let expression):
            try await assign(name, from: expression, in: scope)
            try emitValue(of: statement, topLevel: topLevel)
        case .expression(let expression):
            it = try await evaluate(expression, in: scope)
            try emitValue(of: statement, topLevel: topLevel)
        case .expect(let condition, let message):
            try await reportingExpectation(sourceText(condition.span), of: statement) {
                try await self.expect(condition, message: message, in: scope)
            }
        case .expectError(let code, let body):
            try await reportingExpectation("error" + (code.map { " " + $0.name } ?? ""), of: statement) {
                try await self.expectError(code: code, body: body, statementSpan: statement.span, in: scope)
            }
        case .print(let expressions):
            try await executePrint(expressions, of: statement, in: scope)
        case .show(let expression):
            let shown = try await evaluate(expression, in: scope)
            try Interpreter.checkRenderable(shown, span: statement.span)
            let lines = shown.shownLines(limit: Interpreter.maximumTextSize, interruption: interruption)
            try Interpreter.check(lines.stop, span: statement.span)
            emitText(lines.text, from: "show", of: statement)
        case .ifElse(let branches, let elseBlock):
            return try await executeIf(branches, else: elseBlock, in: scope)
        case .forIn(let name, let sequence, let body):
            return try await executeFor(name, in: sequence, body: body, scope: scope)
        case .repeatTimes(let countExpression, let body):
            return try await executeRepeat(countExpression, body: body, statementSpan: statement.span, in: scope)
        case .waitUntil(let condition, let every, let timeout):
            try await waitUntil(condition, every: every, timeout: timeout, span: statement.span, in: scope)
        case .functionDefinition(let name, let parameters, let body):
            define(name, parameters: parameters, body: body, in: scope)
        case .returnStatement(let expression):
            guard let expression else { return .returned(.null) }
            return .returned(try await evaluate(expression, in: scope))
        case .include(_, let pathSpan):
            try await executeInclude(at: pathSpan, topLevel: topLevel)
        case .scenario(_, let nameSpan, _):
            throw ScriptFailure.runtime("a scenario can only appear at the top level of a file", at: nameSpan)
        case .invalid:
            throw ScriptFailure.runtime("cannot run a statement that did not parse", at: statement.span)
        }
        return .normal
    }

    func execute(_ block: Block, in scope: Scope) async throws -> Flow {
        try await executeStatements(block.statements, in: Interpreter.bindsNames(block) ? Scope(parent: scope) : scope)
    }

    func executeStatements(_ statements: NodeList<Statement>, in scope: Scope) async throws -> Flow {
        for statement in statements {
            let flow = try await execute(statement, in: scope)
            if case .returned = flow { return flow }
        }
        return .normal
    }

    /// A block needs its own scope only when it binds names; most loop bodies do not.
    static func bindsNames(_ block: Block) -> Bool {
        block.statements.contains { statement in
            switch statement.kind {
            case .letBinding, .functionDefinition: true
            default: false
            }
        }
    }

    // MARK: - Bindings and output

    func bind(_ name: Identifier, to expression: Expression, in scope: Scope) async throws {
        let value = try await evaluate(expression, in: scope)
        scope.define(name.name, value)
        it = value
    }

    func assign(_ name: Identifier, from expression: Expression, in scope: Scope) async throws {
        let value: Value
        if let appended = try await appendAssigning(name.name, expression, in: scope) {
            value = appended
        } else {
            value = try await evaluate(expression, in: scope)
        }
        if name.name == "it" {
            it = value
        } else if !scope.assign(name.name, value) {
            throw ScriptFailure.runtime("cannot assign to '\(name.name)': it is not bound", at: name.span,
                                        help: "bind it first: let \(name.name) = …")
        }
        it = value
    }

    func executePrint(_ expressions: NodeList<Expression>, of statement: Statement, in scope: Scope) async throws {
        var text = textBuilder()
        for (index, expression) in expressions.enumerated() {
            if index > 0 { text.append(byte: UInt8(ascii: " ")) }
            try await evaluate(expression, in: scope).writePrinted(to: &text)
            if text.isStopped { break }
        }
        emitText(try Interpreter.finished(text, span: statement.span), from: "print", of: statement)
    }

    func define(_ name: Identifier, parameters: NodeList<Identifier>, body: Block, in scope: Scope) {
        scope.define(name.name, .function(FunctionValue(name: name.name, parameters: parameters, body: body, scope: scope)))
        if functionScopes.last !== scope { functionScopes.append(scope) }
    }

    // MARK: - Control flow

    func executeIf(_ branches: NodeList<ConditionalBranch>, else elseBlock: Block?, in scope: Scope) async throws -> Flow {
        for branch in branches {
            if try await evaluate(branch.condition, in: scope).isTruthy {
                return try await execute(branch.body, in: scope)
            }
        }
        if let elseBlock { return try await execute(elseBlock, in: scope) }
        return .normal
    }

    func executeFor(_ name: Identifier, in sequence: Expression, body: Block, scope: Scope) async throws -> Flow {
        let value = try await evaluate(sequence, in: scope)
        let elements: [Value]
        if let list = value.listElements {
            elements = list
        } else if let keys = value.recordKeys {
            elements = keys.map(Value.string)
        } else if let text = value.text {
            elements = text.map { .string(String($0)) }
        } else {
            throw ScriptFailure.runtime("cannot loop over \(value.kindDescription)", at: sequence.span,
                                        help: "for loops over a list, a record's keys, or a string's characters")
        }
        let loopScope = Scope(parent: scope)
        do {
            for element in elements {
                loopScope.variables.removeAll(keepingCapacity: true)
                loopScope.define(name.name, element)
                if case .returned(let result) = try await executeStatements(body.statements, in: loopScope) {
                    return .returned(result)
                }
            }
        } catch {
            throw keepingElements(elements, through: error)
        }
        return .normal
    }

    func executeRepeat(_ countExpression: Expression, body: Block, statementSpan: SourceSpan, in scope: Scope) async throws -> Flow {
        let count = try await evaluate(countExpression, in: scope)
        guard case .integer(let times) = count else {
            throw ScriptFailure.runtime("repeat needs an integer count, got \(count.kindDescription)", at: countExpression.span)
        }
        guard times >= 0 else {
            throw ScriptFailure.runtime("repeat count must not be negative, got \(times)", at: countExpression.span)
        }
        let needsScope = Interpreter.bindsNames(body)
        for _ in 0..<times {
            try checkBudget(statementSpan)
            let flow = try await executeStatements(body.statements, in: needsScope ? Scope(parent: scope) : scope)
            if case .returned = flow { return flow }
        }
        return .normal
    }

    /// Runs an included file's statements where the include stands. Absent from `includes`: the
    /// file was already included elsewhere in this run (include-once).
    func executeInclude(at pathSpan: SourceSpan, topLevel: Bool) async throws {
        guard let program = includes[pathSpan] else { return }
        for included in program.statements {
            let flow = try await execute(included, in: globals, topLevel: topLevel)
            if case .returned = flow {
                throw ScriptFailure.runtime("'return' outside a function", at: included.span)
            }
        }
    }
}
