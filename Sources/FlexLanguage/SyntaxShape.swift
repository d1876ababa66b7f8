// A syntax tree written out without positions: two parses with the same shape mean the same program (the formatter's tests and fuzzer compare them).

/// The shape of a program as one line of text per statement, with every name, literal and
/// operator but no span, so a formatted script can be checked to say exactly what its source said.
public struct SyntaxShape {
    private var text = ""
    private var depth = 0

    /// The shape of `program`'s statements.
    public static func of(_ program: Program) -> String {
        var shape = SyntaxShape()
        shape.statements(program.statements)
        return shape.text
    }

    /// The shape of `text` parsed as a script, or nil when it does not parse.
    public static func of(text: String) -> String? {
        let parsed = Parser.parse(SourceFile(id: FileID(rawValue: 0), path: "<text>", text: text))
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return of(parsed.program)
    }

    private mutating func statements(_ list: NodeList<Statement>) {
        for statement in list { self.statement(statement) }
    }

    private mutating func block(_ block: Block) {
        text += " {\n"
        depth += 1
        statements(block.statements)
        depth -= 1
        text += String(repeating: "  ", count: depth) + "}"
    }

    private mutating func line(_ words: String) {
        text += String(repeating: "  ", count: depth) + words
    }

    private mutating func statement(_ statement: Statement) {
        switch statement.kind {
        case .letBinding(let name, let value): line("let \(name.name) = \(expression(value))")
        case .assignment(let name, let value): line("set \(name.name) = \(expression(value))")
        case .expression(let value): line("expr \(expression(value))")
        case .expect(let condition, let message): line("expect \(expression(condition)) else \(optional(message))")
        case .expectError(let code, let body): line("expect-error \(code?.name ?? "-")"); block(body)
        case .print(let values): line("print \(values.map(expression).joined(separator: ", "))")
        case .show(let value): line("show \(expression(value))")
        case .ifElse(let branches, let elseBlock):
            line("if")
            for branch in branches { text += " (\(expression(branch.condition)))"; block(branch.body) }
            if let elseBlock { text += " else"; block(elseBlock) }
        case .forIn(let name, let sequence, let body): line("for \(name.name) in \(expression(sequence))"); block(body)
        case .repeatTimes(let count, let body): line("repeat \(expression(count))"); block(body)
        case .waitUntil(let condition, let every, let timeout):
            line("wait \(expression(condition)) every \(optional(every)) timeout \(optional(timeout))")
        case .functionDefinition(let name, let parameters, let body):
            line("def \(name.name)(\(parameters.map(\.name).joined(separator: ", ")))"); block(body)
        case .returnStatement(let value): line("return \(optional(value))")
        case .include(let path, _): line("include \(Self.quoted(path))")
        case .scenario(let name, _, let body): line("scenario \(Self.quoted(name))"); block(body)
        case .invalid: line("invalid")
        }
        text += "\n"
    }

    private func optional(_ expression: Expression?) -> String {
        expression.map(self.expression) ?? "-"
    }

    /// A string with quotes, backslashes and control characters escaped, so no two strings write alike.
    static func quoted(_ string: String) -> String {
        "\"" + string.unicodeScalars.map { $0 == "\"" || $0 == "\\" || $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "\""
    }
}
