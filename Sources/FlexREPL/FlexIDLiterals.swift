// Finds every Flex ID literal written in a program (for `.save`'s rewriting of IDs into variables).
import FlexLanguage

enum FlexIDLiterals {
    struct Literal {
        var text: String
        var span: SourceSpan
    }

    static func collect(in program: Program) -> [Literal] {
        var found: [Literal] = []
        for statement in program.statements { visit(statement, &found) }
        return found
    }

    private static func visit(_ block: Block, _ found: inout [Literal]) {
        for statement in block.statements { visit(statement, &found) }
    }

    private static func visit(_ statement: Statement, _ found: inout [Literal]) {
        switch statement.kind {
        case .letBinding(_, let value), .assignment(_, let value), .expression(let value), .show(let value):
            visit(value, &found)
        case .expect(let condition, let message):
            visit(condition, &found)
            if let message { visit(message, &found) }
        case .expectError(_, let body), .scenario(_, _, let body):
            visit(body, &found)
        case .print(let values):
            for value in values { visit(value, &found) }
        case .ifElse(let branches, let elseBlock):
            for branch in branches {
                visit(branch.condition, &found)
                visit(branch.body, &found)
            }
            if let elseBlock { visit(elseBlock, &found) }
        case .forIn(_, let sequence, let body), .repeatTimes(let sequence, let body):
            visit(sequence, &found)
            visit(body, &found)
        case .waitUntil(let condition, let every, let timeout):
            visit(condition, &found)
            if let every { visit(every, &found) }
            if let timeout { visit(timeout, &found) }
        case .functionDefinition(_, _, let body):
            visit(body, &found)
        case .returnStatement(let value):
            if let value { visit(value, &found) }
        case .include, .invalid:
            break
        }
    }

    private static func visit(_ expression: Expression, _ found: inout [Literal]) {
        switch expression.kind {
        case .flexID(let text):
            found.append(Literal(text: text, span: expression.span))
        case .string(let segments):
            for case .interpolation(let inner) in segments { visit(inner, &found) }
        case .list(let elements):
            for element in elements { visit(element, &found) }
        case .record(let entries):
            for entry in entries { visit(entry.value, &found) }
        case .member(let base, _):
            visit(base, &found)
        case .index(let base, let index):
            visit(base, &found)
            visit(index, &found)
        case .call(_, let arguments):
            for argument in arguments { visit(argument, &found) }
        case .unary(_, let operand):
            visit(operand, &found)
        case .binary(_, let left, let right):
            visit(left, &found)
            visit(right, &found)
        case .command(let command):
            for argument in command.arguments { visit(argument, &found) }
            for clause in command.clauses {
                switch clause.value {
                case .expression(let value): visit(value, &found)
                case .items(let items, _):
                    for item in items {
                        visit(item.price, &found)
                        if let quantity = item.quantity { visit(quantity, &found) }
                    }
                case .none, .word: break
                }
            }
        case .null, .boolean, .integer, .decimal, .money, .duration, .variable, .invalid:
            break
        }
    }
}
